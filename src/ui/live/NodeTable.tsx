// Every box's live figures in one table: arrivals, utilization, queue, in flight, errors,
// and what matters for its kind (hit ratio, pool use). The bottleneck's row is marked.

import { replicaRoles } from '../../canvas/live/NodeLive.tsx';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import './runPanel.css';

const num = (x: number) =>
  x >= 100 ? Math.round(x).toString() : x >= 10 ? x.toFixed(0) : x.toFixed(1);
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function NodeTable() {
  const nodes = useDocumentStore((s) => s.doc.nodes);
  const live = useSimulationStore((s) => s.nodes);
  const hot = useSimulationStore((s) => s.callout?.nodeId ?? null);
  const rows = nodes.filter((n) => n.kind !== 'group' && live[n.id]);
  return (
    <table className="bp-nodetable" data-testid="node-table">
      <thead>
        <tr>
          <th scope="col">Box</th>
          <th scope="col">Arrivals/s</th>
          <th scope="col">Utilization</th>
          <th scope="col">Queue</th>
          <th scope="col">In flight</th>
          <th scope="col">Errors/s</th>
          <th scope="col">Errors</th>
          <th scope="col">Hit ratio</th>
          <th scope="col">Pool</th>
          <th
            scope="col"
            title="Reads a replica answered before the last write to their row reached it"
          >
            Stale reads
          </th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((n) => {
          const f = live[n.id]!;
          const down = f.replicas > 0 && f.replicasUp === 0;
          const pool = f.figures.poolSize
            ? `${Math.round(f.figures.poolInUse ?? 0)}/${f.figures.poolSize * Math.max(1, f.replicasUp)}`
            : '';
          const roles = replicaRoles(f);
          const stale =
            f.figures.replicaReads !== undefined
              ? `${Math.round(f.figures.staleReads ?? 0)} (${pct(f.figures.staleShare ?? 0)})`
              : '';
          const booting = f.figures.replicasStarting;
          const draining = f.figures.replicasDraining ?? 0;
          // An autoscaled box: how many replicas serve now, and those coming and going.
          const scaled =
            booting === undefined
              ? ''
              : `${f.replicas} replica${f.replicas === 1 ? '' : 's'}${booting > 0 ? ` +${booting} starting` : ''}${draining > 0 ? ` −${draining} draining` : ''}`;
          const state = down
            ? 'down'
            : [
                roles !== null ? roles.text : '',
                scaled,
                roles === null && f.replicasUp < f.replicas
                  ? `${f.replicasUp}/${f.replicas} up`
                  : '',
                f.slow !== 1 ? `slow ×${num(f.slow)}` : '',
                f.errorRate > 0 ? `fails ${pct(f.errorRate)}` : '',
              ]
                .filter(Boolean)
                .join(', ') || 'up';
          return (
            <tr
              key={n.id}
              className={hot === n.id ? 'is-hot' : ''}
              onClick={() => useSelectionStore.getState().select([n.id])}
            >
              <th scope="row">{n.label}</th>
              <td>{num(f.rps)}</td>
              <td>{n.kind === 'client' ? '' : pct(f.utilization)}</td>
              <td>{Math.round(f.queue)}</td>
              <td>{Math.round(f.inFlight)}</td>
              <td className={f.errorsPerS > 0 ? 'is-bad' : ''}>{num(f.errorsPerS)}</td>
              <td>{Math.round(f.errors)}</td>
              <td>{f.figures.hitRatio !== undefined ? pct(f.figures.hitRatio) : ''}</td>
              <td>{pool}</td>
              <td className={f.figures.staleReads ? 'is-bad' : ''}>{stale}</td>
              <td className={down ? 'is-bad' : ''}>{state}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
