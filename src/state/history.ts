// Undo/redo as a pure value: snapshots of the whole document (documents are small and the
// edits share structure), each labelled so menus can say "Undo Move". Typing into a field
// coalesces into one step when successive changes carry the same `coalesce` key.

import type { TopologyDocument } from '../model/types.ts';

export const HISTORY_LIMIT = 200;
/** Changes with the same coalesce key closer together than this become one undo step. */
export const COALESCE_MS = 1500;

export interface HistoryEntry {
  doc: TopologyDocument;
  /** What the change that came after this snapshot did, e.g. "Move". */
  label: string;
}

export interface History {
  present: TopologyDocument;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Key and time of the last change, for coalescing. */
  lastKey?: string;
  lastAt?: number;
}

export function createHistory(doc: TopologyDocument): History {
  return { present: doc, past: [], future: [] };
}

export interface ChangeOptions {
  coalesce?: string;
  now?: number;
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
  const past = merge ? h.past : [...h.past, { doc: h.present, label }].slice(-HISTORY_LIMIT);
  const out: History = { present: next, past, future: [] };
  if (opts.coalesce !== undefined) {
    out.lastKey = opts.coalesce;
    out.lastAt = now;
  }
  return out;
}

export function undo(h: History): History {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return {
    present: prev.doc,
    past: h.past.slice(0, -1),
    future: [{ doc: h.present, label: prev.label }, ...h.future],
  };
}

export function redo(h: History): History {
  const next = h.future[0];
  if (!next) return h;
  return {
    present: next.doc,
    past: [...h.past, { doc: h.present, label: next.label }],
    future: h.future.slice(1),
  };
}
