// The messages between the UI and the simulation Worker: plain serializable data only
// (structured clone), with hop batches as transferable typed arrays.

import type { DocIssue } from '../model/paths.ts';
import type { ChaosAction, FailureCause, Report, TimedAction } from '../sim/api.ts';
import type { HopBatch } from '../sim/hops.ts';
import type { SeriesPoint, WindowSummary } from '../sim/metrics.ts';
import type { SimEvent } from '../sim/simulation.ts';

export type { HopBatch, SeriesPoint, SimEvent, WindowSummary };

export interface LoadOptions {
  /** One-way network delay per hop, ms (default 0). */
  networkMs?: number;
  /** Animate one request in N; 'auto' (default) keeps a few hundred dots a second. */
  traceEvery?: number | 'auto';
}

export type LoadResult = { ok: true; warnings: DocIssue[] } | { ok: false; errors: DocIssue[] };

/** A box as it is right now (for the canvas badges and the inspector). */
export interface NodeLive {
  id: string;
  kind: string;
  arrivals: number;
  completed: number;
  errors: number;
  failedBy: Partial<Record<FailureCause, number>>;
  /** Busy share of its workers over the last virtual second (0–1). */
  utilization: number;
  /** Waiting right now: queued requests, queue depth, pool waiters. */
  queue: number;
  /** Reached the box and not answered yet. */
  inFlight: number;
  replicas: number;
  replicasUp: number;
  /** Kind-specific figures: hitRatio, poolInUse, poolWaits, depth, connections... */
  figures: Record<string, number | string>;
  /** For load balancers: each backend as its health checks see it. */
  health?: { node: string; replica: number; healthy: boolean; inFlight: number }[];
}

/** What the UI gets about every animation frame while subscribed. */
export interface Frame {
  /** Virtual time, ms. */
  now: number;
  playing: boolean;
  speed: number;
  /** True when the simulation could not keep up with the requested speed. */
  behind: boolean;
  /** Request hops since the last frame (see src/sim/hops.ts for the layout). */
  hops: HopBatch;
  nodes: NodeLive[];
  /** The latest completed virtual second, or null before the first. */
  point: SeriesPoint | null;
  /** End-to-end figures over the last WINDOW_S virtual seconds. */
  window: WindowSummary;
  /** Chaos markers and notes since the last frame. */
  events: SimEvent[];
}

export interface RunFastProgress {
  /** Virtual time reached, ms. */
  now: number;
  /** Share done, 0–1. */
  done: number;
}

export interface RunFastResult {
  cancelled: boolean;
  now: number;
}

/** The Worker's API, called through Comlink (every method returns a Promise there). */
export interface SimWorkerApi {
  /** Validates and loads a document; on errors the previous simulation is kept. */
  load(doc: unknown, seed: number, options?: LoadOptions): LoadResult;
  /** Runs in real time × speed (0.1–100), sending frames to the subscriber. */
  play(speed?: number): void;
  pause(): void;
  setSpeed(speed: number): void;
  /** Processes one event (paused) and sends a frame. */
  step(): Frame | null;
  /** Runs `virtualSeconds` as fast as possible; progress about every 50 ms of real time. */
  runFast(
    virtualSeconds: number,
    onProgress?: (p: RunFastProgress) => void,
  ): Promise<RunFastResult>;
  /** Stops a runFast in progress (it resolves with cancelled: true). */
  cancel(): void;
  /** Starts the loaded document again from time 0 with the same seed. */
  reset(): void;
  /** Applies an edited document live, keeping the clock and what is in flight. */
  updateDocument(doc: unknown): LoadResult;
  inject(action: ChaosAction): void;
  schedule(actions: TimedAction[]): void;
  /** Frames go to `onFrame` (wrap it with Comlink.proxy); one is sent at once. */
  subscribe(onFrame: (frame: Frame) => void): void;
  unsubscribe(): void;
  /** The headless report of the run so far. */
  report(): Report | null;
  /** The time series kept so far (one point per virtual second, bounded). */
  series(): SeriesPoint[];
}
