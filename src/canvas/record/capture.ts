// Reads what the live canvas shows into a RecordScene (scene.ts), on the page: boxes,
// icons, labels and badges from the DOM as the browser laid them out (rectangles, computed
// colours, fonts, borders, shadows, SVG shapes), links from the SVG paths React Flow drew,
// the background dots from its pattern, and the live overlay's own state (liveDraw.ts) for
// link load and dots. Nothing is guessed from the document: if the canvas shows it, the
// frame shows it; if CSS changes, the recording follows.
//
// A box is read again only when something in it changed (a MutationObserver marks it), so a
// frame usually costs the overlay's typed arrays and a few attribute reads.

import type { LiveDrawState } from '../live/liveDraw.ts';
import { BUCKETS, QUEUE_SHOWN } from '../live/paint.ts';
import type {
  BackgroundScene,
  Border,
  BoxItem,
  EdgeScene,
  GroupItem,
  Item,
  Matrix,
  NodeScene,
  PathItem,
  Radius,
  RecordScene,
  Shadow,
} from './scene.ts';

/** Panels on the canvas that belong in a recording (the dot legend); the rest is editor chrome. */
const RECORDED_PANELS = '.bp-legend';
/** Main-thread time per frame for reading boxes that changed, ms. */
const READ_BUDGET_MS = 4;

/**
 * Client pixels → the units a list of items is in. Item units are CSS pixels of the layout
 * (flow units inside the diagram, screen pixels for panels), so computed lengths (borders,
 * radii, shadows) need no scaling; only client rectangles do.
 */
interface Frame {
  x0: number;
  y0: number;
  /** Units per client pixel (1 / zoom inside the diagram, 1 for screen panels). */
  unit: number;
  walk: Walk;
  /** An ancestor's attributes changed (class, style): nothing under it may be reused. */
  forced: boolean;
}

/**
 * What may be reused from the last reading. Every element keeps the items it produced with
 * the rectangle it had then; an element no mutation touched (itself, a descendant, or an
 * ancestor's attributes) that still has the same rectangle gives the same items, so a
 * badge changing reads the badge again, not the whole box.
 */
interface Walk {
  elements: WeakMap<Element, { key: string; items: readonly Item[] }>;
  /** Elements with a mutation at or under them since the last reading. */
  touched: Set<Node>;
  /** Elements whose own attributes changed. */
  restyled: Set<Node>;
  /** Tag and class lists known to have no box-drawing ::before/::after. */
  noPseudo: Set<string>;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A client rectangle in item units. */
const toItem = (r: DOMRect, f: Frame): Box => ({
  x: (r.left - f.x0) * f.unit,
  y: (r.top - f.y0) * f.unit,
  w: r.width * f.unit,
  h: r.height * f.unit,
});

export interface CaptureExtras {
  clock: string | null;
  caption: string | null;
}

export interface OutputSize {
  width: number;
  height: number;
  captionBand: number;
}

interface CachedNode {
  key: string;
  json: string;
  items: Item[];
}

export class SceneCapture {
  private readonly dirty = new Set<string>();
  private allDirty = true;
  private edgesDirty = true;
  private labelsDirty = true;
  private overlaysDirty = true;
  private readonly nodes = new Map<string, CachedNode>();
  private version = 0;
  private edges = versioned<EdgeScene[]>([]);
  private labels = versioned<Item[]>([]);
  private overlays = versioned<Item[]>([]);
  private rps: Readonly<Record<string, number>> | null = null;
  private rpsVersion = 0;
  private lastZoom = Number.NaN;
  private readonly observer: MutationObserver;
  private readonly walk: Walk = {
    elements: new WeakMap(),
    touched: new Set(),
    restyled: new Set(),
    noPseudo: new Set(),
  };
  private background: string | null = null;

  constructor(private readonly root: HTMLElement) {
    this.observer = new MutationObserver((records) => {
      for (const r of records) this.mark(r);
    });
    this.observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }

  dispose(): void {
    this.observer.disconnect();
  }

