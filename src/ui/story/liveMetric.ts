// What a step's "notice" metrics read while its run plays: the live run's figures for the
// same names the claims use. Whole-run figures (error rate, latency, throughput) come from
// the last seconds' window; a box's figures are counted since the run began, as in the
// report the claims are checked against. Metrics the live run does not carry show no value.

import type { LiveNode } from '../../worker/liveProtocol.ts';
import type { WindowSummary } from '../../sim/index.ts';
import { formatValue, metricLabel, metricUnit, parseMetric } from '../../story/metrics.ts';

export interface LiveMetric {
  label: string;
  /** Formatted, e.g. "12.5%"; null when the live run has no such figure (yet). */
  value: string | null;
  /** Does the live run carry this metric at all? (Failure causes and routes it does not.) */
  live: boolean;
}

export function liveMetric(
  metric: string,
  window: WindowSummary | null,
  nodes: Readonly<Record<string, LiveNode>>,
  name?: (id: string) => string,
): LiveMetric {
  const parsed = parseMetric(metric);
  if (!parsed.ok) return { label: metric, value: null, live: false };
  const ref = parsed.ref;
  const label = metricLabel(ref, name);
  const unit = metricUnit(ref);
  const shown = (v: number | undefined) =>
    v === undefined || !Number.isFinite(v) ? null : formatValue(v, unit);
  switch (ref.scope) {
    case 'run': {
      if (!window) return { label, value: null, live: true };
      const byName: Record<string, number | undefined> = {
        errorRate: window.errorRate,
        throughput: window.throughput_rps,
        p50: window.latency_ms.p50,
        p95: window.latency_ms.p95,
        p99: window.latency_ms.p99,
        mean: window.latency_ms.mean,
      };
      return { label, value: shown(byName[ref.name]), live: ref.name in byName };
    }
    case 'node':
      return { label, value: shown(nodes[ref.node]?.figures[ref.figure]), live: true };
    default:
      return { label, value: null, live: false };
  }
}
