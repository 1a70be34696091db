// Undo/redo as a pure value, with bounded memory: each step stores a patch (the boxes and
// connections it took out and put in, by position), not a copy of the document, so a whole
// session of edits fits, and a step of a 2,000-box diagram costs what the edit touched.
// The last few steps also keep a reference to their document, so undoing them gives back
// the very same object (cheap to compare, and "changed since?" checks stay exact).
// Each step is labelled so menus can say "Undo Move". Typing into a field coalesces into
// one step when successive changes carry the same `coalesce` key.

import type { Direction, TopologyDocument } from '../model/types.ts';

/** Undo reaches back this many steps; older ones are dropped (and the user is told once). */
export const HISTORY_LIMIT = 5000;
/**
 * Boxes and connections the steps may hold between them. Ordinary edits hold one or two
 * each; opening a 10,000-box file holds 20,000, so a session of big opens stays bounded.
 */
export const HISTORY_ELEMENT_BUDGET = 400_000;
/** Steps this close to the present keep their document as well as their patch. */
export const SNAPSHOT_WINDOW = 32;
/** Changes with the same coalesce key closer together than this become one undo step. */
export const COALESCE_MS = 1500;

/** What changed in one array: elements taken out (index in the old one), put in (new). */
export interface ArrayPatch<T> {
  removed: [number, T][];
  inserted: [number, T][];
}

export interface DocPatch {
  nodes?: ArrayPatch<TopologyDocument['nodes'][number]>;
  edges?: ArrayPatch<TopologyDocument['edges'][number]>;
  title?: [string, string];
  direction?: [Direction | undefined, Direction | undefined];
}

export interface HistoryEntry {
  /** From the document before this step to the one after it. */
  patch: DocPatch;
  /** What the change did, e.g. "Move". */
  label: string;
  /**
   * Past steps: the document before the step. Future steps: the document after it. Only
   * near the present (SNAPSHOT_WINDOW); further away the patch alone rebuilds it.
   */
  doc?: TopologyDocument;
}

export interface History {
  present: TopologyDocument;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Key and time of the last change, for coalescing. */
  lastKey?: string;
  lastAt?: number;
  /** Steps dropped from the far end so far (the limit or the budget was reached). */
  dropped: number;
  /** Elements held by all steps' patches, against HISTORY_ELEMENT_BUDGET. */
  held: number;
}

export function createHistory(doc: TopologyDocument): History {
  return { present: doc, past: [], future: [], dropped: 0, held: 0 };
}

export interface ChangeOptions {
  coalesce?: string;
  now?: number;
}

// ---- patches --------------------------------------------------------------------------

/**
 * The patch from `a` to `b`, comparing elements by identity (edits keep unchanged boxes
 * as the same objects), or undefined when they hold the same elements in the same order.
 * The common start and end are skipped first, so adding, moving or deleting a box in a
 * big diagram compares only the part that changed.
 */
