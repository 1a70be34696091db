// Paints one recording frame from a RecordScene, in the order the page paints the canvas:
// background dots, link load, request dots (paint.ts, the live overlay's own routines),
// hosts, links, connection labels, boxes, then the canvas's panels (the dot legend), the
// clock and the caption. No DOM: a 2D context, a canvas factory and plain data, so it runs
// in the recorder's Worker and in unit tests with a fake context.
//
// Only the dots and the clock are painted every frame. The rest is kept in layers painted
// again only when what they show changes: the background, the link load (its rates change
// a few times a second), and everything over the dots (boxes, links, labels, the legend),
// itself composed from one small layer per box, so a badge changing repaints that box.
// Panning or zooming repaints them all, as the page does.

import type { Rect } from '../live/geometry.ts';
import {
  type CanvasLike,
  type Ctx2D,
  DotSprites,
  type MakeCanvas,
  paintDots,
  paintLoad,
  paintOverflow,
  type Sprite,
} from '../live/paint.ts';
import type {
  BoxItem,
  GroupItem,
  Item,
  Matrix,
  NodeScene,
  PathItem,
  Radius,
  RecordScene,
  TextItem,
} from './scene.ts';

/** The app's font stack (global.css), for what the recorder writes itself. */
export const UI_FONT =
  'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif';
const CAPTION_BG = '#0f172a';
const CAPTION_FG = '#f8fafc';

export interface FrameCache {
  make: MakeCanvas;
  makePath: (d: string) => Path2D;
  sprites: DotSprites;
  /** Each box's own layer, by node id. */
  layers: Map<string, Layer>;
  paths: Map<string, Path2D>;
  /** Whole-frame layers: the background, link load, everything over the dots, the caption. */
  full: Map<string, { key: string | null; canvas: CanvasLike; image: Sprite }>;
}

interface Layer {
  key: string;
  canvas: CanvasLike;
  /** What is drawn from: the canvas, or a bitmap of it where there is one. */
  image: Sprite;
  /** Where the layer's top-left pixel sits relative to the node's origin, in pixels. */
  ox: number;
  oy: number;
}

export function createFrameCache(
  make: MakeCanvas,
  makePath: (d: string) => Path2D = (d) => new Path2D(d),
): FrameCache {
  return {
    make,
    makePath,
    sprites: new DotSprites(make),
    layers: new Map(),
    paths: new Map(),
    full: new Map(),
  };
}

/** Where the canvas goes in the frame: its scale, its top-left, and the caption band. */
export interface FrameLayout {
  scale: number;
  ox: number;
  oy: number;
  /** Height of the caption band at the bottom, px (0: none). */
  band: number;
}

export function frameLayout(scene: RecordScene): FrameLayout {
  const band = Math.round(scene.height * scene.captionBand);
  const areaH = scene.height - band;
  const scale = Math.min(scene.width / scene.paneWidth, areaH / scene.paneHeight);
  return {
    scale,
    ox: (scene.width - scene.paneWidth * scale) / 2,
    oy: (areaH - scene.paneHeight * scale) / 2,
    band,
  };
}

