// A simulation played in real time for the live view: paces the engine against the wall
// clock (× speed), thins the animated sample so the page gets a bounded number of dots,
// and sends one frame per tick with the hops, the series points and, a few times a
// second, every box's live figures. Runs inside the Worker; the clock and the timer are
// injected so tests can drive it without one.

import type { TopologyDocument } from '../model/types.ts';
import type { ChaosAction } from '../sim/api.ts';
import { RunLog } from '../sim/checkpoint.ts';
import {
  type Journey,
  type JourneySummary,
  linkReports,
  nodeReport,
  type Simulation,
} from '../sim/index.ts';
import type { FastProgress, LiveFrame, LiveNode, LiveStartOptions } from './liveProtocol.ts';

/**
 * Animated requests per second of screen time we aim for, whatever the traffic. A dot
 * stays a second or two on screen, so this is 600–700 dots at once on a 20-box diagram:
 * the busy arrows are solid streams already (three times as many looked the same), and
 * each dot's journey is recorded (src/sim/trace.ts), which is what tracing costs the
 * engine (`npm run bench -- journey`). Every request is a dot up to 300 req/s at 1×.
 */
export const DOTS_PER_SECOND = 300;
/** How often a frame goes out while playing (ms of wall time). */
export const TICK_MS = 33;
/** Node figures refresh this often (wall ms). */
const FIGURES_MS = 200;
/** Wall time the engine may use per tick; if it cannot keep up, the clock slips instead. */
const BUDGET_MS = 14;
const EVENTS_PER_SLICE = 4000;
/** A fast run computes at most this much virtual time between checks for cancel and progress… */
const FAST_SLICE_MS = 1000;
/** …and at most this much wall time, so a busy diagram still reports (and cancels) promptly. */
const FAST_REPORT_MS = 150;
/** Events between looks at the wall clock during a fast run. */
const FAST_EVENTS_PER_CHECK = 500;
/** The real rate is measured over this much wall time of playing. */
const RATE_WINDOW_MS = 1000;
/** Below this share of the chosen speed (and behind in most ticks) the clock is slipping. */
const SLIP_SHARE = 0.9;

export interface LiveHost {
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  send(frame: LiveFrame): void;
}

export class LiveRun {
  private sim: Simulation | null = null;
  /** The run's inputs and what the user did, so any earlier moment can be computed again. */
  private log: RunLog | null = null;
  private rev = 0;
  private runId = 0;
  private edgeIds: string[] = [];
  private playing = false;
  private speed = 1;
  private timer: unknown = null;
  private lastWall = 0;
  private lastFigures = -Infinity;
  private seriesSent = 0;
  private fastCancel = false;
  private fastRunning = false;
  /** Calls sent along each arrow (edge index) when the last virtual second closed, and the rates of that second. */
  private linkBase: Float64Array = new Float64Array(0);
  private edgeRps: Record<string, number> = {};
  private prevErrors = new Map<string, number>();
  private errorsPerS = new Map<string, number>();
  /** Virtual ms reached per wall ms over the last window, and whether that is short of the speed. */
  private rate = 1;
  private slipping = false;
  private window = { wall: 0, sim: 0, ticks: 0, behind: 0 };

  constructor(private readonly host: LiveHost) {}

  /** The rate starts over (a new speed, play after a pause): nothing is known yet. */
  private resetRate(): void {
    this.rate = this.speed;
    this.slipping = false;
    this.window = { wall: 0, sim: 0, ticks: 0, behind: 0 };
  }

  start(doc: TopologyDocument, options: LiveStartOptions): void {
    this.stopTimer();
    this.speed = clampSpeed(options.speed);
    this.runId = options.runId;
    this.log = new RunLog({ doc, seed: options.seed, actions: options.actions ?? [] });
    this.sim = this.log.begin();
    this.rev++;
    this.edgeIds = doc.edges.map((e) => e.id);
    this.linkBase = this.sim.linkSends();
    this.edgeRps = {};
    this.seriesSent = 0;
    this.prevErrors.clear();
    this.errorsPerS.clear();
    this.lastFigures = -Infinity;
    this.retrace();
    this.playing = false;
    this.resetRate();
    if (options.play) this.play();
    else this.sendFrame(true);
  }

