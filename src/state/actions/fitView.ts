import { services } from '../services.ts';
import type { Action } from './types.ts';

export const fitViewAction: Action = {
  id: 'fit-view',
  label: 'Fit view',
  description: 'Zoom so the whole diagram is visible.',
  keys: ['Shift+1'],
  menu: 'view',
  section: 0,
  order: 0,
  perform: () => services.canvas?.fitView(),
};
