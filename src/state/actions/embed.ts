import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const embedAction: Action = {
  id: 'embed',
  label: 'Embed in a web page…',
  description: 'Get an iframe snippet that shows this diagram or story step on a course page.',
  menu: 'file',
  section: 1,
  order: 1,
  perform: () => useUiStore.getState().openDialog({ id: 'embed' }),
};
