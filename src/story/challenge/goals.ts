// The goals vocabulary of challenges: every metric a story claim may use (src/story/
// metrics.ts), plus figures that only make sense for a whole design: what it costs a month,
// sessions and jobs lost, jobs still queued at the end, failed writes. One table, so the
// schema, the grader, the docs and the panel agree.

import type { DesignCost } from '../../model/cost.ts';
import type { Report } from '../../sim/api.ts';
import {
  formatValue,
  type MetricRef,
  metricLabel,
  metricUnit,
  parseMetric,
  readMetric,
  type Unit,
} from '../metrics.ts';

interface DesignMetric {
  label: string;
  unit: Unit;
  /** One line for the docs. */
  meaning: string;
  read: (report: Report, cost: DesignCost) => number;
}

const sumNodes = (report: Report, kind: string, read: (n: Report['nodes'][string]) => number) =>
  Object.values(report.nodes)
    .filter((n) => n.kind === kind)
    .reduce((sum, n) => sum + read(n), 0);

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export const DESIGN_METRICS: Record<string, DesignMetric> = {
  cost: {
    label: 'monthly cost',
    unit: 'usd',
    meaning: 'what the design costs a month at list prices (see the costs table)',
    read: (_r, cost) => cost.totalUsd,
  },
  sessionsLost: {
    label: 'sessions lost',
    unit: 'count',
    meaning:
      'requests that reached an app server that did not know the user’s session (kept in another server’s memory, or lost in a restart)',
    read: (r) => sumNodes(r, 'app', (n) => num(n.sessionsLost)),
  },
  jobsLost: {
    label: 'jobs lost',
    unit: 'count',
    meaning:
      'jobs that never got done: refused by a queue (full, down or cut off) or failed while being worked on',
    read: (r) =>
      sumNodes(
        r,
        'queue',
        (n) => num(n.failedJobs) + Object.values(n.failedBy).reduce((s, c) => s + num(c), 0),
      ),
  },
  queueDepth: {
    label: 'jobs still waiting at the end',
    unit: 'count',
    meaning: 'jobs waiting in all queues when the run ends (the workers did not keep up)',
    read: (r) => sumNodes(r, 'queue', (n) => num(n.depth)),
  },
  writesFailed: {
    label: 'failed writes',
    unit: 'count',
    meaning: 'failed POST, PUT and DELETE requests: orders, sign-ups, payments that did not happen',
    read: (r) =>
      Object.entries(r.routes)
        .filter(([key]) => !key.startsWith('GET '))
        .reduce((sum, [, route]) => sum + route.failed, 0),
  },
};

export type GoalRef = { scope: 'design'; name: string } | MetricRef;

export type ParsedGoalMetric = { ok: true; ref: GoalRef } | { ok: false; message: string };

export function parseGoalMetric(name: string): ParsedGoalMetric {
  if (name in DESIGN_METRICS) return { ok: true, ref: { scope: 'design', name } };
  const parsed = parseMetric(name);
  if (parsed.ok) return parsed;
  if (parsed.message.startsWith('unknown metric')) {
    return {
      ok: false,
      message: `${parsed.message}, or one of ${Object.keys(DESIGN_METRICS).join(', ')}`,
    };
  }
  return parsed;
}

export function goalUnit(ref: GoalRef): Unit {
  return ref.scope === 'design' ? DESIGN_METRICS[ref.name]!.unit : metricUnit(ref);
}

export function goalMetricLabel(ref: GoalRef, name?: (id: string) => string): string {
  return ref.scope === 'design' ? DESIGN_METRICS[ref.name]!.label : metricLabel(ref, name);
}

export type GoalValue = { ok: true; value: number } | { ok: false; message: string };

export function readGoalMetric(ref: GoalRef, report: Report, cost: DesignCost): GoalValue {
  if (ref.scope === 'design')
    return { ok: true, value: DESIGN_METRICS[ref.name]!.read(report, cost) };
  return readMetric(ref, report);
}

export { formatValue };
