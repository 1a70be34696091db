// Pure edits of a topology document. Every editor change goes through one of these, so the
// document store can record each as one undo step and tests can run them without a browser.
// They never mutate their input: unchanged nodes and edges keep their identity (cheap diffs).

import { defaultConfig, KINDS } from '../model/kinds.ts';
import { linkField } from '../model/linkSettings.ts';
import type {
  Config,
  ConfigValue,
  NodeKind,
  Size,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
  XY,
} from '../model/types.ts';

/** Size of a regular box on the canvas (matches the auto-layout's assumption). */
export const BOX_SIZE: Readonly<Size> = { width: 180, height: 72 };
/** A new host frame before anything is dropped in. */
export const NEW_GROUP_SIZE: Readonly<Size> = { width: 420, height: 240 };

/** Maps nodes; returns the same document when nothing changed (so nothing is recorded). */
function mapNodes(doc: TopologyDocument, fn: (n: TopologyNode) => TopologyNode): TopologyDocument {
  let changed = false;
  const nodes = doc.nodes.map((n) => {
    const m = fn(n);
    if (m !== n) changed = true;
    return m;
  });
  return changed ? { ...doc, nodes } : doc;
}

export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const clean = base.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'node';
  if (!taken.has(clean)) return clean;
  for (let i = 2; ; i++) {
    const id = `${clean}-${i}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * "App", or the next number after the ones in use: with "App 1" and "App 2" on the canvas
 * the next app server is "App 3", not a bare "App" beside them.
 */
function uniqueLabel(base: string, doc: TopologyDocument): string {
  const labels = new Set(doc.nodes.map((n) => n.label));
  const numbered = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} (\\d+)$`);
  let highest = 0;
  for (const label of labels) {
    const m = numbered.exec(label);
    if (m) highest = Math.max(highest, Number(m[1]));
  }
  if (highest === 0 && !labels.has(base)) return base;
  for (let i = Math.max(2, highest + 1); ; i++) {
    const label = `${base} ${i}`;
    if (!labels.has(label)) return label;
  }
}

/** "App 1 copy", then "App 1 copy 2", "App 1 copy 3"… */
function copyLabel(label: string, labels: ReadonlySet<string>): string {
  if (!labels.has(label)) return label;
  const base = `${label} copy`;
  if (!labels.has(base)) return base;
  for (let i = 2; ; i++) {
    const next = `${base} ${i}`;
    if (!labels.has(next)) return next;
  }
}

export function nodeSize(node: TopologyNode): Size {
  if (node.kind === 'group') return node.size ?? NEW_GROUP_SIZE;
  return BOX_SIZE;
}

const byIdCache = new WeakMap<readonly TopologyNode[], Map<string, TopologyNode>>();

/** The node with this id, looked up in an index made once per list of nodes. */
export function nodeById(doc: TopologyDocument, id: string): TopologyNode | undefined {
  let index = byIdCache.get(doc.nodes);
  if (!index) {
    index = new Map(doc.nodes.map((n) => [n.id, n]));
    byIdCache.set(doc.nodes, index);
  }
  return index.get(id);
}

const endsCache = new WeakMap<readonly TopologyEdge[], Set<string>>();

/** Is this box at either end of some arrow? An index made once per list of edges. */
export function hasArrows(doc: TopologyDocument, id: string): boolean {
  let ends = endsCache.get(doc.edges);
  if (!ends) {
    ends = new Set(doc.edges.flatMap((e) => [e.source, e.target]));
    endsCache.set(doc.edges, ends);
  }
  return ends.has(id);
}

const positionsCache = new WeakMap<readonly TopologyNode[], Map<string, XY>>();

/**
 * Every node's absolute canvas position, worked out once per list of nodes (documents are
 * never changed in place, so a new list is a new document): asking for one box's position
 * in a diagram of thousands must not walk all of them each time.
 */
