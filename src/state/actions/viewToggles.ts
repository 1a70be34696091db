import { notify, useUiStore } from '../uiStore.ts';
import type { Action } from './types.ts';

export const snapToGridAction: Action = {
  id: 'snap-to-grid',
  label: 'Snap to grid',
  description: 'Align boxes to a 20 px grid while dragging.',
  keys: ['Shift+G'],
  menu: 'view',
  section: 2,
  order: 0,
  checked: () => useUiStore.getState().snapToGrid,
  // Nothing on screen changes until the next drag, so say what the key just did.
  perform: () => {
    useUiStore.getState().toggleSnapToGrid();
    notify(
      'info',
      useUiStore.getState().snapToGrid
        ? 'Snap to grid on: boxes land on a 20 px grid.'
        : 'Snap to grid off.',
    );
  },
};

export const minimapAction: Action = {
  id: 'minimap',
  label: 'Minimap',
  description: 'Show a small overview of the whole diagram.',
  keys: ['Shift+M'],
  menu: 'view',
  section: 2,
  order: 1,
  checked: () => useUiStore.getState().minimap,
  perform: () => useUiStore.getState().toggleMinimap(),
};

export const bottomPanelAction: Action = {
  id: 'bottom-panel',
  label: 'Bottom panel',
  description: 'Show or hide the panel under the canvas.',
  keys: ['Mod+J'],
  menu: 'view',
  section: 2,
  order: 2,
  checked: () => useUiStore.getState().bottomPanelOpen,
  perform: () => {
    const ui = useUiStore.getState();
    ui.setBottomPanelOpen(!ui.bottomPanelOpen);
  },
};
