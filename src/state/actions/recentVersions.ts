import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const recentVersionsAction: Action = {
  id: 'recent-versions',
  label: 'Recent versions…',
  description:
    'Earlier autosaves of your diagram (one a minute), copies set aside, and damaged saves to download.',
  menu: 'file',
  section: 0,
  order: 3,
  perform: () => useUiStore.getState().openDialog({ id: 'recent-versions' }),
};
