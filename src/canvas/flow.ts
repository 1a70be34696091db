// Document ↔ React Flow. The document is the truth; React Flow gets a view of it: parents as
// `parentId` (positions stay relative to the parent, as in the document), group sizes as
// width/height, and nothing forced into `extent` so boxes can be dragged out of a host.

import { type Edge, MarkerType, type Node, type NodeHandle, Position } from '@xyflow/react';
import type {
  Direction,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
  XY,
} from '../model/types.ts';
import { absolutePositions, BOX_SIZE, nodeSize, sortParentsFirst } from '../state/docOps.ts';
import { linkSummary } from '../model/linkSettings.ts';

export type BoxData = { node: TopologyNode };
export type BoxFlowNode = Node<BoxData, 'box'>;
export type HostFlowNode = Node<BoxData, 'host'>;
export type FlowNode = BoxFlowNode | HostFlowNode;
export type LabelEdgeData = {
  label: string;
  /** Drawn faint, carries nothing (Mermaid's `~~~`). */
  faint?: boolean;
  /** Arrowheads at both ends. */
  twoWay?: boolean;
  /** An end is a host: the arrow reaches the boxes inside. */
  host?: boolean;
  /** Retries, timeout, breaker in a few words ("3 retries · breaker"), when set. */
  guard?: string;
};
export type FlowEdge = Edge<LabelEdgeData, 'label'>;

/** Transient state layered over the document while a gesture is in progress. */
export interface FlowOverrides {
  position?: XY;
  width?: number;
  height?: number;
}

/**
 * From this many boxes on, React Flow draws only what is on screen, and every box comes
 * with its size and handles declared (a box is always 180 × 72, BoxNode's CSS), so nothing
 * has to be drawn once just to be measured. Smaller diagrams are drawn whole, as always.
 */
export const BIG_DIAGRAM = 300;

type Dimensions = { width: number; height: number };

/**
 * Where React Flow finds a box's two handles (relative to the box, as it measures them):
 * 10 px dots centred on the sides, inside the 1 px border. Declared for big diagrams so
 * edges between boxes that were never drawn still know where to start and end.
 */
export function boxHandles(
  direction: Direction | undefined,
  size: Dimensions = BOX_SIZE,
): NodeHandle[] {
  const { width, height } = size;
  const at = (side: Position): XY => {
    switch (side) {
      case Position.Left:
        return { x: -4, y: height / 2 - 5 };
      case Position.Right:
        return { x: width - 6, y: height / 2 - 5 };
      case Position.Top:
        return { x: width / 2 - 5, y: -4 };
      default:
        return { x: width / 2 - 5, y: height - 6 };
    }
  };
  const sides = handleSides(direction);
  return [
    {
      type: 'target',
      position: sides.target,
      width: 10,
      height: 10,
      ...at(sides.target),
      id: null,
    },
    {
      type: 'source',
      position: sides.source,
      width: 10,
      height: 10,
      ...at(sides.source),
      id: null,
    },
  ];
}

interface CachedNode {
  flow: FlowNode;
  selected: boolean;
  measured: Dimensions | undefined;
  override: FlowOverrides | undefined;
  handles: NodeHandle[] | undefined;
}

/**
 * Remembers the React Flow node made for each document node, so an edit of one box in a
 * big diagram hands React Flow the same objects for every other box: it then skips them
 * (no re-render, no new internals). Keyed by the document objects, which edits keep for
 * what they do not touch.
 */
export class FlowCache {
  private nodes = new WeakMap<TopologyNode, CachedNode>();
  private edges = new WeakMap<
    TopologyEdge,
    { flow: FlowEdge; selected: boolean; toHost: boolean }
  >();
  private hosts = new WeakMap<TopologyNode[], ReadonlySet<string>>();
  private order = new WeakMap<TopologyNode[], TopologyNode[]>();
  private handles: { direction: Direction | undefined; handles: NodeHandle[] } | null = null;
  private lastEdges: FlowEdge[] | null = null;

  private handlesFor(direction: Direction | undefined): NodeHandle[] {
    if (this.handles && this.handles.direction === direction) return this.handles.handles;
    const handles = boxHandles(direction);
    this.handles = { direction, handles };
    return handles;
  }

  /**
   * `only`: the boxes React Flow is told about (viewWindow.ts), or null for all of them; a
   * box whose host is left out is left out too.
   */
  toNodes(
    doc: TopologyDocument,
    selected: ReadonlySet<string>,
    measured: ReadonlyMap<string, Dimensions>,
    overrides: ReadonlyMap<string, FlowOverrides>,
    only: ReadonlySet<string> | null = null,
  ): FlowNode[] {
    const handles = doc.nodes.length >= BIG_DIAGRAM ? this.handlesFor(doc.direction) : undefined;
    const out: FlowNode[] = [];
    const emitted = only ? new Set<string>() : null;
    for (const n of this.sorted(doc.nodes)) {
      if (emitted) {
        if (!only!.has(n.id) || (n.parent !== undefined && !emitted.has(n.parent))) continue;
        emitted.add(n.id);
      }
      const isSelected = selected.has(n.id);
      const m = measured.get(n.id);
      const o = overrides.get(n.id);
      const hit = this.nodes.get(n);
      if (
        hit &&
        hit.selected === isSelected &&
        hit.override === o &&
        hit.handles === handles &&
        hit.measured?.width === m?.width &&
        hit.measured?.height === m?.height
      ) {
        out.push(hit.flow);
        continue;
      }
      const flow = toFlowNode(n, isSelected, m, o, handles, doc.direction);
      this.nodes.set(n, { flow, selected: isSelected, measured: m, override: o, handles });
      out.push(flow);
    }
    return out;
  }

