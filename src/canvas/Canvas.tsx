// The diagram canvas: React Flow over the document store. React Flow never owns the
// document; it reports gestures, and each finished gesture becomes one undoable change
// (a whole drag is one "Move", not one step per pixel).

import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  getViewportForBounds,
  Panel,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from '@xyflow/react';
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { KINDS } from '../model/kinds.ts';
import { NODE_KINDS, type NodeKind, type TopologyDocument, type XY } from '../model/types.ts';
import { dismissHint } from '../state/hint.ts';
import { addBox, connectBoxes } from '../state/commands.ts';
import {
  absolutePosition,
  BOX_SIZE,
  groupAt,
  moveNodes,
  fitGroupToChildren,
  resizeGroup,
  NEW_GROUP_SIZE,
  nodeSize,
  setParent,
} from '../state/docOps.ts';
import { useDocumentStore } from '../state/documentStore.ts';
import { pruneSelection, useSelectionStore } from '../state/selectionStore.ts';
import { services } from '../state/services.ts';
import { useUiStore } from '../state/uiStore.ts';
import {
  absolutePositions,
  applySelection,
  BIG_DIAGRAM,
  FlowCache,
  type FlowEdge,
  type FlowNode,
  type FlowOverrides,
} from './flow.ts';
import { LabelEdge } from './LabelEdge.tsx';
import type { BigMiniMap as BigMiniMapPart } from './BigMiniMap.tsx';
import { ViewWindow } from './viewWindow.ts';
import { DotLayer } from './live/DotLayer.tsx';
import { LiveLegend } from './live/Legend.tsx';
import { motionMs } from './live/reducedMotion.ts';
import { useChaosMenu } from '../state/liveChaosMenu.ts';
import { BoxNode } from './nodes/BoxNode.tsx';
import { HostNode } from './nodes/HostNode.tsx';

/**
 * The minimap of a big diagram (BigMiniMap.tsx): its code loads with the first big diagram
 * shown, as a small one has React Flow's own. Not ui's `loadOnFirstUse`: the canvas layer
 * may not import ui, and a minimap that fails to load is left out (and logged) rather than
 * thrown to an error boundary that would take the canvas with it.
 */
let bigMiniMap: typeof BigMiniMapPart | null = null;
function BigMiniMap({ doc }: { doc: TopologyDocument }) {
  const [Part, setPart] = useState(() => bigMiniMap);
  useEffect(() => {
    if (Part) return;
    let mounted = true;
    import('./BigMiniMap.tsx').then(
      (m) => {
        bigMiniMap = m.BigMiniMap;
        if (mounted) setPart(() => m.BigMiniMap);
      },
      (error: unknown) => console.error('The minimap did not load:', error),
    );
    return () => {
      mounted = false;
    };
  }, [Part]);
  return Part ? <Part doc={doc} /> : null;
}

/** The drag-and-drop type the palette puts on its items. */
export const KIND_MIME = 'application/x-backend-playground-kind';

// Module level, so React Flow never sees a new object and never remounts the nodes.
const nodeTypes = { box: BoxNode, host: HostNode };
const edgeTypes = { label: LabelEdge };
const defaultEdgeOptions = {
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' },
};
const SNAP: [number, number] = [20, 20];
const MIN_ZOOM = 0.2;
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
// Room above the boxes for their live badges and below them for the dot legend, so fitting
// the view never hides a box (or its waiting line) under the legend.
const FIT = { padding: { x: 0.12, top: '44px', bottom: '88px' } as const, maxZoom: 1.2 };

const isKind = (v: string): v is NodeKind => (NODE_KINDS as readonly string[]).includes(v);

/**
 * Fits the view once every box has been measured. Right after a new document comes in
 * (Open, import, a story step) React Flow measures the new boxes over a frame or two; a fit
 * before then frames only the boxes it already knew and leaves the rest off screen.
 */
function fitWhenMeasured(
  flow: ReturnType<typeof useReactFlow<FlowNode, FlowEdge>>,
  frames = 30,
): void {
  const ready = flow
    .getNodes()
    .every((n) => n.type === 'host' || (flow.getInternalNode(n.id)?.measured.width ?? 0) > 0);
  if (ready || frames <= 0) {
    void flow.fitView({ ...FIT, duration: motionMs(200) });
    return;
  }
  requestAnimationFrame(() => fitWhenMeasured(flow, frames - 1));
}

