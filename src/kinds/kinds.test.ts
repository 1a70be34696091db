// The registry is the one list of kinds: every folder in src/kinds/ is in it under its own
// name, what a kind names (other kinds in its rules) exists, and docs/engine.md's table of
// behaviours is the kinds' own `docs` rows (their `words.ts`), in the registry's order.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_DECLS, KIND_IDS } from './index.ts';
import { KIND_WORDS } from './words.ts';

/** docs/engine.md's table of behaviours as the registry writes it. */
function behavioursTable(): string {
  const rows = KIND_IDS.flatMap((id) =>
    KIND_WORDS[id].docs.map(([name, text]) => `| ${name} | ${text} |`),
  );
  return ['| kind | rules |', '|---|---|', ...rows].join('\n');
}

describe('the kinds registry', () => {
  it('lists every kind folder once, under the id its folder is named by', () => {
    const folders = readdirSync(new URL('./', import.meta.url), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('__'))
      .map((d) => d.name)
      .sort();
    expect([...KIND_IDS].sort()).toEqual(folders);
    for (const id of KIND_IDS) expect(KIND_DECLS[id].id).toBe(id);
  });

  it('every folder has its five files: kind, words, behaviour, config, view', () => {
    for (const id of KIND_IDS) {
      const files = readdirSync(new URL(`./${id}/`, import.meta.url));
      expect(files.filter((f) => !f.includes('.test.')).sort(), id).toEqual([
        'behaviour.ts',
        'config.ts',
        'kind.ts',
        'view.tsx',
        'words.ts',
      ]);
    }
  });

  it('rules, summaries and palette sections name only what exists', () => {
    const ids = new Set<string>(KIND_IDS);
    for (const id of KIND_IDS) {
      const d = KIND_DECLS[id];
      const keys = new Set<string>(d.fields.map((f) => f.key));
      for (const key of d.summary) expect(keys.has(key), `${id} summary ${key}`).toBe(true);
      const r = d.rules ?? {};
      for (const rule of [r.sendsOnlyTo, r.receivesOnlyFrom, r.firstReceivesOnlyFrom]) {
        for (const k of rule?.kinds ?? []) expect(ids.has(k), `${id} rule names ${k}`).toBe(true);
      }
    }
  });

  it('docs/engine.md’s table of behaviours is the kinds’ docs rows', () => {
    const doc = readFileSync(new URL('../../docs/engine.md', import.meta.url), 'utf8');
    const start = doc.indexOf('| kind | rules |');
    const table = doc.slice(start, doc.indexOf('\n\n', start));
    // On a difference, paste the expected table (printed here) into docs/engine.md.
    expect(table).toBe(behavioursTable());
  });
});
