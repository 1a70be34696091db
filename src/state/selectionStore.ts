// What is selected on the canvas. Ids only: the document store holds the things themselves.
// Read it with `useSelectionStore((s) => s.nodeIds)` or `selectionApi.get()`.

import { create } from 'zustand';

export interface SelectionState {
  nodeIds: readonly string[];
  edgeIds: readonly string[];
  select: (nodeIds: readonly string[], edgeIds?: readonly string[]) => void;
  clear: () => void;
}

const EMPTY: readonly string[] = [];

export const useSelectionStore = create<SelectionState>()((set) => ({
  nodeIds: EMPTY,
  edgeIds: EMPTY,
  select: (nodeIds, edgeIds = EMPTY) => set({ nodeIds: [...nodeIds], edgeIds: [...edgeIds] }),
  clear: () => set({ nodeIds: EMPTY, edgeIds: EMPTY }),
}));

/** Drops ids that no longer exist (after undo, delete or Open). */
export function pruneSelection(nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>): void {
  const s = useSelectionStore.getState();
  const n = s.nodeIds.filter((id) => nodeIds.has(id));
  const e = s.edgeIds.filter((id) => edgeIds.has(id));
  if (n.length !== s.nodeIds.length || e.length !== s.edgeIds.length) s.select(n, e);
}
