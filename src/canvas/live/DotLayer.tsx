// Every animated request as a dot, drawn on ONE <canvas> over the diagram, in step with
// React Flow's viewport (pan, zoom) and node positions. Frames from the Worker feed a
// DotModel; a requestAnimationFrame loop advances a display clock in virtual time and
// draws. Nothing here goes through React state: a frame is a few typed-array reads and
// one canvas pass. Link load (thickness and a req/s label) is drawn on a second canvas, so
// 10 req/s and 10,000 req/s both read well when only a sample is animated.
//
// The painting itself is paint.ts, shared with the video recorder, which listens to every
// frame drawn here (liveDraw.ts). With prefers-reduced-motion the dots give way to steady
// flow marks on the loaded links (their rates stay), and nothing moves.

import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { numberOf } from '../../model/kinds.ts';
import type { TopologyDocument } from '../../model/types.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useJourneyStore } from '../../state/journeyStore.ts';
import { onLiveFrame, onLiveReset, useSimulationStore } from '../../state/simulationStore.ts';
import type { LiveFrame } from '../../worker/liveProtocol.ts';
import { DotModel, type DotVisitor, type EdgeEnds } from './dotModel.ts';
import { type Curve, edgeCurve, type NodeLike, pointOn, type Rect, rectOf } from './geometry.ts';
import { paintHalo, paintJourney } from './journeyPaint.ts';
import { hasLiveDrawListeners, publishLiveDraw } from './liveDraw.ts';
import {
  BUCKETS,
  bucketOf,
  DOT_R,
  DotSprites,
  paintDots,
  paintLoad,
  paintOverflow,
  QUEUE_SHOWN,
  queueSpot,
} from './paint.ts';
import { pickDot } from './pick.ts';
import { prefersReducedMotion } from './reducedMotion.ts';

/** Display clock trails the engine by this much screen time, so hops are known in time. */
const LAG_SCREEN_MS = 120;
const DEBUG_EVERY_MS = 100;
/** A click this close to a dot (CSS pixels) follows its request. */
const PICK_PX = 9;

const NO_VISITOR: DotVisitor = { moving() {}, waiting() {}, stuck() {} };
const newCanvas = (w: number, h: number) => {
  const c = document.createElement('canvas');
  c.width = w;
  c.height = h;
  return c;
};

interface Ctx {
  doc: TopologyDocument;
  ends: Map<string, EdgeEnds>;
  timeouts: Map<string, number>;
  /** Connections with a label of their own (rates keep clear of it). */
  labelled: Map<string, string>;
}

function docContext(doc: TopologyDocument): Ctx {
  const ends = new Map<string, EdgeEnds>();
  for (const e of doc.edges) ends.set(e.id, { source: e.source, target: e.target });
  const timeouts = new Map<string, number>();
  for (const n of doc.nodes) {
    if (n.kind === 'client') timeouts.set(n.id, numberOf('client', n.config, 'timeoutMs'));
  }
  const labelled = new Map<string, string>();
  for (const e of doc.edges) if (e.label) labelled.set(e.id, e.label);
  return { doc, ends, timeouts, labelled };
}