export function diffArray<T>(a: readonly T[], b: readonly T[]): ArrayPatch<T> | undefined {
  if (a === b) return undefined;
  let start = 0;
  const shortest = Math.min(a.length, b.length);
  while (start < shortest && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  if (start === endA && start === endB) return undefined;
  const inB = new Set<T>();
  for (let j = start; j < endB; j++) inB.add(b[j]!);
  const inA = new Set<T>();
  for (let i = start; i < endA; i++) inA.add(a[i]!);
  const removed: [number, T][] = [];
  const keptA: T[] = [];
  for (let i = start; i < endA; i++) {
    if (inB.has(a[i]!)) keptA.push(a[i]!);
    else removed.push([i, a[i]!]);
  }
  const inserted: [number, T][] = [];
  let k = 0;
  let sameOrder = true;
  for (let j = start; j < endB; j++) {
    if (!inA.has(b[j]!)) inserted.push([j, b[j]!]);
    else if (keptA[k++] !== b[j]) sameOrder = false;
  }
  if (sameOrder) return { removed, inserted };
  // Elements changed places (rare: nothing in the editor reorders). Swap the whole middle.
  return {
    removed: a.slice(start, endA).map((x, i): [number, T] => [start + i, x]),
    inserted: b.slice(start, endB).map((x, j): [number, T] => [start + j, x]),
  };
}

/** Applies `patch` to `a` (forward), or undoes it from `b` when `reverse`. */
export function applyArrayPatch<T>(
  source: readonly T[],
  patch: ArrayPatch<T>,
  reverse = false,
): T[] {
  const out = reverse ? patch.inserted : patch.removed;
  const into = reverse ? patch.removed : patch.inserted;
  const kept: T[] = [];
  let r = 0;
  for (let i = 0; i < source.length; i++) {
    if (r < out.length && out[r]![0] === i) r++;
    else kept.push(source[i]!);
  }
  const length = kept.length + into.length;
  const result: T[] = new Array(length);
  let k = 0;
  let n = 0;
  for (let j = 0; j < length; j++) {
    if (n < into.length && into[n]![0] === j) result[j] = into[n++]![1];
    else result[j] = kept[k++]!;
  }
  return result;
}

export function diffDocuments(a: TopologyDocument, b: TopologyDocument): DocPatch {
  const patch: DocPatch = {};
  const nodes = diffArray(a.nodes, b.nodes);
  if (nodes) patch.nodes = nodes;
  const edges = diffArray(a.edges, b.edges);
  if (edges) patch.edges = edges;
  if (a.title !== b.title) patch.title = [a.title, b.title];
  if (a.direction !== b.direction) patch.direction = [a.direction, b.direction];
  return patch;
}

/** The document after `patch` (or before it, when `reverse`). */
export function applyPatch(
  doc: TopologyDocument,
  patch: DocPatch,
  reverse = false,
): TopologyDocument {
  const out: TopologyDocument = { ...doc };
  if (patch.nodes) out.nodes = applyArrayPatch(doc.nodes, patch.nodes, reverse);
  if (patch.edges) out.edges = applyArrayPatch(doc.edges, patch.edges, reverse);
  if (patch.title) out.title = patch.title[reverse ? 0 : 1];
  if (patch.direction) {
    const direction = patch.direction[reverse ? 0 : 1];
    if (direction === undefined) delete out.direction;
    else out.direction = direction;
  }
  return out;
}

/** Boxes and connections a patch holds on to. */
export function patchSize(patch: DocPatch): number {
  let n = 1;
  if (patch.nodes) n += patch.nodes.removed.length + patch.nodes.inserted.length;
  if (patch.edges) n += patch.edges.removed.length + patch.edges.inserted.length;
  return n;
}

// ---- steps ----------------------------------------------------------------------------

const withoutDoc = (e: HistoryEntry): HistoryEntry =>
  e.doc === undefined ? e : { patch: e.patch, label: e.label };

/** The past with `entry` on top: old steps past the window lose their document. */
function pushPast(past: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [...past, entry];
  const fade = next.length - 1 - SNAPSHOT_WINDOW;
  if (fade >= 0 && next[fade]!.doc !== undefined) next[fade] = withoutDoc(next[fade]!);
  return next;
}

function pushFuture(future: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const next = [entry, ...future];
  if (next.length > SNAPSHOT_WINDOW && next[SNAPSHOT_WINDOW]!.doc !== undefined) {
    next[SNAPSHOT_WINDOW] = withoutDoc(next[SNAPSHOT_WINDOW]!);
  }
  return next;
}

/** Drops the oldest steps while over the step limit or the element budget. */
function trim(h: History): History {
  if (h.past.length <= HISTORY_LIMIT && h.held <= HISTORY_ELEMENT_BUDGET) return h;
  let drop = 0;
  let held = h.held;
  while (
    h.past.length - drop > 1 &&
    (h.past.length - drop > HISTORY_LIMIT || held > HISTORY_ELEMENT_BUDGET)
  ) {
    held -= patchSize(h.past[drop]!.patch);
    drop++;
  }
  return drop === 0 ? h : { ...h, past: h.past.slice(drop), held, dropped: h.dropped + drop };
}

/** Records `next` as the new present. A change that changes nothing records nothing. */
export function record(
  h: History,
  next: TopologyDocument,
  label: string,
  opts: ChangeOptions = {},
): History {
  if (next === h.present) return h;
  const now = opts.now ?? Date.now();
  const merge =
    opts.coalesce !== undefined &&
    opts.coalesce === h.lastKey &&
    h.lastAt !== undefined &&
    now - h.lastAt < COALESCE_MS &&
    h.past.length > 0;
  const futureHeld = h.future.reduce((n, e) => n + patchSize(e.patch), 0);
  let out: History;
  if (merge) {
    // One step from the state before the first keystroke to now.
    const last = h.past[h.past.length - 1]!;
    const before = last.doc ?? applyPatch(h.present, last.patch, true);
    const patch = diffDocuments(before, next);
    const past = [...h.past.slice(0, -1), { patch, label: last.label, doc: before }];
    const held = h.held - futureHeld - patchSize(last.patch) + patchSize(patch);
    out = { ...h, present: next, past, future: [], held };
  } else {
    const patch = diffDocuments(h.present, next);
    const past = pushPast(h.past, { patch, label, doc: h.present });
    out = { ...h, present: next, past, future: [], held: h.held - futureHeld + patchSize(patch) };
  }
  delete out.lastKey;
  delete out.lastAt;
  if (opts.coalesce !== undefined) {
    out.lastKey = opts.coalesce;
    out.lastAt = now;
  }
  return trim(out);
}

export function undo(h: History): History {
  const step = h.past[h.past.length - 1];
  if (!step) return h;
  const present = step.doc ?? applyPatch(h.present, step.patch, true);
  return {
    present,
    past: h.past.slice(0, -1),
    future: pushFuture(h.future, { patch: step.patch, label: step.label, doc: h.present }),
    dropped: h.dropped,
    held: h.held,
  };
}

export function redo(h: History): History {
  const step = h.future[0];
  if (!step) return h;
  const present = step.doc ?? applyPatch(h.present, step.patch);
  return {
    present,
    past: pushPast(h.past, { patch: step.patch, label: step.label, doc: h.present }),
    future: h.future.slice(1),
    dropped: h.dropped,
    held: h.held,
  };
}