  play(): void {
    if (!this.sim || this.playing) return;
    this.playing = true;
    this.resetRate();
    this.lastWall = this.host.now();
    this.schedule();
  }

  pause(): void {
    if (!this.sim) return;
    this.playing = false;
    this.stopTimer();
    this.sendFrame(true);
  }

  step(ms: number): void {
    if (!this.sim) return;
    if (this.playing) this.pause();
    this.advance(this.sim.now + Math.max(1, ms), Number.POSITIVE_INFINITY);
    this.sendFrame(true);
  }

  setSpeed(speed: number): void {
    this.speed = clampSpeed(speed);
    this.resetRate();
    this.retrace();
    if (this.sim && !this.playing) this.sendFrame(false);
  }

  /** Applies an edited document to the running simulation without restarting it. */
  update(doc: TopologyDocument): void {
    if (!this.sim) return;
    this.flushHopsInto(null); // hops recorded under the old edge indices are dropped
    this.sim.applyDocument(doc);
    this.log?.update(this.sim, doc);
    this.rev++;
    this.edgeIds = doc.edges.map((e) => e.id);
    this.linkBase = this.sim.linkSends();
    this.retrace();
    this.lastFigures = -Infinity;
    if (!this.playing) this.sendFrame(true);
  }

  inject(action: ChaosAction): void {
    if (!this.sim) return;
    this.sim.inject(action);
    this.log?.inject(this.sim, action);
    if (action.type === 'setRps' || action.type === 'spike') this.retrace();
    this.lastFigures = -Infinity;
    if (!this.playing) this.sendFrame(true);
  }

  async runFast(
    ms: number,
    onProgress: (p: FastProgress) => void,
  ): Promise<{ cancelled: boolean }> {
    const sim = this.sim;
    if (!sim || this.fastRunning) return { cancelled: true };
    const wasPlaying = this.playing;
    this.playing = false;
    this.stopTimer();
    this.fastRunning = true;
    this.fastCancel = false;
    sim.traceEvery = 0;
    const end = sim.now + ms;
    const begin = sim.now;
    const startedWall = this.host.now();
    try {
      while (sim.now < end && !this.fastCancel) {
        // A slice: up to a second of virtual time, or less when that takes long to compute,
        // so progress (and Cancel) keep pace with what the engine really manages.
        const sliceEnd = Math.min(end, sim.now + FAST_SLICE_MS);
        const sliceWall = this.host.now();
        while (sim.now < sliceEnd) {
          const n = sim.runUntil(sliceEnd, FAST_EVENTS_PER_CHECK);
          if (n < FAST_EVENTS_PER_CHECK) break;
          if (this.host.now() - sliceWall > FAST_REPORT_MS) break;
        }
        onProgress({ doneMs: sim.now - begin, totalMs: ms, wallMs: this.host.now() - startedWall });
        this.sendFrame(true);
        // Let cancel (and other messages) in between slices.
        await new Promise<void>((resolve) => this.host.setTimer(resolve, 0));
      }
    } finally {
      this.fastRunning = false;
      sim.drainHops();
      this.retrace();
    }
    const cancelled = this.fastCancel;
    this.sendFrame(true);
    if (wasPlaying) this.play();
    return { cancelled };
  }

  cancelFast(): void {
    this.fastCancel = true;
  }

