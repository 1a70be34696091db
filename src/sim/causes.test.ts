// Failure causes are declared once (causes.ts): the codes the engine counts with, the
// names reports use and the docs' table all come from that one list.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSES, C_DB_MAX, C_DOWN, C_EDGE_CUT, C_TIMEOUT, FAILURE_CAUSES } from './causes.ts';

describe('failure causes', () => {
  it('are numbered by their place in the one list', () => {
    expect(FAILURE_CAUSES).toEqual(CAUSES.map((c) => c.name));
    expect(new Set(FAILURE_CAUSES).size).toBe(FAILURE_CAUSES.length);
    // Hop outcomes are 2 + code: the live view's dots (src/canvas/live/dotModel.ts) read
    // timeout and edge-cut answers by these numbers.
    expect([C_TIMEOUT, C_DOWN, C_EDGE_CUT, C_DB_MAX]).toEqual([1, 2, 3, 5]);
  });

  it('docs/engine.md lists each with its meaning and where it is counted', () => {
    const doc = readFileSync(new URL('../../docs/engine.md', import.meta.url), 'utf8');
    const rows = CAUSES.map((c, k) => `| ${k} | \`${c.name}\` | ${c.means} | ${c.countedAt} |`);
    const table = doc.split('\n').filter((l) => /^\| \d+ \| `/.test(l));
    expect(table).toEqual(rows);
  });
});
