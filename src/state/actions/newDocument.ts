import { emptyDocument } from '../../model/example.ts';
import { useDocumentStore } from '../documentStore.ts';
import { useSelectionStore } from '../selectionStore.ts';
import { notify } from '../uiStore.ts';
import type { Action } from './types.ts';

// New is one undo step instead of a confirmation prompt: nothing is lost and nothing nags.
export const newDocumentAction: Action = {
  id: 'new',
  label: 'New',
  description: 'Start an empty diagram (Undo brings the current one back).',
  keys: ['Alt+N'],
  menu: 'file',
  section: 0,
  order: 0,
  perform: () => {
    const hadContent = useDocumentStore.getState().doc.nodes.length > 0;
    useSelectionStore.getState().clear();
    useDocumentStore.getState().replaceDocument(emptyDocument(), 'New diagram');
    if (hadContent) notify('info', 'Started a new diagram. Undo brings the previous one back.');
  },
};
