import { exportImage } from './exportImage.ts';
import type { Action } from './types.ts';

export const exportSvgAction: Action = {
  id: 'export-svg',
  label: 'Export SVG',
  description: 'Download the diagram as an SVG picture for slides and documents.',
  menu: 'file',
  section: 2,
  order: 1,
  perform: () => exportImage('svg'),
};
