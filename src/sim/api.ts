// The engine's public contract, shared by the Worker, the CLI, the story checker and the
// bench. Everything here is plain, serializable data.

import type { FailureCause } from './causes.ts';
import type { LinkFigures as LinkReport } from './resilience/policy.ts';

// Failure causes are declared once, with their wording, in causes.ts.
export { CAUSES, FAILURE_CAUSES, type FailureCause } from './causes.ts';

/** A change injected while running (chaos) or scheduled by a scenario. */
export type ChaosAction =
  | { type: 'crash'; node: string }
  | { type: 'restart'; node: string }
  | { type: 'slow'; node: string; factor: number }
  | { type: 'errorRate'; node: string; rate: number }
  | { type: 'cut'; edge: string }
  | { type: 'restore'; edge: string }
  /** Restart the node's replicas one at a time, each down for `downMs`. */
  | { type: 'rollingRestart'; node: string; downMs?: number }
  | { type: 'setRps'; node: string; rps: number }
  /** Multiply a client's traffic by `factor` for `durationMs`. */
  | { type: 'spike'; node: string; factor: number; durationMs: number };

export interface TimedAction {
  atMs: number;
  action: ChaosAction;
}

export interface RunOptions {
  seed: number;
  /** Virtual time to run, in ms. */
  durationMs: number;
  /** Requests that start before this are not measured. */
  warmupMs?: number;
  actions?: TimedAction[];
  /**
   * One-way network delay added to every hop, in ms (default 0, so queueing theory holds
   * exactly; latency that matters is already in each box's settings).
   */
  networkMs?: number;
}

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
}

/** Per-node figures; kinds add their own (hitRatio, poolWaits, queueDepth...). */
export interface NodeReport {
  kind: string;
  arrivals: number;
  completed: number;
  rejected: number;
  /** Failures that happened at this node, by cause. */
  failedBy: Partial<Record<FailureCause, number>>;
  utilization: number;
  meanQueue: number;
  meanResponseMs: number;
  [figure: string]: number | string | Partial<Record<FailureCause, number>>;
}

export interface RouteReport {
  completed: number;
  failed: number;
  throughput_rps: number;
  latency_ms: LatencySummary;
}

/** The headless report, printed by `npm run sim` (docs/engine.md, Outputs). */
export interface Report {
  duration_s: number;
  throughput_rps: number;
  requests: {
    completed: number;
    failed: number;
    failedBy: Partial<Record<FailureCause, number>>;
  };
  /** End to end, completed requests after warmup. */
  latency_ms: LatencySummary;
  /** Keyed by "METHOD /path". */
  routes: Record<string, RouteReport>;
  nodes: Record<string, NodeReport>;
  /**
   * Connections with retries, a timeout or a breaker, by edge id (absent when none has):
   * tries, retries, timeouts, wasted answers, the breaker's state and openings.
   */
  links?: Record<string, LinkReport>;
}

export type { LinkFigures as LinkReport } from './resilience/policy.ts';