export function absolutePositions(doc: TopologyDocument): ReadonlyMap<string, XY> {
  const cached = positionsCache.get(doc.nodes);
  if (cached) return cached;
  const out = new Map<string, XY>();
  const hasParents = doc.nodes.some((n) => n.parent !== undefined);
  if (!hasParents) {
    // The common case, and the one that matters for big diagrams: no hosts to add in.
    for (const n of doc.nodes) out.set(n.id, n.position);
    positionsCache.set(doc.nodes, out);
    return out;
  }
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const place = (n: TopologyNode, trail: Set<string>): XY => {
    const known = out.get(n.id);
    if (known) return known;
    trail.add(n.id);
    const parent = n.parent !== undefined ? byId.get(n.parent) : undefined;
    // A parent chain that loops (restore breaks those) stops where it comes round again.
    const origin = parent && !trail.has(parent.id) ? place(parent, trail) : { x: 0, y: 0 };
    const at = { x: origin.x + n.position.x, y: origin.y + n.position.y };
    out.set(n.id, at);
    return at;
  };
  for (const n of doc.nodes) {
    if (n.parent === undefined) out.set(n.id, n.position);
    else place(n, new Set());
  }
  positionsCache.set(doc.nodes, out);
  return out;
}

/** Absolute canvas position of a node (positions are relative to the parent group). */
export function absolutePosition(doc: TopologyDocument, id: string): XY {
  const at = absolutePositions(doc).get(id);
  return at ? { x: at.x, y: at.y } : { x: 0, y: 0 };
}

/** Ids of `id` and everything nested inside it. */
export function descendants(doc: TopologyDocument, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of doc.nodes) {
      if (n.parent && out.has(n.parent) && !out.has(n.id)) {
        out.add(n.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The innermost group whose frame contains `point`, skipping `exclude` and its insides. */
export function groupAt(doc: TopologyDocument, point: XY, exclude?: string): string | undefined {
  const skip = exclude ? descendants(doc, exclude) : new Set<string>();
  let best: { id: string; depth: number } | undefined;
  for (const n of doc.nodes) {
    if (n.kind !== 'group' || skip.has(n.id)) continue;
    const at = absolutePosition(doc, n.id);
    const size = nodeSize(n);
    const inside =
      point.x >= at.x &&
      point.x <= at.x + size.width &&
      point.y >= at.y &&
      point.y <= at.y + size.height;
    if (!inside) continue;
    const depth = depthOf(doc, n.id);
    if (!best || depth >= best.depth) best = { id: n.id, depth };
  }
  return best?.id;
}

function depthOf(doc: TopologyDocument, id: string): number {
  let depth = 0;
  let node = doc.nodes.find((n) => n.id === id);
  while (node?.parent && depth < 100) {
    depth++;
    const parent = node.parent;
    node = doc.nodes.find((n) => n.id === parent);
  }
  return depth;
}

/** Parents before children: React Flow requires a parent to come earlier in the array. */
export function sortParentsFirst(nodes: readonly TopologyNode[]): TopologyNode[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: TopologyNode[] = [];
  const placed = new Set<string>();
  const visit = (n: TopologyNode, trail: Set<string>) => {
    if (placed.has(n.id) || trail.has(n.id)) return;
    trail.add(n.id);
    const parent = n.parent ? byId.get(n.parent) : undefined;
    if (parent) visit(parent, trail);
    placed.add(n.id);
    out.push(n);
  };
  for (const n of nodes) visit(n, new Set());
  return out;
}

export interface AddNodeResult {
  doc: TopologyDocument;
  id: string;
}

/** Adds a box of `kind` whose top-left corner is at absolute `at`; inside the group there. */
export function addNode(
  doc: TopologyDocument,
  kind: NodeKind,
  at: XY,
  parent?: string,
): AddNodeResult {
  const spec = KINDS[kind];
  const id = uniqueId(kind, new Set(doc.nodes.map((n) => n.id)));
  const node: TopologyNode = {
    id,
    kind,
    label: uniqueLabel(spec.defaultLabel, doc),
    position: { x: Math.round(at.x), y: Math.round(at.y) },
    config: defaultConfig(kind),
  };
  if (kind === 'group') node.size = { ...NEW_GROUP_SIZE };
  if (parent && doc.nodes.some((n) => n.id === parent && n.kind === 'group')) {
    const origin = absolutePosition(doc, parent);
    node.parent = parent;
    node.position = { x: Math.round(at.x - origin.x), y: Math.round(at.y - origin.y) };
  }
  return { doc: { ...doc, nodes: [...doc.nodes, node] }, id };
}

/** A free top-left spot for a new box inside `view` (absolute coordinates), near its centre. */
export function freeSpot(
  doc: TopologyDocument,
  view: { x: number; y: number; width: number; height: number },
  size: Size = BOX_SIZE,
): XY {
  const at = absolutePositions(doc);
  const gap = 20;
  // Boxes filed by grid cell, so each candidate spot looks only at the boxes near it.
  const CELL = 400;
  const cells = new Map<string, { x: number; y: number; width: number; height: number }[]>();
  for (const n of doc.nodes) {
    if (n.kind === 'group') continue;
    const r = { ...at.get(n.id)!, ...nodeSize(n) };
    for (let cx = Math.floor(r.x / CELL); cx <= Math.floor((r.x + r.width) / CELL); cx++) {
      for (let cy = Math.floor(r.y / CELL); cy <= Math.floor((r.y + r.height) / CELL); cy++) {
        const key = `${cx},${cy}`;
        const list = cells.get(key);
        if (list) list.push(r);
        else cells.set(key, [r]);
      }
    }
  }
  const overlaps = (p: XY) => {
    const x0 = Math.floor((p.x - gap) / CELL);
    const x1 = Math.floor((p.x + size.width + gap) / CELL);
    const y0 = Math.floor((p.y - gap) / CELL);
    const y1 = Math.floor((p.y + size.height + gap) / CELL);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const r of cells.get(`${cx},${cy}`) ?? []) {
          if (
            p.x < r.x + r.width + gap &&
            p.x + size.width + gap > r.x &&
            p.y < r.y + r.height + gap &&
            p.y + size.height + gap > r.y
          ) {
            return true;
          }
        }
      }
    }
    return false;
  };
  const cx = view.x + view.width / 2 - size.width / 2;
  const cy = view.y + view.height / 2 - size.height / 2;
  const snap = (v: number) => Math.round(v / 20) * 20;
  // Spiral outwards on a 20 px grid; the first free spot wins.
  for (let ring = 0; ring < 60; ring++) {
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const p = { x: snap(cx + dx * 40), y: snap(cy + dy * 40) };
        if (!overlaps(p)) return p;
      }
    }
  }
  return { x: snap(cx), y: snap(cy) };
}