export function drawFrame(g: Ctx2D, scene: RecordScene, cache: FrameCache): void {
  const L = frameLayout(scene);
  const { width: W, height: H } = scene;
  const { tx, ty, zoom } = scene.view;
  const k = L.scale * zoom;
  // Flow coordinates → output pixels.
  const fx = L.scale * tx + L.ox;
  const fy = L.scale * ty + L.oy;
  const view = `${W}x${H}|${scene.paneWidth}x${scene.paneHeight}|${L.band}|${tx},${ty},${zoom}`;
  const clip = (c: Ctx2D) => {
    c.beginPath();
    c.rect(L.ox, L.oy, scene.paneWidth * L.scale, scene.paneHeight * L.scale);
    c.clip();
  };

  g.setTransform(1, 0, 0, 1, 0, 0);
  g.globalAlpha = 1;
  // Under the dots: the background (its own layer, it changes only with the view) and the
  // link load over it (a few times a second), as one picture copied in each frame.
  const bg = scene.background;
  const bgKey = `${view}|${bg.color}|${bg.dots ? Object.values(bg.dots).join(',') : ''}`;
  const load = scene.load;
  const under = layer(cache, 'under', `${bgKey}|${load ? load.key : ''}`, W, H, (c) => {
    c.drawImage(
      layer(cache, 'base', bgKey, W, H, (b) => drawBackground(b, scene, L, clip)),
      0,
      0,
    );
    if (!load) return;
    clip(c);
    c.setTransform(k, 0, 0, k, fx, fy);
    paintLoad(
      c,
      new Map(load.curves),
      load.rps,
      zoom,
      new Map(load.labelled),
      new Map(load.boxes),
      load.steady,
    );
  });
  g.drawImage(under, 0, 0);

  if (scene.dots) {
    g.save();
    clip(g);
    paintDots(g, scene.dots.buckets, { tx, ty, zoom, scale: L.scale }, cache.sprites, {
      x: L.ox,
      y: L.oy,
    });
    g.setTransform(k, 0, 0, k, fx, fy);
    paintOverflow(g, scene.dots.queued, new Map<string, Rect>(scene.dots.rects));
    g.restore();
    fonts.delete(g);
  }

  // Everything React Flow draws over the dots, and the panels over that: one layer, painted
  // again only when a box, a link, a label or the view changed.
  const order = [...scene.nodes].sort((a, b) => a.z - b.z);
  const topKey = `${view}|${order.map((n) => `${n.key}@${n.x},${n.y},${n.z}`).join(' ')}|${scene.edgesKey}|${scene.labelsKey}|${scene.overlaysKey}`;
  const top = layer(cache, 'top', topKey, W, H, (c) => {
    clip(c);
    const seen = new Set<string>();
    for (const n of order) if (n.z < 0) drawNode(c, n, k, fx, fy, cache, seen);
    drawEdges(c, scene, k, fx, fy, cache);
    drawItems(c, scene.labels, cache, k, fx, fy);
    for (const n of order) if (n.z >= 0) drawNode(c, n, k, fx, fy, cache, seen);
    // Layers of boxes no longer on the canvas go.
    for (const [id, l] of cache.layers) {
      if (seen.has(id)) continue;
      release(l.image, l.canvas);
      cache.layers.delete(id);
    }
    drawItems(c, scene.overlays, cache, L.scale, L.ox, L.oy);
  });
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.drawImage(top, 0, 0);

  if (scene.clock) {
    g.setTransform(L.scale, 0, 0, L.scale, L.ox, L.oy);
    drawClock(g, scene.clock, scene.paneWidth);
  }
  if (L.band > 0) {
    const text = scene.caption?.trim() ?? '';
    const band = layer(cache, 'caption', `${W}x${H}|${L.band}|${text}`, W, L.band, (c) =>
      drawCaption(c, W, L.band, text),
    );
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.drawImage(band, 0, H - L.band);
  }
  g.setTransform(1, 0, 0, 1, 0, 0);
}

/**
 * A whole-frame layer kept between frames and painted again only when its key changes
 * (the canvas is reused, cleared first).
 */
function layer(
  cache: FrameCache,
  name: string,
  key: string,
  w: number,
  h: number,
  paint: (g: Ctx2D) => void,
): Sprite {
  let l = cache.full.get(name);
  if (!l || l.canvas.width !== w || l.canvas.height !== h) {
    const canvas = cache.make(w, h);
    l = { key: null, canvas, image: canvas };
    cache.full.set(name, l);
  }
  if (l.key !== key) {
    const c = l.canvas.getContext('2d') as Ctx2D;
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.clearRect(0, 0, w, h);
    c.save();
    paint(c);
    c.restore();
    fonts.delete(c);
    release(l.image, l.canvas);
    l.image = freeze(l.canvas);
    l.key = key;
  }
  return l.image;
}

