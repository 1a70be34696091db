// What the live overlay drew in its latest frame, handed to whoever listens (the video
// recorder, src/canvas/record/): the view, every box's rectangle and every link's curve as
// React Flow has them, the link rates and the dots by colour, in flow coordinates. A
// recording frame is painted from this with the same routines (paint.ts), so it shows what
// the canvas shows, frame for frame.

import type { RunStatus } from '../../state/simulationStore.ts';
import type { Curve, Rect } from './geometry.ts';

export interface LiveDrawState {
  /** The React Flow element the overlay sits in (boxes, links and labels are read from it). */
  root: HTMLElement;
  /** The overlay's size in CSS pixels (the whole canvas). */
  width: number;
  height: number;
  /** React Flow's viewport: screen = flow × zoom + t. */
  view: { tx: number; ty: number; zoom: number };
  status: RunStatus;
  /** The display clock (virtual ms) the dots are drawn at, and the run's speed. */
  display: number;
  speed: number;
  /** Frames have arrived since the run started (before that nothing is drawn). */
  started: boolean;
  /** prefers-reduced-motion: steady flow marks instead of moving dots. */
  reduced: boolean;
  /** Every node's rectangle (boxes and hosts) and every link's curve, flow coordinates. */
  rects: ReadonlyMap<string, Rect>;
  boxRects: ReadonlyMap<string, Rect>;
  curves: ReadonlyMap<string, Curve>;
  rps: Readonly<Record<string, number>>;
  labelled: ReadonlyMap<string, string>;
  /** x, y pairs per colour bucket (paint.ts); empty while idle or with reduced motion. */
  buckets: readonly (readonly number[])[];
  /** How many dots wait at each box (for "+N waiting"). */
  queued: ReadonlyMap<string, number>;
}

type Listener = (state: LiveDrawState) => void;
const listeners = new Set<Listener>();

/** Called after every frame the overlay draws; returns the unsubscribe. */
export function onLiveDraw(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function hasLiveDrawListeners(): boolean {
  return listeners.size > 0;
}

export function publishLiveDraw(state: LiveDrawState): void {
  for (const l of listeners) l(state);
}
