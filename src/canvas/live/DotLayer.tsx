// Every animated request as a dot, drawn on ONE <canvas> over the diagram, in step with
// React Flow's viewport (pan, zoom) and node positions. Frames from the Worker feed a
// DotModel; a requestAnimationFrame loop advances a display clock in virtual time and
// draws. Nothing here goes through React state: a frame is a few typed-array reads and
// one canvas pass. Link load (thickness and a req/s label) is drawn on the same canvas, so
// 10 req/s and 10,000 req/s both read well when only a sample is animated.

import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { numberOf } from '../../model/kinds.ts';
import type { TopologyDocument } from '../../model/types.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { onLiveFrame, onLiveReset, useSimulationStore } from '../../state/simulationStore.ts';
import type { LiveFrame } from '../../worker/liveProtocol.ts';
import { FAIL_COLOR, JOB_COLOR, LOAD_COLOR, ROUTE_COLORS } from './colors.ts';
import { DotModel, type DotVisitor, type EdgeEnds } from './dotModel.ts';
import { type Curve, edgeCurve, type NodeLike, pointOn, type Rect, rectOf } from './geometry.ts';

const DOT_R = 3.6;
const QUEUE_GAP = 7.5;
/** Waiting dots drawn under a box at most; the rest is a "+N" count. */
const QUEUE_SHOWN = 48;
/** Display clock trails the engine by this much screen time, so hops are known in time. */
const LAG_SCREEN_MS = 120;
const DEBUG_EVERY_MS = 100;

// Colour buckets: 0–7 routes, 8 jobs, 9 failed; +10 faded (the user gave up).
const BUCKETS = 20;
const bucketColor = (b: number) =>
  b % 10 === 9 ? FAIL_COLOR : b % 10 === 8 ? JOB_COLOR : ROUTE_COLORS[b % 10]!;

interface Ctx {
  doc: TopologyDocument;
  ends: Map<string, EdgeEnds>;
  timeouts: Map<string, number>;
}