/**
 * A finished layer as a bitmap where the canvas can make one: a canvas drawn from is
 * snapshotted on every draw, a bitmap is not. The canvas stays, blank, for the next time.
 */
function freeze(c: CanvasLike): Sprite {
  return 'transferToImageBitmap' in c ? c.transferToImageBitmap() : c;
}

function release(image: Sprite, canvas: CanvasLike): void {
  if (image !== canvas && 'close' in image) image.close();
}

function drawBackground(g: Ctx2D, scene: RecordScene, L: FrameLayout, clip: (c: Ctx2D) => void) {
  g.fillStyle = scene.background.color;
  g.fillRect(0, 0, scene.width, scene.height);
  const dots = scene.background.dots;
  if (!dots) return;
  clip(g);
  g.setTransform(L.scale, 0, 0, L.scale, L.ox, L.oy);
  g.fillStyle = dots.color;
  g.beginPath();
  const x0 = dots.x - Math.ceil(dots.x / dots.gap) * dots.gap;
  const y0 = dots.y - Math.ceil(dots.y / dots.gap) * dots.gap;
  for (let x = x0; x <= scene.paneWidth + dots.gap; x += dots.gap) {
    for (let y = y0; y <= scene.paneHeight + dots.gap; y += dots.gap) {
      g.moveTo(x + dots.r, y);
      g.arc(x, y, dots.r, 0, Math.PI * 2);
    }
  }
  g.fill();
}

function pathOf(cache: FrameCache, d: string): Path2D {
  let p = cache.paths.get(d);
  if (!p) {
    if (cache.paths.size > 2000) cache.paths.clear();
    p = cache.makePath(d);
    cache.paths.set(d, p);
  }
  return p;
}

function drawEdges(
  g: Ctx2D,
  scene: RecordScene,
  k: number,
  fx: number,
  fy: number,
  cache: FrameCache,
): void {
  g.setTransform(k, 0, 0, k, fx, fy);
  g.lineCap = 'butt';
  g.lineJoin = 'miter';
  for (const e of scene.edges) {
    g.strokeStyle = e.color;
    g.lineWidth = e.width;
    g.setLineDash(e.dash as number[]);
    g.stroke(pathOf(cache, e.d));
  }
  g.setLineDash([]);
  g.lineCap = 'round';
  g.lineJoin = 'round';
  for (const e of scene.edges) {
    const a = e.arrow;
    if (!a || a.points.length < 6) continue;
    g.beginPath();
    g.moveTo(a.points[0]!, a.points[1]!);
    for (let i = 2; i < a.points.length; i += 2) g.lineTo(a.points[i]!, a.points[i + 1]!);
    g.closePath();
    g.fillStyle = a.fill;
    g.fill();
    g.strokeStyle = a.stroke;
    g.lineWidth = a.width;
    g.stroke();
  }
}

/** A node from its cached layer (rendered again when what it shows or the zoom changed). */
function drawNode(
  g: Ctx2D,
  n: NodeScene,
  k: number,
  fx: number,
  fy: number,
  cache: FrameCache,
  seen: Set<string>,
): void {
  seen.add(n.id);
  const key = `${n.key}|${k}`;
  let layer = cache.layers.get(n.id);
  if (!layer || layer.key !== key) {
    const b = boundsOf(n.items);
    if (!b) return;
    const ox = Math.floor(b.x * k) - 2;
    const oy = Math.floor(b.y * k) - 2;
    const w = Math.max(1, Math.ceil((b.x + b.width) * k) - ox + 2);
    const h = Math.max(1, Math.ceil((b.y + b.height) * k) - oy + 2);
    // The box's old layer is painted over when it has the same size (a badge changing
    // keeps it); making a canvas costs more than painting a small one.
    const canvas =
      layer && layer.canvas.width === w && layer.canvas.height === h
        ? layer.canvas
        : cache.make(w, h);
    const lg = canvas.getContext('2d') as Ctx2D;
    lg.setTransform(1, 0, 0, 1, 0, 0);
    lg.clearRect(0, 0, w, h);
    drawItems(lg, n.items, cache, k, -ox, -oy);
    if (layer) release(layer.image, layer.canvas);
    layer = { key, canvas, image: freeze(canvas), ox, oy };
    cache.layers.set(n.id, layer);
  }
  g.setTransform(1, 0, 0, 1, 0, 0);
  g.drawImage(
    layer.image,
    Math.round(n.x * k + fx + layer.ox),
    Math.round(n.y * k + fy + layer.oy),
  );
}

