import { exportImage } from './exportImage.ts';
import type { Action } from './types.ts';

export const exportPngAction: Action = {
  id: 'export-png',
  label: 'Export PNG',
  description: 'Download the diagram as a PNG picture (white background, no editor chrome).',
  menu: 'file',
  section: 2,
  order: 0,
  perform: () => exportImage('png'),
};
