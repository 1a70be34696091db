// The numbers a step asks you to watch, with their live values while the step runs.

import { useSimulationStore } from '../../state/simulationStore.ts';
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
  return (
    <section className="bp-story__section" aria-label="Numbers to watch">
      <h3 className="bp-story__h">Numbers to watch</h3>
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
