import { describe, expect, it } from 'vitest';
import { emptyDocument, node } from '../model/example.ts';
import type { TopologyDocument } from '../model/types.ts';
import { addNode } from '../state/docOps.ts';
import { GRADUAL_FROM, ViewWindow } from './viewWindow.ts';

/** n boxes in rows of 100, 220 × 140 apart, each connected to the next in its row. */
function grid(n: number): TopologyDocument {
  const nodes = Array.from({ length: n }, (_, i) =>
    node(`n${i}`, 'app', `App ${i}`, (i % 100) * 220, Math.floor(i / 100) * 140),
  );
  const edges = nodes
    .slice(1)
    .filter((_, i) => (i + 1) % 100 !== 0)
    .map((m, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: m.id }));
  return { ...emptyDocument(), nodes, edges };
}

const view = { x: 0, y: 0, width: 1100, height: 700 };

describe('the part of a big diagram React Flow is told about', () => {
  it('many boxes arriving at once join a batch at a time, those on screen first', () => {
    const w = new ViewWindow();
    const doc = grid(2000);
    expect(w.shown(doc).size).toBe(0);
    w.update(view, []);
    const first = w.shown(doc);
    expect(first.size).toBeGreaterThan(0);
    expect(first.size).toBeLessThan(100);
    expect(w.pending).toBeGreaterThan(0);
    // The first batch is on screen.
    for (const id of first) {
      const i = Number(id.slice(1));
      expect((i % 100) * 220).toBeLessThanOrEqual(1100);
      expect(Math.floor(i / 100) * 140).toBeLessThanOrEqual(700);
    }
    for (let i = 0; i < 50 && w.pending > 0; i++) w.update(view, [], 10);
    expect(w.pending).toBe(0);
    const all = w.shown(doc);
    // Everything on screen and its neighbours, nothing far away.
    expect(all.has('n0')).toBe(true);
    expect(all.has('n5')).toBe(true); // 5 × 220 = 1100: the neighbour just past the edge
    expect(all.has('n1999')).toBe(false);
    expect(all.size).toBeLessThan(200);
  });

  it('moving the view adds the boxes coming near and drops those far away', () => {
    const w = new ViewWindow();
    const doc = grid(2000);
    w.shown(doc);
    for (let i = 0; i < 50; i++) w.update(view, [], 10);
    w.update({ ...view, x: 15_000, y: 1400 }, [], 10);
    for (let i = 0; i < 50 && w.pending > 0; i++) w.update({ ...view, x: 15_000, y: 1400 }, [], 10);
    const moved = w.shown(doc);
    expect(moved.has('n0')).toBe(false);
    expect(moved.has(`n${10 * 100 + 70}`)).toBe(true);
  });

  it('an edit shows its new box at once, and keeps the selected one whatever the view', () => {
    const w = new ViewWindow();
    let doc = grid(1000);
    w.shown(doc);
    for (let i = 0; i < 50; i++) w.update(view, ['n999'], 10);
    expect(w.shown(doc).has('n999')).toBe(true);
    const added = addNode(doc, 'db', { x: 40_000, y: 40_000 });
    doc = added.doc;
    expect(w.shown(doc).has(added.id)).toBe(true);
    expect(GRADUAL_FROM).toBeGreaterThan(1);
  });

  it('a box comes with its hosts', () => {
    const w = new ViewWindow();
    const doc = grid(500);
    doc.nodes.push(node('far-host', 'group', 'Host', 30_000, 30_000));
    doc.nodes.push({ ...node('inside', 'app', 'Inside', 20, 40), parent: 'far-host' });
    w.shown(doc);
    for (let i = 0; i < 50; i++) w.update(view, ['inside'], 10);
    const shown = w.shown(doc);
    expect(shown.has('inside')).toBe(true);
    expect(shown.has('far-host')).toBe(true);
  });

  it('a small diagram is drawn whole, and stays drawn when it grows past the limit', () => {
    const w = new ViewWindow();
    const small = grid(299);
    expect(w.shown(small, true).size).toBe(299);
    const grown = addNode(small, 'cache', { x: 0, y: 0 }).doc;
    expect(w.shown(grown).size).toBe(300);
  });
});
