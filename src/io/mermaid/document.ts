// Stage 6 of the import: the document. Every box and subgraph becomes a node (subgraphs
// hosts), every arrow an edge as drawn (to and from hosts too; faint and two-way arrows
// keep their flags). Our own export's `%% bp:` data gives back ids, kinds, settings and
// positions exactly; other boxes get the kinds chosen for them and their kind's defaults.
// The result goes through `restoreDocument`, the one loader every document passes.

import { defaultConfig, fieldSpec, KINDS } from '../../model/kinds.ts';
import { restoreDocument } from '../../model/restore.ts';
import { checkField } from '../../model/schema.ts';
import type {
  Config,
  NodeKind,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
} from '../../model/types.ts';
import type { DrawnGraph } from './drawn.ts';
import type { BoxKind } from './evidence.ts';
import type { Preprocessed, ReadNodeComment } from './preprocess.ts';
import { labelFingerprint, plainText } from './text.ts';

const MAX_ID = 200;

export interface Ids {
  /** Mermaid id → our node id. */
  ours: Map<string, string>;
  /** The `%% bp:node` comment each Mermaid id was matched with. */
  comments: Map<string, ReadNodeComment>;
}

function uniqueId(base: string, used: Set<string>): string {
  const trimmed = base.slice(0, MAX_ID - 6) || 'node';
  let id = trimmed;
  for (let i = 2; used.has(id); i++) id = `${trimmed}-${i}`;
  used.add(id);
  return id;
}

/**
 * Our ids for the drawing's boxes: those of their `%% bp:node` comments (each used once,
 * a box and a host never swapped), otherwise the Mermaid id made unique.
 */
export function assignIds(graph: DrawnGraph, pre: Preprocessed): Ids {
  const used = new Set<string>();
  for (const c of pre.bp.nodes.values()) used.add(c.id);
  const ours = new Map<string, string>();
  const comments = new Map<string, ReadNodeComment>();
  const claimed = new Set<string>();
  for (const box of graph.boxes) {
    const c = pre.bp.nodes.get(box.id);
    if (c && !claimed.has(c.id) && (c.kind === 'group') === box.group) {
      claimed.add(c.id);
      comments.set(box.id, c);
      ours.set(box.id, c.id);
    } else ours.set(box.id, uniqueId(box.id, used));
  }
  return { ours, comments };
}

/** Config from a comment's delta: defaults, minus keys the node lacked, plus its values. */
function configFromComment(c: ReadNodeComment, kind: NodeKind, notes: string[]): Config {
  const config = defaultConfig(kind);
  if (c.kind !== kind) return config;
  for (const key of c.missing ?? []) delete config[key];
  for (const [key, value] of Object.entries(c.config)) {
    const field = fieldSpec(kind, key);
    if (field && checkField(field, value) === null) config[key] = value;
    else {
      notes.push(
        `${c.label || c.id}: setting “${key}” ${field ? 'had an invalid value' : `is not a ${KINDS[kind].title} setting`}; ${field ? 'using the default' : 'ignored'}.`,
      );
    }
  }
  return config;
}

/** The plain label Mermaid gives, or the comment's exact label when it is the same text. */
function chooseLabel(body: string, comment: string | undefined): string {
  if (comment === undefined) return body;
  return labelFingerprint(body) === labelFingerprint(comment) ? comment : body;
}

export interface Assembled {
  doc: TopologyDocument;
  /** Our ids of boxes whose kind was inferred (no `%% bp:` data for them). */
  inferred: string[];
  /** Some box has no saved position, or moved to another subgraph: lay out again. */
  needsLayout: boolean;
  /** Some box came back from `%% bp:` data but moved: the preview says so. */
  moved: boolean;
  commentsUsed: number;
  /** Edge ids restored from `%% bp:edge` data. */
  exactEdges: string[];
  /** Of those, the ones saved with an empty label. */
  emptyLabels: Set<string>;
  notes: string[];
}

export type AssembleResult = ({ ok: true } & Assembled) | { ok: false; message: string };

export interface AssembleInput {
  graph: DrawnGraph;
  ids: Ids;
  /**
   * The kind of each box, by Mermaid id. A box from `%% bp:` data keeps its settings when
   * its kind is the saved one; a box given another kind gets that kind's defaults.
   */
  kinds: ReadonlyMap<string, BoxKind>;
  pre: Preprocessed;
  accTitle?: string;
}