function docContext(doc: TopologyDocument): Ctx {
  const ends = new Map<string, EdgeEnds>();
  for (const e of doc.edges) ends.set(e.id, { source: e.source, target: e.target });
  const timeouts = new Map<string, number>();
  for (const n of doc.nodes) {
    if (n.kind === 'client') timeouts.set(n.id, numberOf('client', n.config, 'timeoutMs'));
  }
  return { doc, ends, timeouts };
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
    const sprites = new Map<number, HTMLCanvasElement>();
    let spriteScale = 0;
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

    const bucketOf = (route: number, isFailed: boolean, faded: boolean) =>
      (isFailed ? 9 : route < 0 ? 8 : route % 8) + (faded && !isFailed ? 10 : 0);

    const visitor: DotVisitor = {
      moving(edge, f, route, isFailed, faded) {
        const c = curves.get(edge);
        if (!c) return;
        pointOn(c, f, p);
        const b = buckets[bucketOf(route, isFailed, faded)]!;
        b.push(p.x, p.y);
        moving++;
        if (isFailed) failed++;
        movingEdges.add(edge);
        checksum += p.x + p.y;
      },
      waiting(node, route, isFailed, faded) {
        const r = rects.get(node);
        if (!r) return;
        const k = queued.get(node) ?? 0;
        queued.set(node, k + 1);
        waiting++;
        if (isFailed) failed++;
        if (k >= QUEUE_SHOWN) return;
        const cols = Math.max(1, Math.floor((r.width - 8) / QUEUE_GAP));
        const x = r.x + 6 + (k % cols) * QUEUE_GAP;
        const y = r.y + r.height + 7 + Math.floor(k / cols) * QUEUE_GAP;
        buckets[bucketOf(route, isFailed, faded)]!.push(x, y);
      },
      stuck(edge, route) {
        const c = curves.get(edge);
        if (!c) return;
        pointOn(c, 0.5, p);
        buckets[bucketOf(route, true, false)]!.push(p.x, p.y);
        failed++;
      },
    };

    const resize = () => {
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
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

    const draw = () => {
      raf = requestAnimationFrame(draw);
      const now = performance.now();
      advanceClock(now);
      const status = useSimulationStore.getState().status;
      const dpr = window.devicePixelRatio || 1;
      g.setTransform(1, 0, 0, 1, 0, 0);
      g.clearRect(0, 0, canvas.width, canvas.height);
      if (status === 'idle' || !started) {
        if (loadKey !== 'idle') {
          lg.setTransform(1, 0, 0, 1, 0, 0);
          lg.clearRect(0, 0, loadCanvas.width, loadCanvas.height);
          loadKey = 'idle';
        }
        publishDebug(now, true);
        return;
      }
      const { transform, nodeLookup } = flowStore.getState();
      const [tx, ty, zoom] = transform;
      let positions = 0;
      for (const n of nodeLookup.values()) {
        const p = n.internals.positionAbsolute;
        positions += p.x * 1.31 + p.y * 0.77 + (n.measured?.width ?? 0);
      }

      curves.clear();
      rects.clear();
      for (const [id, n] of nodeLookup) rects.set(id, rectOf(n as unknown as NodeLike));
      for (const e of ctx.doc.edges) {
        const s = nodeLookup.get(e.source);
        const t = nodeLookup.get(e.target);
        if (s && t) curves.set(e.id, edgeCurve(s as unknown as NodeLike, t as unknown as NodeLike));
      }

      const rps = useSimulationStore.getState().edgeRps;
      const key = `${tx},${ty},${zoom},${positions},${canvas.width},${canvas.height}`;
      if (key !== loadKey || rps !== loadRps) {
        loadKey = key;
        loadRps = rps;
        lg.setTransform(1, 0, 0, 1, 0, 0);
        lg.clearRect(0, 0, loadCanvas.width, loadCanvas.height);
        lg.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
        const labelled = new Map<string, string>();
        for (const e of ctx.doc.edges) if (e.label) labelled.set(e.id, e.label);
        const boxRects = new Map([...rects].filter(([id]) => nodeLookup.get(id)?.type !== 'host'));
        drawLoad(lg, curves, rps, zoom, labelled, boxRects);
      }

      for (const b of buckets) b.length = 0;
      queued.clear();
      movingEdges.clear();
      moving = 0;
      failed = 0;
      waiting = 0;
      checksum = 0;
      model.visit(display, speed, ctx.ends, visitor);
      model.prune(display, 60_000 * Math.max(1, speed));

      // Dots are pre-drawn sprites blitted at device pixels: far cheaper than a path of
      // hundreds of arcs when the browser rasterizes in software.
      const scale = dpr * zoom;
      if (scale !== spriteScale) {
        sprites.clear();
        spriteScale = scale;
      }
      const r = DOT_R * scale;
      for (let b = 0; b < BUCKETS; b++) {
        const xy = buckets[b]!;
        if (xy.length === 0) continue;
        let sprite = sprites.get(b);
        if (!sprite) {
          sprite = makeSprite(bucketColor(b), b >= 10 ? 0.3 : 0.92, r);
          sprites.set(b, sprite);
        }
        const off = sprite.width / 2;
        for (let i = 0; i < xy.length; i += 2) {
          const sx = (xy[i]! * zoom + tx) * dpr;
          const sy = (xy[i + 1]! * zoom + ty) * dpr;
          g.drawImage(sprite, Math.round(sx - off), Math.round(sy - off));
        }
      }
      g.setTransform(dpr * zoom, 0, 0, dpr * zoom, dpr * tx, dpr * ty);
      drawOverflow(g, queued, rects);
      publishDebug(now, false);
    };

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
    };

    raf = requestAnimationFrame(draw);
    return () => {
      cancelAnimationFrame(raf);
      observer.disconnect();
      unsubDoc();
      unsubFrame();
      unsubReset();
    };
  }, [flowStore]);

  return (
    <div className="bp-dots" aria-hidden="true">
      <canvas ref={loadRef} />
      <canvas ref={canvasRef} data-testid="live-dots" />
    </div>
  );
}

/** A filled circle of radius `r` device pixels, with a thin darker rim for contrast. */
function makeSprite(color: string, alpha: number, r: number): HTMLCanvasElement {
  const size = Math.ceil(r * 2 + 2);
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  const s = c.getContext('2d')!;
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

/** Link load: thicker with more traffic (log scale), with its rate written beside it. */
function drawLoad(
  g: CanvasRenderingContext2D,
  curves: ReadonlyMap<string, Curve>,
  rps: Readonly<Record<string, number>>,
  zoom: number,
  labelled: ReadonlyMap<string, string>,
  boxes: ReadonlyMap<string, Rect>,
) {
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

function drawOverflow(
  g: CanvasRenderingContext2D,
  queued: ReadonlyMap<string, number>,
  rects: ReadonlyMap<string, Rect>,
) {
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

export function formatRps(r: number): string {
  if (r >= 10_000) return `${Math.round(r / 1000)}k req/s`;
  if (r >= 1000) return `${(r / 1000).toFixed(1)}k req/s`;
  if (r >= 10) return `${Math.round(r)} req/s`;
  return `${r.toFixed(1)} req/s`;
}
