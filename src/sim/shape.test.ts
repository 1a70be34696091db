// The engine keeps the shape docs/engine.md describes: a small kernel, and behaviours
// that know the engine only through its interface and each other only through
// capabilities, never by importing one another.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../model/types.ts';

const dir = new URL('./', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const imports = (text: string) =>
  [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

/** Modules behind the Engine interface: a behaviour that imports one sees too much. */
const ENGINE_INSIDE = ['simulation', 'kernel', 'calls', 'world', 'chaos', 'measurement', 'report'];

describe('the engine’s shape', () => {
  it('the kernel is under 300 lines', () => {
    expect(read('kernel.ts').split('\n').length).toBeLessThan(300);
  });

  it('no behaviour imports another kind’s behaviour, or the engine’s insides', () => {
    const kinds = new Set<string>(NODE_KINDS);
    const wrong: string[] = [];
    // The shared bases (sim/behaviours/) and each kind's own (kinds/<kind>/behaviour.ts).
    const files = [
      ...readdirSync(new URL('behaviours/', dir))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'index.ts')
        .map((f) => `behaviours/${f}`),
      ...NODE_KINDS.map((k) => `../kinds/${k}/behaviour.ts`),
    ];
    for (const file of files) {
      for (const spec of imports(read(file))) {
        const name = spec.replace(/^.*\//, '').replace(/\.ts$/, '');
        const kindDir = /(?:^|\/)kinds\/([a-z]+)\/behaviour\.ts$/.exec(spec)?.[1];
        if (spec.startsWith('./') && kinds.has(name)) wrong.push(`${file} imports ${spec}`);
        if (kindDir !== undefined || /^\.\.\/[a-z]+\/behaviour\.ts$/.test(spec))
          wrong.push(`${file} imports ${spec}`);
        if (/(^|\/)sim\/[a-z]+\.ts$|^\.\.\/[a-z]+\.ts$/.test(spec) && ENGINE_INSIDE.includes(name))
          wrong.push(`${file} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every kind has its behaviour in its own folder (src/kinds/<kind>/behaviour.ts)', () => {
    const missing = NODE_KINDS.filter(
      (k) => !readdirSync(new URL(`../kinds/${k}/`, dir)).includes('behaviour.ts'),
    );
    expect(missing).toEqual([]);
  });
});
