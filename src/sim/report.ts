// Builds the headless report (api.ts Report; docs/engine.md, Outputs) and per-node live
// figures from a run.

import type { LinkReport, NodeReport, Report, RouteReport } from './api.ts';
import type { BackendHealth } from './capabilities.ts';
import { C_REJECTED } from './causes.ts';
import { causesRecord, summarize } from './metrics.ts';
import type { NodeRt } from './runtime.ts';
import type { Simulation } from './simulation.ts';

/** Rounds to 6 decimals: keeps the JSON readable; the run itself is unrounded. */
const r6 = (x: number): number => (Number.isFinite(x) ? Math.round(x * 1e6) / 1e6 : 0);

export function nodeReport(sim: Simulation, rt: NodeRt): NodeReport {
  const t = Math.max(1e-9, sim.now - Math.max(sim.statsStart, rt.since));
  const { busy, cap, queueArea } = sim.busyOf(rt);
  const up = rt.servers.filter((s) => s.up && !rt.removed).length;
  const out: NodeReport = {
    kind: rt.kind,
    arrivals: rt.arrivals,
    completed: rt.completed,
    rejected: rt.failed[C_REJECTED]!,
    failedBy: causesRecord(rt.failed),
    errors: rt.errors,
    // A scaled box's workers came and went: divide by the worker-time there was.
    utilization: r6(
      rt.scale !== null
        ? busy / Math.max(1e-9, rt.scale.capAreaAt(sim.now))
        : cap > 0
          ? busy / (cap * t)
          : 0,
    ),
    meanQueue: r6(queueArea / t),
    meanResponseMs: r6(rt.completed > 0 ? rt.respSum / rt.completed : 0),
    queue: rt.behaviour.queueLength(),
    inFlight: rt.inFlight,
    replicas: rt.servers.length,
    replicasUp: up,
  };
  const extra: Record<string, number | string> = {};
  rt.behaviour.figures(extra);
  for (const [k, v] of Object.entries(extra)) out[k] = typeof v === 'number' ? r6(v) : v;
  return out;
}

export function buildReport(sim: Simulation): Report {
  const seconds = Math.max(1e-9, (sim.now - sim.statsStart) / 1000);
  const all = sim.all;
  const routes: Record<string, RouteReport> = {};
  sim.routes.forEach((stream, i) => {
    const lat = summarize(stream.total);
    routes[sim.routeKeys[i]!] = {
      completed: stream.total.count,
      failed: stream.failed,
      throughput_rps: r6(stream.total.count / seconds),
      latency_ms: roundLatency(lat),
    };
  });
  const nodes: Record<string, NodeReport> = {};
  for (const rt of sim.nodes) nodes[rt.id] = nodeReport(sim, rt);
  const links = linkReports(sim);
  return {
    duration_s: r6(seconds),
    throughput_rps: r6(all.total.count / seconds),
    requests: {
      completed: all.total.count,
      failed: all.failed,
      failedBy: causesRecord(all.failedBy),
    },
    latency_ms: roundLatency(summarize(all.total)),
    routes,
    nodes,
    ...(links === undefined ? {} : { links }),
  };
}

/** Figures of the connections with retries, a timeout or a breaker (undefined: none). */
export function linkReports(sim: Simulation): Record<string, LinkReport> | undefined {
  const policies = sim.world.policies;
  if (policies.size === 0) return undefined;
  const out: Record<string, LinkReport> = {};
  for (const [id, p] of policies) {
    const f = p.figures(sim.now);
    out[id] = { ...f, breakerOpenMs: r6(f.breakerOpenMs) };
  }
  return out;
}

function roundLatency(l: { mean: number; p50: number; p95: number; p99: number }) {
  return { mean: r6(l.mean), p50: r6(l.p50), p95: r6(l.p95), p99: r6(l.p99) };
}

/** Backend health as a load balancer sees it (none for a box that does not balance). */
export function lbHealth(rt: NodeRt): BackendHealth[] {
  return rt.caps.balances?.health() ?? [];
}
