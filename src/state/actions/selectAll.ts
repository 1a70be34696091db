import { useDocumentStore } from '../documentStore.ts';
import { useSelectionStore } from '../selectionStore.ts';
import type { Action } from './types.ts';

export const selectAllAction: Action = {
  id: 'select-all',
  label: 'Select all',
  description: 'Select every box and connection.',
  keys: ['Mod+A'],
  menu: 'edit',
  section: 2,
  order: 1,
  predicate: () => useDocumentStore.getState().doc.nodes.length > 0,
  perform: () => {
    const doc = useDocumentStore.getState().doc;
    useSelectionStore.getState().select(
      doc.nodes.map((n) => n.id),
      doc.edges.map((e) => e.id),
    );
  },
};