export function moveNodes(
  doc: TopologyDocument,
  positions: ReadonlyMap<string, XY>,
): TopologyDocument {
  return mapNodes(doc, (n) => {
    const p = positions.get(n.id);
    if (!p) return n;
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    return x === n.position.x && y === n.position.y ? n : { ...n, position: { x, y } };
  });
}

/**
 * Puts `id` into group `parent` (or takes it out with undefined), keeping its place on the
 * screen: the position is converted between the old and the new frame of reference.
 */
export function setParent(
  doc: TopologyDocument,
  id: string,
  parent: string | undefined,
): TopologyDocument {
  const node = doc.nodes.find((n) => n.id === id);
  if (!node || node.parent === parent) return doc;
  if (parent !== undefined) {
    const group = doc.nodes.find((n) => n.id === parent);
    if (group?.kind !== 'group' || descendants(doc, id).has(parent)) return doc;
  }
  const abs = absolutePosition(doc, id);
  const origin = parent ? absolutePosition(doc, parent) : { x: 0, y: 0 };
  const next: TopologyNode = { ...node, position: { x: abs.x - origin.x, y: abs.y - origin.y } };
  if (parent) next.parent = parent;
  else delete next.parent;
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? next : n)) };
}

export function resizeGroup(
  doc: TopologyDocument,
  id: string,
  size: Size,
  position?: XY,
): TopologyDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.id === id
        ? {
            ...n,
            size: { width: Math.round(size.width), height: Math.round(size.height) },
            position: position
              ? { x: Math.round(position.x), y: Math.round(position.y) }
              : n.position,
          }
        : n,
    ),
  };
}

/** Room kept around a host's boxes: its title bar above them, a margin on the other sides. */
const HOST_PAD = { top: 40, side: 16 };

