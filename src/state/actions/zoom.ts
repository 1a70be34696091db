import { services } from '../services.ts';
import type { Action } from './types.ts';

export const zoomInAction: Action = {
  id: 'zoom-in',
  label: 'Zoom in',
  description: 'Make everything bigger.',
  keys: ['Mod+='],
  menu: 'view',
  section: 0,
  order: 1,
  perform: () => services.canvas?.zoomIn(),
};

export const zoomOutAction: Action = {
  id: 'zoom-out',
  label: 'Zoom out',
  description: 'Make everything smaller.',
  keys: ['Mod+-'],
  menu: 'view',
  section: 0,
  order: 2,
  perform: () => services.canvas?.zoomOut(),
};
