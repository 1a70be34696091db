// How the live layers are painted: link load (thickness and a req/s label), the request dots
// and the "+N waiting" counts. One copy, called by the live overlay (DotLayer, on the page's
// canvases) and by a recording frame (src/canvas/record/drawFrame.ts, in the recorder's
// Worker), so a video shows exactly what the canvas shows. No DOM here: a 2D context and
// plain data in, pixels out; a canvas factory is passed in for the dot sprites.

import { FAIL_COLOR, JOB_COLOR, LOAD_COLOR, ROUTE_COLORS } from './colors.ts';
import { type Curve, pointOn, type Rect } from './geometry.ts';

export type Ctx2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
export type CanvasLike = HTMLCanvasElement | OffscreenCanvas;
/** Makes a blank canvas (a `<canvas>` on the page, an OffscreenCanvas in a Worker). */
export type MakeCanvas = (width: number, height: number) => CanvasLike;

export const DOT_R = 3.6;
export const QUEUE_GAP = 7.5;
/** Waiting dots drawn under a box at most; the rest is a "+N" count. */
export const QUEUE_SHOWN = 48;

// Colour buckets: 0–7 routes, 8 jobs, 9 failed; +10 faded (the user gave up).
export const BUCKETS = 20;
export const bucketColor = (b: number): string =>
  b % 10 === 9 ? FAIL_COLOR : b % 10 === 8 ? JOB_COLOR : ROUTE_COLORS[b % 10]!;
export const bucketOf = (route: number, isFailed: boolean, faded: boolean): number =>
  (isFailed ? 9 : route < 0 ? 8 : route % 8) + (faded && !isFailed ? 10 : 0);

/** Where a waiting dot number `k` sits under a box (flow coordinates), written into `out`. */
export function queueSpot(r: Rect, k: number, out: { x: number; y: number }): void {
  const cols = Math.max(1, Math.floor((r.width - 8) / QUEUE_GAP));
  out.x = r.x + 6 + (k % cols) * QUEUE_GAP;
  out.y = r.y + r.height + 7 + Math.floor(k / cols) * QUEUE_GAP;
}

/** How flow coordinates map to the target's pixels: pixel = (flow × zoom + t) × scale. */
export interface PaintView {
  tx: number;
  ty: number;
  zoom: number;
  /** Device pixels per CSS pixel (devicePixelRatio live, the output's scale in a video). */
  scale: number;
}

/**
 * Pre-drawn dot sprites, one per colour bucket at the current size: blitting them is far
 * cheaper than a path of hundreds of arcs when the browser rasterizes in software.
 */
export class DotSprites {
  private readonly sprites = new Map<number, Sprite>();
  private radius = 0;

  constructor(private readonly make: MakeCanvas) {}

  get(bucket: number, radius: number): Sprite {
    if (radius !== this.radius) {
      for (const s of this.sprites.values()) if ('close' in s) s.close();
      this.sprites.clear();
      this.radius = radius;
    }
    let sprite = this.sprites.get(bucket);
    if (!sprite) {
      const c = makeSprite(this.make, bucketColor(bucket), bucket >= 10 ? 0.3 : 0.92, radius);
      // An OffscreenCanvas becomes an ImageBitmap: a canvas used as a source is snapshotted
      // on every draw, a bitmap is not (a thousand dots a frame notice the difference).
      sprite = 'transferToImageBitmap' in c ? c.transferToImageBitmap() : c;
      this.sprites.set(bucket, sprite);
    }
    return sprite;
  }
}

export type Sprite = CanvasLike | ImageBitmap;

/** A filled circle of radius `r` device pixels, with a thin darker rim for contrast. */
function makeSprite(make: MakeCanvas, color: string, alpha: number, r: number): CanvasLike {
  const size = Math.ceil(r * 2 + 2);
  const c = make(size, size);
  const s = c.getContext('2d') as Ctx2D;
  s.globalAlpha = alpha;
  s.fillStyle = color;
  s.beginPath();
  s.arc(size / 2, size / 2, r, 0, Math.PI * 2);
  s.fill();
  s.globalAlpha = alpha * 0.5;
  s.strokeStyle = 'rgba(15, 23, 42, 0.35)';
  s.lineWidth = 1;
  s.stroke();
  return c;
}

