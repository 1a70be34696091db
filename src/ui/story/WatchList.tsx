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
  if (!metrics.length) return null;
  return (
    <section className="bp-story__section" aria-label="Numbers to watch">
      <h3 className="bp-story__h">Numbers to watch</h3>
      <dl className="bp-story__watch">
        {metrics.map((m) => {
          const { label, value } = liveMetric(m, window, nodes, name);
          return (
            <div key={m} className="bp-story__watchrow">
              <dt>{label}</dt>
              <dd>{value ?? '—'}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
