import { deleteSelection, hasSelection } from '../commands.ts';
import type { Action } from './types.ts';

export const deleteAction: Action = {
  id: 'delete',
  label: 'Delete',
  description: 'Remove the selected boxes and connections.',
  keys: ['Delete', 'Backspace'],
  menu: 'edit',
  section: 2,
  order: 0,
  predicate: () => hasSelection(),
  perform: () => deleteSelection(),
};
