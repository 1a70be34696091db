import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const shareAction: Action = {
  id: 'share',
  label: 'Share link…',
  description: 'Copy a link that opens this diagram (or this story step) for anyone, offline too.',
  menu: 'file',
  section: 1,
  order: 0,
  perform: () => useUiStore.getState().openDialog({ id: 'share' }),
};
