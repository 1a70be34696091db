// The metrics vocabulary of scenario expectations: which names exist, how to read each one
// from an engine Report, and how to say its value in plain words. One table, so the schema,
// the checker, the docs and the player all agree.

import { formatUsd } from '../model/cost.ts';
import {
  FAILURE_CAUSES,
  type FailureCause,
  type NodeReport,
  type Report,
  type RouteReport,
} from '../sim/api.ts';

export { FAILURE_CAUSES };

/** How a value is shown: a share as a percentage, a time in ms, a rate, a plain count, dollars. */
export type Unit = 'share' | 'ms' | 'rps' | 'count' | 'number' | 'usd';

interface Named {
  label: string;
  unit: Unit;
}

/** Whole-run figures, read from the top of the report. */
export const RUN_METRICS: Record<string, Named & { read: (r: Report) => number }> = {
  errorRate: { label: 'error rate', unit: 'share', read: (r) => errorRate(r) },
  throughput: { label: 'throughput', unit: 'rps', read: (r) => r.throughput_rps },
  p50: { label: 'median latency (p50)', unit: 'ms', read: (r) => r.latency_ms.p50 },
  p95: { label: 'p95 latency', unit: 'ms', read: (r) => r.latency_ms.p95 },
  p99: { label: 'p99 latency', unit: 'ms', read: (r) => r.latency_ms.p99 },
  mean: { label: 'mean latency', unit: 'ms', read: (r) => r.latency_ms.mean },
  completed: { label: 'completed requests', unit: 'count', read: (r) => r.requests.completed },
  failed: { label: 'failed requests', unit: 'count', read: (r) => r.requests.failed },
};

/** Figures every node reports (src/sim/api.ts NodeReport). */
export const NODE_FIGURES: Record<string, Named> = {
  utilization: { label: 'utilization', unit: 'share' },
  meanQueue: { label: 'mean queue length', unit: 'number' },
  meanResponseMs: { label: 'mean response time', unit: 'ms' },
  arrivals: { label: 'arrivals', unit: 'count' },
  completed: { label: 'completed', unit: 'count' },
  rejected: { label: 'rejected', unit: 'count' },
  // Kind-specific figures the engine adds (src/sim/behaviours/*: figures()). A box that does
  // not report the figure fails the check with a message saying so, rather than passing.
  errors: { label: 'errors', unit: 'count' },
  queue: { label: 'queue length at the end', unit: 'number' },
  inFlight: { label: 'requests in progress at the end', unit: 'number' },
  replicas: { label: 'replicas', unit: 'count' },
  replicasUp: { label: 'replicas up at the end', unit: 'count' },
  hitRatio: { label: 'hit ratio', unit: 'share' },
  hits: { label: 'hits', unit: 'count' },
  misses: { label: 'misses', unit: 'count' },
  entries: { label: 'entries kept', unit: 'count' },
  poolWaits: { label: 'waits for a pooled connection', unit: 'count' },
  meanPoolWaitMs: { label: 'mean wait for a pooled connection', unit: 'ms' },
  poolInUse: { label: 'pooled connections in use at the end', unit: 'count' },
  dbConnections: { label: 'database connections held', unit: 'count' },
  sessionsLost: { label: 'sessions lost', unit: 'count' },
  timeouts: { label: 'requests given up', unit: 'count' },
  connections: { label: 'open connections at the end', unit: 'count' },
  peakConnections: { label: 'most open connections', unit: 'count' },
  healthyBackends: { label: 'healthy backends at the end', unit: 'count' },
  servedStatic: { label: 'static files served', unit: 'count' },
  depth: { label: 'queue depth at the end', unit: 'count' },
  published: { label: 'jobs published', unit: 'count' },
  delivered: { label: 'jobs delivered', unit: 'count' },
  acked: { label: 'jobs done', unit: 'count' },
  redelivered: { label: 'jobs redelivered', unit: 'count' },
  runs: { label: 'runs', unit: 'count' },
  coresBusy: { label: 'busy cores at the end', unit: 'number' },
  passed: { label: 'requests let through', unit: 'count' },
  limited: { label: 'requests answered 429', unit: 'count' },
  shed: { label: 'requests shed', unit: 'count' },
  readReplicas: { label: 'read replicas serving at the end', unit: 'count' },
  replicaReads: { label: 'reads answered by a replica', unit: 'count' },
  staleReads: { label: 'stale reads', unit: 'count' },
  staleShare: { label: 'share of replica reads that were stale', unit: 'share' },
  failovers: { label: 'replicas promoted', unit: 'count' },
  writeGapMs: { label: 'time without writes after the primary crashed', unit: 'ms' },
  replicasStarting: { label: 'replicas booting at the end', unit: 'count' },
  replicasDraining: { label: 'replicas draining at the end', unit: 'count' },
  desiredReplicas: { label: 'replicas the autoscaler asked for last', unit: 'count' },
  meanReplicas: { label: 'mean replicas serving', unit: 'number' },
  scaleOuts: { label: 'times it scaled out', unit: 'count' },
  scaleIns: { label: 'times it scaled in', unit: 'count' },
};

