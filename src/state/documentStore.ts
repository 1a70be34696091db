// The document store: the TopologyDocument is the single source of truth for the editor,
// with undo/redo over every change. Components read `doc`; every edit goes through
// `change(label, edit)` so it becomes exactly one undo step.

import { createStore, type StoreApi } from 'zustand';
import { storeSlot } from './slot.ts';
import { exampleDocument } from '../model/example.ts';
import type { TopologyDocument } from '../model/types.ts';
import { notify } from './uiStore.ts';
import {
  type ChangeOptions,
  createHistory,
  HISTORY_LIMIT,
  type History,
  record,
  redo,
  undo,
} from './history.ts';

export interface DocumentState {
  history: History;
  doc: TopologyDocument;
  /** Applies `edit` to the current document as one undo step labelled `label`. */
  change: (
    label: string,
    edit: (doc: TopologyDocument) => TopologyDocument,
    opts?: ChangeOptions,
  ) => void;
  /** Swaps in a whole document (Open, import, New, a scenario) as one undo step. */
  replaceDocument: (doc: TopologyDocument, label: string) => void;
  /** Starts over with `doc` and no history (first load, restore from autosave). */
  resetDocument: (doc: TopologyDocument) => void;
  undo: () => void;
  redo: () => void;
  /** A story step on show: edits are refused (with a message) until "Try it yourself". */
  locked: boolean;
  /** What a refused edit says; the story step's message unless another is given. */
  lockedMessage: string | null;
  setLocked: (locked: boolean, message?: string) => void;
}

type ReplaceListener = (doc: TopologyDocument, label: string) => void;
const replaceListeners = new Set<ReplaceListener>();

/** Told when a whole document comes in (Open, New, import), e.g. so a story can end. */
export function onDocumentReplaced(listener: ReplaceListener): () => void {
  replaceListeners.add(listener);
  return () => replaceListeners.delete(listener);
}

const LOCKED_MESSAGE = 'This story step is read-only. Press “Try it yourself” to change it.';

export const HISTORY_DROPPED_MESSAGE = `Undo reaches back ${HISTORY_LIMIT.toLocaleString('en')} changes; older ones are no longer kept. File → Recent versions still has earlier autosaves.`;
/** Said once a session: the first time the oldest undo steps are dropped. */
let toldDropped = false;

/** Records a change, and says (once) when that pushed the oldest steps out of reach. */
function recordTold(
  h: History,
  next: TopologyDocument,
  label: string,
  opts?: ChangeOptions,
): History {
  const out = record(h, next, label, opts);
  if (out.dropped > h.dropped && !toldDropped) {
    toldDropped = true;
    notify('info', HISTORY_DROPPED_MESSAGE);
  }
  return out;
}

/**
 * A store of its own: the app has one, in `useDocumentStore`; a TestEditor makes one per test.
 */
export function createDocumentStore(
  doc: TopologyDocument = exampleDocument(),
): StoreApi<DocumentState> {
  return createStore<DocumentState>()((set) => {
    const initial = createHistory(doc);
    const apply = (history: History) => ({ history, doc: history.present });
    return {
      history: initial,
      doc: initial.present,
      locked: false,
      lockedMessage: null,
      setLocked: (locked, message) =>
        set({ locked, lockedMessage: locked ? (message ?? null) : null }),
      change: (label, edit, opts) =>
        set((s) => {
          if (s.locked) {
            notify('info', s.lockedMessage ?? LOCKED_MESSAGE);
            return s;
          }
          const next = edit(s.doc);
          const history = recordTold(s.history, next, label, opts);
          return history === s.history ? s : apply(history);
        }),
      replaceDocument: (doc, label) => {
        set((s) => apply(recordTold(s.history, doc, label)));
        for (const listener of replaceListeners) listener(doc, label);
      },
      resetDocument: (doc) => set(apply(createHistory(doc))),
      undo: () => set((s) => (s.locked ? s : apply(undo(s.history)))),
      redo: () => set((s) => (s.locked ? s : apply(redo(s.history)))),
    };
  });
}

const documentStore = storeSlot(() => createDocumentStore());
export const useDocumentStore = documentStore.hook;
/** Where `useDocumentStore` finds its store (TestEditor swaps it). */
export const documentSlot = documentStore.slot;

/** Shorthand for code outside React (actions, tests). */
export const documentApi = {
  get doc(): TopologyDocument {
    return useDocumentStore.getState().doc;
  },
  change: (...args: Parameters<DocumentState['change']>) =>
    useDocumentStore.getState().change(...args),
  replaceDocument: (doc: TopologyDocument, label: string) =>
    useDocumentStore.getState().replaceDocument(doc, label),
};