  /** The ids of the hosts, worked out once per list of nodes. */
  private hostsOf(nodes: TopologyNode[]): ReadonlySet<string> {
    let hosts = this.hosts.get(nodes);
    if (!hosts) {
      hosts = new Set(nodes.filter((n) => n.kind === 'group').map((n) => n.id));
      this.hosts.set(nodes, hosts);
    }
    return hosts;
  }

  /** Parents before children, worked out once per list of nodes. */
  private sorted(nodes: TopologyNode[]): TopologyNode[] {
    let sorted = this.order.get(nodes);
    if (!sorted) {
      sorted = nodes.some((n) => n.parent !== undefined) ? sortParentsFirst(nodes) : nodes;
      this.order.set(nodes, sorted);
    }
    return sorted;
  }

  /** `only`: as for toNodes; a connection is handed over when both its ends are. */
  toEdges(
    doc: TopologyDocument,
    selected: ReadonlySet<string>,
    only: ReadonlySet<string> | null = null,
  ): FlowEdge[] {
    const out: FlowEdge[] = [];
    const hosts = this.hostsOf(doc.nodes);
    for (const e of doc.edges) {
      if (only && !(only.has(e.source) && only.has(e.target))) continue;
      const isSelected = selected.has(e.id);
      const toHost = hosts.has(e.source) || hosts.has(e.target);
      const hit = this.edges.get(e);
      if (hit && hit.selected === isSelected && hit.toHost === toHost) {
        out.push(hit.flow);
        continue;
      }
      const flow = toFlowEdge(e, isSelected, toHost);
      this.edges.set(e, { flow, selected: isSelected, toHost });
      out.push(flow);
    }
    // The same connections as last time: the same array, so React Flow does not rebuild
    // its lookups (a pass over every connection) when only boxes changed.
    const last = this.lastEdges;
    if (last && last.length === out.length && out.every((e, i) => e === last[i])) return last;
    this.lastEdges = out;
    return out;
  }
}

function toFlowNode(
  n: TopologyNode,
  selected: boolean,
  m: Dimensions | undefined,
  o: FlowOverrides | undefined,
  handles: NodeHandle[] | undefined,
  direction: Direction | undefined,
): FlowNode {
  const base = {
    id: n.id,
    position: o?.position ?? n.position,
    data: { node: n },
    selected,
    ...(n.parent ? { parentId: n.parent } : {}),
  };
  if (n.kind === 'group') {
    const size = nodeSize(n);
    const width = o?.width ?? size.width;
    const height = o?.height ?? size.height;
    return {
      ...base,
      type: 'host',
      // Hosts lie under every box: a host dropped over boxes never hides them.
      zIndex: -1,
      width,
      height,
      measured: { width, height },
      // Arrows may end at a host (an import's `A --> Subgraph`): its frame has handles too.
      ...(handles ? { handles: boxHandles(direction, { width, height }) } : {}),
    };
  }
  if (handles) return { ...base, type: 'box', measured: m ?? { ...BOX_SIZE }, handles };
  return { ...base, type: 'box', ...(m ? { measured: m } : {}) };
}

const ARROW = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' } as const;

function toFlowEdge(e: TopologyEdge, selected: boolean, toHost: boolean): FlowEdge {
  const data: LabelEdgeData = { label: e.label ?? '' };
  if (e.faint) data.faint = true;
  if (e.twoWay) data.twoWay = true;
  if (toHost) data.host = true;
  const guard = linkSummary(e.config);
  if (guard) data.guard = guard;
  const edge: FlowEdge = {
    id: e.id,
    source: e.source,
    target: e.target,
    type: 'label',
    data,
    selected,
  };
  // A faint link has no direction to show; a two-way arrow has a head at both ends.
  if (!e.faint) edge.markerEnd = ARROW;
  if (e.twoWay && !e.faint) edge.markerStart = ARROW;
  return edge;
}

/** Every node's absolute position (parents' offsets added), worked out once per document. */
export { absolutePositions };

export function toFlowNodes(
  doc: TopologyDocument,
  selected: ReadonlySet<string>,
  measured: ReadonlyMap<string, Dimensions>,
  overrides: ReadonlyMap<string, FlowOverrides>,
): FlowNode[] {
  return new FlowCache().toNodes(doc, selected, measured, overrides);
}

export function toFlowEdges(doc: TopologyDocument, selected: ReadonlySet<string>): FlowEdge[] {
  return new FlowCache().toEdges(doc, selected);
}

/** Next selection after React Flow reports select/deselect changes. */
export function applySelection(
  current: readonly string[],
  changes: readonly { id: string; selected: boolean }[],
): string[] {
  const next = new Set(current);
  for (const c of changes) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return [...next];
}

/**
 * Which sides of a box requests come in and go out, following the diagram's direction: a
 * top-to-bottom diagram (Mermaid's `graph TD`) flows in at the top and out at the bottom,
 * so its connections run down the page instead of looping back around every box.
 */
export function handleSides(direction: Direction | undefined): {
  target: Position;
  source: Position;
} {
  switch (direction) {
    case 'TB':
      return { target: Position.Top, source: Position.Bottom };
    case 'BT':
      return { target: Position.Bottom, source: Position.Top };
    case 'RL':
      return { target: Position.Right, source: Position.Left };
    default:
      return { target: Position.Left, source: Position.Right };
  }
}
