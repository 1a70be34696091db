// The Requests tab of the live panel: the slowest and the failed animated requests of the
// last 10 simulated seconds; a row follows that request (JourneyPanel). Refreshed every
// second while the run plays; paused, it stays as it was at that moment.

import { useEffect } from 'react';
import { useDocumentStore } from '../../state/documentStore.ts';
import { useJourneyStore } from '../../state/journeyStore.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { fmtMs } from './phases.ts';
import './journey.css';

const REFRESH_MS = 1000;

export function JourneyList() {
  const list = useJourneyStore((s) => s.list);
  const followed = useJourneyStore((s) => s.followed);
  const status = useSimulationStore((s) => s.status);
  const t = useSimulationStore((s) => s.t);
  const doc = useDocumentStore((s) => s.doc);

  useEffect(() => {
    useJourneyStore.getState().openList();
    return () => useJourneyStore.getState().closeList();
  }, []);
  useEffect(() => {
    if (status !== 'playing') return;
    const timer = setInterval(() => void useJourneyStore.getState().refreshList(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [status]);
  // Paused, a step or a fast run moves the clock: the list follows it.
  const pausedAt = status === 'paused' ? t : -1;
  useEffect(() => {
    if (pausedAt >= 0) void useJourneyStore.getState().refreshList();
  }, [pausedAt]);

  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  if (list.length === 0) {
    return (
      <p className="bp-journeys__empty">
        No animated request has finished in the last 10 simulated seconds yet. Click any dot on the
        canvas to follow it.
      </p>
    );
  }
  return (
    <table className="bp-journeys" aria-label="Slowest and failed requests of the last 10 s">
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">Route</th>
          <th scope="col">Latency</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {list.map((r) => (
          <tr
            key={r.id}
            className={`${r.ok ? '' : 'is-failed'}${r.id === followed ? ' is-followed' : ''}`}
          >
            <td>
              <button
                type="button"
                className="bp-journeys__follow"
                onClick={() => useJourneyStore.getState().follow(r.id)}
              >
                #{r.id}
              </button>
            </td>
            <td>{r.route}</td>
            <td>{fmtMs(r.latencyMs)}</td>
            <td>{r.ok ? 'ok' : `${r.cause} at ${label(r.failedAt ?? '')}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