/** The area items may paint, shadows included (units of the items). */
export function boundsOf(items: readonly Item[]): Rect | null {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  const add = (x: number, y: number, w: number, h: number) => {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + w);
    y1 = Math.max(y1, y + h);
  };
  for (const it of items) {
    if (it.t === 'box') {
      add(it.x, it.y, it.w, it.h);
      for (const s of it.shadows) {
        const grow = s.spread + s.blur;
        add(it.x + s.x - grow, it.y + s.y - grow, it.w + 2 * grow, it.h + 2 * grow);
      }
    } else if (it.t === 'text') {
      add(it.x - 1, it.y, (it.clip ?? it.w) + 2, it.h);
    } else {
      add(it.x, it.y, it.w, it.h);
    }
  }
  if (!Number.isFinite(x0)) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Items at `k` pixels per unit, unit (0, 0) at pixel (dx, dy). */
function drawItems(
  g: Ctx2D,
  items: readonly Item[],
  cache: FrameCache,
  k: number,
  dx: number,
  dy: number,
): void {
  for (const it of items) {
    if (it.t === 'box') drawBox(g, it, k, dx, dy);
    else if (it.t === 'text') drawText(g, it, k, dx, dy);
    else if (it.t === 'path') drawPath(g, it, cache, k, dx, dy);
    else drawGroup(g, it, cache, k, dx, dy);
  }
}

function roundedRect(
  g: Ctx2D,
  x: number,
  y: number,
  w: number,
  h: number,
  radii: readonly Radius[],
  grow: number,
): void {
  const r = radii.map((c) => ({ x: Math.max(0, c.x + grow), y: Math.max(0, c.y + grow) }));
  const round = r.some((c) => c.x > 0 && c.y > 0);
  g.beginPath();
  if (round && w > 0 && h > 0) g.roundRect(x - grow, y - grow, w + 2 * grow, h + 2 * grow, r);
  else g.rect(x - grow, y - grow, w + 2 * grow, h + 2 * grow);
}

function drawBox(g: Ctx2D, b: BoxItem, k: number, dx: number, dy: number): void {
  g.setTransform(k, 0, 0, k, dx, dy);
  // CSS paints the first shadow on top: draw them last to first.
  for (let i = b.shadows.length - 1; i >= 0; i--) {
    const s = b.shadows[i]!;
    g.fillStyle = s.color;
    if (s.blur <= 0) {
      roundedRect(g, b.x + s.x, b.y + s.y, b.w, b.h, b.radii, s.spread);
      g.fill();
      continue;
    }
    // A blurred shadow as a few widening layers that add up to its colour: the app's
    // shadows are faint (a few % alpha), and a canvas shadow blur costs a frame's budget
    // in software.
    const steps = Math.min(4, Math.max(2, Math.ceil(s.blur / 3)));
    const alpha = g.globalAlpha;
    g.globalAlpha = alpha / steps;
    for (let j = 0; j < steps; j++) {
      const grow = s.spread - s.blur / 2 + (s.blur * (j + 0.5)) / steps;
      roundedRect(g, b.x + s.x, b.y + s.y, b.w, b.h, b.radii, grow);
      g.fill();
    }
    g.globalAlpha = alpha;
  }
  if (b.fill) {
    g.fillStyle = b.fill;
    roundedRect(g, b.x, b.y, b.w, b.h, b.radii, 0);
    g.fill();
  }
  const br = b.border;
  if (br && br.width > 0) {
    const half = br.width / 2;
    g.strokeStyle = br.color;
    g.lineWidth = br.width;
    g.setLineDash(
      br.style === 'dashed'
        ? [br.width * 3, br.width * 3]
        : br.style === 'dotted'
          ? [br.width, br.width]
          : [],
    );
    roundedRect(g, b.x + half, b.y + half, b.w - br.width, b.h - br.width, b.radii, -half);
    g.stroke();
    g.setLineDash([]);
  }
}