  private mark(r: MutationRecord): void {
    const target = r.target instanceof Element ? r.target : r.target.parentElement;
    if (!target) return;
    const node = target.closest<HTMLElement>('.react-flow__node');
    // React Flow moves a box by its wrapper's transform: the store has the position.
    if (node && target === node && r.type === 'attributes' && r.attributeName === 'style') return;
    if (r.type === 'attributes') this.walk.restyled.add(target);
    for (let p: Element | null = target; p && p !== this.root; p = p.parentElement) {
      if (this.walk.touched.has(p)) break;
      this.walk.touched.add(p);
    }
    if (node) {
      const id = node.dataset.id;
      if (id) this.dirty.add(id);
      if (r.type === 'childList') this.edgesDirty = true;
      return;
    }
    if (target.closest('.react-flow__edges, .react-flow__marker, defs')) this.edgesDirty = true;
    else if (target.closest('.react-flow__edgelabel-renderer')) this.labelsDirty = true;
    else if (target.closest(RECORDED_PANELS) || target.classList.contains('react-flow__panel'))
      this.overlaysDirty = true;
    else if (r.type === 'childList') {
      // Whole layers coming and going (a new document): read everything again.
      this.allDirty = true;
      this.edgesDirty = true;
      this.labelsDirty = true;
      this.overlaysDirty = true;
    }
  }

  /** Zoom changed: text and borders are laid out anew, so everything is read again. */
  private followZoom(zoom: number): void {
    if (zoom === this.lastZoom) return;
    this.lastZoom = zoom;
    this.allDirty = true;
    this.edgesDirty = true;
    this.labelsDirty = true;
  }

  private boxes(): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>('.react-flow__nodes > .react-flow__node')];
  }

  /** Whether a box must be read again before it can be shown. */
  private stale(id: string): boolean {
    return this.allDirty || this.dirty.has(id) || !this.nodes.has(id);
  }

  /** Reads one box from the DOM (only its changed parts, see Walk). */
  private readNode(el: HTMLElement, id: string, zoom: number): CachedNode {
    const wr = el.getBoundingClientRect();
    const items: Item[] = [];
    captureElement(
      el,
      { x0: wr.left, y0: wr.top, unit: 1 / zoom, walk: this.walk, forced: false },
      items,
    );
    let cached = this.nodes.get(id);
    const json = JSON.stringify(items);
    if (!cached || cached.json !== json) {
      // One counter for all boxes: a key is never used twice, even for a box that left
      // and came back.
      cached = { key: `${id}#${++this.version}`, json, items };
      this.nodes.set(id, cached);
    }
    this.dirty.delete(id);
    return cached;
  }

  /**
   * Reads boxes that need it for at most `budgetMs`, so a first reading of a big diagram is
   * spread over frames instead of freezing one; true once every box is read.
   */
  warm(state: LiveDrawState, budgetMs: number): boolean {
    const t0 = performance.now();
    this.followZoom(state.view.zoom);
    if (this.allDirty) {
      for (const el of this.boxes()) if (el.dataset.id) this.dirty.add(el.dataset.id);
      this.allDirty = false;
    }
    for (const el of this.boxes()) {
      const id = el.dataset.id;
      if (!id || !state.rects.has(id) || !this.stale(id)) continue;
      if (performance.now() - t0 > budgetMs) return false;
      this.readNode(el, id, state.view.zoom);
    }
    return true;
  }

  /** The scene at this moment, sized for the output. */
  capture(state: LiveDrawState, extras: CaptureExtras, out: OutputSize): RecordScene {
    const root = this.root;
    const rootRect = root.getBoundingClientRect();
    const { tx, ty, zoom } = state.view;
    this.followZoom(zoom);
    const walk = this.walk;
    const flowFrame: Frame = {
      x0: rootRect.left + tx,
      y0: rootRect.top + ty,
      unit: 1 / zoom,
      walk,
      forced: false,
    };

    const nodes: NodeScene[] = [];
    const present = new Set<string>();
    const boxes = this.boxes();
    if (this.allDirty) {
      for (const el of boxes) if (el.dataset.id) this.dirty.add(el.dataset.id);
      this.allDirty = false;
    }
    // Boxes that changed are read within a time budget; past it, the rest show what they
    // showed a frame ago and are read in the next frames (a box never read is read now).
    const t0 = performance.now();
    for (const el of boxes) {
      const id = el.dataset.id;
      const rect = id ? state.rects.get(id) : undefined;
      if (!id || !rect) continue;
      present.add(id);
      const known = this.nodes.get(id);
      const cached =
        this.stale(id) && (!known || performance.now() - t0 < READ_BUDGET_MS)
          ? this.readNode(el, id, zoom)
          : known!;
      const z = Number.parseInt(el.style.zIndex || '0', 10) || 0;
      nodes.push({ id, key: cached.key, x: rect.x, y: rect.y, z, items: cached.items });
    }
    for (const id of this.nodes.keys()) if (!present.has(id)) this.nodes.delete(id);
    for (const id of this.dirty) if (!present.has(id)) this.dirty.delete(id);

    if (this.edgesDirty) {
      update(this.edges, captureEdges(root));
      this.edgesDirty = false;
    }
    if (this.labelsDirty) {
      const items: Item[] = [];
      const renderer = root.querySelector<HTMLElement>('.react-flow__edgelabel-renderer');
      if (renderer) captureElement(renderer, flowFrame, items);
      update(this.labels, items);
      this.labelsDirty = false;
    }
    if (this.overlaysDirty) {
      const items: Item[] = [];
      const screen: Frame = { x0: rootRect.left, y0: rootRect.top, unit: 1, walk, forced: false };
      for (const el of root.querySelectorAll<HTMLElement>(RECORDED_PANELS)) {
        captureElement(el, screen, items);
      }
      update(this.overlays, items);
      this.overlaysDirty = false;
    }
    if (state.rps !== this.rps) {
      this.rps = state.rps;
      this.rpsVersion++;
    }
    // What changed is forgotten only once every box has been read since.
    if (this.dirty.size === 0) {
      walk.touched.clear();
      walk.restyled.clear();
    }
    this.background ??= backgroundColor(root);

    const live = state.status !== 'idle' && state.started;
    return {
      width: out.width,
      height: out.height,
      paneWidth: state.width,
      paneHeight: state.height,
      view: { tx, ty, zoom },
      background: captureBackground(root, this.background),
      nodes,
      edges: this.edges.value,
      labels: this.labels.value,
      overlays: this.overlays.value,
      edgesKey: String(this.edges.version),
      labelsKey: String(this.labels.version),
      overlaysKey: String(this.overlays.version),
      load: live
        ? {
            key: `${this.rpsVersion}|${state.reduced}|${rectsKey(state)}`,
            curves: [...state.curves],
            rps: state.rps,
            labelled: [...state.labelled],
            boxes: [...state.boxRects],
            steady: state.reduced,
          }
        : null,
      dots: live ? dotsOf(state) : null,
      clock: extras.clock,
      caption: extras.caption,
      captionBand: out.captionBand,
    };
  }
}

