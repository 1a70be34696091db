// Automatic layout of a topology document with ELK's layered algorithm (the same family as
// Mermaid's and Graphviz's dot): boxes in columns (or rows) along the flow, groups laid out
// as compound nodes with their children inside, so hosts keep their boxes and edges between
// hosts still read left to right. Used by Mermaid import and the editor's "tidy up".

import type { ELK, ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { Direction, Size, TopologyDocument, TopologyNode } from '../model/types.ts';

/** Size of a regular box on the canvas; groups get theirs from what they hold. */
export const NODE_SIZE: Readonly<Size> = { width: 180, height: 72 };
/** Frame of a group that holds nothing yet. */
export const EMPTY_GROUP_SIZE: Readonly<Size> = { width: 240, height: 140 };
/** Room inside a group frame: the top leaves space for its title. */
export const GROUP_PADDING = { top: 44, left: 24, bottom: 24, right: 24 } as const;

const ELK_DIRECTION: Record<Direction, string> = {
  LR: 'RIGHT',
  RL: 'LEFT',
  TB: 'DOWN',
  BT: 'UP',
};

export interface LayoutOptionsInput {
  /** Flow direction; defaults to the document's own direction, then LR. */
  direction?: Direction;
}

let elk: Promise<ELK> | undefined;

/**
 * ELK is ~1.4 MB of JS: loaded on the first layout so it stays out of the first page load.
 * The bundled build runs ELK in-thread through a fake worker: it works unchanged in the
 * browser (Vite), in the Web Worker, in Node (vitest, tsx CLI and bench).
 */
function loadElk(): Promise<ELK> {
  elk ??= import('elkjs/lib/elk.bundled.js').then((m) => new m.default());
  elk.catch(() => {
    elk = undefined;
  });
  return elk;
}

/** Above this many nodes ELK does one crossing-minimisation pass instead of several. */
const LARGE_GRAPH = 100;

function baseOptions(direction: Direction, nodeCount: number): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': ELK_DIRECTION[direction],
    // One layout for the whole hierarchy, so edges that cross group frames shape the layers.
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.spacing.nodeNode': '40',
    'elk.layered.spacing.nodeNodeBetweenLayers': '70',
    'elk.spacing.edgeNode': '20',
    'elk.spacing.componentComponent': '60',
    'elk.layered.spacing.edgeNodeBetweenLayers': '20',
    // Brandes-Köpf is far quicker than network simplex on a few hundred nodes and still
    // gives straight, balanced rows.
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.crossingMinimization.strategy': 'LAYER_SWEEP',
    // Thoroughness 7 (ELK's default) polishes small diagrams; on large ones it costs seconds
    // for little gain, so they get a single pass (300 nodes: ~0.6 s instead of ~1.6 s).
    'elk.layered.thoroughness': nodeCount > LARGE_GRAPH ? '1' : '7',
    // Merged edges share their dummy nodes across layers: about a third less work on large
    // diagrams, and the canvas draws its own edges anyway.
    'elk.layered.mergeEdges': nodeCount > LARGE_GRAPH ? 'true' : 'false',
    'elk.edgeRouting': 'POLYLINE',
  };
}

function groupOptions(direction: Direction): LayoutOptions {
  const p = GROUP_PADDING;
  return {
    'elk.direction': ELK_DIRECTION[direction],
    'elk.padding': `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`,
    'elk.nodeSize.constraints': 'MINIMUM_SIZE',
    'elk.nodeSize.minimum': `(${EMPTY_GROUP_SIZE.width},${EMPTY_GROUP_SIZE.height})`,
  };
}

/** Starts fetching ELK ahead of a layout that is about to be needed (an import dialog). */
export function preloadLayout(): void {
  void loadElk().catch(() => {});
}

/**
 * A copy of `doc` with every node placed: positions are relative to the parent group for
 * nodes inside one (as in the model) and absolute otherwise; each group gets the `size`
 * that holds its children. Edges, ids, labels and configs are untouched. Never overlaps.
 */
