// Measurement: what a run shows. End-to-end and per-route streams (whole run after warmup,
// and a sliding window), one time-series point per virtual second, warmup's reset, and
// each box's busy and queue time from its resources. The report is built from these
// (report.ts). Reading never changes a run: figures are computed without moving the
// running sums.

import { bucketOf } from './histogram.ts';
import { type LinkPoint, type SeriesPoint, SeriesRing, Stream, summarize } from './metrics.ts';
import type { LinkPolicy } from './resilience/policy.ts';
import type { NodeRt } from './runtime.ts';

export class Measurement {
  readonly all = new Stream(true);
  readonly routes: Stream[] = [];
  readonly routeKeys: string[] = [];
  private readonly routeIndex = new Map<string, number>();
  readonly series = new SeriesRing();
  /** When measurement (re)started: 0, or the end of warmup. */
  statsStart = 0;

  /** The index of route "METHOD path", added on first sight. */
  routeFor(method: string, path: string): number {
    const key = `${method} ${path}`;
    let i = this.routeIndex.get(key);
    if (i === undefined) {
      i = this.routes.length;
      this.routeIndex.set(key, i);
      this.routeKeys.push(key);
      this.routes.push(new Stream(true));
    }
    return i;
  }

  /** A request ended at its client (not called again after a timeout). */
  completeRequest(
    now: number,
    route: number,
    start: number,
    measured: boolean,
    ok: boolean,
    cause: number,
  ): void {
    const stream = route >= 0 ? this.routes[route] : undefined;
    if (ok) {
      const ms = now - start;
      const bucket = bucketOf(ms);
      this.all.ok(bucket, ms, measured);
      stream?.ok(bucket, ms, measured);
    } else {
      this.all.fail(cause, measured);
      stream?.fail(cause, measured);
    }
  }

  /** Warmup is over: node figures and measured totals start from zero. */
  resetStats(now: number, nodes: readonly NodeRt[]): void {
    this.statsStart = now;
    for (const rt of nodes) {
      rt.since = now;
      rt.arrivals = 0;
      rt.completed = 0;
      rt.errors = 0;
      rt.respSum = 0;
      rt.failed.fill(0);
      rt.tickBusy = 0;
      rt.tickArrivals = 0;
      for (const s of rt.servers) s.workers?.resetStats(now);
      rt.cores?.resetStats(now);
      rt.behaviour.resetStats();
    }
    this.all.resetTotals();
    for (const r of this.routes) r.resetTotals();
  }

  /**
   * Busy worker-ms, worker capacity and queue-ms of a node (all replicas) up to now; for a
   * host, its cores. Reads without touching the running sums.
   */
  busyOf(rt: NodeRt, now: number): { busy: number; cap: number; queueArea: number } {
    const cores = rt.cores;
    if (cores !== null) return { busy: cores.busyAreaAt(now), cap: cores.cap, queueArea: 0 };
    // Replicas come and go: the autoscaler keeps the areas of those gone and draining.
    if (rt.scale !== null) return rt.scale.areas(now);
    let busy = 0;
    let cap = 0;
    let queueArea = 0;
    for (const s of rt.servers) {
      const w = s.workers;
      if (w === null) continue;
      busy += w.busyAreaAt(now);
      cap += w.cap;
      queueArea += w.queueAreaAt(now);
    }
    return { busy, cap, queueArea };
  }

  /** The second that ends now: one series point, and the windows move on. */
  tick(now: number, nodes: readonly NodeRt[], policies?: ReadonlyMap<string, LinkPolicy>): void {
    const last = this.all.lastSecond();
    const hist = last.hist!;
    const points: SeriesPoint['nodes'] = {};
    for (const rt of nodes) {
      const { busy, cap } = this.busyOf(rt, now);
      const utilization = cap > 0 ? Math.min(1, (busy - rt.tickBusy) / (cap * 1000)) : 0;
      rt.tickBusy = busy;
      rt.lastUtilization = utilization;
      const p: SeriesPoint['nodes'][string] = {
        utilization,
        queue: rt.behaviour.queueLength(),
        inFlight: rt.inFlight,
        rps: rt.arrivals - rt.tickArrivals,
      };
      if (rt.scale?.active) {
        p.replicas = rt.servers.length;
        p.starting = rt.scale.starting.length;
      }
      points[rt.id] = p;
      rt.tickArrivals = rt.arrivals;
    }
    const point: SeriesPoint = {
      t: now / 1000,
      throughput_rps: last.ok,
      errors_rps: last.failed,
      errorRate: last.ok + last.failed > 0 ? last.failed / (last.ok + last.failed) : 0,
      latency_ms: summarize(hist),
      nodes: points,
    };
    if (policies !== undefined && policies.size > 0) {
      const links: Record<string, LinkPoint> = {};
      for (const [id, p] of policies) links[id] = p.tick(now);
      point.links = links;
    }
    this.series.push(point);
    this.all.rotate();
    for (const r of this.routes) r.rotate();
  }
}
