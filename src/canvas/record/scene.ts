// A recording frame as plain data: what the live canvas shows at one moment, read from
// React Flow's store and the DOM on the page (capture.ts), painted by drawFrame.ts in the
// recorder's Worker. Everything here survives structured cloning (no DOM objects, no
// classes), so a frame travels to the Worker as one message.

import type { Curve, Rect } from '../live/geometry.ts';

/** A 2D affine matrix [a, b, c, d, e, f] as in CanvasRenderingContext2D.setTransform. */
export type Matrix = readonly [number, number, number, number, number, number];

export interface Radius {
  x: number;
  y: number;
}

export interface Shadow {
  color: string;
  x: number;
  y: number;
  blur: number;
  spread: number;
}

export interface Border {
  color: string;
  width: number;
  style: 'solid' | 'dashed' | 'dotted';
}

/** A CSS box: background, border, rounded corners and outer shadows. */
export interface BoxItem {
  t: 'box';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Corner radii, top-left, top-right, bottom-right, bottom-left. */
  radii: readonly [Radius, Radius, Radius, Radius];
  fill: string | null;
  border: Border | null;
  shadows: readonly Shadow[];
}

/** One line of text; (x, y, w, h) is the box the browser laid it out in. */
export interface TextItem {
  t: 'text';
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  /** A canvas font: style weight size family. */
  font: string;
  color: string;
  /** Extra space between letters, px. */
  spacing: number;
  /** Clipped with an ellipsis at this width (text-overflow: ellipsis), if set. */
  clip: number | null;
}

/** An SVG shape as a path, its user units mapped by `m`. */
export interface PathItem {
  t: 'path';
  /** The bounds it may paint in (for layers), flow units. */
  x: number;
  y: number;
  w: number;
  h: number;
  d: string;
  m: Matrix;
  fill: string | null;
  stroke: string | null;
  width: number;
  cap: CanvasLineCap;
  join: CanvasLineJoin;
  dash: readonly number[];
  opacity: number;
}

/** Items drawn together with a group opacity and a grayscale filter (a crashed box). */
export interface GroupItem {
  t: 'group';
  x: number;
  y: number;
  w: number;
  h: number;
  opacity: number;
  /** 0 (none) to 1 (fully grey). */
  grayscale: number;
  items: readonly Item[];
}

export type Item = BoxItem | TextItem | PathItem | GroupItem;

/**
 * One box or host on the canvas: its items relative to its top-left corner, so moving it
 * needs no new capture. `key` changes whenever the items do (the Worker caches each node's
 * pixels under it).
 */
export interface NodeScene {
  id: string;
  key: string;
  x: number;
  y: number;
  /** React Flow's stacking: below zero under the links (hosts), else above them. */
  z: number;
  items: readonly Item[];
}

export interface EdgeScene {
  id: string;
  /** The SVG path as React Flow drew it, flow coordinates. */
  d: string;
  color: string;
  width: number;
  dash: readonly number[];
  /** The arrowhead at the end, if any: its polygon in flow units, ready to fill. */
  arrow: { points: readonly number[]; fill: string; stroke: string; width: number } | null;
}

/** React Flow's dotted background: one dot of radius r every `gap` px, screen space. */
export interface BackgroundScene {
  color: string;
  dots: { gap: number; r: number; x: number; y: number; color: string } | null;
}

/** Link load and its rates (paint.ts paintLoad). */
export interface LoadScene {
  /** Changes whenever the rates do (the boxes' positions are keyed separately). */
  key: string;
  curves: readonly (readonly [string, Curve])[];
  rps: Readonly<Record<string, number>>;
  labelled: readonly (readonly [string, string])[];
  boxes: readonly (readonly [string, Rect])[];
  steady: boolean;
}

export interface DotsScene {
  /** x, y pairs in flow coordinates per colour bucket (paint.ts). */
  buckets: readonly Float32Array[];
  /** Boxes with a waiting line longer than what is drawn: its rectangle and the count. */
  queued: readonly (readonly [string, number])[];
  rects: readonly (readonly [string, Rect])[];
}

export interface RecordScene {
  /** Output size, pixels. */
  width: number;
  height: number;
  /** The canvas on the page, CSS pixels (what is framed). */
  paneWidth: number;
  paneHeight: number;
  /** React Flow's viewport: screen = flow × zoom + t. */
  view: { tx: number; ty: number; zoom: number };
  background: BackgroundScene;
  nodes: readonly NodeScene[];
  edges: readonly EdgeScene[];
  /** Connection labels and cut badges (flow coordinates, above the links). */
  labels: readonly Item[];
  /** Panels on the canvas itself, such as the dot legend (screen coordinates). */
  overlays: readonly Item[];
  /** Change whenever the links, the labels or the panels do (the Worker caches by them). */
  edgesKey: string;
  labelsKey: string;
  overlaysKey: string;
  load: LoadScene | null;
  dots: DotsScene | null;
  /** The simulated clock, e.g. "42.5 s · 2×"; null before a run. */
  clock: string | null;
  /** Big text over the bottom of the frame, like presenter mode's caption. */
  caption: string | null;
  /**
   * Room kept at the bottom for captions, as a fraction of the height (0: none), the same
   * in every frame of a recording so the picture never jumps.
   */
  captionBand: number;
}
