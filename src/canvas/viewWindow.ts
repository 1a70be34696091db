// The part of a big diagram React Flow is told about. React Flow keeps every node it knows
// in lookups it rebuilds on each change, and draws whatever of them is on screen, so a
// diagram of thousands of boxes made every edit, pan and open pay for all of them at once
// (an open of 10,000 boxes froze the tab for seconds). From BIG_DIAGRAM boxes on, it is told
// only about the boxes in and around the view (plus their hosts, their neighbours so that
// connections leaving the view are drawn, and anything selected or being dragged):
//
// - as the view moves, boxes coming near are added and boxes far away are dropped;
// - when many boxes arrive at once (a big file, link or autosave opens), they are added a
//   batch per frame, those on screen first, the batch sized so frames stay short, while a
//   note says how far drawing has got.
//
// Pure bookkeeping: the canvas feeds it the document, the view and the frame times.

import type { TopologyDocument, XY } from '../model/types.ts';
import { nodeSize } from '../state/docOps.ts';
import { absolutePositions } from './flow.ts';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** New boxes from which they are added a batch per frame instead of at once. */
export const GRADUAL_FROM = 120;
/**
 * Around the view, boxes within this share of its size are kept ready. Small: every box
 * React Flow knows about costs something on every change.
 */
const NEAR = 0.1;
/** Boxes beyond this share of the view's size away are dropped. */
const FAR = 1.2;
/** Work per frame aimed for while adding boxes on screen, in ms (React's part of it). */
const FRAME_BUDGET_MS = 60;
const FIRST_BATCH = 40;
const MIN_BATCH = 24;
const MAX_BATCH = 400;

const grow = (r: Rect, by: number): Rect => ({
  x: r.x - r.width * by,
  y: r.y - r.height * by,
  width: r.width * (1 + 2 * by),
  height: r.height * (1 + 2 * by),
});

export class ViewWindow {
  private doc: TopologyDocument | null = null;
  private ids = new Set<string>();
  private present = new Set<string>();
  private view: ReadonlySet<string> = new Set();
  private at: ReadonlyMap<string, XY> = new Map();
  private neighbours = new Map<string, string[]>();
  private batch = FIRST_BATCH;
  private lastBatch = 0;
  /** Told about every box (a small diagram). */
  private all = false;
  private lastView: Rect | null = null;
  /** Boxes wanted near the view but not handed over yet. */
  pending = 0;
  /** Boxes wanted near the view (for the progress note). */
  wanted = 0;
  /** Many boxes arrived at once (an open): the canvas frames the document before drawing. */
  arrived = false;

  /**
   * The boxes React Flow is told about for `doc`. Called while rendering: the same document
   * gives the same set, so React may call it twice. A handful of new boxes (an edit) join
   * at once; many (an open) wait for `update`.
   */
  shown(doc: TopologyDocument, all = false): ReadonlySet<string> {
    if (doc === this.doc && all === this.all) return this.view;
    this.all = all;
    if (all) {
      // A small diagram is drawn whole; remember that, so that growing past BIG_DIAGRAM
      // does not hide and redraw what is already on screen.
      this.doc = doc;
      this.ids = new Set(doc.nodes.map((n) => n.id));
      this.present = new Set(this.ids);
      this.view = this.present;
      this.lastView = null;
      return this.view;
    }
    const before = this.ids;
    this.doc = doc;
    this.ids = new Set(doc.nodes.map((n) => n.id));
    this.at = absolutePositions(doc);
    this.neighbours = new Map();
    for (const e of doc.edges) {
      this.link(e.source, e.target);
      this.link(e.target, e.source);
    }
    let changed = false;
    for (const id of this.present) {
      if (!this.ids.has(id)) {
        this.present.delete(id);
        changed = true;
      }
    }
    const fresh: string[] = [];
    for (const id of this.ids) if (!before.has(id)) fresh.push(id);
    if (fresh.length > 0 && fresh.length < GRADUAL_FROM) {
      // An edit: boxes added by hand (and their hosts) show at once.
      for (const id of fresh) this.addWithHosts(id);
      changed = true;
    } else if (fresh.length >= GRADUAL_FROM) {
      this.batch = FIRST_BATCH;
      this.arrived = true;
    }
    if (changed) this.view = new Set(this.present);
    this.lastView = null; // the next update looks again
    return this.view;
  }

  private link(a: string, b: string): void {
    const list = this.neighbours.get(a);
    if (list) list.push(b);
    else this.neighbours.set(a, [b]);
  }