export function DotLayer() {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const loadRef = useRef<HTMLCanvasElement>(null);
  const flowStore = useStoreApi();

  useEffect(() => {
    const canvas = canvasRef.current!;
    const g = canvas.getContext('2d')!;
    // Link load changes a few times a second, dots every frame: two canvases, so the wide
    // translucent strokes are painted only when the rates or the view change.
    const loadCanvas = loadRef.current!;
    const lg = loadCanvas.getContext('2d')!;
    let loadKey = '';
    let loadRps: Readonly<Record<string, number>> | null = null;
    const sprites = new DotSprites(newCanvas);
    const root = canvas.closest<HTMLElement>('.react-flow') ?? canvas.parentElement!;
    // Less motion, if the reader's system asks for it (and again whenever that changes).
    const motion = prefersReducedMotion();
    let reduced = motion.reduced();
    const unsubMotion = motion.subscribe((r) => {
      reduced = r;
      loadKey = '';
    });
    const model = new DotModel();
    let ctx = docContext(useDocumentStore.getState().doc);
    // Edge ids per engine revision: hops carry indices into the document the engine ran.
    let display = 0; // display clock, virtual ms
    let engineT = 0; // latest engine time received
    let frameWall = 0; // when it arrived
    let speed = 1;
    let playing = false;
    let started = false;
    // While paused the display clock only moves by what steps add (frames sent paused).
    let pausedTarget = 0;
    let pausedBase = -1;
    let lastWall = performance.now();
    let lastDebug = 0;
    let raf = 0;
    const unsubDoc = useDocumentStore.subscribe((s, prev) => {
      if (s.doc !== prev.doc) ctx = docContext(s.doc);
    });

    const onFrame = (f: LiveFrame) => {
      speed = f.speed;
      if (!started) {
        display = f.t - LAG_SCREEN_MS * speed;
        pausedTarget = display;
        started = true;
      }
      if (!f.playing) {
        if (pausedBase >= 0 && f.t > pausedBase) pausedTarget += f.t - pausedBase;
        pausedBase = f.t;
      } else pausedBase = -1;
      engineT = f.t;
      frameWall = performance.now();
      if (f.hops.count > 0) {
        model.ingest(f.hops, f.edgeIds, ctx.ends, speed, (n) => ctx.timeouts.get(n) ?? Infinity);
      }
    };
    const unsubFrame = onLiveFrame(onFrame);
    const unsubReset = onLiveReset(() => {
      model.clear();
      started = false;
      display = 0;
      engineT = 0;
      pausedBase = -1;
    });

    // Per-frame scratch, reused so a frame allocates next to nothing.
    const buckets: number[][] = Array.from({ length: BUCKETS }, () => []);
    const curves = new Map<string, Curve>();
    const rects = new Map<string, Rect>();
    const queued = new Map<string, number>();
    const p = { x: 0, y: 0 };
    const movingEdges = new Set<string>();
    let moving = 0;
    let failed = 0;
    let waiting = 0;
    let checksum = 0;
    // Where each drawn dot is (flow coordinates), its paint bucket and whose it is, for
    // clicks.
    const pickXY: number[] = [];
    const pickBucket: number[] = [];
    const pickReq: number[] = [];
    const pickFailed: boolean[] = [];
    let followed: number | null = null;
    let haloX = Number.NaN;
    let haloY = 0;
    const picked = (req: number, isFailed: boolean, bucket: number) => {
      pickXY.push(p.x, p.y);
      pickBucket.push(bucket);
      pickReq.push(req);
      pickFailed.push(isFailed);
      if (req === followed) {
        haloX = p.x;
        haloY = p.y;
      }
    };

    const visitor: DotVisitor = {
      moving(edge, f, route, isFailed, faded, req) {
        const c = curves.get(edge);
        if (!c) return;
        pointOn(c, f, p);
        const bucket = bucketOf(route, isFailed, faded);
        buckets[bucket]!.push(p.x, p.y);
        moving++;
        if (isFailed) failed++;
        movingEdges.add(edge);
        checksum += p.x + p.y;
        picked(req, isFailed, bucket);
      },
      waiting(node, route, isFailed, faded, req) {
        const r = rects.get(node);
        if (!r) return;
        const k = queued.get(node) ?? 0;
        queued.set(node, k + 1);
        waiting++;
        if (isFailed) failed++;
        if (k >= QUEUE_SHOWN) return;
        queueSpot(r, k, p);
        const bucket = bucketOf(route, isFailed, faded);
        buckets[bucket]!.push(p.x, p.y);
        picked(req, isFailed, bucket);
      },
      stuck(edge, route, req) {
        const c = curves.get(edge);
        if (!c) return;
        pointOn(c, 0.5, p);
        const bucket = bucketOf(route, true, false);
        buckets[bucket]!.push(p.x, p.y);
        failed++;
        picked(req, true, bucket);
      },
    };

    /** The index of the drawn dot a click at flow point (fx, fy) means, or -1. */
    const pickIndex = (fx: number, fy: number, zoom: number): number =>
      pickDot(pickXY, pickBucket, fx, fy, DOT_R, PICK_PX / zoom);
    /** The request of the dot a click means: the one on top under it, else the nearest. */
    const pickAt = (clientX: number, clientY: number): number | null => {
      const box = canvas.getBoundingClientRect();
      const [tx, ty, zoom] = flowStore.getState().transform;
      const i = pickIndex((clientX - box.left - tx) / zoom, (clientY - box.top - ty) / zoom, zoom);
      return i < 0 ? null : pickReq[i]!;
    };
    // Capture phase: a click on a dot follows its request and is not also a click on the
    // link or the background under it.
    const onClick = (e: MouseEvent) => {
      if (useSimulationStore.getState().status === 'idle') return;
      const req = pickAt(e.clientX, e.clientY);
      if (req === null) return;
      e.stopPropagation();
      e.preventDefault();
      useJourneyStore.getState().follow(req);
    };
    root.addEventListener('click', onClick, true);

    // The canvas's size in CSS pixels, as last measured (reading it per frame would force a
    // layout).
    let cssWidth = 0;
    let cssHeight = 0;
    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      cssWidth = w;
      cssHeight = h;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
        loadCanvas.width = canvas.width;
        loadCanvas.height = canvas.height;
        loadKey = '';
      }
    };
    const observer = new ResizeObserver(resize);
    observer.observe(canvas);
    resize();

    const advanceClock = (now: number) => {
      const dt = Math.min(100, now - lastWall);
      lastWall = now;
      if (!started) return;
      // The store knows about a pause before the Worker's next frame does: freeze at once.
      const nowPlaying = useSimulationStore.getState().status === 'playing';
      if (playing && !nowPlaying) pausedTarget = display;
      playing = nowPlaying;
      if (playing) {
        display += dt * speed;
        // Aim a little behind where the engine is now; correct drift gently, snap big gaps.
        const target = engineT + (now - frameWall) * speed - LAG_SCREEN_MS * speed;
        const gap = target - display;
        if (Math.abs(gap) > 2000 * speed) display = target;
        else display += gap * 0.05;
      } else if (display < pausedTarget) {
        // Paused: only a step moves the clock, played out at the chosen speed (a fast run's
        // minute is not replayed: big jumps snap).
        if (pausedTarget - display > 2000 * speed) display = pausedTarget;
        else display = Math.min(pausedTarget, display + dt * speed);
      }
      if (display > engineT) display = engineT;
    };

    // Boxes and links where React Flow has them now (flow coordinates).
    const boxRects = new Map<string, Rect>();
    let positions = 0;
    const measure = () => {
      const { nodeLookup } = flowStore.getState();
      positions = 0;
      curves.clear();
      rects.clear();
      boxRects.clear();
      for (const [id, n] of nodeLookup) {
        const q = n.internals.positionAbsolute;
        positions += q.x * 1.31 + q.y * 0.77 + (n.measured?.width ?? 0);
        const r = rectOf(n as unknown as NodeLike);
        rects.set(id, r);
        if (n.type !== 'host') boxRects.set(id, r);
      }
      for (const e of ctx.doc.edges) {
        const s = nodeLookup.get(e.source);
        const t = nodeLookup.get(e.target);
        if (s && t) curves.set(e.id, edgeCurve(s as unknown as NodeLike, t as unknown as NodeLike));
      }
    };

    const NO_RPS: Readonly<Record<string, number>> = {};
    const publish = (live: boolean) => {
      const [tx, ty, zoom] = flowStore.getState().transform;
      publishLiveDraw({
        root,
        width: cssWidth,
        height: cssHeight,
        view: { tx, ty, zoom },
        status: useSimulationStore.getState().status,
        display,
        speed,
        started,
        reduced,
        rects,
        boxRects,
        curves,
        rps: live ? useSimulationStore.getState().edgeRps : NO_RPS,
        labelled: ctx.labelled,
        buckets,
        queued,
      });
    };

    const draw = () => {
      raf = requestAnimationFrame(draw);
      const now = performance.now();
      advanceClock(now);
      const status = useSimulationStore.getState().status;
      const dpr = window.devicePixelRatio || 1;
      const listening = hasLiveDrawListeners();
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.clearRect(0, 0, canvas.width, canvas.height);
      if (status === 'idle' || !started) {
        if (loadKey !== 'idle') {
          lg.setTransform(1, 0, 0, 1, 0, 0);
          lg.clearRect(0, 0, loadCanvas.width, loadCanvas.height);
          loadKey = 'idle';
        }
        publishDebug(now, true);
        if (listening) {
          measure();
          for (const b of buckets) b.length = 0;
          queued.clear();
          publish(false);
        }
        return;
      }
      const [tx, ty, zoom] = flowStore.getState().transform;
      measure();

      const rps = useSimulationStore.getState().edgeRps;
      const key = `${tx},${ty},${zoom},${positions},${canvas.width},${canvas.height}`;
      if (key !== loadKey || rps !== loadRps) {
        loadKey = key;
        loadRps = rps;
        lg.setTransform(1, 0, 0, 1, 0, 0);
        lg.clearRect(0, 0, loadCanvas.width, loadCanvas.height);
        lg.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
        paintLoad(lg, curves, rps, zoom, ctx.labelled, boxRects, reduced);
        steadyEdges = reduced
          ? [...curves.keys()]
              .filter((id) => (rps[id] ?? 0) > 0)
              .sort()
              .join(' ')
          : '';
      }

      for (const b of buckets) b.length = 0;
      queued.clear();
      movingEdges.clear();
      pickXY.length = 0;
      pickBucket.length = 0;
      pickReq.length = 0;
      pickFailed.length = 0;
      const journey = useJourneyStore.getState();
      followed = journey.followed;
      haloX = Number.NaN;
      moving = 0;
      failed = 0;
      waiting = 0;
      checksum = 0;
      // Less motion: the model still follows every request (so dots come back in step when
      // motion is allowed again), but none is drawn.
      // Looking back at an earlier moment (the timeline): the dots are of now, so none shows.
      const past = useSimulationStore.getState().viewT !== null;
      model.visit(display, speed, ctx.ends, reduced || past ? NO_VISITOR : visitor);
      model.prune(display, 60_000 * Math.max(1, speed));

      if (journey.journey !== null) {
        g.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
        paintJourney(g, journey.journey, curves, rects, zoom);
      }
      paintDots(g, buckets, { tx, ty, zoom, scale: dpr }, sprites);
      g.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
      paintOverflow(g, queued, rects);
      if (!Number.isNaN(haloX)) paintHalo(g, haloX, haloY, zoom);
      publishDebug(now, false);
      if (listening) publish(true);
    };

    let steadyEdges = '';
    const publishDebug = (now: number, empty: boolean) => {
      if (now - lastDebug < DEBUG_EVERY_MS) return;
      lastDebug = now;
      const d = canvas.dataset;
      d.dots = String(empty ? 0 : moving + waiting);
      d.moving = String(empty ? 0 : moving);
      d.failed = String(empty ? 0 : failed);
      d.edges = empty ? '' : [...movingEdges].sort().join(' ');
      d.checksum = empty ? '0' : checksum.toFixed(1);
      d.clock = display.toFixed(0);
      // Reduced motion: which links carry steady flow marks instead of dots.
      d.motion = reduced ? 'reduced' : 'full';
      d.steady = empty ? '' : steadyEdges;
      // One failed dot's place on screen and its request (tests click it): one that a click
      // there picks, not one another dot covers. And the followed request.
      const [tx, ty, zoom] = flowStore.getState().transform;
      let i = -1;
      if (!empty) {
        for (let j = 0; j < pickFailed.length && i < 0; j++) {
          if (pickFailed[j] && pickIndex(pickXY[2 * j]!, pickXY[2 * j + 1]!, zoom) === j) i = j;
        }
      }
      if (i >= 0) {
        const box = canvas.getBoundingClientRect();
        const x = box.left + tx + pickXY[2 * i]! * zoom;
        const y = box.top + ty + pickXY[2 * i + 1]! * zoom;
        d.failedDot = `${x.toFixed(1)},${y.toFixed(1)},${pickReq[i]}`;
      } else d.failedDot = '';
      d.followed = followed === null ? '' : String(followed);
    };

    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
      unsubDoc();
      unsubFrame();
      unsubReset();
      unsubMotion();
      root.removeEventListener('click', onClick, true);
    };
  }, [flowStore]);

  return (
    <div className="bp-dots" aria-hidden="true">
      <canvas ref={loadRef} />
      <canvas ref={canvasRef} data-testid="live-dots" />
    </div>
  );
}
