import { useDocumentStore } from '../documentStore.ts';
import { downloadDocument, fileNameFor } from '../download.ts';
import { notify } from '../uiStore.ts';
import type { Action } from './types.ts';

export const saveDocumentAction: Action = {
  id: 'save',
  label: 'Save',
  description: 'Download the diagram as a .json file you can open again or share.',
  keys: ['Mod+S'],
  menu: 'file',
  section: 0,
  order: 2,
  perform: () => {
    const doc = useDocumentStore.getState().doc;
    downloadDocument(doc);
    notify('success', `Saved ${fileNameFor(doc.title)}`);
  },
};
