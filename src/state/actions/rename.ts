import { useDocumentStore } from '../documentStore.ts';
import { useSelectionStore } from '../selectionStore.ts';
import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const renameAction: Action = {
  id: 'rename',
  label: 'Rename',
  description: 'Edit the name of the selected box (or double-click it).',
  keys: ['F2'],
  menu: 'edit',
  section: 2,
  order: 2,
  predicate: () =>
    useSelectionStore.getState().nodeIds.length === 1 && !useDocumentStore.getState().locked,
  perform: () => useUiStore.getState().setRenaming(useSelectionStore.getState().nodeIds[0] ?? null),
};
