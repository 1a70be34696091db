// Where every animated request is at a given moment of display time, from the hops the
// engine recorded. Pure: no DOM, no geometry. The renderer (DotLayer) turns the answers
// into pixels.
//
// The rules (docs/live-view.md):
// - Each hop takes max(its own virtual duration, MIN_VISUAL_MS of screen time × speed) on
//   screen, and a request's next hop waits until its previous one has been drawn, so a
//   request tells its story in order even when the engine answered in zero time. When a
//   request falls more than MAX_BACKLOG hops' worth behind, its hops are drawn quicker.
// - Between hops a request sits at the box it reached (after a forward hop, the target;
//   after an answer, the caller): that is where it queues, works or waits for a pool.
// - The first failed answer ends the request on screen: it turns red where it failed (at
//   the box that answered with the error; on the link itself for a cut link) and stays
//   there for FAIL_LINGER_MS of screen time.
// - A request older than its client's timeout is drawn faded: the user has given up.
// - A request leaves the screen when its answer reaches the box it started from.

export const MIN_VISUAL_MS = 260;
export const FAIL_LINGER_MS = 900;
const MAX_BACKLOG = 3;
/** More dots than this and the oldest are dropped (the sample is already thinned upstream). */
export const MAX_DOTS = 6000;

/** Outcome codes of a hop (src/sim/hops.ts). */
export const OUT_FORWARD = 0;
export const OUT_OK = 1;
/** Failure cause index (FAILURE_CAUSES) of an edge-cut answer: 2 + 3. */
export const OUT_EDGE_CUT = 5;
export const OUT_TIMEOUT = 3;

export interface EdgeEnds {
  source: string;
  target: string;
}

interface Seg {
  edge: string;
  /** Travels the drawn arrow backwards (a queue's message along a two-way arrow). */
  reversed: boolean;
  forward: boolean;
  /** Visual start and end, virtual ms (display clock). */
  v0: number;
  v1: number;
  /** Engine time of the hop, for ages. */
  t0: number;
  outcome: number;
}

export interface Dot {
  req: number;
  route: number;
  origin: string;
  /** Engine time the request started (its first hop). */
  born: number;
  /** Display time when its last scheduled segment ends. */
  free: number;
  segs: Seg[];
  /** Where it sits between segments: node id. */
  at: string;
  /** Failed: where and since when (display clock); -1 = still going. */
  failedAt: number;
  failNode: string | null;
  failEdge: string | null;
  /** Ended successfully at display time (waiting for its last segment to be drawn). */
  endsAt: number;
  /** Engine time minus display time of its latest segment (how far behind it is drawn). */
  shift: number;
  timeoutMs: number;
  /** At least one segment has been drawn (before that the request is not on screen yet). */
  drawn: boolean;
}

/** Every call also names the request (`req`), so a click on a dot can follow it. */
export interface DotVisitor {
  /** A dot on an edge: `f` in 0..1 from the edge's source to its target. */
  moving(
    edge: string,
    f: number,
    route: number,
    failed: boolean,
    faded: boolean,
    req: number,
  ): void;
  /** A dot waiting at a box. */
  waiting(node: string, route: number, failed: boolean, faded: boolean, req: number): void;
  /** A dot that failed on a cut link. */
  stuck(edge: string, route: number, req: number): void;
}

export interface HopInput {
  count: number;
  times: Float64Array;
  ints: Int32Array;
}

const swapped = new WeakMap<EdgeEnds, EdgeEnds>();

/** An arrow's ends in the direction a hop travels it. */
function endsOf(
  ends: ReadonlyMap<string, EdgeEnds>,
  edge: string,
  reversed: boolean,
): EdgeEnds | undefined {
  const e = ends.get(edge);
  if (!e || !reversed) return e;
  let back = swapped.get(e);
  if (!back) {
    back = { source: e.target, target: e.source };
    swapped.set(e, back);
  }
  return back;
}

export class DotModel {
  readonly dots = new Map<number, Dot>();
  /** Requests whose failure was already shown: later hops of theirs are ignored. */
  private readonly finished = new Set<number>();

  constructor(
    /** Display-time length of the minimum visual hop per unit speed (ms of screen time). */
    private readonly minVisualMs = MIN_VISUAL_MS,
  ) {}

  clear(): void {
    this.dots.clear();
    this.finished.clear();
  }

