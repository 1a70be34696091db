// Each client's traffic while the run goes on: a rate slider (applied live, marked on the
// charts) and a spike button. The client's configured rate in the diagram stays as it is.

import { useMemo, useState } from 'react';
import { numberOf } from '../../model/kinds.ts';
import type { TopologyNode } from '../../model/types.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';

export const SPIKE = { factor: 5, durationMs: 10_000 };

export function TrafficControls() {
  const nodes = useDocumentStore((s) => s.doc.nodes);
  const clients = useMemo(() => nodes.filter((n) => n.kind === 'client'), [nodes]);
  if (clients.length === 0) {
    return <p className="bp-bottom__empty">No clients in this diagram: add one to send traffic.</p>;
  }
  return (
    <div className="bp-traffic">
      {clients.map((c) => (
        <ClientTraffic key={c.id} client={c} />
      ))}
    </div>
  );
}

/** Slider + spike for one client; also used by the inspector. */
export function ClientTraffic({ client }: { client: TopologyNode }) {
  const configured = numberOf('client', client.config, 'rps');
  const live = useSimulationStore((s) => s.nodes[client.id]?.figures.rps);
  const [value, setValue] = useState<number | null>(null);
  const shown = value ?? Math.round(live ?? configured);
  const max = Math.max(100, Math.ceil((configured * 4) / 100) * 100, shown);
  const send = (rps: number) =>
    useSimulationStore.getState().inject({ type: 'setRps', node: client.id, rps });
  return (
    <div className="bp-traffic__row">
      <label className="bp-traffic__label" htmlFor={`rps-${client.id}`}>
        {client.label}
      </label>
      <input
        id={`rps-${client.id}`}
        type="range"
        min={0}
        max={max}
        step={max > 1000 ? 10 : 1}
        value={shown}
        aria-label={`${client.label} traffic (req/s)`}
        onChange={(e) => setValue(Number(e.target.value))}
        onPointerUp={() => value !== null && send(value)}
        onKeyUp={() => value !== null && send(value)}
        onBlur={() => setValue(null)}
      />
      <output className="bp-traffic__value">{shown} req/s</output>
      <button
        type="button"
        className="bp-btn"
        title={`Multiply this client's traffic by ${SPIKE.factor} for ${SPIKE.durationMs / 1000} s`}
        onClick={() =>
          useSimulationStore.getState().inject({ type: 'spike', node: client.id, ...SPIKE })
        }
      >
        Spike ×{SPIKE.factor}
      </button>
    </div>
  );
}
