import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { addNode, setParent } from '../state/docOps.ts';
import { applySelection, handleSides, toFlowEdges, toFlowNodes } from './flow.ts';
import { edgeCurve } from './live/geometry.ts';

describe('document → React Flow', () => {
  it('maps parents to parentId, keeps relative positions, gives hosts their size', () => {
    const r = addNode(exampleDocument(), 'group', { x: 600, y: 400 });
    const doc = setParent(r.doc, 'db', r.id);
    const nodes = toFlowNodes(doc, new Set(['db']), new Map(), new Map());
    const host = nodes.find((n) => n.id === r.id)!;
    const db = nodes.find((n) => n.id === 'db')!;
    expect(host.type).toBe('host');
    expect(host.width).toBe(420);
    expect(host.height).toBe(240);
    expect(db.parentId).toBe(r.id);
    expect(db.position).toEqual(doc.nodes.find((n) => n.id === 'db')!.position);
    expect(db.selected).toBe(true);
    expect(db).not.toHaveProperty('extent');
    expect(nodes.indexOf(host)).toBeLessThan(nodes.indexOf(db));
    // Under every box, those it holds and those it was merely dropped over.
    expect(host.zIndex).toBe(-1);
    expect(nodes.find((n) => n.id === 'app1')!.zIndex ?? 0).toBeGreaterThan(host.zIndex!);
  });

  it('layers drag overrides and measured sizes over the document', () => {
    const doc = exampleDocument();
    const nodes = toFlowNodes(
      doc,
      new Set(),
      new Map([['db', { width: 180, height: 80 }]]),
      new Map([['db', { position: { x: 5, y: 6 } }]]),
    );
    const db = nodes.find((n) => n.id === 'db')!;
    expect(db.position).toEqual({ x: 5, y: 6 });
    expect(db.measured).toEqual({ width: 180, height: 80 });
  });

  it('edges carry their label and selection', () => {
    const edges = toFlowEdges(exampleDocument(), new Set(['e-nginx-lb']));
    const e = edges.find((x) => x.id === 'e-nginx-lb')!;
    expect(e.data?.label).toBe('/api');
    expect(e.selected).toBe(true);
    expect(edges.find((x) => x.id === 'e-lb-app1')!.data?.label).toBe('');
  });

  it('draws faint links without a head, two-way arrows with two, and marks host ends', () => {
    const d = exampleDocument();
    d.edges[0]!.faint = true;
    d.edges[1]!.twoWay = true;
    d.nodes.push({ id: 'h', kind: 'group', label: 'Host', position: { x: 0, y: 0 }, config: {} });
    d.edges.push({ id: 'to-host', source: d.nodes[0]!.id, target: 'h' });
    const edges = toFlowEdges(d, new Set());
    expect(edges[0]).toMatchObject({ data: { faint: true } });
    expect(edges[0]!.markerEnd).toBeUndefined();
    expect(edges[1]!.markerStart).toBeDefined();
    expect(edges[1]!.markerEnd).toBeDefined();
    expect(edges[2]!.markerStart).toBeUndefined();
    expect(edges.find((e) => e.id === 'to-host')!.data?.host).toBe(true);
  });

  it('applies select and deselect changes', () => {
    expect(
      applySelection(
        ['a', 'b'],
        [
          { id: 'a', selected: false },
          { id: 'c', selected: true },
        ],
      ).sort(),
    ).toEqual(['b', 'c']);
  });
});

describe('handle sides follow the diagram direction', () => {
  it('left to right by default; top to bottom for a TB diagram', () => {
    expect(handleSides(undefined)).toEqual({ target: 'left', source: 'right' });
    expect(handleSides('TB')).toEqual({ target: 'top', source: 'bottom' });
    expect(handleSides('BT')).toEqual({ target: 'bottom', source: 'top' });
    expect(handleSides('RL')).toEqual({ target: 'right', source: 'left' });
  });

  it('dots follow a top-to-bottom curve as React Flow draws it', () => {
    const node = (x: number, y: number, side: string, type: 'source' | 'target') => ({
      measured: { width: 180, height: 72 },
      internals: {
        positionAbsolute: { x, y },
        handleBounds: {
          [type]: [{ x: 85, y: side === 'top' ? -5 : 67, width: 10, height: 10, position: side }],
        },
      },
    });
    const c = edgeCurve(node(0, 0, 'bottom', 'source'), node(0, 200, 'top', 'target'));
    // Leaves the middle of the bottom edge, enters the middle of the top edge, straight down.
    expect([c.x0, c.y0, c.x1, c.y1]).toEqual([90, 77, 90, 195]);
    expect(c.cx1).toBe(90);
    expect(c.cy1).toBeGreaterThan(c.y0);
    expect(c.cy2).toBeLessThan(c.y1);
  });
});
