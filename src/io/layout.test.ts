import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/kinds.ts';
import { exampleDocument } from '../model/example.ts';
import type { NodeKind, TopologyDocument, TopologyNode } from '../model/types.ts';
import { EMPTY_GROUP_SIZE, layoutDocument, NODE_SIZE } from './layout.ts';

function node(id: string, kind: NodeKind, parent?: string): TopologyNode {
  const n: TopologyNode = {
    id,
    kind,
    label: id,
    position: { x: 0, y: 0 },
    config: defaultConfig(kind),
  };
  if (parent) n.parent = parent;
  return n;
}

interface Box {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  parent: string | undefined;
}

/** Absolute boxes of every node, following the parent chain. */
function absoluteBoxes(doc: TopologyDocument): Map<string, Box> {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const abs = (n: TopologyNode): { x: number; y: number } => {
    const p = n.parent === undefined ? undefined : byId.get(n.parent);
    if (!p) return n.position;
    const pp = abs(p);
    return { x: pp.x + n.position.x, y: pp.y + n.position.y };
  };
  return new Map(
    doc.nodes.map((n) => {
      const a = abs(n);
      const size = n.kind === 'group' ? n.size! : NODE_SIZE;
      return [n.id, { id: n.id, x: a.x, y: a.y, w: size.width, h: size.height, parent: n.parent }];
    }),
  );
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function isAncestor(boxes: Map<string, Box>, maybe: string, of: string): boolean {
  let p = boxes.get(of)?.parent;
  while (p !== undefined) {
    if (p === maybe) return true;
    p = boxes.get(p)?.parent;
  }
  return false;
}

function expectNoOverlapsAndContainment(doc: TopologyDocument) {
  const boxes = [...absoluteBoxes(doc).values()];
  const map = absoluteBoxes(doc);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (isAncestor(map, a.id, b.id) || isAncestor(map, b.id, a.id)) continue;
      expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
  for (const b of boxes) {
    if (b.parent === undefined) continue;
    const p = map.get(b.parent)!;
    expect(b.x, `${b.id} inside ${p.id} (left)`).toBeGreaterThanOrEqual(p.x);
    expect(b.y, `${b.id} inside ${p.id} (top)`).toBeGreaterThanOrEqual(p.y);
    expect(b.x + b.w, `${b.id} inside ${p.id} (right)`).toBeLessThanOrEqual(p.x + p.w);
    expect(b.y + b.h, `${b.id} inside ${p.id} (bottom)`).toBeLessThanOrEqual(p.y + p.h);
  }
}

function chain(direction?: TopologyDocument['direction']): TopologyDocument {
  const doc: TopologyDocument = {
    version: 1,
    title: 'chain',
    nodes: [node('a', 'client'), node('b', 'proxy'), node('c', 'app'), node('d', 'db')],
    edges: [
      { id: 'e1', source: 'a', target: 'b' },
      { id: 'e2', source: 'b', target: 'c' },
      { id: 'e3', source: 'c', target: 'd' },
    ],
  };
  if (direction) doc.direction = direction;
  return doc;
}

describe('layoutDocument', () => {
  it('lays a chain out left to right by default', async () => {
    const out = await layoutDocument(chain());
    const x = out.nodes.map((n) => n.position.x);
    expect(x).toEqual([...x].sort((p, q) => p - q));
    expect(new Set(x).size).toBe(4);
    expect(out.direction).toBe('LR');
  });

  it('honours every direction, from the document or the options', async () => {
    const pos = (d: TopologyDocument, id: string) => d.nodes.find((n) => n.id === id)!.position;
    const tb = await layoutDocument(chain('TB'));
    expect(pos(tb, 'a').y).toBeLessThan(pos(tb, 'd').y);
    expect(pos(tb, 'a').x).toBe(pos(tb, 'd').x);
    const bt = await layoutDocument(chain(), { direction: 'BT' });
    expect(pos(bt, 'a').y).toBeGreaterThan(pos(bt, 'd').y);
    expect(bt.direction).toBe('BT');
    const rl = await layoutDocument(chain('RL'));
    expect(pos(rl, 'a').x).toBeGreaterThan(pos(rl, 'd').x);
  });

  it('returns a new document and leaves the input alone', async () => {
    const input = exampleDocument();
    const before = JSON.stringify(input);
    const out = await layoutDocument(input);
    expect(JSON.stringify(input)).toBe(before);
    expect(out).not.toBe(input);
    expect(out.edges).toEqual(input.edges);
    expect(out.nodes.map((n) => [n.id, n.kind, n.label, n.config])).toEqual(
      input.nodes.map((n) => [n.id, n.kind, n.label, n.config]),
    );
    expectNoOverlapsAndContainment(out);
  });

  it('puts children inside their (nested) group and sizes the groups', async () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'hosts',
      direction: 'LR',
      nodes: [
        node('users', 'client'),
        node('dc', 'group'),
        node('host1', 'group', 'dc'),
        node('app1', 'app', 'host1'),
        node('app2', 'app', 'host1'),
        node('host2', 'group', 'dc'),
        node('db', 'db', 'host2'),
        node('lb', 'lb', 'dc'),
        node('empty', 'group'),
      ],
      edges: [
        { id: 'e1', source: 'users', target: 'lb' },
        { id: 'e2', source: 'lb', target: 'app1' },
        { id: 'e3', source: 'lb', target: 'app2' },
        { id: 'e4', source: 'app1', target: 'db' },
        { id: 'e5', source: 'app2', target: 'db' },
      ],
    };
    const out = await layoutDocument(doc);
    expectNoOverlapsAndContainment(out);
    for (const g of out.nodes.filter((n) => n.kind === 'group')) expect(g.size).toBeDefined();
    expect(out.nodes.find((n) => n.id === 'empty')!.size).toEqual(EMPTY_GROUP_SIZE);
    // Positions of children are relative: small numbers inside their frame.
    const app1 = out.nodes.find((n) => n.id === 'app1')!;
    const host1 = out.nodes.find((n) => n.id === 'host1')!;
    expect(app1.position.x).toBeLessThan(host1.size!.width);
    // The flow still reads left to right across group frames.
    const abs = absoluteBoxes(out);
    expect(abs.get('users')!.x).toBeLessThan(abs.get('lb')!.x);
    expect(abs.get('lb')!.x).toBeLessThan(abs.get('app1')!.x);
    expect(abs.get('app1')!.x).toBeLessThan(abs.get('db')!.x);
  });

  it('survives edges to groups, self loops and dangling references', async () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'odd',
      nodes: [node('g', 'group'), node('a', 'app', 'g'), node('b', 'app', 'nowhere')],
      edges: [
        { id: 'e1', source: 'a', target: 'g' },
        { id: 'e2', source: 'b', target: 'g' },
        { id: 'e3', source: 'b', target: 'b' },
        { id: 'e4', source: 'b', target: 'ghost' },
      ],
    };
    const out = await layoutDocument(doc);
    expect(out.nodes).toHaveLength(3);
    expect(out.nodes.find((n) => n.id === 'b')!.parent).toBe('nowhere');
  });

  it('lays out a large diagram without overlaps', async () => {
    const nodes: TopologyNode[] = [];
    const edges: TopologyDocument['edges'] = [];
    for (let g = 0; g < 6; g++) nodes.push(node(`g${g}`, 'group'));
    for (let i = 0; i < 150; i++) {
      nodes.push(node(`n${i}`, 'app', i % 4 === 0 ? `g${i % 6}` : undefined));
      if (i > 0) edges.push({ id: `e${i}`, source: `n${(i * 7) % i}`, target: `n${i}` });
    }
    const out = await layoutDocument({ version: 1, title: 'big', nodes, edges });
    expectNoOverlapsAndContainment(out);
  });
});
