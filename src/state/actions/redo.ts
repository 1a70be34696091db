import { useDocumentStore } from '../documentStore.ts';
import type { Action } from './types.ts';

export const redoAction: Action = {
  id: 'redo',
  label: 'Redo',
  description: 'Make the change you took back again.',
  keys: ['Shift+Mod+Z', 'Mod+Y'],
  menu: 'edit',
  section: 0,
  order: 1,
  predicate: () => useDocumentStore.getState().history.future.length > 0,
  perform: () => useDocumentStore.getState().redo(),
};
