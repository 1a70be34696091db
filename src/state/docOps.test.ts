import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../model/example.ts';
import { validateDocument } from '../model/schema.ts';
import type { TopologyDocument } from '../model/types.ts';
import {
  absolutePosition,
  addNode,
  copyFragment,
  fitGroupToChildren,
  freeSpot,
  groupAt,
  moveNodes,
  pasteFragment,
  removeItems,
  renameNode,
  resizeGroup,
  setConfigValue,
  setEdgeLabel,
  setParent,
  sortParentsFirst,
} from './docOps.ts';

function withHost(): { doc: TopologyDocument; host: string } {
  const r = addNode(exampleDocument(), 'group', { x: 600, y: 400 });
  return { doc: r.doc, host: r.id };
}

describe('document edits', () => {
  it('adds boxes with unique ids, labels and a full default config', () => {
    let doc = exampleDocument();
    const a = addNode(doc, 'app', { x: 10.4, y: 20.6 });
    doc = a.doc;
    const b = addNode(doc, 'app', { x: 0, y: 0 });
    expect(a.id).not.toBe(b.id);
    const added = b.doc.nodes.find((n) => n.id === a.id)!;
    expect(added.position).toEqual({ x: 10, y: 21 });
    expect(added.config.concurrency).toBe(4);
    expect(validateDocument(b.doc)).toEqual([]);
  });

  it('adding inside a host stores the position relative to it', () => {
    const { doc, host } = withHost();
    const r = addNode(doc, 'app', { x: 650, y: 460 }, host);
    const n = r.doc.nodes.find((x) => x.id === r.id)!;
    expect(n.parent).toBe(host);
    expect(n.position).toEqual({ x: 50, y: 60 });
    expect(absolutePosition(r.doc, r.id)).toEqual({ x: 650, y: 460 });
  });

  it('parenting and unparenting keep the box where it is on screen', () => {
    const { doc, host } = withHost();
    const before = absolutePosition(doc, 'db');
    const inHost = setParent(doc, 'db', host);
    expect(inHost.nodes.find((n) => n.id === 'db')!.parent).toBe(host);
    expect(absolutePosition(inHost, 'db')).toEqual(before);
    const out = setParent(inHost, 'db', undefined);
    expect(out.nodes.find((n) => n.id === 'db')!.parent).toBeUndefined();
    expect(absolutePosition(out, 'db')).toEqual(before);
  });

  it('a host shrunk past its boxes grows back around them; nothing moves on screen', () => {
    const { doc, host } = withHost();
    const inHost = setParent(setParent(doc, 'app1', host), 'app2', host);
    // Shrink from the top-left corner: the host moves right and down past its boxes.
    const hostNode = inHost.nodes.find((n) => n.id === host)!;
    const moved = moveNodes(
      inHost,
      new Map([[host, { x: hostNode.position.x + 300, y: hostNode.position.y + 200 }]]),
    );
    const shrunk = resizeGroup(moved, host, { width: 200, height: 120 });
    const fitted = fitGroupToChildren(shrunk, host);
    const frame = fitted.nodes.find((n) => n.id === host)!;
    for (const c of fitted.nodes.filter((n) => n.parent === host)) {
      expect(c.position.x).toBeGreaterThanOrEqual(16);
      expect(c.position.y).toBeGreaterThanOrEqual(40);
      expect(c.position.x + 180).toBeLessThanOrEqual(frame.size!.width);
      expect(c.position.y + 72).toBeLessThanOrEqual(frame.size!.height);
    }
    // The boxes stay where they were on screen (the host moved instead).
    for (const id of ['app1', 'app2']) {
      expect(absolutePosition(fitted, id)).toEqual(absolutePosition(shrunk, id));
    }
    // A host that already holds its boxes is left alone.
    expect(fitGroupToChildren(fitted, host)).toBe(fitted);
  });

  it('refuses to put a host inside itself or into a non-host', () => {
    const { doc, host } = withHost();
    expect(setParent(doc, host, host)).toBe(doc);
    expect(setParent(doc, 'app1', 'db')).toBe(doc);
  });

  it('finds the innermost host under a point', () => {
    const { doc, host } = withHost();
    expect(groupAt(doc, { x: 700, y: 500 })).toBe(host);
    expect(groupAt(doc, { x: 0, y: 0 })).toBeUndefined();
    expect(groupAt(doc, { x: 700, y: 500 }, host)).toBeUndefined();
  });

  it('deleting a host deletes what it holds and every dangling edge', () => {
    const { doc, host } = withHost();
    const grouped = setParent(setParent(doc, 'app1', host), 'app2', host);
    const out = removeItems(grouped, [host]);
    expect(out.nodes.map((n) => n.id).sort()).toEqual(['db', 'lb', 'nginx', 'users']);
    expect(out.edges.map((e) => e.id).sort()).toEqual(['e-nginx-lb', 'e-users-nginx']);
  });

  it('returns the same document when an edit changes nothing', () => {
    const doc = exampleDocument();
    expect(renameNode(doc, 'db', 'Database')).toBe(doc);
    expect(renameNode(doc, 'db', '   ')).toBe(doc);
    expect(setConfigValue(doc, 'app1', 'concurrency', 4)).toBe(doc);
    expect(setEdgeLabel(doc, 'e-nginx-lb', '/api')).toBe(doc);
    expect(moveNodes(doc, new Map([['db', { x: 980, y: 160 }]]))).toBe(doc);
    expect(removeItems(doc, ['nope'])).toBe(doc);
  });

  it('an empty edge label removes the label', () => {
    const out = setEdgeLabel(exampleDocument(), 'e-nginx-lb', '  ');
    expect(out.edges.find((e) => e.id === 'e-nginx-lb')).not.toHaveProperty('label');
  });

  it('sorts parents before their children', () => {
    const { doc, host } = withHost();
    const grouped = setParent(doc, 'users', host);
    const order = sortParentsFirst(grouped.nodes).map((n) => n.id);
    expect(order.indexOf(host)).toBeLessThan(order.indexOf('users'));
  });

  it('finds a free spot that overlaps no box', () => {
    const doc = exampleDocument();
    const spot = freeSpot(doc, { x: 0, y: 0, width: 1200, height: 400 });
    for (const n of doc.nodes) {
      const p = absolutePosition(doc, n.id);
      const apart =
        spot.x + 180 <= p.x || p.x + 180 <= spot.x || spot.y + 72 <= p.y || p.y + 72 <= spot.y;
      expect(apart).toBe(true);
    }
  });
});