export const ROUTE_FIGURES: Record<string, Named & { read: (r: RouteReport) => number }> = {
  p50: { label: 'median latency (p50)', unit: 'ms', read: (r) => r.latency_ms.p50 },
  p95: { label: 'p95 latency', unit: 'ms', read: (r) => r.latency_ms.p95 },
  p99: { label: 'p99 latency', unit: 'ms', read: (r) => r.latency_ms.p99 },
  mean: { label: 'mean latency', unit: 'ms', read: (r) => r.latency_ms.mean },
  throughput: { label: 'throughput', unit: 'rps', read: (r) => r.throughput_rps },
  completed: { label: 'completed', unit: 'count', read: (r) => r.completed },
  failed: { label: 'failed', unit: 'count', read: (r) => r.failed },
  errorRate: {
    label: 'error rate',
    unit: 'share',
    read: (r) => (r.completed + r.failed ? r.failed / (r.completed + r.failed) : 0),
  },
};

/** Figures of a connection with retries, a timeout or a breaker (report.links). */
export const LINK_FIGURES: Record<string, Named> = {
  calls: { label: 'calls made', unit: 'count' },
  attempts: { label: 'tries sent (calls and retries)', unit: 'count' },
  retries: { label: 'retries', unit: 'count' },
  timeouts: { label: 'calls given up after the timeout', unit: 'count' },
  wasted: { label: 'answers that came after the caller gave up', unit: 'count' },
  budgetDenied: { label: 'retries the budget refused', unit: 'count' },
  breakerOpens: { label: 'times the breaker opened', unit: 'count' },
  breakerOpenMs: { label: 'time the breaker was open', unit: 'ms' },
  shortCircuited: { label: 'calls the open breaker failed at once', unit: 'count' },
  probes: { label: 'probes let through', unit: 'count' },
};

/** A parsed metric name. */
export type MetricRef =
  | { scope: 'link'; edge: string; figure: string }
  | { scope: 'run'; name: string }
  | { scope: 'failedBy'; cause: FailureCause }
  | { scope: 'node'; node: string; figure: string }
  | { scope: 'nodeFailedBy'; node: string; cause: FailureCause }
  | { scope: 'route'; route: string; figure: string };

export type ParsedMetric = { ok: true; ref: MetricRef } | { ok: false; message: string };

const causeList = FAILURE_CAUSES.join(', ');

function cause(name: string, whole: string): ParsedMetric | FailureCause {
  if ((FAILURE_CAUSES as readonly string[]).includes(name)) return name as FailureCause;
  return { ok: false, message: `unknown failure cause "${name}" in "${whole}"; use ${causeList}` };
}

/**
 * Parses `errorRate`, `p95`, `failedBy.session-lost`, `nodes.app1.utilization`,
 * `nodes.db.failedBy.db-max-connections`, `routes.GET /api/items.p95`.
 */
export function parseMetric(metric: string): ParsedMetric {
  if (metric in RUN_METRICS) return { ok: true, ref: { scope: 'run', name: metric } };
  if (metric.startsWith('failedBy.')) {
    const c = cause(metric.slice('failedBy.'.length), metric);
    return typeof c === 'string' ? { ok: true, ref: { scope: 'failedBy', cause: c } } : c;
  }
  if (metric.startsWith('nodes.')) {
    const rest = metric.slice('nodes.'.length);
    const dot = rest.indexOf('.');
    if (dot <= 0) return { ok: false, message: `"${metric}" needs a figure: nodes.ID.FIGURE` };
    const node = rest.slice(0, dot);
    const figure = rest.slice(dot + 1);
    if (figure.startsWith('failedBy.')) {
      const c = cause(figure.slice('failedBy.'.length), metric);
      return typeof c === 'string'
        ? { ok: true, ref: { scope: 'nodeFailedBy', node, cause: c } }
        : c;
    }
    if (!(figure in NODE_FIGURES)) {
      return {
        ok: false,
        message: `unknown node figure "${figure}"; use ${Object.keys(NODE_FIGURES).join(', ')} or failedBy.CAUSE`,
      };
    }
    return { ok: true, ref: { scope: 'node', node, figure } };
  }
  if (metric.startsWith('links.')) {
    const rest = metric.slice('links.'.length);
    const dot = rest.lastIndexOf('.');
    const edge = dot > 0 ? rest.slice(0, dot) : '';
    const figure = rest.slice(dot + 1);
    if (edge === '') return { ok: false, message: `"${metric}" needs a figure: links.EDGE.FIGURE` };
    if (!(figure in LINK_FIGURES)) {
      return {
        ok: false,
        message: `unknown connection figure "${figure}"; use ${Object.keys(LINK_FIGURES).join(', ')}`,
      };
    }
    return { ok: true, ref: { scope: 'link', edge, figure } };
  }
  if (metric.startsWith('routes.')) {
    const rest = metric.slice('routes.'.length);
    const dot = rest.lastIndexOf('.');
    const route = dot > 0 ? rest.slice(0, dot) : '';
    const figure = rest.slice(dot + 1);
    if (!/^(GET|POST|PUT|DELETE) \//.test(route)) {
      return { ok: false, message: `"${metric}" needs a route: routes.METHOD /path.FIGURE` };
    }
    if (!(figure in ROUTE_FIGURES)) {
      return {
        ok: false,
        message: `unknown route figure "${figure}"; use ${Object.keys(ROUTE_FIGURES).join(', ')}`,
      };
    }
    return { ok: true, ref: { scope: 'route', route, figure } };
  }
  return {
    ok: false,
    message: `unknown metric "${metric}"; use ${Object.keys(RUN_METRICS).join(', ')}, failedBy.CAUSE, nodes.ID.FIGURE, links.EDGE.FIGURE or routes.METHOD /path.FIGURE`,
  };
}

