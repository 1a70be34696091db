import { services } from '../services.ts';
import type { Action } from './types.ts';

export const openDocumentAction: Action = {
  id: 'open',
  label: 'Open…',
  description:
    'Open a diagram, a story or a challenge saved as a .json file (or drop the file on the canvas).',
  keys: ['Mod+O'],
  menu: 'file',
  section: 0,
  order: 1,
  perform: () => services.openFilePicker?.(),
};
