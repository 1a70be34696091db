// Viewing a shared diagram: a share link's document is on the canvas, but the visitor's own
// work (and its undo history) waits aside, untouched, and autosave is suspended, so merely
// opening a link never overwrites anything. The banner offers "Keep this diagram" (it
// becomes the visitor's work and is autosaved) or "Back to my diagram".

import { create } from 'zustand';
import type { TopologyDocument } from '../model/types.ts';
import { type DocumentState, useDocumentStore } from './documentStore.ts';
import { useSelectionStore } from './selectionStore.ts';

export interface SharedViewState {
  /** The shared document's title while one is on show; null otherwise. */
  title: string | null;
  /** The visitor's own diagram and history, restored by `back`. */
  stash: Pick<DocumentState, 'history' | 'doc'> | null;
  /** Shows `doc` from a link; the current diagram is kept aside (once, for repeated links). */
  open: (doc: TopologyDocument) => void;
  /** The shared diagram becomes the visitor's own (autosave resumes and saves it). */
  keep: () => void;
  /** Drops the shared diagram and puts the visitor's own back, history included. */
  back: () => void;
}

export const useSharedViewStore = create<SharedViewState>()((set, get) => ({
  title: null,
  stash: null,
  open: (doc) => {
    const docs = useDocumentStore.getState();
    if (!get().stash) set({ stash: { history: docs.history, doc: docs.doc } });
    set({ title: doc.title });
    useSelectionStore.getState().clear();
    docs.setLocked(false);
    docs.resetDocument(doc);
  },
  keep: () => set({ title: null, stash: null }),
  back: () => {
    const { stash } = get();
    useSelectionStore.getState().clear();
    if (stash) useDocumentStore.setState({ history: stash.history, doc: stash.doc });
    set({ title: null, stash: null });
  },
}));

/** Is a shared diagram on show (so autosave must not write it over the visitor's work)? */
export function sharedViewActive(): boolean {
  return useSharedViewStore.getState().stash !== null;
}
