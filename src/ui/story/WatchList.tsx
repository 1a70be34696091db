// The numbers a step asks you to watch, with their live values while the step runs.

import { useSimulationStore } from '../../state/simulationStore.ts';
import { parseMetric } from '../../story/metrics.ts';
import { liveMetric } from './liveMetric.ts';

export function WatchList({
  metrics,
  name,
}: {
  metrics: readonly string[];
  name: (id: string) => string;
}) {
  const window = useSimulationStore((s) => s.window);
  const nodes = useSimulationStore((s) => s.nodes);
  // Only what the live run carries; failure causes and routes are in the claims below.
  const rows = metrics
    .map((m) => ({ m, ...liveMetric(m, window, nodes, name) }))
    .filter((r) => r.live);
  if (!rows.length) return null;
  // Say over what time each kind of number is counted, so a figure that still shows the
  // crash a few seconds ago is not read as "still failing now".
  const windowed = rows.some((r) => scopeOf(r.m) === 'run');
  const sinceStart = rows.some((r) => scopeOf(r.m) === 'node');
  const over = [
    windowed
      ? `latency, errors and throughput over the last ${Math.max(1, Math.round(window?.seconds ?? 10))} s`
      : '',
    sinceStart ? 'box figures since the step began' : '',
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <section className="bp-story__section" aria-label="Numbers to watch">
      <h3 className="bp-story__h">Numbers to watch</h3>
      <p className="bp-story__over">{over.charAt(0).toUpperCase() + over.slice(1)}.</p>
      <dl className="bp-story__watch">
        {rows.map(({ m, label, value }) => (
          <div key={m} className="bp-story__watchrow">
            <dt>{label}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function scopeOf(metric: string): string | null {
  const parsed = parseMetric(metric);
  return parsed.ok ? parsed.ref.scope : null;
}
