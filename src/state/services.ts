// Things only a mounted component can do (React Flow's viewport, the hidden file input),
// registered here by that component so actions can call them without importing React.

import type { XY } from '../model/types.ts';

export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CanvasServices {
  fitView: () => void;
  /** The visible part of the canvas in flow coordinates. */
  viewRect: () => ViewRect;
  zoomIn: () => void;
  zoomOut: () => void;
  /** Screen (client) point → flow coordinates. */
  toFlow: (point: XY) => XY;
}

export const services: {
  canvas?: CanvasServices;
  /** Opens the browser's file picker for a .json document. */
  openFilePicker?: () => void;
  /** Downloads the diagram as `fileTitle`.png / .svg (registered by src/ui/share). */
  exportImage?: (format: 'png' | 'svg', fileTitle: string) => Promise<void>;
} = {};

/** Fits the view once the canvas has drawn what just came in (no-op without a canvas). */
export function fitSoon(): void {
  if (typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => services.canvas?.fitView());
}