  /**
   * Goes back to virtual time `t` (paused): the run is computed again from its start with
   * what the user did up to then (src/sim/checkpoint.ts); what they did later is forgotten.
   * Progress is reported like a fast run's; cancelling keeps the run where it was.
   */
  async rewind(t: number, onProgress: (p: FastProgress) => void): Promise<{ cancelled: boolean }> {
    const sim = this.sim;
    const log = this.log;
    if (!sim || !log || this.fastRunning) return { cancelled: true };
    const target = Math.max(0, Math.min(sim.now, Math.floor(t)));
    this.playing = false;
    this.stopTimer();
    this.fastRunning = true;
    this.fastCancel = false;
    const replay = log.replay(target);
    replay.sim.traceEvery = 0;
    const startedWall = this.host.now();
    try {
      while (!this.fastCancel) {
        const sliceWall = this.host.now();
        let done = false;
        while (!done && this.host.now() - sliceWall <= FAST_REPORT_MS) {
          done = replay.advance(FAST_EVENTS_PER_CHECK * 20);
        }
        onProgress({
          doneMs: replay.sim.now,
          totalMs: target,
          wallMs: this.host.now() - startedWall,
        });
        if (done) break;
        await new Promise<void>((resolve) => this.host.setTimer(resolve, 0));
      }
    } finally {
      this.fastRunning = false;
    }
    if (this.fastCancel) {
      this.sendFrame(true);
      return { cancelled: true };
    }
    log.truncate(target);
    this.sim = replay.sim;
    this.sim.drainEvents(); // its markers are already on the page
    this.rev++;
    this.linkBase = this.sim.linkSends();
    this.seriesSent = target;
    this.prevErrors.clear();
    for (const rt of this.sim.nodes) this.prevErrors.set(rt.id, rt.errors);
    this.lastFigures = -Infinity;
    this.retrace();
    this.sendFrame(true);
    return { cancelled: false };
  }

  /** A dot's journey (the engine keeps the recent ones of the animated sample). */
  journey(id: number): Journey | null {
    return this.sim?.journey(id) ?? null;
  }

  journeys(): JourneySummary[] {
    return this.sim?.notableJourneys() ?? [];
  }

  stop(): void {
    this.stopTimer();
    this.playing = false;
    this.sim = null;
  }

  // ---- pacing -------------------------------------------------------------------------

  private schedule(): void {
    this.stopTimer();
    this.timer = this.host.setTimer(() => this.tick(), TICK_MS);
  }

  private stopTimer(): void {
    if (this.timer !== null) this.host.clearTimer(this.timer);
    this.timer = null;
  }

  private tick(): void {
    this.timer = null;
    if (!this.playing || !this.sim) return;
    const wall = this.host.now();
    const dt = Math.min(250, wall - this.lastWall);
    this.lastWall = wall;
    const before = this.sim.now;
    const target = before + dt * this.speed;
    this.advance(target, wall + BUDGET_MS);
    this.measureRate(dt, this.sim.now - before, this.sim.now < target);
    this.sendFrame(false);
    this.schedule();
  }

  /**
   * The rate the clock really runs at: virtual time reached over wall time, per window. It
   * slips when the engine ran out of its budget in most ticks and fell short of the speed
   * (a throttled background tab reaches its targets, just in fewer ticks: not a slip).
   */
  private measureRate(wallMs: number, simMs: number, behind: boolean): void {
    const w = this.window;
    w.wall += wallMs;
    w.sim += simMs;
    w.ticks++;
    if (behind) w.behind++;
    if (w.wall < RATE_WINDOW_MS) return;
    this.rate = w.sim / w.wall;
    this.slipping = w.behind * 2 >= w.ticks && this.rate < this.speed * SLIP_SHARE;
    this.window = { wall: 0, sim: 0, ticks: 0, behind: 0 };
  }

  /** Runs the engine up to `target` virtual ms, giving up (the clock slips) at `deadline`. */
  private advance(target: number, deadline: number): void {
    const sim = this.sim!;
    while (sim.now < target) {
      const before = sim.now;
      const n = sim.runUntil(target, EVENTS_PER_SLICE);
      if (n < EVENTS_PER_SLICE) break;
      if (this.host.now() > deadline) break;
      if (sim.now === before && n === 0) break;
    }
  }

  /** Picks one request in N to animate so the page sees about DOTS_PER_SECOND. */
  private retrace(): void {
    const sim = this.sim;
    if (!sim) return;
    let rps = 0;
    for (const rt of sim.nodes) {
      if (rt.kind !== 'client' && rt.kind !== 'cron') continue;
      const out: Record<string, number | string> = {};
      rt.behaviour.figures(out);
      rps += typeof out.rps === 'number' ? out.rps : 0;
    }
    sim.traceEvery = traceEveryFor(rps, this.speed);
  }

  // ---- frames -------------------------------------------------------------------------

  /** The hops since the last frame go into `frame`; `null` just discards them. */
  private flushHopsInto(frame: LiveFrame | null): void {
    const batch = this.sim!.drainHops();
    if (frame !== null) frame.hops = batch;
  }