/** Where every box is and how big, as a key (the link curves follow from it). */
function rectsKey(state: LiveDrawState): string {
  let key = '';
  for (const [id, r] of state.rects) key += `${id}:${r.x},${r.y},${r.width},${r.height};`;
  return key;
}

/** A value read from the page, with a version that changes only when the value does. */
interface Versioned<T> {
  value: T;
  json: string;
  version: number;
}

function versioned<T>(value: T): Versioned<T> {
  return { value, json: JSON.stringify(value), version: 0 };
}

function update<T>(v: Versioned<T>, value: T): void {
  const json = JSON.stringify(value);
  if (json === v.json) return;
  v.value = value;
  v.json = json;
  v.version++;
}

function dotsOf(state: LiveDrawState): RecordScene['dots'] {
  const buckets: Float32Array[] = [];
  for (let b = 0; b < BUCKETS; b++) buckets.push(Float32Array.from(state.buckets[b] ?? []));
  const queued: [string, number][] = [];
  const rects: [string, { x: number; y: number; width: number; height: number }][] = [];
  for (const [id, n] of state.queued) {
    if (n <= QUEUE_SHOWN) continue;
    const r = state.rects.get(id);
    if (!r) continue;
    queued.push([id, n]);
    rects.push([id, r]);
  }
  return { buckets, queued, rects };
}

// ---------------------------------------------------------------------------------------
// Background and links

function backgroundColor(root: HTMLElement): string {
  return solidColor(getComputedStyle(root).backgroundColor) ?? pageBackground(root);
}

/** React Flow's dot pattern, from its attributes (read every frame: it follows the view). */
function captureBackground(root: HTMLElement, color: string): BackgroundScene {
  const pattern = root.querySelector<SVGPatternElement>('.react-flow__background pattern');
  const circle = pattern?.querySelector('circle');
  if (!pattern || !circle) return { color, dots: null };
  const num = (el: Element, name: string) => Number.parseFloat(el.getAttribute(name) ?? '0') || 0;
  const gap = num(pattern, 'width');
  if (!(gap > 0)) return { color, dots: null };
  const shift = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/.exec(
    pattern.getAttribute('patternTransform') ?? '',
  );
  const sx = shift ? Number(shift[1]) : 0;
  const sy = shift ? Number(shift[2]) : 0;
  const fill = solidColor(getComputedStyle(circle).fill) ?? '#cbd5e1';
  return {
    color,
    dots: {
      gap,
      r: num(circle, 'r'),
      x: num(pattern, 'x') + num(circle, 'cx') + sx,
      y: num(pattern, 'y') + num(circle, 'cy') + sy,
      color: fill,
    },
  };
}

