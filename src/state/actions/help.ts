import { useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const shortcutsAction: Action = {
  id: 'shortcuts',
  label: 'Keyboard shortcuts',
  description: 'List every shortcut.',
  keys: ['?'],
  menu: 'help',
  section: 0,
  order: 0,
  perform: () => useUiStore.getState().openDialog({ id: 'shortcuts' }),
};

export const showHintAction: Action = {
  id: 'show-hint',
  label: 'Getting started',
  description: 'Show the short how-to on the canvas again.',
  menu: 'help',
  section: 0,
  order: 1,
  perform: () => useUiStore.getState().setHintVisible(true),
};