/**
 * The dots: `buckets[b]` holds x, y pairs in flow coordinates for colour bucket b. Drawn at
 * device pixels (the context's transform is reset here and left so).
 */
export function paintDots(
  g: Ctx2D,
  buckets: readonly ArrayLike<number>[],
  view: PaintView,
  sprites: DotSprites,
  offset = { x: 0, y: 0 },
): void {
  const { tx, ty, zoom, scale } = view;
  g.setTransform(1, 0, 0, 1, 0, 0);
  const r = DOT_R * scale * zoom;
  for (let b = 0; b < buckets.length; b++) {
    const xy = buckets[b]!;
    if (xy.length === 0) continue;
    const sprite = sprites.get(b, r);
    const off = sprite.width / 2;
    for (let i = 0; i < xy.length; i += 2) {
      const sx = (xy[i]! * zoom + tx) * scale + offset.x;
      const sy = (xy[i + 1]! * zoom + ty) * scale + offset.y;
      g.drawImage(sprite, Math.round(sx - off), Math.round(sy - off));
    }
  }
}

/** "+N waiting" under a box whose waiting line is longer than QUEUE_SHOWN (flow transform set). */
export function paintOverflow(
  g: Ctx2D,
  queued: Iterable<readonly [string, number]>,
  rects: ReadonlyMap<string, Rect>,
): void {
  g.font = '600 10px system-ui, -apple-system, "Segoe UI", sans-serif';
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  g.fillStyle = '#475569';
  for (const [node, count] of queued) {
    if (count <= QUEUE_SHOWN) continue;
    const r = rects.get(node);
    if (!r) continue;
    const cols = Math.max(1, Math.floor((r.width - 8) / QUEUE_GAP));
    const rows = Math.ceil(QUEUE_SHOWN / cols);
    g.fillText(`+${count - QUEUE_SHOWN} waiting`, r.x + 4, r.y + r.height + 8 + rows * QUEUE_GAP);
  }
}

/** The steady flow marks drawn instead of moving dots when the reader asks for less motion. */
const CHEVRON_EVERY = 34;
const CHEVRON_COLOR = 'rgba(30, 64, 175, 0.42)';

/**
 * Link load (flow transform set): thicker with more traffic (2 + 3·log₁₀(1 + req/s) px),
 * with its rate written beside it. `steady` (reduced motion) adds a static pattern of
 * chevrons pointing the way requests go, so the flow reads without anything moving.
 */
export function paintLoad(
  g: Ctx2D,
  curves: ReadonlyMap<string, Curve>,
  rps: Readonly<Record<string, number>>,
  zoom: number,
  labelled: ReadonlyMap<string, string>,
  boxes: ReadonlyMap<string, Rect>,
  steady = false,
): void {
  g.lineCap = 'round';
  g.strokeStyle = LOAD_COLOR;
  const loaded: [Curve, string, string][] = [];
  for (const [id, c] of curves) {
    const r = rps[id] ?? 0;
    if (r <= 0) continue;
    g.lineWidth = 2 + Math.log10(1 + r) * 3;
    g.beginPath();
    g.moveTo(c.x0, c.y0);
    g.bezierCurveTo(c.cx1, c.cy1, c.cx2, c.cy2, c.x1, c.y1);
    g.stroke();
    loaded.push([c, id, formatRps(r)]);
  }
  if (steady) {
    g.strokeStyle = CHEVRON_COLOR;
    g.lineWidth = 1.6;
    g.lineJoin = 'round';
    for (const [c, id] of loaded) paintChevrons(g, c, rps[id] ?? 0);
  }
  if (zoom < 0.45) return; // unreadable when zoomed far out
  g.font = '600 10px system-ui, -apple-system, "Segoe UI", sans-serif';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  // Rates go where they collide with nothing already there: the boxes, the connections'
  // own labels (drawn by React Flow at their midpoints) and the rates placed before them.
  const taken: Rect[] = [...boxes.values()];
  const p = { x: 0, y: 0 };
  for (const [id, text] of labelled) {
    const c = curves.get(id);
    if (!c) continue;
    pointOn(c, 0.5, p);
    const w = text.length * 7 + 18;
    taken.push({ x: p.x - w / 2, y: p.y - 10, width: w, height: 20 });
  }
  for (const [c, , text] of loaded) {
    const w = g.measureText(text).width + 8;
    let spot: Rect | null = null;
    for (const [f, dy] of LABEL_SPOTS) {
      pointOn(c, f, p);
      const rect = { x: p.x - w / 2, y: p.y + dy - 7, width: w, height: 14 };
      if (!taken.some((t) => overlap(t, rect))) {
        spot = rect;
        break;
      }
    }
    // Crowded everywhere: just under its middle.
    if (!spot) {
      pointOn(c, 0.5, p);
      spot = { x: p.x - w / 2, y: p.y + 16 - 7, width: w, height: 14 };
    }
    taken.push(spot);
    g.fillStyle = 'rgba(255, 255, 255, 0.9)';
    g.beginPath();
    g.roundRect(spot.x, spot.y, spot.width, spot.height, 7);
    g.fill();
    g.fillStyle = '#1e40af';
    g.fillText(text, spot.x + spot.width / 2, spot.y + 7.5);
  }
}