/** The first opaque background behind the canvas (the canvas section, then the page). */
function pageBackground(el: HTMLElement): string {
  for (let p: HTMLElement | null = el; p; p = p.parentElement) {
    const c = solidColor(getComputedStyle(p).backgroundColor);
    if (c) return c;
  }
  return '#ffffff';
}

function captureEdges(root: HTMLElement): EdgeScene[] {
  const out: EdgeScene[] = [];
  for (const path of root.querySelectorAll<SVGPathElement>(
    '.react-flow__edges path.react-flow__edge-path',
  )) {
    const d = path.getAttribute('d');
    if (!d) continue;
    const cs = getComputedStyle(path);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const color = solidColor(cs.stroke);
    if (!color) continue;
    const width = Number.parseFloat(cs.strokeWidth) || 1;
    const group = path.closest<SVGGElement>('.react-flow__edge');
    out.push({
      id: group?.dataset.id ?? group?.getAttribute('data-testid') ?? d,
      d,
      color,
      width,
      dash: dashOf(cs.strokeDasharray),
      arrow: arrowOf(path, width),
    });
  }
  return out;
}

/** The arrowhead React Flow puts at the end of a link (its <marker>), as a polygon. */
function arrowOf(path: SVGPathElement, strokeWidth: number): EdgeScene['arrow'] {
  const ref = /url\(["']?#([^"')]+)["']?\)/.exec(path.getAttribute('marker-end') ?? '');
  if (!ref) return null;
  const marker = document.getElementById(decodeURIComponent(ref[1]!)) as SVGMarkerElement | null;
  const shape = marker?.querySelector('polyline, polygon, path');
  if (!marker || !shape) return null;
  const pts = (shape.getAttribute('points') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n));
  if (pts.length < 6) return null;
  const vb = marker.viewBox.baseVal;
  const mw = marker.markerWidth.baseVal.value;
  const units = marker.getAttribute('markerUnits') ?? 'strokeWidth';
  const scale =
    (vb && vb.width > 0 ? mw / vb.width : 1) * (units === 'strokeWidth' ? strokeWidth : 1);
  const refX = marker.refX.baseVal.value;
  const refY = marker.refY.baseVal.value;
  const len = path.getTotalLength();
  if (!(len > 0)) return null;
  const end = path.getPointAtLength(len);
  const before = path.getPointAtLength(Math.max(0, len - 1));
  const angle = Math.atan2(end.y - before.y, end.x - before.x);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const points: number[] = [];
  for (let i = 0; i + 1 < pts.length; i += 2) {
    const x = (pts[i]! - refX) * scale;
    const y = (pts[i + 1]! - refY) * scale;
    points.push(end.x + x * cos - y * sin, end.y + x * sin + y * cos);
  }
  const cs = getComputedStyle(shape);
  const fill = solidColor(cs.fill) ?? solidColor(cs.stroke) ?? '#94a3b8';
  return {
    points,
    fill,
    stroke: solidColor(cs.stroke) ?? fill,
    width: (Number.parseFloat(cs.strokeWidth) || 1) * scale,
  };
}

// ---------------------------------------------------------------------------------------
// Elements

function captureElement(el: Element, f: Frame, out: Item[]): void {
  if (el.getAttribute('role') === 'tooltip' || el.classList.contains('react-flow__resize-control'))
    return;
  const r = el.getBoundingClientRect();
  const key = `${r.left - f.x0},${r.top - f.y0},${r.width},${r.height},${f.unit}`;
  const w = f.walk;
  if (!f.forced && !w.touched.has(el)) {
    const hit = w.elements.get(el);
    if (hit && hit.key === key) {
      for (const it of hit.items) out.push(it);
      return;
    }
  }
  const mine: Item[] = [];
  readElement(el, r, w.restyled.has(el) ? { ...f, forced: true } : f, mine);
  w.elements.set(el, { key, items: mine });
  for (const it of mine) out.push(it);
}

function readElement(el: Element, r: DOMRect, f: Frame, out: Item[]): void {
  const cs = getComputedStyle(el);
  if (cs.display === 'none' || cs.visibility === 'hidden') return;
  const opacity = Number.parseFloat(cs.opacity);
  if (opacity === 0) return;
  const grayscale = grayscaleOf(cs.filter);
  const grouped = opacity < 1 || grayscale > 0;
  const target: Item[] = grouped ? [] : out;

  if (el instanceof SVGSVGElement) {
    captureSvg(el, f, target);
  } else if (el instanceof HTMLElement) {
    if (r.width > 0 || r.height > 0) {
      const at = toItem(r, f);
      const box = boxOf(cs, at);
      if (box) target.push(box);
      const before = pseudoBox(el, '::before', at, cs, f.walk);
      const after = pseudoBox(el, '::after', at, cs, f.walk);
      // An absolutely placed pseudo-element paints with the positioned children.
      if (before && !before.positioned) target.push(before.item);
      captureChildrenAround(el, f, target, before?.positioned ? before.item : null, after);
    }
  }
  if (grouped && target.length > 0) {
    const b = itemsBounds(target);
    const g: GroupItem = { t: 'group', ...b, opacity, grayscale, items: target };
    out.push(g);
  }
}

