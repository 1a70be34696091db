// Each client's traffic while the run goes on: a rate slider (applied live, marked on the
// charts) and a spike button, and what it asks for (its paths and their shares, e.g. those
// of a replayed access log). The client's configured rate in the diagram stays as it is.

import { useMemo, useState } from 'react';
import { numberOf } from '../../model/kinds.ts';
import type { TopologyNode } from '../../model/types.ts';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import './runPanel.css';

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
        <div key={c.id}>
          <ClientTraffic client={c} />
          <ClientPaths client={c} />
        </div>
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
  const replaying = client.config.pattern === 'replay';
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
        disabled={replaying}
        title={replaying ? 'Replaying a log: change its volume in the inspector' : undefined}
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

const PATHS_SHOWN = 12;

/** The paths a client asks for, most asked-for first, with their share of its requests. */
function ClientPaths({ client }: { client: TopologyNode }) {
  const routes = Array.isArray(client.config.routes) ? client.config.routes : [];
  const total = routes.reduce((sum, r) => sum + Math.max(r.weight, 0), 0);
  if (total <= 0) return null;
  const sorted = routes.filter((r) => r.weight > 0).sort((a, b) => b.weight - a.weight);
  const shown = sorted.slice(0, PATHS_SHOWN);
  return (
    <table
      className="bp-traffic__paths"
      data-testid="traffic-paths"
      aria-label={`${client.label}: requests`}
    >
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={`${r.method} ${r.path}`}>
            <td>
              <code>
                {r.method} {r.path}
              </code>
            </td>
            <td>{((r.weight / total) * 100).toFixed(1)}%</td>
          </tr>
        ))}
        {sorted.length > shown.length ? (
          <tr>
            <td colSpan={2}>… and {sorted.length - shown.length} more paths</td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
}