  private sendFrame(forceFigures: boolean): void {
    const sim = this.sim;
    if (!sim) return;
    const frame: LiveFrame = {
      runId: this.runId,
      t: sim.now,
      playing: this.playing,
      speed: this.speed,
      rev: this.rev,
      edgeIds: this.edgeIds,
      traceEvery: sim.traceEvery,
      hops: { count: 0, times: new Float64Array(0), ints: new Int32Array(0), dropped: 0 },
      series: [],
      events: sim.drainEvents(),
      routes: sim.routeKeys.slice(),
      rate: this.playing ? this.rate : this.speed,
      slipping: this.playing && this.slipping,
    };
    this.flushHopsInto(frame);
    // Series points since the last frame (one per virtual second).
    const all = sim.series.toArray();
    const fresh = all.filter((p) => p.t * 1000 > this.seriesSent);
    if (fresh.length > 0) {
      this.seriesSent = fresh[fresh.length - 1]!.t * 1000;
      frame.series = fresh;
      this.closeSecond(fresh.length);
    }
    const wall = this.host.now();
    if (forceFigures || fresh.length > 0 || wall - this.lastFigures >= FIGURES_MS) {
      this.lastFigures = wall;
      frame.nodes = this.figures(sim);
      frame.edgeRps = this.edgeRps;
      const links = linkReports(sim);
      if (links !== undefined) frame.links = links;
      frame.window = sim.all.window(sim.now % 1000);
    }
    this.host.send(frame);
  }

  /**
   * A virtual second ended: link rates and per-box error rates for it. Link rates count
   * every request the engine sent (not the animated sample scaled up), so they do not
   * jitter however thin the sample is.
   */
  private closeSecond(seconds: number): void {
    const sim = this.sim!;
    const rps: Record<string, number> = {};
    const sends = sim.linkSends();
    const base = this.linkBase;
    this.edgeIds.forEach((id, i) => {
      rps[id] = Math.max(0, (sends[i] ?? 0) - (base[i] ?? 0)) / seconds;
    });
    this.linkBase = sends;
    this.edgeRps = rps;
    for (const rt of sim.nodes) {
      const prev = this.prevErrors.get(rt.id) ?? 0;
      const delta = Math.max(0, rt.errors - prev);
      this.prevErrors.set(rt.id, rt.errors);
      this.errorsPerS.set(rt.id, delta / seconds);
    }
  }

  private figures(sim: Simulation): Record<string, LiveNode> {
    const latest = sim.series.latest();
    const out: Record<string, LiveNode> = {};
    for (const rt of sim.nodes) {
      const r = nodeReport(sim, rt);
      const point = latest?.nodes[rt.id];
      // for…in rather than Object.entries: no pair arrays for every figure of every box, a
      // few times a second (and once a virtual second through a fast run).
      const figures: Record<string, number> = {};
      const report = r as unknown as Record<string, unknown>;
      for (const k in report) {
        const v = report[k];
        if (typeof v === 'number') figures[k] = v;
      }
      // Failures at the box by cause, so the live view can say what went wrong there.
      const failedBy = r.failedBy as Record<string, number | undefined>;
      for (const cause in failedBy) figures[`failed.${cause}`] = failedBy[cause] ?? 0;
      let up = 0;
      for (const s of rt.servers) if (s.up) up++;
      out[rt.id] = {
        kind: rt.kind,
        utilization: point?.utilization ?? rt.lastUtilization,
        queue: rt.behaviour.queueLength(),
        inFlight: rt.inFlight,
        rps: point?.rps ?? 0,
        errorsPerS: this.errorsPerS.get(rt.id) ?? 0,
        errors: rt.errors,
        completed: rt.completed,
        replicas: rt.servers.length,
        replicasUp: up,
        slow: rt.slow,
        errorRate: rt.errorRate,
        figures,
      };
    }
    return out;
  }
}

/**
 * One request in this many is animated (and its journey kept) at `rps` requests a second
 * played `speed` times real time: about DOTS_PER_SECOND dots a second of screen time.
 */
export function traceEveryFor(rps: number, speed: number): number {
  return Math.max(1, Math.ceil((rps * speed) / DOTS_PER_SECOND));
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(100, Math.max(0.1, speed));
}