/** Children, with the pseudo-elements where CSS paints them. */
function captureChildrenAround(
  el: Element,
  f: Frame,
  out: Item[],
  positionedBefore: BoxItem | null,
  after: { item: BoxItem; positioned: boolean } | null,
): void {
  const normal: Item[] = [];
  const later: Element[] = [];
  for (const child of el.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) captureText(child as Text, el, f, normal);
    else if (child instanceof Element) {
      if (getComputedStyle(child).position === 'static') captureElement(child, f, normal);
      else later.push(child);
    }
  }
  out.push(...normal);
  if (after && !after.positioned) out.push(after.item);
  if (positionedBefore) out.push(positionedBefore);
  for (const child of later) captureElement(child, f, out);
  if (after?.positioned) out.push(after.item);
}

function itemsBounds(items: readonly Item[]): { x: number; y: number; w: number; h: number } {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const it of items) {
    x0 = Math.min(x0, it.x);
    y0 = Math.min(y0, it.y);
    x1 = Math.max(x1, it.x + it.w);
    y1 = Math.max(y1, it.y + it.h);
  }
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function boxOf(cs: CSSStyleDeclaration, at: Box): BoxItem | null {
  const fill = solidColor(cs.backgroundColor);
  const border = borderOf(cs);
  const shadows = shadowsOf(cs.boxShadow);
  if (!fill && !border && shadows.length === 0) return null;
  const { x, y, w, h } = at;
  return { t: 'box', x, y, w, h, radii: radiiOf(cs, w, h), fill, border, shadows };
}

function borderOf(cs: CSSStyleDeclaration): Border | null {
  const sides = ['Top', 'Right', 'Bottom', 'Left'] as const;
  let best: Border | null = null;
  for (const s of sides) {
    const style = cs.getPropertyValue(`border-${s.toLowerCase()}-style`);
    const width = Number.parseFloat(cs.getPropertyValue(`border-${s.toLowerCase()}-width`)) || 0;
    if (style === 'none' || style === 'hidden' || width <= 0) continue;
    const color = solidColor(cs.getPropertyValue(`border-${s.toLowerCase()}-color`));
    if (!color) continue;
    if (!best || width > best.width) {
      best = {
        color,
        width,
        style: style === 'dashed' ? 'dashed' : style === 'dotted' ? 'dotted' : 'solid',
      };
    }
  }
  return best;
}

function radiiOf(
  cs: CSSStyleDeclaration,
  w: number,
  h: number,
): readonly [Radius, Radius, Radius, Radius] {
  const one = (v: string): Radius => {
    const [a = '0', b = a] = v.trim().split(/\s+/);
    const len = (s: string, of: number) =>
      s.endsWith('%') ? (Number.parseFloat(s) / 100) * of : Number.parseFloat(s) || 0;
    return { x: len(a, w), y: len(b, h) };
  };
  return [
    one(cs.borderTopLeftRadius),
    one(cs.borderTopRightRadius),
    one(cs.borderBottomRightRadius),
    one(cs.borderBottomLeftRadius),
  ];
}

/** A pseudo-element that draws a box (a colour strip, a cylinder's top), in item units. */
function pseudoBox(
  el: HTMLElement,
  which: '::before' | '::after',
  at: Box,
  host: CSSStyleDeclaration,
  walk: Walk,
): { item: BoxItem; positioned: boolean } | null {
  const kind = `${el.tagName}.${el.className}${which}`;
  if (walk.noPseudo.has(kind)) return null;
  const cs = getComputedStyle(el, which);
  const positioned = cs.position === 'absolute' || cs.position === 'fixed';
  // Inline pseudo text is not used on the canvas: only absolutely placed boxes.
  if (cs.content === 'none' || cs.content === 'normal' || cs.display === 'none' || !positioned) {
    walk.noPseudo.add(kind);
    return null;
  }
  const px = (v: string) => Number.parseFloat(v);
  const bl = px(host.borderLeftWidth) || 0;
  const bt = px(host.borderTopWidth) || 0;
  // Absolutely placed in the element's padding box.
  const padW = at.w - bl - (px(host.borderRightWidth) || 0);
  const padH = at.h - bt - (px(host.borderBottomWidth) || 0);
  const left = px(cs.left);
  const right = px(cs.right);
  const top = px(cs.top);
  const bottom = px(cs.bottom);
  let w = px(cs.width);
  let h = px(cs.height);
  if (!Number.isFinite(w)) w = padW - (left || 0) - (right || 0);
  if (!Number.isFinite(h)) h = padH - (top || 0) - (bottom || 0);
  const x = Number.isFinite(left) ? left : padW - w - (right || 0);
  const y = Number.isFinite(top) ? top : padH - h - (bottom || 0);
  const item = boxOf(cs, { x: at.x + bl + x, y: at.y + bt + y, w, h });
  return item ? { item, positioned } : null;
}

