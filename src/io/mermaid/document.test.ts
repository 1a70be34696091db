// Stage 6: the document, every arrow as drawn, through restoreDocument.

import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../model/kinds.ts';
import { assemble, assignIds, finish } from './document.ts';
import type { DrawnGraph } from './drawn.ts';
import type { BoxKind } from './evidence.ts';
import { preprocess } from './preprocess.ts';

const graph: DrawnGraph = {
  boxes: [
    { id: 'S', label: 'Services', plain: 'Services', group: true, icons: [], classes: [] },
    { id: 'u', label: 'Users', plain: 'Users', group: false, icons: [], classes: [] },
    { id: 'a', label: 'API', plain: 'API', group: false, icons: [], classes: [], parent: 'S' },
    { id: 'q', label: 'Bus', plain: 'Bus', group: false, icons: [], classes: [] },
  ],
  arrows: [
    { source: 'u', target: 'S', label: '/api', faint: false, twoWay: false },
    { source: 'a', target: 'q', label: '', faint: false, twoWay: true },
    { source: 'u', target: 'q', label: '', faint: true, twoWay: false },
  ],
  direction: 'TB',
  notes: [],
};
const kinds = new Map<string, BoxKind>([
  ['u', 'client'],
  ['a', 'app'],
  ['q', 'queue'],
]);

describe('assemble', () => {
  it('makes boxes and hosts with their kinds, and keeps every arrow with its flags', () => {
    const pre = preprocess('flowchart TB');
    const r = assemble({ graph, ids: assignIds(graph, pre), kinds, pre });
    if (!r.ok) throw new Error(r.message);
    expect(r.doc.nodes.map((x) => [x.id, x.kind, x.parent])).toEqual([
      ['S', 'group', undefined],
      ['u', 'client', undefined],
      ['a', 'app', 'S'],
      ['q', 'queue', undefined],
    ]);
    expect(r.doc.edges).toEqual([
      { id: 'e-u-S', source: 'u', target: 'S', label: '/api' },
      { id: 'e-a-q', source: 'a', target: 'q', twoWay: true },
      { id: 'e-u-q', source: 'u', target: 'q', faint: true },
    ]);
    expect(r.inferred).toEqual(['S', 'u', 'a', 'q']);
    expect(r.needsLayout).toBe(true);
    expect(r.doc.direction).toBe('TB');
  });

  it('refuses a drawing with no boxes', () => {
    const empty: DrawnGraph = { ...graph, boxes: graph.boxes.slice(0, 1), arrows: [] };
    const pre = preprocess('flowchart TB');
    const r = assemble({ graph: empty, ids: assignIds(empty, pre), kinds, pre });
    expect(r.ok).toBe(false);
  });

  it('gives our own export’s boxes back their ids, kinds and settings', () => {
    const pre = preprocess(
      'flowchart TB\n%% bp:node a {"id":"api-1","kind":"app","label":"API","position":{"x":5,"y":6},"config":{"concurrency":9}}',
    );
    const ids = assignIds(graph, pre);
    expect(ids.ours.get('a')).toBe('api-1');
    const r = assemble({ graph, ids, kinds, pre });
    if (!r.ok) throw new Error(r.message);
    const api = r.doc.nodes.find((x) => x.id === 'api-1')!;
    expect(api.config.concurrency).toBe(9);
    expect(api.position).toEqual({ x: 5, y: 6 });
    // A box given another kind in the preview gets that kind's defaults.
    const chosen = assemble({ graph, ids, kinds: new Map([...kinds, ['a', 'worker']]), pre });
    if (!chosen.ok) throw new Error(chosen.message);
    expect(chosen.doc.nodes.find((x) => x.id === 'api-1')!.config).toEqual(defaultConfig('worker'));
  });
});

describe('finish', () => {
  it('passes the document through restoreDocument: defaults filled', () => {
    const pre = preprocess('flowchart TB');
    const r = assemble({ graph, ids: assignIds(graph, pre), kinds, pre });
    if (!r.ok) throw new Error(r.message);
    const partial = { ...r.doc, nodes: r.doc.nodes.map((x) => ({ ...x, config: {} })) };
    const { doc, notes } = finish(partial);
    expect(doc.nodes.find((x) => x.id === 'a')!.config).toEqual(defaultConfig('app'));
    expect(notes).toEqual([]);
  });
});