// A read-only story step (or embed) offers no name or label to edit.
const onNodeDoubleClick = (_: unknown, n: FlowNode) => {
  if (!useDocumentStore.getState().locked) useUiStore.getState().setRenaming(n.id);
};
const onEdgeDoubleClick = (_: unknown, e: FlowEdge) => {
  if (!useDocumentStore.getState().locked) useUiStore.getState().setEditingEdge(e.id);
};
const onPaneClick = () => useSelectionStore.getState().clear();
const onNodeContextMenu = (e: ReactMouseEvent, n: FlowNode) => {
  if (n.type === 'host') return;
  e.preventDefault();
  useChaosMenu.getState().open({ kind: 'node', id: n.id, x: e.clientX, y: e.clientY });
};
const onEdgeContextMenu = (e: ReactMouseEvent, edge: FlowEdge) => {
  e.preventDefault();
  useChaosMenu.getState().open({ kind: 'edge', id: edge.id, x: e.clientX, y: e.clientY });
};

/**
 * Frames every box of `doc`, drawn or not, with the same margins as a fit view (the live
 * badges above, the legend below).
 */
function fitDocument(
  flow: ReturnType<typeof useReactFlow<FlowNode, FlowEdge>>,
  doc: TopologyDocument,
  el: HTMLElement | null,
  duration: number,
): void {
  if (doc.nodes.length === 0 || !el) return;
  const at = absolutePositions(doc);
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const n of doc.nodes) {
    const p = at.get(n.id)!;
    const size = nodeSize(n);
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + size.width);
    maxY = Math.max(maxY, p.y + size.height);
  }
  const viewport = getViewportForBounds(
    { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    el.clientWidth,
    el.clientHeight,
    MIN_ZOOM,
    FIT.maxZoom,
    FIT.padding,
  );
  void flow.setViewport(viewport, { duration });
}

/**
 * `refitOnResize`: keep an unmoved view fitted when the canvas changes size. The embed turns
 * it off, since it frames the diagram itself for each frame size.
 */