describe('names', () => {
  it('a new box takes the next free number after those in use', () => {
    const doc = exampleDocument(); // App 1 and App 2
    const a = addNode(doc, 'app', { x: 0, y: 0 });
    expect(a.doc.nodes.find((n) => n.id === a.id)!.label).toBe('App 3');
    const first = addNode({ ...doc, nodes: [] }, 'app', { x: 0, y: 0 });
    expect(first.doc.nodes[0]!.label).toBe('App');
    const second = addNode(first.doc, 'app', { x: 0, y: 0 });
    expect(second.doc.nodes[1]!.label).toBe('App 2');
  });

  it('pasting the same box twice numbers the copies', () => {
    const doc = exampleDocument();
    const fragment = copyFragment(doc, ['db']);
    const once = pasteFragment(doc, fragment, { x: 40, y: 40 });
    const twice = pasteFragment(once.doc, fragment, { x: 80, y: 80 });
    const label = (d: TopologyDocument, id: string) => d.nodes.find((n) => n.id === id)!.label;
    expect(label(once.doc, once.nodeIds[0]!)).toBe('Database copy');
    expect(label(twice.doc, twice.nodeIds[0]!)).toBe('Database copy 2');
  });
});

describe('copy and paste', () => {
  it('pastes with new ids, keeps internal edges, drops edges to boxes left behind', () => {
    const doc = exampleDocument();
    const fragment = copyFragment(doc, ['app1', 'db']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['e-app1-db']);
    const { doc: out, nodeIds } = pasteFragment(doc, fragment, { x: 40, y: 40 });
    expect(nodeIds).toHaveLength(2);
    expect(new Set(out.nodes.map((n) => n.id)).size).toBe(out.nodes.length);
    const [a, b] = nodeIds.map((id) => out.nodes.find((n) => n.id === id)!);
    expect(a!.kind).toBe('app');
    expect(a!.position).toEqual({ x: 760, y: 100 });
    expect(
      out.edges.filter((e) => nodeIds.includes(e.source) || nodeIds.includes(e.target)),
    ).toEqual([{ id: expect.any(String), source: a!.id, target: b!.id }]);
    expect(validateDocument(out)).toEqual([]);
  });

  it('pasting twice gives distinct ids again', () => {
    const doc = exampleDocument();
    const fragment = copyFragment(doc, ['app1']);
    const once = pasteFragment(doc, fragment, { x: 40, y: 40 });
    const twice = pasteFragment(once.doc, fragment, { x: 80, y: 80 });
    expect(new Set(twice.doc.nodes.map((n) => n.id)).size).toBe(8);
  });

  it('a host copied with its boxes keeps them inside (relative), a box alone is taken out', () => {
    const { doc, host } = withHost();
    const grouped = setParent(doc, 'app1', host);
    const withInside = pasteFragment(grouped, copyFragment(grouped, [host]), { x: 40, y: 40 });
    const pasted = withInside.nodeIds.map((id) => withInside.doc.nodes.find((n) => n.id === id)!);
    const newHost = pasted.find((n) => n.kind === 'group');
    const newApp = pasted.find((n) => n.kind === 'app');
    expect(newApp!.parent).toBe(newHost!.id);
    expect(newApp!.position).toEqual(grouped.nodes.find((n) => n.id === 'app1')!.position);
    const alone = pasteFragment(grouped, copyFragment(grouped, ['app1']), { x: 0, y: 0 });
    const copy = alone.doc.nodes.find((n) => n.id === alone.nodeIds[0])!;
    expect(copy.parent).toBeUndefined();
    expect(copy.position).toEqual(absolutePosition(grouped, 'app1'));
  });

  it('a box copied out of a host and pasted onto it joins that host', () => {
    const { doc, host } = withHost();
    // The database sits inside the host's frame, 40 px from its left and 60 px down.
    const inHost = moveNodes(setParent(doc, 'db', host), new Map([['db', { x: 40, y: 60 }]]));
    const { doc: out, nodeIds } = pasteFragment(inHost, copyFragment(inHost, ['db']), {
      x: 20,
      y: 20,
    });
    const copy = out.nodes.find((n) => n.id === nodeIds[0])!;
    expect(copy.parent).toBe(host);
    expect(absolutePosition(out, copy.id)).toEqual({
      x: absolutePosition(inHost, 'db').x + 20,
      y: absolutePosition(inHost, 'db').y + 20,
    });
  });

  it('the copy is independent of the original (deep clone of config)', () => {
    const doc = exampleDocument();
    const fragment = copyFragment(doc, ['users']);
    const out = pasteFragment(doc, fragment, { x: 0, y: 0 });
    const copy = out.doc.nodes.find((n) => n.id === out.nodeIds[0])!;
    expect(copy.config.routes).not.toBe(doc.nodes[0]!.config.routes);
    expect(copy.config.routes).toEqual(doc.nodes[0]!.config.routes);
  });
});