// ---------------------------------------------------------------------------------------
// Text

/** One Range for every text read (they are read one at a time). */
let sharedRange: Range | null = null;

function captureText(node: Text, parent: Element, f: Frame, out: Item[]): void {
  const raw = node.data;
  if (!raw.trim()) return;
  const cs = getComputedStyle(parent);
  if (cs.visibility === 'hidden' || cs.display === 'none') return;
  const color = solidColor(cs.color);
  if (!color) return;
  const text = transformText(raw.replace(/\s+/g, ' '), cs.textTransform);
  const font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
  const spacing = cs.letterSpacing === 'normal' ? 0 : Number.parseFloat(cs.letterSpacing) || 0;
  sharedRange ??= document.createRange();
  const range = sharedRange;
  range.selectNodeContents(node);
  const rects = [...range.getClientRects()].filter((q) => q.width > 0);
  if (rects.length === 0) return;
  // text-overflow: ellipsis — the text is cut where its element's content box ends.
  let clipRight: number | null = null;
  if (
    cs.textOverflow === 'ellipsis' &&
    parent instanceof HTMLElement &&
    parent.scrollWidth > parent.clientWidth
  ) {
    const pr = parent.getBoundingClientRect();
    clipRight =
      pr.right -
      (Number.parseFloat(cs.paddingRight) || 0) -
      (Number.parseFloat(cs.borderRightWidth) || 0);
  }
  const push = (t: string, q: DOMRect) => {
    out.push({
      t: 'text',
      x: (q.left - f.x0) * f.unit,
      y: (q.top - f.y0) * f.unit,
      w: q.width * f.unit,
      h: q.height * f.unit,
      text: t,
      font,
      color,
      spacing,
      clip: clipRight === null ? null : Math.max(0, (clipRight - q.left) * f.unit),
    });
  };
  if (rects.length === 1) {
    push(text, rects[0]!);
    return;
  }
  // Wrapped over several lines: split it where the browser did, character by character.
  const lines: { start: number; end: number; rect: DOMRect }[] = [];
  for (let i = 0; i < raw.length; i++) {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const q = range.getBoundingClientRect();
    if (q.width === 0 && q.height === 0) continue;
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.rect.top - q.top) < q.height / 2) {
      last.end = i + 1;
      last.rect = new DOMRect(
        last.rect.left,
        last.rect.top,
        q.right - last.rect.left,
        Math.max(last.rect.height, q.height),
      );
    } else lines.push({ start: i, end: i + 1, rect: q });
  }
  for (const l of lines) {
    const t = transformText(raw.slice(l.start, l.end).replace(/\s+/g, ' '), cs.textTransform);
    if (t.trim()) push(t.trimEnd(), l.rect);
  }
}

function transformText(text: string, transform: string): string {
  if (transform === 'uppercase') return text.toUpperCase();
  if (transform === 'lowercase') return text.toLowerCase();
  if (transform === 'capitalize') return text.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
  return text;
}

// ---------------------------------------------------------------------------------------
// SVG (icons, the utilization ring)

function captureSvg(svg: SVGSVGElement, f: Frame, out: Item[]): void {
  const r = svg.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) return;
  const x = (r.left - f.x0) * f.unit;
  const y = (r.top - f.y0) * f.unit;
  const w = r.width * f.unit;
  const h = r.height * f.unit;
  const vb = svg.viewBox.baseVal;
  const vw = vb && vb.width > 0 ? vb.width : r.width;
  const vh = vb && vb.height > 0 ? vb.height : r.height;
  const k = Math.min(w / vw, h / vh);
  // preserveAspectRatio xMidYMid meet: centred.
  const m: Matrix = [
    k,
    0,
    0,
    k,
    x + (w - vw * k) / 2 - (vb?.x ?? 0) * k,
    y + (h - vh * k) / 2 - (vb?.y ?? 0) * k,
  ];
  const bounds = { x: x - 2, y: y - 2, w: w + 4, h: h + 4 };
  walkSvg(svg, m, bounds, out);
}