/**
 * Grows a host back around every box it holds, so a resize can never leave a member
 * outside its frame (it would still share the host's cores, invisibly). When it grows
 * up or left, the host moves and its boxes shift the other way: nothing moves on screen.
 */
export function fitGroupToChildren(doc: TopologyDocument, id: string): TopologyDocument {
  const host = doc.nodes.find((n) => n.id === id);
  const children = doc.nodes.filter((n) => n.parent === id);
  if (host?.kind !== 'group' || children.length === 0) return doc;
  const size = nodeSize(host);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const c of children) {
    const cs = nodeSize(c);
    minX = Math.min(minX, c.position.x);
    minY = Math.min(minY, c.position.y);
    maxX = Math.max(maxX, c.position.x + cs.width);
    maxY = Math.max(maxY, c.position.y + cs.height);
  }
  const dx = Math.max(0, HOST_PAD.side - minX);
  const dy = Math.max(0, HOST_PAD.top - minY);
  const width = Math.max(size.width + dx, maxX + dx + HOST_PAD.side);
  const height = Math.max(size.height + dy, maxY + dy + HOST_PAD.side);
  if (dx === 0 && dy === 0 && width === size.width && height === size.height) return doc;
  return {
    ...doc,
    nodes: doc.nodes.map((n) => {
      if (n.id === id) {
        return {
          ...n,
          size: { width: Math.round(width), height: Math.round(height) },
          position: { x: n.position.x - dx, y: n.position.y - dy },
        };
      }
      if (n.parent === id && (dx || dy)) {
        return { ...n, position: { x: n.position.x + dx, y: n.position.y + dy } };
      }
      return n;
    }),
  };
}

export function connect(
  doc: TopologyDocument,
  source: string,
  target: string,
): { doc: TopologyDocument; id: string } {
  const id = uniqueId(`e-${source}-${target}`, new Set(doc.edges.map((e) => e.id)));
  return { doc: { ...doc, edges: [...doc.edges, { id, source, target }] }, id };
}

/** Removes nodes (with what is nested in them) and edges, and every edge left dangling. */
export function removeItems(
  doc: TopologyDocument,
  nodeIds: Iterable<string>,
  edgeIds: Iterable<string> = [],
): TopologyDocument {
  const gone = new Set<string>();
  for (const id of nodeIds) for (const d of descendants(doc, id)) gone.add(d);
  const goneEdges = new Set(edgeIds);
  const nodes = doc.nodes.filter((n) => !gone.has(n.id));
  const edges = doc.edges.filter(
    (e) => !goneEdges.has(e.id) && !gone.has(e.source) && !gone.has(e.target),
  );
  if (nodes.length === doc.nodes.length && edges.length === doc.edges.length) return doc;
  return { ...doc, nodes, edges };
}

/** A blank name is refused (the box keeps its old one). */
export function renameNode(doc: TopologyDocument, id: string, label: string): TopologyDocument {
  const text = label.slice(0, 500);
  if (!text.trim()) return doc;
  return mapNodes(doc, (n) => (n.id === id && n.label !== text ? { ...n, label: text } : n));
}

export function setConfigValue(
  doc: TopologyDocument,
  id: string,
  key: string,
  value: ConfigValue,
): TopologyDocument {
  return mapNodes(doc, (n) =>
    n.id === id && JSON.stringify(n.config[key]) !== JSON.stringify(value)
      ? { ...n, config: { ...n.config, [key]: value } }
      : n,
  );
}

/** An empty (or blank) label removes it: the connection then takes every path. */
export function setEdgeLabel(doc: TopologyDocument, id: string, label: string): TopologyDocument {
  const text = label.trim() ? label.slice(0, 500) : '';
  if (!doc.edges.some((e) => e.id === id && (e.label ?? '') !== text)) return doc;
  return {
    ...doc,
    edges: doc.edges.map((e) => {
      if (e.id !== id || (e.label ?? '') === text) return e;
      const { label: _old, ...rest } = e;
      const next: TopologyEdge = rest;
      if (text) next.label = text;
      return next;
    }),
  };
}

/**
 * One setting of a connection (src/model/linkSettings.ts). A value equal to the default
 * takes the key out, and a connection left with none loses its `config`, so turning a
 * setting on and off again gives back the document as it was.
 */
