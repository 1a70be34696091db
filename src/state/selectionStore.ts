// What is selected on the canvas. Ids only: the document store holds the things themselves.
// Read it with `useSelectionStore((s) => s.nodeIds)` or `selectionApi.get()`.

import { createStore, type StoreApi } from 'zustand';
import { storeSlot } from './slot.ts';

export interface SelectionState {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  select: (nodeIds: readonly string[], edgeIds?: readonly string[]) => void;
  clear: () => void;
}

const EMPTY: readonly string[] = [];

/**
 * A store of its own: the app has one, in `useSelectionStore`; a TestEditor makes one per test.
 */
export function createSelectionStore(): StoreApi<SelectionState> {
  return createStore<SelectionState>()((set) => ({
    nodeIds: EMPTY,
    edgeIds: EMPTY,
    select: (nodeIds, edgeIds = EMPTY) => set({ nodeIds: [...nodeIds], edgeIds: [...edgeIds] }),
    clear: () => set({ nodeIds: EMPTY, edgeIds: EMPTY }),
  }));
}

const selectionStore = storeSlot(() => createSelectionStore());
export const useSelectionStore = selectionStore.hook;
/** Where `useSelectionStore` finds its store (TestEditor swaps it). */
export const selectionSlot = selectionStore.slot;

/** Drops ids that no longer exist (after undo, delete or Open). */
export function pruneSelection(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void {
  const s = useSelectionStore.getState();
  const n = s.nodeIds.filter((id) => nodeIds.has(id));
  const e = s.edgeIds.filter((id) => edgeIds.has(id));
  if (n.length !== s.nodeIds.length || e.length !== s.edgeIds.length) s.select(n, e);
}