export function Canvas({ refitOnResize = true }: { refitOnResize?: boolean } = {}) {
  const doc = useDocumentStore((s) => s.doc);
  const selectedNodes = useSelectionStore((s) => s.nodeIds);
  const selectedEdges = useSelectionStore((s) => s.edgeIds);
  const minimap = useUiStore((s) => s.minimap);
  const snapToGrid = useUiStore((s) => s.snapToGrid);
  const hintVisible = useUiStore((s) => s.hintVisible);
  // A story step on show is read-only until "Try it yourself".
  const locked = useDocumentStore((s) => s.locked);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [measured, setMeasured] = useState<ReadonlyMap<string, { width: number; height: number }>>(
    new Map(),
  );
  const [overrides, setOverrides] = useState<ReadonlyMap<string, FlowOverrides>>(new Map());
  const [fileOver, setFileOver] = useState(false);

  const nodeSel = useMemo(() => new Set(selectedNodes), [selectedNodes]);
  const edgeSel = useMemo(() => new Set(selectedEdges), [selectedEdges]);
  // Boxes an edit did not touch reach React Flow as the same objects, so it skips them.
  const cache = useRef<FlowCache | null>(null);
  cache.current ??= new FlowCache();
  const big = doc.nodes.length >= BIG_DIAGRAM;
  const everBig = useRef(false);
  if (big) everBig.current = true;
  // A big diagram: React Flow is told only about the boxes in and around the view
  // (viewWindow.ts), and boxes arriving by the thousand join a batch per frame.
  const windowRef = useRef<ViewWindow | null>(null);
  windowRef.current ??= new ViewWindow();
  const [, setWindowTick] = useState(0);
  // An image export draws every box, however many (the picture is the whole diagram).
  const drawAll = useUiStore((s) => s.drawAll);
  const only = big && !drawAll ? windowRef.current.shown(doc) : null;
  // Small: everything is drawn, and the window keeps count of it (for when it grows).
  if (!big) windowRef.current.shown(doc, true);
  const nodes = useMemo(
    () => cache.current!.toNodes(doc, nodeSel, measured, overrides, only),
    [doc, nodeSel, measured, overrides, only],
  );
  const edges = useMemo(() => cache.current!.toEdges(doc, edgeSel, only), [doc, edgeSel, only]);
  const docRef = useRef(doc);
  docRef.current = doc;
  const keepRef = useRef<{ sel: readonly string[]; overrides: ReadonlyMap<string, FlowOverrides> }>(
    {
      sel: selectedNodes,
      overrides,
    },
  );
  keepRef.current = { sel: selectedNodes, overrides };
  const [drawing, setDrawing] = useState<{ total: number; done: number } | null>(null);
  useEffect(() => {
    if (!big) {
      setDrawing(null);
      return;
    }
    const win = windowRef.current!;
    let frame = 0;
    let batchAt = 0;
    let shownNote = '';
    // The canvas's size as last observed: reading clientWidth every frame would force a
    // layout of every box on screen after each change React made (a live view's figures).
    const size = { width: 0, height: 0 };
    const observed = wrapper.current;
    const resized = new ResizeObserver(() => {
      size.width = observed?.clientWidth ?? 0;
      size.height = observed?.clientHeight ?? 0;
    });
    if (observed) {
      size.width = observed.clientWidth;
      size.height = observed.clientHeight;
      resized.observe(observed);
    }
    const step = () => {
      frame = requestAnimationFrame(step);
      const el = wrapper.current;
      if (!el) return;
      if (el !== observed) {
        size.width = el.clientWidth;
        size.height = el.clientHeight;
      }
      if (win.arrived) {
        // A document that arrived whole (an open): the view frames all of it first, so
        // the boxes it shows are the ones drawn first.
        win.arrived = false;
        fitted.current = true;
        fitDocument(flow, docRef.current, el, 0);
      }
      const { x, y, zoom } = flow.getViewport();
      const view = {
        x: -x / zoom,
        y: -y / zoom,
        width: size.width / zoom,
        height: size.height / zoom,
      };
      const keep = [...keepRef.current.sel, ...keepRef.current.overrides.keys()];
      // The time since the last batch was handed over: what drawing it cost, with the frame.
      const now = performance.now();
      if (win.update(view, keep, batchAt ? now - batchAt : undefined)) {
        batchAt = now;
        setWindowTick((t) => t + 1);
      } else batchAt = 0;
      // The note changes only when the numbers do (no render on a quiet frame).
      const note =
        win.pending === 0
          ? ''
          : `${docRef.current.nodes.length} ${Math.max(0, win.wanted - win.pending)}`;
      if (note !== shownNote) {
        shownNote = note;
        setDrawing(
          note
            ? {
                total: docRef.current.nodes.length,
                done: Math.max(0, win.wanted - win.pending),
              }
            : null,
        );
      }
    };
    frame = requestAnimationFrame(step);
    return () => {
      cancelAnimationFrame(frame);
      resized.disconnect();
    };
  }, [big, flow]);

  // Undo, delete or Open can remove what is selected; gesture leftovers give way to the
  // document as soon as it changes.
  useEffect(() => {
    setOverrides((prev) => (prev.size ? new Map() : prev));
    pruneSelection(new Set(doc.nodes.map((n) => n.id)), new Set(doc.edges.map((e) => e.id)));
  }, [doc]);

  // A view nobody has panned or zoomed since it was fitted stays fitted when the canvas
  // changes size: the live panel growing when a run starts, a panel hiding in a narrow
  // window, the window itself. Once the user moves the view, it is theirs.
  const fitted = useRef(true);
  useEffect(() => {
    const el = wrapper.current;
    if (!el || !refitOnResize) return;
    let size = `${el.clientWidth}x${el.clientHeight}`;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      const next = `${el.clientWidth}x${el.clientHeight}`;
      if (next === size) return;
      size = next;
      if (!fitted.current) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (docRef.current.nodes.length >= BIG_DIAGRAM) fitDocument(flow, docRef.current, el, 0);
        else void flow.fitView(FIT);
      }, 50);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [flow, refitOnResize]);

  useEffect(() => {
    services.canvas = {
      fitView: () => {
        fitted.current = true;
        // A big diagram: React Flow knows only part of it, so the document is framed.
        if (docRef.current.nodes.length >= BIG_DIAGRAM) {
          fitDocument(flow, docRef.current, wrapper.current, 200);
        } else fitWhenMeasured(flow);
      },
      zoomIn: () => {
        fitted.current = false;
        void flow.zoomIn({ duration: motionMs(150) });
      },
      zoomOut: () => {
        fitted.current = false;
        void flow.zoomOut({ duration: motionMs(150) });
      },
      toFlow: (p) => flow.screenToFlowPosition(p),
      viewRect: () => {
        const r = wrapper.current?.getBoundingClientRect();
        if (!r) return { x: 0, y: 0, width: 1000, height: 600 };
        const a = flow.screenToFlowPosition({ x: r.left, y: r.top });
        const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom });
        return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
      },
    };
    return () => {
      services.canvas = undefined;
    };
  }, [flow]);

  // Gestures in progress: React Flow reports them change by change; we commit at the end.
  const draggingRef = useRef(false);
  const overridesRef = useRef(overrides);
  overridesRef.current = overrides;

  const onNodesChange = useCallback((changes: NodeChange<FlowNode>[]) => {
    const selects: { id: string; selected: boolean }[] = [];
    const sizes = new Map<string, { width: number; height: number }>();
    const moves = new Map<string, FlowOverrides>();
    const nudges = new Map<string, XY>();
    const resized = new Map<string, { width: number; height: number }>();
    for (const c of changes) {
      if (c.type === 'select') selects.push(c);
      else if (c.type === 'dimensions' && c.dimensions) {
        if (c.resizing === false) resized.set(c.id, c.dimensions);
        else if (c.setAttributes) moves.set(c.id, { ...moves.get(c.id), ...c.dimensions });
        else sizes.set(c.id, c.dimensions);
      } else if (c.type === 'position' && c.position) {
        // Arrow keys on a focused box move it without a drag: commit those at once.
        if (c.dragging === false && !draggingRef.current) nudges.set(c.id, c.position);
        else if (c.dragging !== false)
          moves.set(c.id, { ...moves.get(c.id), position: c.position });
      }
    }
    if (nudges.size) {
      useDocumentStore
        .getState()
        .change('Move', (d) => moveNodes(d, nudges), { coalesce: 'nudge' });
    }
    // A finished resize of a host: its new frame, and the boxes inside that React Flow
    // shifted to keep them in place when the top or left edge moved.
    for (const [id, size] of resized) {
      const positions = new Map<string, XY>();
      for (const [oid, o] of overridesRef.current) if (o.position) positions.set(oid, o.position);
      useDocumentStore
        .getState()
        .change('Resize host', (d) =>
          fitGroupToChildren(resizeGroup(moveNodes(d, positions), id, size), id),
        );
    }
    if (selects.length) {
      const s = useSelectionStore.getState();
      s.select(applySelection(s.nodeIds, selects), s.edgeIds);
    }
    if (sizes.size) {
      setMeasured((prev) => {
        let changed = false;
        for (const [id, d] of sizes) {
          const p = prev.get(id);
          if (!p || p.width !== d.width || p.height !== d.height) changed = true;
        }
        return changed ? new Map([...prev, ...sizes]) : prev;
      });
    }
    if (moves.size) {
      setOverrides((prev) => {
        const next = new Map(prev);
        for (const [id, o] of moves) next.set(id, { ...next.get(id), ...o });
        return next;
      });
    }
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange<FlowEdge>[]) => {
    const selects = changes.filter((c) => c.type === 'select');
    if (!selects.length) return;
    const s = useSelectionStore.getState();
    s.select(s.nodeIds, applySelection(s.edgeIds, selects));
  }, []);

  // A finished drag: one undo step with the new positions, and boxes dropped onto a host
  // join it (or leave it when dragged out), keeping their place on screen.
  const onNodeDragStop = useCallback(
    (_: unknown, __: FlowNode, dragged: FlowNode[]) => {
      draggingRef.current = false;
      const moved = new Map<string, XY>();
      // React Flow hands over the final positions (relative to the parent, like ours).
      for (const n of dragged) moved.set(n.id, n.position);
      setOverrides((prev) => {
        const next = new Map(prev);
        for (const n of dragged) next.delete(n.id);
        return next;
      });
      const store = useDocumentStore.getState();
      let next = moveNodes(store.doc, moved);
      let label = dragged.length > 1 ? `Move ${dragged.length} boxes` : 'Move';
      const draggedIds = new Set(dragged.map((n) => n.id));
      for (const n of dragged) {
        const node = next.nodes.find((x) => x.id === n.id);
        if (!node || (node.parent && draggedIds.has(node.parent))) continue;
        const size =
          node.kind === 'group'
            ? (node.size ?? NEW_GROUP_SIZE)
            : (measured.get(node.id) ?? BOX_SIZE);
        // The host under the box's centre (in the moved document) is where it belongs.
        const topLeft = absolutePosition(next, node.id);
        const centre = { x: topLeft.x + size.width / 2, y: topLeft.y + size.height / 2 };
        const host = node.kind === 'group' ? node.parent : groupAt(next, centre, node.id);
        if (host !== node.parent) {
          next = setParent(next, node.id, host);
          const hostLabel = (id: string | undefined) =>
            next.nodes.find((x) => x.id === id)?.label ?? '';
          label = host ? `Move into ${hostLabel(host)}` : `Move out of ${hostLabel(node.parent)}`;
        }
      }
      store.change(label, () => next);
    },
    [measured],
  );

  const onNodeDragStart = useCallback(() => {
    draggingRef.current = true;
  }, []);
  // Only a user's pan or zoom comes with an event; programmatic moves keep the fit. A press
  // that moved nothing (a click on a box starts a d3 gesture too) leaves the view fitted.
  const moveFrom = useRef<Viewport | null>(null);
  const onMoveStart = useCallback((event: unknown, viewport: Viewport) => {
    moveFrom.current = event ? viewport : null;
  }, []);
  const onMoveEnd = useCallback((event: unknown, viewport: Viewport) => {
    const from = moveFrom.current;
    moveFrom.current = null;
    if (!event || !from) return;
    if (from.x !== viewport.x || from.y !== viewport.y || from.zoom !== viewport.zoom) {
      fitted.current = false;
    }
  }, []);

  // A pan of a big diagram: the pointer is captured by the background, so the browser does
  // not look for what is under it on every move (a walk over every box and badge drawn,
  // about 5 ms a move at 300 boxes, twice when text selection looked too). The view moves
  // with the pointer, so what is under it stays the same anyway.
  const bigRef = useRef(big);
  bigRef.current = big;
  const onPointerDown = useCallback((e: ReactPointerEvent) => {
    const target = e.target as HTMLElement;
    if (!bigRef.current || e.pointerType !== 'mouse' || e.button !== 0) return;
    if (!target.classList.contains('react-flow__pane') || target.hasPointerCapture(e.pointerId))
      return;
    target.setPointerCapture(e.pointerId);
  }, []);

  const onConnect = useCallback((c: Connection) => {
    connectBoxes(c.source, c.target);
  }, []);

  const onDragOver = useCallback((e: DragEvent) => {
    e.preventDefault();
    const hasFile = e.dataTransfer.types.includes('Files');
    e.dataTransfer.dropEffect = hasFile ? 'copy' : 'move';
    setFileOver(hasFile);
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      e.preventDefault();
      setFileOver(false);
      const file = e.dataTransfer.files[0];
      if (file) {
        // What a file opens (a diagram, Mermaid, a config file, an access log) is worked out
        // by code loaded on the first drop. A log replays on the client box it is dropped on.
        const at = document.elementFromPoint(e.clientX, e.clientY)?.closest('.react-flow__node');
        const onBox = at?.getAttribute('data-id') ?? undefined;
        void import('../state/fileDrop.ts').then((m) => m.openDroppedFile(file, onBox));
        return;
      }
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!isKind(kind)) return;
      const point = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      const size = kind === 'group' ? NEW_GROUP_SIZE : BOX_SIZE;
      const snap = (v: number) => (useUiStore.getState().snapToGrid ? Math.round(v / 20) * 20 : v);
      addBox(kind, { x: snap(point.x - size.width / 2), y: snap(point.y - size.height / 2) });
    },
    [flow],
  );

  return (
    <section
      ref={wrapper}
      className={`bp-canvas${big ? ' is-big' : ''}${fileOver ? ' is-file-over' : ''}`}
      aria-label="Diagram canvas"
      onPointerDown={onPointerDown}
      onDragLeave={() => setFileOver(false)}
    >
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onConnect={onConnect}
        onDragOver={onDragOver}
        onDrop={onDrop}
        // Handlers with a stable identity: a new function here would re-render every box's
        // wrapper on every change of the canvas (thousands of them in a big diagram).
        onNodeDoubleClick={onNodeDoubleClick}
        onEdgeDoubleClick={onEdgeDoubleClick}
        onPaneClick={onPaneClick}
        onNodeContextMenu={onNodeContextMenu}
        onEdgeContextMenu={onEdgeContextMenu}
        // A selected host must not jump above the boxes around it (see zIndex in flow.ts).
        elevateNodesOnSelect={false}
        nodesDraggable={!locked}
        nodesConnectable={!locked}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        deleteKeyCode={null}
        // The space bar is play/pause (an action); dragging the background already pans.
        panActivationKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        zoomOnDoubleClick={false}
        // A big diagram draws only what is on screen (see BIG_DIAGRAM in flow.ts).
        onlyRenderVisibleElements={big && !drawAll}
        // React Flow's first fit waits for the first boxes it is told about: for a big
        // diagram that would frame the first batch, so once one has been seen the canvas
        // frames documents itself (fitDocument), and React Flow's queued fit is called off.
        fitView={!everBig.current}
        fitViewOptions={FIT}
        minZoom={MIN_ZOOM}
        maxZoom={2.5}
        attributionPosition="top-right"
        aria-label="Diagram"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#cbd5e1" />
        <DotLayer />
        <LiveLegend />
        <Controls
          position="bottom-left"
          showInteractive={false}
          onZoomIn={() => {
            fitted.current = false;
          }}
          onZoomOut={() => {
            fitted.current = false;
          }}
          onFitView={() => {
            fitted.current = true;
            // React Flow framed the boxes it knows of; a big diagram is framed whole.
            if (big) fitDocument(flow, doc, wrapper.current, 200);
          }}
        />
        {minimap && big ? <BigMiniMap doc={doc} /> : null}
        {minimap && !big ? (
          <MiniMap
            position="bottom-right"
            pannable
            zoomable
            ariaLabel="Minimap"
            style={{ width: 168, height: 112 }}
            nodeColor={(n) =>
              n.type === 'host'
                ? '#e2e8f0'
                : KINDS[(n.data as { node: { kind: NodeKind } }).node.kind].color
            }
            nodeStrokeWidth={2}
            maskColor="rgba(241, 245, 249, 0.7)"
          />
        ) : null}
        {hintVisible ? (
          <Panel position="top-center" className="bp-hint" role="note">
            <span>
              Drag a box from the left, connect boxes by dragging from a handle, press <kbd>?</kbd>{' '}
              for shortcuts.
            </span>
            <button
              type="button"
              className="bp-hint__close"
              aria-label="Dismiss hint"
              onClick={dismissHint}
            >
              ×
            </button>
          </Panel>
        ) : null}
        {drawing ? (
          <Panel
            position="top-center"
            className="bp-progress"
            role="status"
            data-testid="drawing-note"
          >
            Drawing {drawing.total.toLocaleString('en')} boxes…{' '}
            {Math.round(
              (100 * drawing.done) / Math.max(1, drawing.done + (windowRef.current?.pending ?? 0)),
            )}
            %
          </Panel>
        ) : null}
        {doc.nodes.length === 0 ? (
          <Panel position="top-left" className="bp-empty">
            <strong>An empty canvas.</strong> Drag a client from the left to begin, or open a saved
            diagram.
          </Panel>
        ) : null}
      </ReactFlow>
      {fileOver ? <div className="bp-canvas__drop">Drop a .json diagram to open it</div> : null}
    </section>
  );
}
