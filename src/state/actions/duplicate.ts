import { duplicateSelection } from '../commands.ts';
import { useSelectionStore } from '../selectionStore.ts';
import type { Action } from './types.ts';

export const duplicateAction: Action = {
  id: 'duplicate',
  label: 'Duplicate',
  description: 'Copy and paste the selected boxes in one go.',
  keys: ['Mod+D'],
  menu: 'edit',
  section: 1,
  order: 2,
  predicate: () => useSelectionStore.getState().nodeIds.length > 0,
  perform: () => duplicateSelection(),
};
