// End-to-end and per-route measurement: whole-run histograms (after warmup), a sliding
// window of the last WINDOW_S virtual seconds, and one time-series point per second kept
// in a ring buffer. Memory is bounded whatever the run length.

import type { LatencySummary } from './api.ts';
import { CAUSE_COUNT, FAILURE_CAUSES, type FailureCause } from './causes.ts';
import { Histogram } from './histogram.ts';

export const WINDOW_S = 10;

/** One virtual second of the run. */
export interface SeriesPoint {
  /** End of the second, virtual seconds since start. */
  t: number;
  throughput_rps: number;
  errors_rps: number;
  errorRate: number;
  latency_ms: LatencySummary;
  /**
   * Per node: utilization (0–1), queue length now, requests in progress now, arrivals/s;
   * for a box with autoscale on, its serving replicas and those booting at the second's end.
   */
  nodes: Record<
    string,
    {
      utilization: number;
      queue: number;
      inFlight: number;
      rps: number;
      replicas?: number;
      starting?: number;
    }
  >;
  /**
   * Connections with retries, a timeout or a breaker (absent when none has): calls made
   * and tries sent this second, and the breaker's state at its end (0 closed, 1 open,
   * 2 half-open; -1 no breaker).
   */
  links?: Record<string, LinkPoint>;
}

export interface LinkPoint {
  calls: number;
  attempts: number;
  breaker: number;
}

export interface WindowSummary {
  seconds: number;
  throughput_rps: number;
  errorRate: number;
  latency_ms: LatencySummary;
}

export function summarize(h: Histogram): LatencySummary {
  return { mean: h.mean(), p50: h.quantile(0.5), p95: h.quantile(0.95), p99: h.quantile(0.99) };
}

/** Whole-run and windowed figures for one stream of requests (all, or one route). */
export class Stream {
  readonly total = new Histogram();
  failed = 0;
  readonly failedBy = new Float64Array(CAUSE_COUNT);
  // Window: one histogram and counters per second, the current one at `slot`.
  private readonly win: Histogram[] = [];
  private readonly winOk = new Float64Array(WINDOW_S);
  private readonly winFail = new Float64Array(WINDOW_S);
  private slot = 0;
  private filled = 1;

  constructor(private readonly windowed: boolean) {
    if (windowed) for (let i = 0; i < WINDOW_S; i++) this.win.push(new Histogram());
  }

  /** A success taking `ms`, whose histogram bucket is `bucket` (see bucketOf). */
  ok(bucket: number, ms: number, measured: boolean): void {
    if (measured) this.total.recordAt(bucket, ms);
    if (this.windowed) {
      this.win[this.slot]!.recordAt(bucket, ms);
      this.winOk[this.slot]!++;
    }
  }

  fail(cause: number, measured: boolean): void {
    if (measured) {
      this.failed++;
      this.failedBy[cause]!++;
    }
    if (this.windowed) this.winFail[this.slot]!++;
  }

  /** The second at `slot` is over: move on, forgetting the oldest second. */
  rotate(): void {
    this.slot = (this.slot + 1) % WINDOW_S;
    if (this.windowed) this.win[this.slot]!.reset();
    this.winOk[this.slot] = 0;
    this.winFail[this.slot] = 0;
    if (this.filled < WINDOW_S) this.filled++;
  }

  /** The second just finished (call before rotate). */
  lastSecond(): { ok: number; failed: number; hist: Histogram | null } {
    return {
      ok: this.winOk[this.slot]!,
      failed: this.winFail[this.slot]!,
      hist: this.windowed ? this.win[this.slot]! : null,
    };
  }

  window(partialMs: number): WindowSummary {
    const merged = new Histogram();
    let ok = 0;
    let failed = 0;
    for (let i = 0; i < WINDOW_S; i++) {
      if (this.windowed) merged.add(this.win[i]!);
      ok += this.winOk[i]!;
      failed += this.winFail[i]!;
    }
    const seconds = Math.max(0.001, this.filled - 1 + partialMs / 1000);
    return {
      seconds,
      throughput_rps: ok / seconds,
      errorRate: ok + failed > 0 ? failed / (ok + failed) : 0,
      latency_ms: summarize(merged),
    };
  }

  resetTotals(): void {
    this.total.reset();
    this.failed = 0;
    this.failedBy.fill(0);
  }
}

export function causesRecord(counts: Float64Array): Partial<Record<FailureCause, number>> {
  const out: Partial<Record<FailureCause, number>> = {};
  for (let k = 0; k < CAUSE_COUNT; k++) if (counts[k]! > 0) out[FAILURE_CAUSES[k]!] = counts[k]!;
  return out;
}

/** A fixed-capacity ring of series points (oldest dropped first). */
export class SeriesRing {
  private readonly items: SeriesPoint[] = [];
  private start = 0;
  constructor(private readonly capacity = 300) {}

  push(p: SeriesPoint): void {
    if (this.items.length < this.capacity) this.items.push(p);
    else {
      this.items[this.start] = p;
      this.start = (this.start + 1) % this.capacity;
    }
  }

  latest(): SeriesPoint | null {
    if (this.items.length === 0) return null;
    return this.items[(this.start + this.items.length - 1) % this.items.length]!;
  }

  toArray(): SeriesPoint[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }

  clear(): void {
    this.items.length = 0;
    this.start = 0;
  }
}