/**
 * The font and letter spacing last set on each context: setting them again is not free.
 * Forgotten wherever something else may have changed them (paint.ts, restore()).
 */
const fonts = new WeakMap<Ctx2D, string>();

function setFont(g: Ctx2D, font: string, spacing: number): void {
  const key = `${font}|${spacing}`;
  if (fonts.get(g) === key) return;
  fonts.set(g, key);
  g.font = font;
  if ('letterSpacing' in g) (g as { letterSpacing: string }).letterSpacing = `${spacing}px`;
}

function drawText(g: Ctx2D, t: TextItem, k: number, dx: number, dy: number): void {
  g.setTransform(k, 0, 0, k, dx, dy);
  setFont(g, t.font, t.spacing);
  g.fillStyle = t.color;
  g.textAlign = 'left';
  g.textBaseline = 'alphabetic';
  const m = g.measureText(t.text);
  const ascent = m.fontBoundingBoxAscent ?? m.actualBoundingBoxAscent ?? t.h * 0.8;
  const descent = m.fontBoundingBoxDescent ?? m.actualBoundingBoxDescent ?? t.h * 0.2;
  const baseline = t.y + (t.h - (ascent + descent)) / 2 + ascent;
  let text = t.text;
  if (t.clip !== null && m.width > t.clip + 0.5) text = ellipsize(g, text, t.clip);
  g.fillText(text, t.x, baseline);
}

