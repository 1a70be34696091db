import { copySelection } from '../commands.ts';
import { useSelectionStore } from '../selectionStore.ts';
import type { Action } from './types.ts';

export const copyAction: Action = {
  id: 'copy',
  label: 'Copy',
  description: 'Copy the selected boxes and the connections between them.',
  keys: ['Mod+C'],
  menu: 'edit',
  section: 1,
  order: 0,
  predicate: () => useSelectionStore.getState().nodeIds.length > 0,
  perform: () => {
    copySelection();
  },
};
