// The inspector's live section for one box: traffic for a client, chaos for the rest, the
// same commands as the right-click menu.

import type { TopologyEdge, TopologyNode } from '../../model/types.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { nodeChaosItems } from './ChaosMenu.tsx';
import { ClientTraffic } from './TrafficControls.tsx';
import './chaos.css';

export function ChaosSection({ node }: { node: TopologyNode }) {
  const live = useSimulationStore((s) => s.nodes[node.id]);
  const status = useSimulationStore((s) => s.status);
  if (node.kind === 'group') return null;
  return (
    <section className="bp-chaos" aria-label={node.kind === 'client' ? 'Live traffic' : 'Break it'}>
      <h3 className="bp-chaos__title">{node.kind === 'client' ? 'Live traffic' : 'Break it'}</h3>
      {status === 'idle' ? (
        <p className="bp-chaos__hint">
          These apply to a running simulation; they start one if needed.
        </p>
      ) : null}
      {node.kind === 'client' ? <ClientTraffic client={node} /> : null}
      {node.kind === 'client' ? null : (
        <div className="bp-chaos__buttons">
          {nodeChaosItems(node.id, node.kind, live)
            .flat()
            .map((item) => (
              <button
                key={item.label}
                type="button"
                className="bp-btn"
                onClick={() => useSimulationStore.getState().inject(item.action)}
              >
                {item.label}
              </button>
            ))}
        </div>
      )}
    </section>
  );
}

/** Cut a connection while the run goes on, or restore it once it is cut. */
export function LinkChaos({ edge }: { edge: TopologyEdge }) {
  const inject = useSimulationStore((s) => s.inject);
  const status = useSimulationStore((s) => s.status);
  const cut = useSimulationStore((s) => s.cutEdges[edge.id] === true);
  return (
    <section className="bp-chaos" aria-label="Break it">
      <h3 className="bp-chaos__title">Break it</h3>
      {status === 'idle' ? (
        <p className="bp-chaos__hint">
          This applies to a running simulation; it starts one if needed.
        </p>
      ) : null}
      {cut ? (
        <p className="bp-chaos__hint" role="status">
          This link is cut: every call along it fails.
        </p>
      ) : null}
      <div className="bp-chaos__buttons">
        <button
          type="button"
          className="bp-btn"
          onClick={() => inject({ type: cut ? 'restore' : 'cut', edge: edge.id })}
        >
          {cut ? 'Restore this link' : 'Cut this link'}
        </button>
      </div>
    </section>
  );
}