export function assemble(input: AssembleInput): AssembleResult {
  const { graph, ids, kinds, pre } = input;
  const notes: string[] = [];
  const nodes: (TopologyNode & { order: number })[] = [];
  const inferred: string[] = [];
  let needsLayout = false;
  let moved = false;
  const bpCount = pre.bp.nodes.size;

  graph.boxes.forEach((box, index) => {
    const id = ids.ours.get(box.id)!;
    const comment = ids.comments.get(box.id);
    const parent = box.parent === undefined ? undefined : ids.ours.get(box.parent);
    if (comment) {
      const kind = box.group ? 'group' : (kinds.get(box.id) ?? comment.kind);
      const node: TopologyNode & { order: number } = {
        id,
        kind,
        label: chooseLabel(box.plain, comment.label),
        position: comment.position ?? { x: 0, y: 0 },
        config: configFromComment(comment, kind, notes),
        order: comment.order,
      };
      if (!comment.position) needsLayout = true;
      if (comment.size && box.group) node.size = comment.size;
      if (comment.addedBy === 'import') node.addedBy = 'import';
      // Parents come from the diagram's structure: a box moved between subgraphs keeps its
      // settings but is laid out again.
      if (parent !== undefined) node.parent = parent;
      if (comment.parent !== parent) {
        moved = true;
        needsLayout = true;
      }
      nodes.push(node);
      return;
    }
    const kind: NodeKind = box.group ? 'group' : (kinds.get(box.id) ?? 'app');
    inferred.push(id);
    needsLayout = true;
    const node: TopologyNode & { order: number } = {
      id,
      kind,
      label: box.label,
      position: { x: 0, y: 0 },
      config: defaultConfig(kind),
      order: bpCount + index,
    };
    if (parent !== undefined) node.parent = parent;
    nodes.push(node);
  });

  // `graph` alone (or only empty subgraphs) would replace the canvas with nothing to run.
  // Our own export of a document of hosts only still comes back as it was.
  if (nodes.every((n) => n.kind === 'group') && ids.comments.size === 0) {
    return {
      ok: false,
      message: nodes.length
        ? 'There are no boxes to import: the subgraphs are empty. Put boxes in them, e.g. `A[Users] --> B[App]`.'
        : 'There are no boxes to import: the flowchart has only its first line. Add boxes below it, e.g. `A[Users] --> B[App]`.',
    };
  }

  // Edges, every arrow as drawn. Our export's comments match by their two ends, in order.
  const pending = [...pre.bp.edges];
  const exactEdges: string[] = [];
  const emptyLabels = new Set<string>();
  const edgeIds = new Set(pre.bp.edges.map((e) => e.id));
  const edges: (TopologyEdge & { order: number })[] = [];
  let order = pre.bp.edges.length;
  for (const a of graph.arrows) {
    const source = ids.ours.get(a.source)!;
    const target = ids.ours.get(a.target)!;
    const ci = pending.findIndex((c) => c.source === source && c.target === target);
    let edge: TopologyEdge & { order: number };
    if (ci >= 0) {
      const c = pending.splice(ci, 1)[0]!;
      exactEdges.push(c.id);
      edge = { id: c.id, source, target, order: c.order };
      if (c.config !== undefined) edge.config = c.config;
      const label = chooseLabel(a.label, c.label ?? '');
      if (c.label !== undefined && label === c.label) edge.label = c.label;
      else if (label !== '') edge.label = label;
      if (edge.label === '') emptyLabels.add(edge.id);
    } else {
      edge = { id: uniqueId(`e-${source}-${target}`, edgeIds), source, target, order: order++ };
      if (a.label !== '') edge.label = a.label;
    }
    if (a.faint) edge.faint = true;
    if (a.twoWay) edge.twoWay = true;
    edges.push(edge);
  }

  nodes.sort((a, b) => a.order - b.order);
  edges.sort((a, b) => a.order - b.order);

  const direction = graph.direction;
  const bpDoc = pre.bp.doc;
  let title = 'Imported diagram';
  if (
    bpDoc &&
    (pre.title === undefined || labelFingerprint(pre.title) === labelFingerprint(bpDoc.title))
  ) {
    title = bpDoc.title;
  } else if (pre.title !== undefined && pre.title.trim() !== '') title = pre.title.trim();
  else if (input.accTitle?.trim()) title = plainText(input.accTitle);
  title = title.slice(0, 500);

  // The export writes `flowchart LR` for a document without a direction; keep it without.
  const keepDirection = !(bpDoc && bpDoc.direction === undefined && direction === 'LR');
  const doc: TopologyDocument = {
    version: 1,
    title,
    ...(keepDirection ? { direction } : {}),
    nodes: nodes.map(({ order: _o, ...n }) => n),
    edges: edges.map(({ order: _o, ...e }) => e),
  };
  return {
    ok: true,
    doc,
    inferred,
    needsLayout,
    moved,
    commentsUsed: ids.comments.size,
    exactEdges,
    emptyLabels,
    notes,
  };
}

/**
 * Through the one loader: defaults filled, anything odd repaired and said. Boxes from our
 * own export whose config was partial (`missing` keys) come back partial, as exported.
 */
export function finish(
  doc: TopologyDocument,
  comments: ReadonlyMap<string, ReadNodeComment> = new Map(),
  emptyLabels: ReadonlySet<string> = new Set(),
): { doc: TopologyDocument; notes: string[] } {
  const restored = restoreDocument(doc);
  if (!restored.ok) {
    // Cannot happen for what assemble builds; say so rather than lose the import.
    throw new Error(restored.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
  const missing = new Map<string, string[]>();
  const kindOf = new Map(restored.doc.nodes.map((n) => [n.id, n.kind]));
  for (const c of comments.values()) {
    if (c.missing?.length && kindOf.get(c.id) === c.kind) missing.set(c.id, c.missing);
  }
  let out = missing.size
    ? {
        ...restored.doc,
        nodes: restored.doc.nodes.map((n) => {
          const keys = missing.get(n.id);
          if (!keys) return n;
          const config = { ...n.config };
          for (const k of keys) delete config[k];
          return { ...n, config };
        }),
      }
    : restored.doc;
  // An edge exported with an empty label keeps it (restore leaves empty labels out).
  if (emptyLabels.size) {
    out = {
      ...out,
      edges: out.edges.map((e) =>
        emptyLabels.has(e.id) && e.label === undefined ? { ...e, label: '' } : e,
      ),
    };
  }
  return { doc: out, notes: restored.warnings.map((w) => `${w.path}: ${w.message}`) };
}
