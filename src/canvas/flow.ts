// Document ↔ React Flow. The document is the truth; React Flow gets a view of it: parents as
// `parentId` (positions stay relative to the parent, as in the document), group sizes as
// width/height, and nothing forced into `extent` so boxes can be dragged out of a host.

import { type Edge, MarkerType, type Node, Position } from '@xyflow/react';
import type { Direction, TopologyDocument, TopologyNode, XY } from '../model/types.ts';
import { nodeSize, sortParentsFirst } from '../state/docOps.ts';

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
};
export type FlowEdge = Edge<LabelEdgeData, 'label'>;

/** Transient state layered over the document while a gesture is in progress. */
export interface FlowOverrides {
  position?: XY;
  width?: number;
  height?: number;
}

export function toFlowNodes(
  doc: TopologyDocument,
  selected: ReadonlySet<string>,
  measured: ReadonlyMap<string, { width: number; height: number }>,
  overrides: ReadonlyMap<string, FlowOverrides>,
): FlowNode[] {
  return sortParentsFirst(doc.nodes).map((n): FlowNode => {
    const o = overrides.get(n.id);
    const base = {
      id: n.id,
      position: o?.position ?? n.position,
      data: { node: n },
      selected: selected.has(n.id),
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
      };
    }
    const m = measured.get(n.id);
    return { ...base, type: 'box', ...(m ? { measured: m } : {}) };
  });
}

const ARROW = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' } as const;

export function toFlowEdges(doc: TopologyDocument, selected: ReadonlySet<string>): FlowEdge[] {
  const hosts = new Set(doc.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
  return doc.edges.map((e) => {
    const data: LabelEdgeData = { label: e.label ?? '' };
    if (e.faint) data.faint = true;
    if (e.twoWay) data.twoWay = true;
    if (hosts.has(e.source) || hosts.has(e.target)) data.host = true;
    const edge: FlowEdge = {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'label',
      data,
      selected: selected.has(e.id),
    };
    // A faint link has no direction to show; a two-way arrow has a head at both ends.
    if (e.faint) edge.markerEnd = undefined;
    else edge.markerEnd = ARROW;
    if (e.twoWay && !e.faint) edge.markerStart = ARROW;
    return edge;
  });
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
