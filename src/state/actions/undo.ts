import { useDocumentStore } from '../documentStore.ts';
import type { Action } from './types.ts';

export const undoAction: Action = {
  id: 'undo',
  label: 'Undo',
  description: 'Take back the last change.',
  keys: ['Mod+Z'],
  menu: 'edit',
  section: 0,
  order: 0,
  predicate: () => useDocumentStore.getState().history.past.length > 0,
  perform: () => useDocumentStore.getState().undo(),
};