export function metricUnit(ref: MetricRef): Unit {
  switch (ref.scope) {
    case 'run':
      return RUN_METRICS[ref.name]!.unit;
    case 'failedBy':
    case 'nodeFailedBy':
      return 'count';
    case 'node':
      return NODE_FIGURES[ref.figure]!.unit;
    case 'link':
      return LINK_FIGURES[ref.figure]!.unit;
    case 'route':
      return ROUTE_FIGURES[ref.figure]!.unit;
  }
}

/** Plain words for a metric, e.g. "utilization of app1". `name` turns a box id into
 * what people see (its label); by default the id itself. */
export function metricLabel(ref: MetricRef, name: (id: string) => string = (id) => id): string {
  switch (ref.scope) {
    case 'run':
      return RUN_METRICS[ref.name]!.label;
    case 'failedBy':
      return `requests failed by ${ref.cause}`;
    case 'nodeFailedBy':
      return `requests failed by ${ref.cause} at ${name(ref.node)}`;
    case 'node':
      return `${NODE_FIGURES[ref.figure]!.label} of ${name(ref.node)}`;
    case 'link':
      return `${LINK_FIGURES[ref.figure]!.label} on connection ${ref.edge}`;
    case 'route':
      return `${ROUTE_FIGURES[ref.figure]!.label} of ${ref.route}`;
  }
}

export type MetricValue = { ok: true; value: number } | { ok: false; message: string };

function figureOf(node: NodeReport, figure: string): number | undefined {
  const v = node[figure];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** Reads the metric from a report; says why when the report does not have it. */
export function readMetric(ref: MetricRef, report: Report): MetricValue {
  switch (ref.scope) {
    case 'run':
      return { ok: true, value: RUN_METRICS[ref.name]!.read(report) };
    case 'failedBy':
      return { ok: true, value: report.requests.failedBy[ref.cause] ?? 0 };
    case 'node':
    case 'nodeFailedBy': {
      const node = report.nodes[ref.node];
      if (!node) return { ok: false, message: `the run reports no box "${ref.node}"` };
      if (ref.scope === 'nodeFailedBy') return { ok: true, value: node.failedBy[ref.cause] ?? 0 };
      const v = figureOf(node, ref.figure);
      if (v === undefined) {
        return { ok: false, message: `the run reports no ${ref.figure} for ${ref.node}` };
      }
      return { ok: true, value: v };
    }
    case 'link': {
      const link = report.links?.[ref.edge];
      if (!link) {
        return {
          ok: false,
          message: `the run reports no connection "${ref.edge}" (only connections with retries, a timeout or a breaker have figures)`,
        };
      }
      const v = link[ref.figure as keyof typeof link];
      return typeof v === 'number'
        ? { ok: true, value: v }
        : { ok: false, message: `no ${ref.figure}` };
    }
    case 'route': {
      const route = report.routes[ref.route];
      if (!route) return { ok: false, message: `the run reports no route "${ref.route}"` };
      return { ok: true, value: ROUTE_FIGURES[ref.figure]!.read(route) };
    }
  }
}

export function errorRate(r: Report): number {
  const total = r.requests.completed + r.requests.failed;
  return total ? r.requests.failed / total : 0;
}

function trim(n: number, digits: number): string {
  return Number(n.toFixed(digits)).toString();
}

/** "0.4%", "182 ms", "57.3 req/s", "12". */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'share': {
      const pct = value * 100;
      return `${trim(pct, pct !== 0 && Math.abs(pct) < 1 ? 2 : 1)}%`;
    }
    case 'ms':
      return `${trim(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
    case 'rps':
      return `${trim(value, 1)} req/s`;
    case 'count':
      return trim(value, 0);
    case 'number':
      return trim(value, 2);
    case 'usd':
      return formatUsd(value);
  }
}