  /**
   * Adds a batch of hops. `edgeIds[i]` is the edge id of hop edge index i (the document the
   * engine ran when it recorded them); `ends` gives each edge's endpoints; `timeoutOf`
   * the timeout of a request's origin (a client), Infinity for others.
   */
  ingest(
    batch: HopInput,
    edgeIds: readonly string[],
    ends: ReadonlyMap<string, EdgeEnds>,
    speed: number,
    timeoutOf: (node: string) => number,
  ): void {
    const minV = this.minVisualMs * Math.max(0.01, speed);
    const { times, ints } = batch;
    for (let i = 0; i < batch.count; i++) {
      // A negative index ~i is arrow i travelled backwards (src/sim/hops.ts).
      const raw = ints[4 * i]!;
      const reversed = raw < 0;
      const edge = edgeIds[reversed ? ~raw : raw];
      if (edge === undefined) continue;
      const e = endsOf(ends, edge, reversed);
      if (!e) continue;
      const req = ints[4 * i + 1]!;
      if (this.finished.has(req)) continue;
      const route = ints[4 * i + 2]!;
      const outcome = ints[4 * i + 3]!;
      const t0 = times[2 * i]!;
      const t1 = times[2 * i + 1]!;
      let dot = this.dots.get(req);
      if (!dot) {
        if (outcome !== OUT_FORWARD && outcome !== OUT_EDGE_CUT) continue; // joined mid-way
        dot = {
          req,
          route,
          origin: e.source,
          born: t0,
          free: t0,
          segs: [],
          at: e.source,
          failedAt: -1,
          failNode: null,
          failEdge: null,
          endsAt: -1,
          shift: 0,
          timeoutMs: timeoutOf(e.source),
          drawn: false,
        };
        if (this.dots.size >= MAX_DOTS) this.dropOldest();
        this.dots.set(req, dot);
      }
      const behind = dot.free - t0;
      const v0 = Math.max(t0, dot.free);
      const dur = Math.max(t1 - t0, behind > MAX_BACKLOG * minV ? minV / 3 : minV);
      const forward = outcome === OUT_FORWARD;
      if (outcome === OUT_EDGE_CUT) {
        // Refused at the link: it travels half way and stops there, red.
        dot.segs.push({ edge, reversed, forward: true, v0, v1: v0 + dur / 2, t0, outcome });
        dot.free = v0 + dur / 2;
        this.finished.add(req);
        continue;
      }
      dot.segs.push({ edge, reversed, forward, v0, v1: v0 + dur, t0, outcome });
      dot.free = v0 + dur;
      if (outcome >= 2) this.finished.add(req);
    }
  }

  private dropOldest(): void {
    const first = this.dots.keys().next();
    if (!first.done) this.dots.delete(first.value);
  }

  /**
   * Advances every dot to display time `now` and reports where it is. Dots whose story is
   * over are removed. `speed` converts screen-time constants to display time.
   */
  visit(
    now: number,
    speed: number,
    ends: ReadonlyMap<string, EdgeEnds>,
    visitor: DotVisitor,
  ): void {
    const linger = FAIL_LINGER_MS * Math.max(0.01, speed);
    for (const [req, dot] of this.dots) {
      // Segments already drawn: the dot now sits where the last of them ended.
      while (dot.segs.length > 0 && dot.segs[0]!.v1 <= now) {
        const s = dot.segs.shift()!;
        const e = endsOf(ends, s.edge, s.reversed);
        dot.shift = s.t0 - s.v0;
        dot.drawn = true;
        if (s.outcome === OUT_EDGE_CUT) {
          dot.failEdge = s.edge;
          dot.failedAt = s.v1;
        } else if (s.outcome >= 2) {
          // Failed answer from the box at the edge's target: it stops there, red.
          dot.failNode = e ? e.target : dot.at;
          dot.failedAt = s.v0;
        } else if (e) {
          dot.at = s.forward ? e.target : e.source;
          if (!s.forward && dot.at === dot.origin) dot.endsAt = s.v1;
        }
      }
      if (dot.failedAt >= 0) {
        if (now - dot.failedAt > linger) {
          this.dots.delete(req);
          this.finished.delete(req);
          continue;
        }
        if (dot.failEdge !== null) visitor.stuck(dot.failEdge, dot.route, req);
        else visitor.waiting(dot.failNode ?? dot.at, dot.route, true, false, req);
        continue;
      }
      if (dot.endsAt >= 0 && dot.segs.length === 0) {
        this.dots.delete(req);
        continue;
      }
      const seg = dot.segs[0];
      const engineNow = now + (seg && seg.v0 <= now ? seg.t0 - seg.v0 : dot.shift);
      const faded = engineNow - dot.born > dot.timeoutMs;
      if (seg && seg.v0 <= now) {
        const span = seg.v1 - seg.v0;
        const p = span > 0 ? (now - seg.v0) / span : 1;
        const failed = seg.outcome >= 2;
        const cut = seg.outcome === OUT_EDGE_CUT;
        // `f` runs from the drawn arrow's source to its target.
        const f = cut ? p / 2 : seg.forward ? p : 1 - p;
        visitor.moving(seg.edge, seg.reversed ? 1 - f : f, dot.route, failed, !cut && faded, req);
      } else if (dot.drawn) {
        visitor.waiting(dot.at, dot.route, false, faded, req);
      }
    }
  }

  /** Forgets requests that will get no more hops (the run restarted or a long stall). */
  prune(now: number, maxIdle: number): void {
    for (const [req, dot] of this.dots) {
      if (dot.segs.length === 0 && dot.free < now - maxIdle) {
        this.dots.delete(req);
        this.finished.delete(req);
      }
    }
  }

  get size(): number {
    return this.dots.size;
  }
}
