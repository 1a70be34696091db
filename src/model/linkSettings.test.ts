import { describe, expect, it } from 'vitest';
import { LINK_FIELDS } from './linkSettings.ts';
import { restoreDocument } from './restore.ts';
import { validateDocument } from './schema.ts';
import type { TopologyDocument } from './types.ts';

const doc = (config?: unknown): TopologyDocument =>
  ({
    version: 1,
    title: 't',
    nodes: [
      { id: 'a', kind: 'client', label: 'A', position: { x: 0, y: 0 }, config: {} },
      { id: 'b', kind: 'app', label: 'B', position: { x: 0, y: 0 }, config: {} },
    ],
    edges: [{ id: 'e', source: 'a', target: 'b', ...(config === undefined ? {} : { config }) }],
  }) as TopologyDocument;

describe('connection settings', () => {
  it('every field has a label, help, and a number field a unit or a count', () => {
    for (const f of LINK_FIELDS) {
      expect(f.label.length).toBeGreaterThan(0);
      expect(f.help.length).toBeGreaterThan(10);
      if (f.type === 'number') expect(f.min).toBeLessThanOrEqual(f.default);
    }
  });

  it('an edge without settings restores unchanged (no config added)', () => {
    const r = restoreDocument(doc());
    expect(r.ok && r.warnings).toEqual([]);
    expect(r.ok && r.doc.edges[0]).toEqual({ id: 'e', source: 'a', target: 'b' });
  });

  it('keeps valid settings, clamps numbers out of range, drops unknown keys, each said', () => {
    const r = restoreDocument(doc({ retries: 30, breaker: true, timeoutMs: 'x', nope: 1 }));
    if (!r.ok) throw new Error('rejected');
    expect(r.doc.edges[0]!.config).toEqual({ retries: 10, breaker: true });
    expect(r.warnings.map((w) => w.path)).toEqual([
      'edges[0].config.retries',
      'edges[0].config.timeoutMs',
      'edges[0].config.nope',
    ]);
    expect(restoreDocument(doc(5)).ok).toBe(true);
  });

  it('validation names the path of a bad value', () => {
    expect(validateDocument(doc({ retries: 2 }))).toEqual([]);
    expect(validateDocument(doc({ retryJitter: 'lots' }))[0]!.path).toBe(
      'edges[0].config.retryJitter',
    );
  });
});
