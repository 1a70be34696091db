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
    for (const file of readdirSync(new URL('behaviours/', dir))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file === 'index.ts') continue;
      for (const spec of imports(read(`behaviours/${file}`))) {
        const name = spec.replace(/^.*\//, '').replace(/\.ts$/, '');
        if (spec.startsWith('./') && kinds.has(name)) wrong.push(`${file} imports ${spec}`);
        if (spec.startsWith('../') && ENGINE_INSIDE.includes(name))
          wrong.push(`${file} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('every kind has its behaviour in a file of its own name', () => {
    const files = new Set(readdirSync(new URL('behaviours/', dir)));
    expect(NODE_KINDS.filter((k) => !files.has(`${k}.ts`))).toEqual([]);
  });
});