export async function layoutDocument(
  doc: TopologyDocument,
  opts: LayoutOptionsInput = {},
): Promise<TopologyDocument> {
  const direction = opts.direction ?? doc.direction ?? 'LR';
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  // ELK ids are our own short ones: user ids may hold any text and edge ids could collide
  // with node ids, which ELK refuses.
  const elkId = new Map(doc.nodes.map((n, i) => [n.id, `n${i}`]));

  const parentOf = (node: TopologyNode): string | undefined => {
    const parent = node.parent === undefined ? undefined : byId.get(node.parent);
    return parent?.kind === 'group' && parent.id !== node.id ? parent.id : undefined;
  };
  // Guards against parent loops in a document that skipped validation: a node whose
  // chain of parents comes back to itself is laid out at the top level.
  const effectiveParent = new Map<string, string | undefined>();
  for (const node of doc.nodes) {
    const seen = new Set<string>([node.id]);
    let p = parentOf(node);
    let loops = false;
    while (p !== undefined) {
      if (seen.has(p)) {
        loops = true;
        break;
      }
      seen.add(p);
      p = parentOf(byId.get(p)!);
    }
    effectiveParent.set(node.id, loops ? undefined : parentOf(node));
  }

  const children = new Map<string | undefined, TopologyNode[]>();
  for (const node of doc.nodes) {
    const p = effectiveParent.get(node.id);
    const list = children.get(p) ?? [];
    list.push(node);
    children.set(p, list);
  }

  const elkNodes = new Map<string, ElkNode>();
  const build = (node: TopologyNode): ElkNode => {
    const kids = children.get(node.id) ?? [];
    const e: ElkNode = { id: elkId.get(node.id)! };
    if (node.kind === 'group') {
      e.layoutOptions = groupOptions(direction);
      if (kids.length) e.children = kids.map(build);
      else {
        e.width = EMPTY_GROUP_SIZE.width;
        e.height = EMPTY_GROUP_SIZE.height;
      }
    } else {
      e.width = NODE_SIZE.width;
      e.height = NODE_SIZE.height;
      // A non-group with children (an invalid document): lay its children beside it.
      for (const kid of kids) effectiveParent.set(kid.id, undefined);
    }
    elkNodes.set(node.id, e);
    return e;
  };
  const rootChildren: ElkNode[] = [];
  for (const node of children.get(undefined) ?? []) rootChildren.push(build(node));
  // Children of non-group nodes were re-parented to the top level during build.
  for (const node of doc.nodes) {
    if (!elkNodes.has(node.id)) rootChildren.push(build(node));
  }

  const root: ElkNode = {
    id: '__root',
    layoutOptions: baseOptions(direction, doc.nodes.length),
    children: rootChildren,
    edges: [],
  };

  // Each edge lives in the innermost group holding both ends, as ELK expects.
  const ancestors = (id: string): string[] => {
    const chain: string[] = [];
    let p = effectiveParent.get(id);
    while (p !== undefined) {
      chain.push(p);
      p = effectiveParent.get(p);
    }
    return chain;
  };
  doc.edges.forEach((edge, i) => {
    const s = elkId.get(edge.source);
    const t = elkId.get(edge.target);
    if (s === undefined || t === undefined || edge.source === edge.target) return;
    const sourceChain = ancestors(edge.source);
    const targetChain = new Set(ancestors(edge.target));
    // An edge to or from a group that contains the other end has no layered meaning.
    if (sourceChain.includes(edge.target) || targetChain.has(edge.source)) return;
    const common = sourceChain.find((a) => targetChain.has(a));
    const holder = common === undefined ? root : elkNodes.get(common)!;
    const e: ElkExtendedEdge = { id: `e${i}`, sources: [s], targets: [t] };
    holder.edges = holder.edges ?? [];
    holder.edges.push(e);
  });

  const laid = await (await loadElk()).layout(root);

  const placed = new Map<string, ElkNode>();
  const collect = (n: ElkNode) => {
    placed.set(n.id, n);
    for (const c of n.children ?? []) collect(c);
  };
  collect(laid);

  const nodes = doc.nodes.map((node): TopologyNode => {
    const e = placed.get(elkId.get(node.id)!)!;
    const out: TopologyNode = {
      ...node,
      position: { x: Math.round(e.x ?? 0), y: Math.round(e.y ?? 0) },
      config: node.config,
    };
    if (node.kind === 'group') {
      out.size = {
        width: Math.round(e.width ?? EMPTY_GROUP_SIZE.width),
        height: Math.round(e.height ?? EMPTY_GROUP_SIZE.height),
      };
    }
    return out;
  });
  return { ...doc, direction, nodes };
}