/**
 * Chevrons (›) along a curve every CHEVRON_EVERY flow pixels, pointing from source to
 * target, a little larger on busier links. They never move: the direction and the weight
 * of the flow, without animation.
 */
function paintChevrons(g: Ctx2D, c: Curve, rate: number): void {
  const length = approxLength(c);
  const n = Math.floor(length / CHEVRON_EVERY);
  if (n < 1) return;
  const half = 2.6 + Math.min(2, Math.log10(1 + rate) * 0.6);
  const p = { x: 0, y: 0 };
  const q = { x: 0, y: 0 };
  g.beginPath();
  for (let i = 1; i <= n; i++) {
    const f = (i - 0.5) / n;
    pointOn(c, f, p);
    pointOn(c, Math.min(1, f + 0.01), q);
    const a = Math.atan2(q.y - p.y, q.x - p.x);
    const cos = Math.cos(a);
    const sin = Math.sin(a);
    // A "›" whose tip is at p, arms back along the curve.
    g.moveTo(p.x - half * cos - half * sin, p.y - half * sin + half * cos);
    g.lineTo(p.x, p.y);
    g.lineTo(p.x - half * cos + half * sin, p.y - half * sin - half * cos);
  }
  g.stroke();
}

function approxLength(c: Curve): number {
  const p = { x: c.x0, y: c.y0 };
  const q = { x: 0, y: 0 };
  let len = 0;
  for (let i = 1; i <= 16; i++) {
    pointOn(c, i / 16, q);
    len += Math.hypot(q.x - p.x, q.y - p.y);
    p.x = q.x;
    p.y = q.y;
  }
  return len;
}

/**
 * Where a connection's rate may go, best first: a point along it (0 = source, 1 = target)
 * and how far below (+) or above (−) that point.
 */
const LABEL_SPOTS: readonly [number, number][] = [
  // Beside the line first: the line itself carries the dots, which are drawn on top.
  [0.5, 16],
  [0.5, -16],
  [0.38, 16],
  [0.62, 16],
  [0.38, -16],
  [0.62, -16],
  [0.28, 16],
  [0.72, 16],
  [0.5, 0],
  [0.38, 0],
  [0.62, 0],
  // A short link between close boxes: clear of the boxes, under (or over) the gap.
  [0.5, 30],
  [0.5, -30],
  [0.5, 46],
  [0.5, -46],
  [0.5, 60],
  [0.5, -60],
];

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function formatRps(r: number): string {
  if (r >= 10_000) return `${Math.round(r / 1000)}k req/s`;
  if (r >= 1000) return `${(r / 1000).toFixed(1)}k req/s`;
  if (r >= 10) return `${Math.round(r)} req/s`;
  return `${r.toFixed(1)} req/s`;
}