/** The longest start of `text` that fits in `width` with "…" after it. */
export function ellipsize(g: Pick<Ctx2D, 'measureText'>, text: string, width: number): string {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (g.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo).trimEnd()}…`;
}

const multiply = (p: Matrix, q: Matrix): Matrix => [
  p[0] * q[0] + p[2] * q[1],
  p[1] * q[0] + p[3] * q[1],
  p[0] * q[2] + p[2] * q[3],
  p[1] * q[2] + p[3] * q[3],
  p[0] * q[4] + p[2] * q[5] + p[4],
  p[1] * q[4] + p[3] * q[5] + p[5],
];

function drawPath(g: Ctx2D, p: PathItem, cache: FrameCache, k: number, dx: number, dy: number) {
  const m = multiply([k, 0, 0, k, dx, dy], p.m);
  g.setTransform(m[0], m[1], m[2], m[3], m[4], m[5]);
  const path = pathOf(cache, p.d);
  const alpha = g.globalAlpha;
  g.globalAlpha = alpha * p.opacity;
  if (p.fill) {
    g.fillStyle = p.fill;
    g.fill(path);
  }
  if (p.stroke && p.width > 0) {
    g.strokeStyle = p.stroke;
    g.lineWidth = p.width;
    g.lineCap = p.cap;
    g.lineJoin = p.join;
    g.setLineDash(p.dash as number[]);
    g.stroke(path);
    g.setLineDash([]);
  }
  g.globalAlpha = alpha;
}

/** A group: its items on a layer of their own, then greyed and laid down at its opacity. */
function drawGroup(
  g: Ctx2D,
  grp: GroupItem,
  cache: FrameCache,
  k: number,
  dx: number,
  dy: number,
): void {
  const b = boundsOf(grp.items);
  if (!b) return;
  const ox = Math.floor(b.x * k + dx) - 2;
  const oy = Math.floor(b.y * k + dy) - 2;
  const w = Math.max(1, Math.ceil((b.x + b.width) * k + dx) - ox + 2);
  const h = Math.max(1, Math.ceil((b.y + b.height) * k + dy) - oy + 2);
  const layer = cache.make(w, h);
  const lg = layer.getContext('2d') as Ctx2D;
  drawItems(lg, grp.items, cache, k, dx - ox, dy - oy);
  if (grp.grayscale > 0) grey(lg, w, h, grp.grayscale);
  g.setTransform(1, 0, 0, 1, 0, 0);
  const alpha = g.globalAlpha;
  g.globalAlpha = alpha * grp.opacity;
  g.drawImage(layer, ox, oy);
  g.globalAlpha = alpha;
}

/** CSS grayscale(amount) on a layer's pixels (the filter's own matrix, Filter Effects §). */
function grey(g: Ctx2D, w: number, h: number, amount: number): void {
  const img = g.getImageData(0, 0, w, h);
  const d = img.data;
  const a = 1 - Math.min(1, amount);
  const m = [
    0.2126 + 0.7874 * a,
    0.7152 - 0.7152 * a,
    0.0722 - 0.0722 * a,
    0.2126 - 0.2126 * a,
    0.7152 + 0.2848 * a,
    0.0722 - 0.0722 * a,
    0.2126 - 0.2126 * a,
    0.7152 - 0.7152 * a,
    0.0722 + 0.9278 * a,
  ];
  for (let i = 0; i < d.length; i += 4) {
    const r = d[i]!;
    const gg = d[i + 1]!;
    const bb = d[i + 2]!;
    d[i] = m[0]! * r + m[1]! * gg + m[2]! * bb;
    d[i + 1] = m[3]! * r + m[4]! * gg + m[5]! * bb;
    d[i + 2] = m[6]! * r + m[7]! * gg + m[8]! * bb;
  }
  g.putImageData(img, 0, 0);
}

/** The simulated clock in the top-left corner (screen transform set). */
function drawClock(g: Ctx2D, text: string, paneWidth: number): void {
  const size = paneWidth < 600 ? 11 : 13;
  setFont(g, `600 ${size}px ${UI_FONT}`, 0);
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  const w = g.measureText(text).width + 20;
  const h = size + 12;
  g.fillStyle = 'rgba(255, 255, 255, 0.94)';
  g.strokeStyle = '#cbd5e1';
  g.lineWidth = 1;
  g.beginPath();
  g.roundRect(12.5, 12.5, w, h, h / 2);
  g.fill();
  g.stroke();
  g.fillStyle = '#0f172a';
  g.fillText(text, 22.5, 12.5 + h / 2 + 0.5);
}

/** The caption band: big light text on the presenter caption's dark blue, two lines at most. */
function drawCaption(g: Ctx2D, width: number, band: number, text: string): void {
  g.fillStyle = CAPTION_BG;
  g.fillRect(0, 0, width, band);
  if (!text) return;
  const pad = Math.round(width * 0.03);
  const maxW = width - 2 * pad;
  let size = Math.round(band * 0.3);
  let lines = wrap(g, text, maxW, size);
  while (lines.length > 2 && size > band * 0.2) {
    size -= 1;
    lines = wrap(g, text, maxW, size);
  }
  if (lines.length > 2) {
    setFont(g, captionFont(size), 0);
    lines = [lines[0]!, ellipsize(g, lines.slice(1).join(' '), maxW)];
  }
  setFont(g, captionFont(size), 0);
  g.fillStyle = CAPTION_FG;
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  const lineH = size * 1.3;
  const y0 = band / 2 - ((lines.length - 1) * lineH) / 2;
  for (const [i, line] of lines.entries()) g.fillText(line, pad, y0 + i * lineH);
}

const captionFont = (size: number) => `600 ${size}px ${UI_FONT}`;

/** Words laid into lines no wider than `width` at `size` px. */
export function wrap(g: Ctx2D, text: string, width: number, size: number): string[] {
  setFont(g, captionFont(size), 0);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && g.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
