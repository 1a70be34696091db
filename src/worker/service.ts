// The simulation service behind the Worker: owns one Simulation, runs it in real time ×
// speed on its own timer, and pushes frames. Free of Worker globals so Node tests can
// drive it directly; sim.worker.ts only exposes it through Comlink.

import { restoreDocument } from '../model/restore.ts';
import type { TopologyDocument } from '../model/types.ts';
import type { ChaosAction, Report, TimedAction } from '../sim/api.ts';
import { buildReport, lbHealth, nodeReport } from '../sim/report.ts';
import { Simulation } from '../sim/simulation.ts';
import type {
  Frame,
  LoadOptions,
  NodeLive,
  RunFastProgress,
  RunFastResult,
  SimWorkerApi,
} from './protocol.ts';

/** Frames per second pushed while playing. */
export const FRAME_HZ = 40;
/** Events processed per frame at most, so a frame never blocks for long. */
const EVENTS_PER_FRAME = 300_000;
/** Animated requests per real second we aim for with traceEvery 'auto'. */
const DOTS_PER_SECOND = 400;
const BASE_FIELDS = new Set([
  'kind',
  'arrivals',
  'completed',
  'rejected',
  'failedBy',
  'errors',
  'utilization',
  'meanQueue',
  'meanResponseMs',
  'queue',
  'inFlight',
  'replicas',
  'replicasUp',
]);

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createSimService(clock: Clock = realClock): SimWorkerApi {
  let sim: Simulation | null = null;
  let doc: TopologyDocument | null = null;
  let seed = 1;
  let options: LoadOptions = {};
  let pendingActions: TimedAction[] = [];
  let speed = 1;
  let playing = false;
  let behind = false;
  let timer: unknown = null;
  let lastReal = 0;
  let onFrame: ((f: Frame) => void) | null = null;
  let cancelRun = false;

  const clampSpeed = (s: number) => Math.min(100, Math.max(0.1, Number.isFinite(s) ? s : 1));

  function traceEvery(): number {
    if (!doc) return 0;
    if (typeof options.traceEvery === 'number') return Math.max(0, Math.floor(options.traceEvery));
    let rps = 0;
    for (const n of doc.nodes) {
      if (n.kind === 'client' && typeof n.config.rps === 'number') rps += n.config.rps;
    }
    return Math.max(1, Math.round((rps * speed) / DOTS_PER_SECOND));
  }

  function build(): void {
    if (!doc) return;
    sim = new Simulation(doc, {
      seed,
      networkMs: options.networkMs ?? 0,
      traceEvery: traceEvery(),
      actions: pendingActions,
    });
  }

  function nodesLive(s: Simulation): NodeLive[] {
    return s.nodes.map((rt) => {
      const r = nodeReport(s, rt);
      const figures: Record<string, number | string> = {};
      for (const [k, v] of Object.entries(r)) {
        if (!BASE_FIELDS.has(k) && typeof v !== 'object') figures[k] = v;
      }
      const live: NodeLive = {
        id: rt.id,
        kind: rt.kind,
        arrivals: r.arrivals,
        completed: r.completed,
        errors: rt.errors,
        failedBy: r.failedBy,
        utilization: rt.lastUtilization,
        queue: rt.behaviour.queueLength(),
        inFlight: rt.inFlight,
        replicas: rt.servers.length,
        replicasUp: r.replicasUp as number,
        figures,
      };
      if (rt.kind === 'lb') live.health = lbHealth(rt);
      return live;
    });
  }

  function frame(): Frame | null {
    if (!sim) return null;
    return {
      now: sim.now,
      playing,
      speed,
      behind,
      hops: sim.drainHops(),
      nodes: nodesLive(sim),
      point: sim.series.latest(),
      window: sim.all.window(sim.now % 1000),
      events: sim.drainEvents(),
    };
  }

  /** Sends a frame to the subscriber (nothing is drained when nobody listens). */
  function push(): void {
    if (!onFrame) return;
    const f = frame();
    if (f) onFrame(f);
  }

  function loop(): void {
    timer = null;
    if (!playing || !sim) return;
    const real = clock.now();
    const elapsed = Math.min(250, real - lastReal); // a throttled tab does not jump ahead
    lastReal = real;
    const target = sim.now + elapsed * speed;
    sim.runUntil(target, EVENTS_PER_FRAME);
    behind = sim.now < target;
    push();
    timer = clock.setTimeout(loop, 1000 / FRAME_HZ);
  }

  function stopTimer(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  const api: SimWorkerApi = {
    load(input, newSeed, newOptions = {}) {
      const restored = restoreDocument(input);
      if (!restored.ok) return { ok: false, errors: restored.errors };
      doc = restored.doc;
      seed = Number.isFinite(newSeed) ? Math.floor(newSeed) : 1;
      options = newOptions;
      pendingActions = [];
      behind = false;
      build();
      push();
      return { ok: true, warnings: restored.warnings };
    },

    play(newSpeed) {
      if (newSpeed !== undefined) api.setSpeed(newSpeed);
      if (!sim || playing) return;
      playing = true;
      lastReal = clock.now();
      timer = clock.setTimeout(loop, 1000 / FRAME_HZ);
    },

    pause() {
      playing = false;
      behind = false;
      stopTimer();
      push();
    },

    setSpeed(newSpeed) {
      speed = clampSpeed(newSpeed);
      if (sim) sim.traceEvery = traceEvery();
    },

    step() {
      if (!sim) return null;
      if (playing) api.pause();
      sim.step();
      const f = frame();
      if (f && onFrame) onFrame(f);
      return f;
    },

    async runFast(virtualSeconds, onProgress) {
      if (!sim) return { cancelled: false, now: 0 };
      const wasPlaying = playing;
      if (wasPlaying) {
        playing = false;
        stopTimer();
      }
      cancelRun = false;
      const s = sim;
      const start = s.now;
      const end = start + Math.max(0, virtualSeconds) * 1000;
      const trace = s.traceEvery;
      s.traceEvery = 0; // nobody watches dots fly at this speed
      let result: RunFastResult = { cancelled: false, now: s.now };
      while (s.now < end) {
        const sliceStart = clock.now();
        while (s.now < end && clock.now() - sliceStart < 50) s.runUntil(end, 20_000);
        const progress: RunFastProgress = { now: s.now, done: (s.now - start) / (end - start) };
        onProgress?.(progress);
        // Yield so cancel() and other calls get through.
        await new Promise<void>((resolve) => clock.setTimeout(resolve, 0));
        if (cancelRun || s !== sim) {
          result = { cancelled: true, now: s.now };
          break;
        }
      }
      if (!result.cancelled) result = { cancelled: false, now: s.now };
      s.traceEvery = trace;
      s.drainHops();
      push();
      if (wasPlaying && s === sim) api.play();
      return result;
    },

    cancel() {
      cancelRun = true;
    },

    reset() {
      const wasPlaying = playing;
      api.pause();
      build();
      push();
      if (wasPlaying) api.play();
    },

    updateDocument(input) {
      const restored = restoreDocument(input);
      if (!restored.ok) return { ok: false, errors: restored.errors };
      doc = restored.doc;
      if (sim) {
        sim.applyDocument(doc);
        sim.traceEvery = traceEvery();
      } else build();
      push();
      return { ok: true, warnings: restored.warnings };
    },

    inject(action: ChaosAction) {
      if (!sim) return;
      sim.inject(action);
      if (!playing) push();
    },

    schedule(actions: TimedAction[]) {
      pendingActions = [...pendingActions, ...actions];
      if (sim) for (const a of actions) sim.schedule(a.atMs, a.action);
    },

    subscribe(callback) {
      onFrame = callback;
      push();
    },

    unsubscribe() {
      onFrame = null;
    },

    report(): Report | null {
      return sim ? buildReport(sim) : null;
    },

    series() {
      return sim ? sim.series.toArray() : [];
    },
  };
  return api;
}