export function setEdgeConfigValue(
  doc: TopologyDocument,
  id: string,
  key: string,
  value: ConfigValue,
): TopologyDocument {
  const field = linkField(key);
  if (!field) return doc;
  const isDefault = JSON.stringify(field.default) === JSON.stringify(value);
  let changed = false;
  const edges = doc.edges.map((e) => {
    if (e.id !== id) return e;
    const had = e.config?.[key];
    if (isDefault ? had === undefined : JSON.stringify(had) === JSON.stringify(value)) return e;
    changed = true;
    const config: Config = { ...e.config };
    if (isDefault) delete config[key];
    else config[key] = value;
    const { config: _old, ...next } = e;
    return Object.keys(config).length > 0 ? { ...next, config } : next;
  });
  return changed ? { ...doc, edges } : doc;
}

export function setTitle(doc: TopologyDocument, title: string): TopologyDocument {
  const text = title.slice(0, 500);
  return text === doc.title ? doc : { ...doc, title: text };
}

/** What copy puts on the clipboard: the chosen boxes (with their insides) and edges among them. */
export interface Fragment {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

export function copyFragment(doc: TopologyDocument, nodeIds: Iterable<string>): Fragment {
  const chosen = new Set<string>();
  for (const id of nodeIds) for (const d of descendants(doc, id)) chosen.add(d);
  const nodes = doc.nodes
    .filter((n) => chosen.has(n.id))
    .map((n) => {
      // A box copied without its host keeps its place on screen, outside any host.
      if (n.parent && !chosen.has(n.parent)) {
        const { parent: _parent, ...rest } = n;
        return { ...rest, position: absolutePosition(doc, n.id) };
      }
      return n;
    });
  const edges = doc.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target));
  return structuredClone({ nodes, edges });
}

/** Adds a copy of `fragment` with fresh ids, shifted by `offset`; internal edges follow. */
export function pasteFragment(
  doc: TopologyDocument,
  fragment: Fragment,
  offset: XY,
): { doc: TopologyDocument; nodeIds: string[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const idMap = new Map<string, string>();
  for (const n of fragment.nodes) {
    const id = uniqueId(n.id.replace(/-\d+$/, ''), taken);
    taken.add(id);
    idMap.set(n.id, id);
  }
  const labels = new Set(doc.nodes.map((n) => n.label));
  const nodes = fragment.nodes.map((n): TopologyNode => {
    const copy: TopologyNode = structuredClone(n);
    copy.id = idMap.get(n.id)!;
    const inside = n.parent !== undefined && idMap.has(n.parent);
    if (inside) copy.parent = idMap.get(n.parent!)!;
    else {
      delete copy.parent;
      copy.position = { x: n.position.x + offset.x, y: n.position.y + offset.y };
    }
    copy.label = copyLabel(copy.label, labels);
    labels.add(copy.label);
    return copy;
  });
  const edgeIds = new Set(doc.edges.map((e) => e.id));
  const edges = fragment.edges.map((e): TopologyEdge => {
    const source = idMap.get(e.source)!;
    const target = idMap.get(e.target)!;
    const id = uniqueId(`e-${source}-${target}`, edgeIds);
    edgeIds.add(id);
    const copy: TopologyEdge = { id, source, target };
    if (e.label) copy.label = e.label;
    return copy;
  });
  let out: TopologyDocument = {
    ...doc,
    nodes: [...doc.nodes, ...nodes],
    edges: [...doc.edges, ...edges],
  };
  // Like a drop: a pasted box whose centre lands on a host joins it (a box copied out of a
  // host and pasted beside the original stays in that host).
  const pasted = new Set(nodes.map((n) => n.id));
  for (const n of nodes) {
    if (n.parent !== undefined || n.kind === 'group') continue;
    const size = nodeSize(n);
    const centre = { x: n.position.x + size.width / 2, y: n.position.y + size.height / 2 };
    const host = groupAt(out, centre, n.id);
    if (host !== undefined && !pasted.has(host)) out = setParent(out, n.id, host);
  }
  return { doc: out, nodeIds: nodes.map((n) => n.id) };
}