  private addWithHosts(id: string): void {
    this.nodeById(''); // lookups for this document
    let at: string | undefined = id;
    let depth = 0;
    while (at !== undefined && depth++ < 50) {
      this.present.add(at);
      at = this.parentOf.get(at);
    }
  }

  private parentOf = new Map<string, string>();

  private touches(id: string, r: Rect): boolean {
    const p = this.at.get(id);
    if (!p) return false;
    const node = this.nodeById(id);
    const size = node ? nodeSize(node) : { width: 180, height: 72 };
    return (
      p.x + size.width >= r.x &&
      p.x <= r.x + r.width &&
      p.y + size.height >= r.y &&
      p.y <= r.y + r.height
    );
  }

  private byId: Map<string, TopologyDocument['nodes'][number]> | null = null;
  private byIdDoc: TopologyDocument | null = null;

  private nodeById(id: string) {
    if (this.byIdDoc !== this.doc) {
      this.byIdDoc = this.doc;
      this.byId = new Map(this.doc!.nodes.map((n) => [n.id, n]));
      this.parentOf = new Map();
      for (const n of this.doc!.nodes)
        if (n.parent !== undefined) this.parentOf.set(n.id, n.parent);
    }
    return this.byId!.get(id);
  }

  /**
   * Brings the set up to date for the view `view` (flow coordinates): boxes near it are
   * added (a batch at a time, those on screen first), boxes far from it dropped. `keep`:
   * boxes that must stay whatever the view (selected, being dragged). `lastFrameMs`: how
   * long the previous batch took, to size the next. Returns whether the set changed.
   */
  update(view: Rect, keep: Iterable<string>, lastFrameMs?: number): boolean {
    if (!this.doc) return false;
    const same =
      this.lastView !== null &&
      this.pending === 0 &&
      this.lastView.x === view.x &&
      this.lastView.y === view.y &&
      this.lastView.width === view.width &&
      this.lastView.height === view.height;
    if (same) return false;
    this.lastView = view;
    if (lastFrameMs !== undefined && lastFrameMs > 0 && this.lastBatch > 0) {
      // Sized from what the last batch cost per box, aiming at FRAME_BUDGET_MS a frame; a
      // busy machine (slow frames for reasons of its own) never shrinks it below MIN_BATCH.
      const perBox = lastFrameMs / this.lastBatch;
      this.batch = Math.round(
        Math.max(MIN_BATCH, Math.min(MAX_BATCH, this.batch * 2, FRAME_BUDGET_MS / perBox)),
      );
    }
    const near = grow(view, NEAR);
    const far = grow(view, FAR);
    this.nodeById(''); // lookups for this document
    const onScreen: string[] = [];
    const around: string[] = [];
    const wanted = new Set<string>();
    const want = (id: string, screen: boolean) => {
      if (wanted.has(id)) return;
      // A box needs its hosts first (React Flow places children inside their parent).
      const chain = [id];
      let parent = this.parentOf.get(id);
      while (parent !== undefined && chain.length < 50 && !wanted.has(parent)) {
        chain.push(parent);
        parent = this.parentOf.get(parent);
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const x = chain[i]!;
        wanted.add(x);
        if (!this.present.has(x)) (screen ? onScreen : around).push(x);
      }
    };
    const visible: string[] = [];
    for (const id of this.ids) {
      if (!this.touches(id, near)) continue;
      const screen = this.touches(id, view);
      want(id, screen);
      if (screen) visible.push(id);
    }
    // Neighbours of the boxes on screen, so connections that leave the view are drawn to
    // their other end.
    for (const id of visible) {
      for (const other of this.neighbours.get(id) ?? []) want(other, false);
    }
    for (const id of keep) if (this.ids.has(id)) want(id, false);
    this.wanted = wanted.size;
    let changed = false;
    // Far away and not wanted: dropped (cheap: off-screen boxes are not drawn anyway).
    for (const id of this.present) {
      if (wanted.has(id) || this.touches(id, far)) continue;
      this.present.delete(id);
      changed = true;
    }
    const waiting = onScreen.length + around.length;
    // On screen: a batch at a time (each costs its drawing). Around the view: all at once,
    // since React Flow does not draw them.
    const take = onScreen.length > 0 ? onScreen.slice(0, this.batch) : around;
    for (const id of take) this.present.add(id);
    if (take.length) changed = true;
    this.lastBatch = onScreen.length > 0 ? take.length : 0;
    this.pending = waiting - take.length;
    if (changed) this.view = new Set(this.present);
    return changed;
  }
}
