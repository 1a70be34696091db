// What the live-run Worker sends the page while a simulation plays: plain serializable
// frames (hop arrays are transferred, not copied). The page never simulates; it draws.

import type { ChaosAction, LinkReport, TimedAction } from '../sim/api.ts';
import type {
  Journey,
  JourneySummary,
  SeriesPoint,
  SimEvent,
  WindowSummary,
} from '../sim/index.ts';
import type { TopologyDocument } from '../model/types.ts';

/** One box's live figures (the last virtual second where it says "per second"). */
export interface LiveNode {
  kind: string;
  /** Busy share of its workers (or host cores) over the last second, 0–1. */
  utilization: number;
  /** Waiting right now (queued requests, jobs, pool waiters). */
  queue: number;
  /** Reached it and not answered yet. */
  inFlight: number;
  /** Arrivals over the last second. */
  rps: number;
  /** Failures at this box over the last second. */
  errorsPerS: number;
  /** Failures at this box since the run (or warmup) began. */
  errors: number;
  completed: number;
  replicas: number;
  replicasUp: number;
  /** Slow-down factor injected (1 = normal). */
  slow: number;
  /** Injected error rate, 0–1. */
  errorRate: number;
  /**
   * Kind-specific: hitRatio (cache, cdn), poolInUse/poolSize (app), connections (db)…, and
   * `failed.<cause>`: failures at this box by cause since the run began.
   */
  figures: Record<string, number>;
}

export interface LiveFrame {
  /** Which start() this frame belongs to (the page drops frames of an earlier run). */
  runId: number;
  /** Virtual time the engine has reached, ms. */
  t: number;
  playing: boolean;
  speed: number;
  /** Bumped on every document update; hop edge indices refer to `edgeIds` of this rev. */
  rev: number;
  edgeIds: string[];
  /** One request in `traceEvery` is animated (1 = all). */
  traceEvery: number;
  hops: { count: number; times: Float64Array; ints: Int32Array; dropped: number };
  /** Present when figures were refreshed (a few times a second). */
  nodes?: Record<string, LiveNode>;
  /** Requests per second on each link (estimated from the animated sample), by edge id. */
  edgeRps?: Record<string, number>;
  /**
   * Connections with retries, a timeout or a breaker, by edge id (with the figures; absent
   * when none has them): tries, retries, timeouts, the breaker's state.
   */
  links?: Record<string, LinkReport>;
  /** Series points (one per virtual second) since the last frame. */
  series: SeriesPoint[];
  /** Injected actions and notes since the last frame, for chart markers. */
  events: SimEvent[];
  /** Route names by route index ("GET /api"). */
  routes: string[];
  window?: WindowSummary;
  /** Virtual seconds per real second over the last second of playing (the speed when paused). */
  rate: number;
  /** The engine cannot keep up with the chosen speed: the clock runs at `rate`, slower. */
  slipping: boolean;
}

export interface LiveStartOptions {
  /** Chosen by the page; every frame of this run carries it. */
  runId: number;
  seed: number;
  speed: number;
  actions?: TimedAction[];
  /** Start playing at once (false: load paused at t = 0). */
  play: boolean;
}

export interface FastProgress {
  doneMs: number;
  totalMs: number;
  /** Wall time spent so far, for an honest "about … left". */
  wallMs?: number;
}

/** The Worker's API (through Comlink). Frames arrive through the subscribed callback. */
export interface LiveApi {
  subscribe(onFrame: (frame: LiveFrame) => void): void;
  start(doc: TopologyDocument, options: LiveStartOptions): void;
  play(): void;
  pause(): void;
  /** Advances `ms` of virtual time while paused, then sends a frame. */
  step(ms: number): void;
  setSpeed(speed: number): void;
  update(doc: TopologyDocument): void;
  inject(action: ChaosAction): void;
  /** Computes `ms` of virtual time without animation; resolves when done or cancelled. */
  runFast(ms: number, onProgress: (p: FastProgress) => void): Promise<{ cancelled: boolean }>;
  cancelFast(): void;
  /**
   * Goes back to virtual time `t` and stays paused there (the run is computed again from its
   * start and what the user did up to `t`); resolves when there, or cancelled by cancelFast.
   */
  rewind(t: number, onProgress: (p: FastProgress) => void): Promise<{ cancelled: boolean }>;
  /** The journey of animated request `id` (a dot), finished or as far as it got; null if gone. */
  journey(id: number): Journey | null;
  /** The slowest and the failed animated requests of the last 10 virtual seconds. */
  journeys(): JourneySummary[];
  stop(): void;
}

export type {
  ChaosAction,
  Journey,
  JourneySummary,
  SeriesPoint,
  SimEvent,
  TimedAction,
  WindowSummary,
};
