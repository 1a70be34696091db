// Viewing a shared diagram: a share link's document is on the canvas, but the visitor's own
// work (and its undo history) waits aside, untouched, and autosave is suspended, so merely
// opening a link never overwrites anything. The banner offers "Keep this diagram" (it
// becomes the visitor's work and is autosaved; one Undo brings their previous diagram back,
// as after File → New) or "Back to my diagram" (which asks first if the shared diagram was
// changed, since those changes go away with it).

import { create } from 'zustand';
import type { TopologyDocument } from '../model/types.ts';
import { type DocumentState, useDocumentStore } from './documentStore.ts';
import { record } from './history.ts';
import { useSelectionStore } from './selectionStore.ts';

/** The undo label of "Keep this diagram" (Edit → Undo Keep shared diagram). */
export const KEEP_LABEL = 'Keep shared diagram';

export interface SharedViewState {
  /** The shared document's title while one is on show; null otherwise. */
  title: string | null;
  /** The shared document as it arrived, to tell whether the visitor has changed it. */
  shared: TopologyDocument | null;
  /** The visitor's own diagram and history, restored by `back`. */
  stash: Pick<DocumentState, 'history' | 'doc'> | null;
  /** Shows `doc` from a link; the current diagram is kept aside (once, for repeated links). */
  open: (doc: TopologyDocument) => void;
  /**
   * The shared diagram (as it is now, edits included) becomes the visitor's own, as one undo
   * step on top of their own history: Undo brings their previous diagram back. Autosave
   * resumes and saves it. Returns whether there was a diagram of theirs to go back to.
   */
  keep: () => { replacedOwn: boolean };
  /** Drops the shared diagram and puts the visitor's own back, history included. */
  back: () => void;
}

export const useSharedViewStore = create<SharedViewState>()((set, get) => ({
  title: null,
  shared: null,
  stash: null,
  open: (doc) => {
    const docs = useDocumentStore.getState();
    if (!get().stash) set({ stash: { history: docs.history, doc: docs.doc } });
    set({ title: doc.title, shared: doc });
    useSelectionStore.getState().clear();
    docs.setLocked(false);
    docs.resetDocument(doc);
  },
  keep: () => {
    const { stash } = get();
    const replacedOwn = (stash?.doc.nodes.length ?? 0) > 0;
    if (stash) {
      const kept = useDocumentStore.getState().doc;
      // The visitor's own history, with their diagram as the present, then the kept one.
      const own = { ...stash.history, present: stash.doc };
      useDocumentStore.setState({ history: record(own, kept, KEEP_LABEL), doc: kept });
    }
    set({ title: null, shared: null, stash: null });
    return { replacedOwn };
  },
  back: () => {
    const { stash } = get();
    useSelectionStore.getState().clear();
    if (stash) useDocumentStore.setState({ history: stash.history, doc: stash.doc });
    set({ title: null, shared: null, stash: null });
  },
}));

/** Is a shared diagram on show (so autosave must not write it over the visitor's work)? */
export function sharedViewActive(): boolean {
  return useSharedViewStore.getState().stash !== null;
}

/** Has the visitor changed the shared diagram on show (so going back would drop changes)? */
export function sharedViewEdited(): boolean {
  const { stash, shared } = useSharedViewStore.getState();
  return stash !== null && useDocumentStore.getState().doc !== shared;
}