function walkSvg(
  parent: Element,
  m: Matrix,
  bounds: { x: number; y: number; w: number; h: number },
  out: Item[],
): void {
  for (const el of parent.children) {
    if (!(el instanceof SVGGraphicsElement)) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    const local = matrixOf(el);
    const mm = local ? multiply(m, local) : m;
    if (el instanceof SVGGElement) {
      walkSvg(el, mm, bounds, out);
      continue;
    }
    const d = shapePath(el);
    if (!d) continue;
    const fill = paintOf(cs.fill, cs.fillOpacity);
    const stroke = paintOf(cs.stroke, cs.strokeOpacity);
    if (!fill && !stroke) continue;
    const item: PathItem = {
      t: 'path',
      ...bounds,
      d,
      m: mm,
      fill,
      stroke,
      width: Number.parseFloat(cs.strokeWidth) || 0,
      cap: (cs.strokeLinecap as CanvasLineCap) || 'butt',
      join: (cs.strokeLinejoin as CanvasLineJoin) || 'miter',
      dash: dashOf(cs.strokeDasharray),
      opacity: Number.parseFloat(cs.opacity) || 1,
    };
    out.push(item);
  }
}

function matrixOf(el: SVGGraphicsElement): Matrix | null {
  const list = el.transform?.baseVal;
  if (!list || list.numberOfItems === 0) return null;
  const c = list.consolidate();
  if (!c) return null;
  const { a, b, c: cc, d, e, f } = c.matrix;
  return [a, b, cc, d, e, f];
}

const multiply = (p: Matrix, q: Matrix): Matrix => [
  p[0] * q[0] + p[2] * q[1],
  p[1] * q[0] + p[3] * q[1],
  p[0] * q[2] + p[2] * q[3],
  p[1] * q[2] + p[3] * q[3],
  p[0] * q[4] + p[2] * q[5] + p[4],
  p[1] * q[4] + p[3] * q[5] + p[5],
];

/** An SVG shape as path data, starting where SVG starts it (dash patterns depend on it). */
export function shapePath(el: Element): string | null {
  const n = (name: string) => Number.parseFloat(el.getAttribute(name) ?? '0') || 0;
  switch (el.tagName.toLowerCase()) {
    case 'path':
      return el.getAttribute('d');
    case 'circle': {
      const [cx, cy, r] = [n('cx'), n('cy'), n('r')];
      return r > 0 ? ellipsePath(cx, cy, r, r) : null;
    }
    case 'ellipse': {
      const [cx, cy, rx, ry] = [n('cx'), n('cy'), n('rx'), n('ry')];
      return rx > 0 && ry > 0 ? ellipsePath(cx, cy, rx, ry) : null;
    }
    case 'rect': {
      const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
      if (w <= 0 || h <= 0) return null;
      let rx = el.hasAttribute('rx') ? n('rx') : n('ry');
      let ry = el.hasAttribute('ry') ? n('ry') : rx;
      rx = Math.min(rx, w / 2);
      ry = Math.min(ry, h / 2);
      if (rx <= 0 || ry <= 0) return `M${x},${y}H${x + w}V${y + h}H${x}Z`;
      return (
        `M${x + rx},${y}H${x + w - rx}A${rx},${ry} 0 0 1 ${x + w},${y + ry}V${y + h - ry}` +
        `A${rx},${ry} 0 0 1 ${x + w - rx},${y + h}H${x + rx}A${rx},${ry} 0 0 1 ${x},${y + h - ry}` +
        `V${y + ry}A${rx},${ry} 0 0 1 ${x + rx},${y}Z`
      );
    }
    case 'line':
      return `M${n('x1')},${n('y1')}L${n('x2')},${n('y2')}`;
    case 'polyline':
    case 'polygon': {
      const pts = (el.getAttribute('points') ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      if (pts.length < 4) return null;
      let d = `M${pts[0]},${pts[1]}`;
      for (let i = 2; i + 1 < pts.length; i += 2) d += `L${pts[i]},${pts[i + 1]}`;
      return el.tagName.toLowerCase() === 'polygon' ? `${d}Z` : d;
    }
    default:
      return null;
  }
}

/** A full ellipse from 3 o'clock, clockwise, as SVG draws <circle> and <ellipse>. */
function ellipsePath(cx: number, cy: number, rx: number, ry: number): string {
  return `M${cx + rx},${cy}A${rx},${ry} 0 0 1 ${cx},${cy + ry}A${rx},${ry} 0 0 1 ${cx - rx},${cy}A${rx},${ry} 0 0 1 ${cx},${cy - ry}A${rx},${ry} 0 0 1 ${cx + rx},${cy}Z`;
}

// ---------------------------------------------------------------------------------------
// Values

function dashOf(v: string): number[] {
  if (!v || v === 'none') return [];
  const parts = v
    .split(/[\s,]+/)
    .map((s) => Number.parseFloat(s))
    .filter((x) => x >= 0);
  return parts.every((x) => x === 0) ? [] : parts;
}

function grayscaleOf(filter: string): number {
  const m = /grayscale\(\s*([\d.]+)(%?)\s*\)/.exec(filter);
  if (!m) return 0;
  const v = Number(m[1]);
  return Math.min(1, m[2] ? v / 100 : v);
}

function paintOf(paint: string, opacity: string): string | null {
  if (!paint || paint === 'none' || paint.startsWith('url(')) return null;
  const c = solidColor(paint);
  if (!c) return null;
  const o = Number.parseFloat(opacity);
  return Number.isFinite(o) && o < 1 ? withAlpha(c, o) : c;
}

export function shadowsOf(v: string): Shadow[] {
  if (!v || v === 'none') return [];
  const out: Shadow[] = [];
  for (const part of splitTop(v)) {
    if (/\binset\b/.test(part)) continue;
    const colorMatch = /(rgba?\([^)]*\)|color\([^)]*\)|#[0-9a-f]{3,8}\b|[a-z]+(?=\s|$))/i.exec(
      part.replace(/-?[\d.]+px/g, ' '),
    );
    const color = colorMatch ? solidColor(colorMatch[1]!) : null;
    if (!color) continue;
    const nums = [...part.replace(/\([^)]*\)/g, '').matchAll(/(-?[\d.]+)px/g)].map((m) =>
      Number(m[1]),
    );
    const [x = 0, y = 0, blur = 0, spread = 0] = nums;
    out.push({ color, x, y, blur, spread });
  }
  return out;
}

