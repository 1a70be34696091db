import { clipboard } from '../clipboard.ts';
import { pasteClipboard } from '../commands.ts';
import type { Action } from './types.ts';

export const pasteAction: Action = {
  id: 'paste',
  label: 'Paste',
  description: 'Add a copy of what you copied, with new ids, a little offset.',
  keys: ['Mod+V'],
  menu: 'edit',
  section: 1,
  order: 1,
  predicate: () => clipboard.hasContent(),
  perform: () => pasteClipboard(),
};