/** Splits "a(b, c), d" at the commas outside brackets. */
function splitTop(v: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    const ch = v[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(v.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(v.slice(start).trim());
  return out.filter(Boolean);
}

const colorCache = new Map<string, string | null>();
let probe: CanvasRenderingContext2D | null = null;

/**
 * A computed colour as a canvas-ready `rgb()`/`rgba()`, or null when fully transparent.
 * Handles `color(srgb …)` (what color-mix() computes to) without relying on the canvas
 * understanding it.
 */
export function solidColor(v: string | null | undefined): string | null {
  if (!v) return null;
  const hit = colorCache.get(v);
  if (hit !== undefined) return hit;
  const c = normalizeColor(v);
  colorCache.set(v, c);
  return c;
}

function normalizeColor(v: string): string | null {
  const s = v.trim();
  if (s === 'transparent' || s === 'none') return null;
  const srgb =
    /^color\(\s*srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.%]+))?\s*\)$/i.exec(s);
  if (srgb) {
    const ch = (x: string) => Math.round(Math.max(0, Math.min(1, Number(x))) * 255);
    const a = srgb[4] === undefined ? 1 : alphaOf(srgb[4]);
    return a <= 0 ? null : `rgba(${ch(srgb[1]!)}, ${ch(srgb[2]!)}, ${ch(srgb[3]!)}, ${a})`;
  }
  const rgb = /^rgba?\(([^)]*)\)$/i.exec(s);
  if (rgb) {
    const parts = rgb[1]!.split(/[\s,/]+/).filter(Boolean);
    const a = parts[3] === undefined ? 1 : alphaOf(parts[3]);
    if (a <= 0) return null;
    return `rgba(${parts
      .slice(0, 3)
      .map((p) => Number.parseFloat(p))
      .join(', ')}, ${a})`;
  }
  // Anything else (a named colour, oklch…): let a canvas resolve it.
  probe ??= document.createElement('canvas').getContext('2d');
  if (!probe) return s;
  probe.fillStyle = '#010203';
  probe.fillStyle = s;
  const out = String(probe.fillStyle);
  if (out === '#010203' && s !== '#010203') return s;
  return /rgba\([^)]*,\s*0\)$/.test(out) ? null : out;
}

function alphaOf(s: string): number {
  return s.endsWith('%') ? Number.parseFloat(s) / 100 : Number.parseFloat(s);
}

function withAlpha(rgba: string, o: number): string {
  const m = /^rgba\(([^,]+),([^,]+),([^,]+),\s*([\d.]+)\)$/.exec(rgba);
  if (m) return `rgba(${m[1]},${m[2]},${m[3]}, ${Number(m[4]) * o})`;
  return rgba;
}
