// The followed request (a clicked dot, or a row of the Requests list): a waterfall with a
// row per box it visited, in order and indented by who called whom, each showing where the
// time went there (queued, working, waiting for a connection, the cache, the database, the
// network…), and the total, which is the latency the user saw. Its path glows on the
// canvas (src/canvas/live/journeyPaint.ts). Asked of the Worker again while the request is
// in flight or the run plays.

import { useEffect } from 'react';
import { useDocumentStore } from '../../state/documentStore.ts';
import { journeyLive, useJourneyStore } from '../../state/journeyStore.ts';
import { useSelectionStore } from '../../state/selectionStore.ts';
import {
  causeMeans,
  fmtMs,
  outcome,
  PHASE_COLORS,
  phaseLabel,
  spanMs,
  waterfallRows,
} from './phases.ts';
import './journey.css';

const REFRESH_MS = 500;

export function JourneyPanel() {
  const followed = useJourneyStore((s) => s.followed);
  const journey = useJourneyStore((s) => s.journey);
  const missing = useJourneyStore((s) => s.missing);
  const doc = useDocumentStore((s) => s.doc);

  useEffect(() => {
    if (followed === null) return;
    const timer = setInterval(() => {
      if (journeyLive()) void useJourneyStore.getState().refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [followed]);

  useEffect(() => {
    if (followed === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useJourneyStore.getState().close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [followed]);

  if (followed === null) return null;
  const label = (id: string) => doc.nodes.find((n) => n.id === id)?.label ?? id;
  const close = () => useJourneyStore.getState().close();

  return (
    <aside className="bp-journey" aria-label="Request journey" data-testid="journey">
      <header className="bp-journey__head">
        <strong>Request #{followed}</strong>
        {journey ? <span className="bp-journey__route">{journey.route}</span> : null}
        {journey ? (
          <span className="bp-journey__at" title="When the user sent it (simulated time)">
            sent at {(journey.start / 1000).toFixed(2)} s
          </span>
        ) : null}
        <button
          type="button"
          className="bp-journey__close"
          aria-label="Stop following"
          onClick={close}
        >
          ×
        </button>
      </header>
      {journey === null ? (
        <p className="bp-journey__note" role="status">
          {missing
            ? 'This request is no longer kept: the run keeps the last few thousand animated requests. Click a newer dot, or pick one from Requests in the bottom panel.'
            : 'Reading its journey…'}
        </p>
      ) : (
        <>
          <p
            className={`bp-journey__outcome${journey.done && !journey.ok ? ' is-failed' : ''}`}
            data-testid="journey-outcome"
            data-cause={journey.cause ?? ''}
            data-failed-at={journey.failedAt ?? ''}
            data-latency={journey.latencyMs}
            role="status"
          >
            {outcome(journey, label)}
            {journey.cause && journey.cause !== 'timeout' ? (
              <span className="bp-journey__means"> ({causeMeans(journey.cause)})</span>
            ) : null}
          </p>
          <ol className="bp-waterfall" aria-label="Where the time went">
            {waterfallRows(journey).map((row, i) => {
              const s = row.span;
              const own = spanMs(s);
              const total = Math.max(journey.latencyMs, 1e-9);
              const phases = row.closing ? [] : s.phases;
              return (
                <li
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows are append-only, in order
                  key={i}
                  className={`bp-waterfall__row${row.failedHere ? ' is-failed' : ''}${row.closing ? ' is-closing' : ''}`}
                  data-node={s.node}
                  data-failed-here={row.failedHere ? 'true' : 'false'}
                >
                  <button
                    type="button"
                    className="bp-waterfall__box"
                    style={{ paddingLeft: `${4 + s.depth * 10}px` }}
                    title="Select this box"
                    onClick={() => useSelectionStore.getState().select([s.node])}
                  >
                    {label(s.node)}
                    {s.depth > 0 && !row.closing ? (
                      <span className="bp-waterfall__op"> {s.op}</span>
                    ) : null}
                  </button>
                  <div className="bp-waterfall__track" aria-hidden="true">
                    {row.closing && s.end !== null ? (
                      <span
                        className="bp-waterfall__bar bp-waterfall__bar--end"
                        style={{ left: `${((s.end - journey.start) / total) * 100}%` }}
                      />
                    ) : null}
                    {phases.map((p, k) => (
                      <span
                        // biome-ignore lint/suspicious/noArrayIndexKey: phases are append-only
                        key={k}
                        className="bp-waterfall__bar"
                        style={{
                          left: `${((p.t0 - journey.start) / total) * 100}%`,
                          width: `max(2px, ${(p.ms / total) * 100}%)`,
                          background: PHASE_COLORS[p.kind],
                        }}
                      />
                    ))}
                  </div>
                  <span className="bp-waterfall__phases">
                    {phases.map((p, k) => (
                      <span
                        // biome-ignore lint/suspicious/noArrayIndexKey: phases are append-only
                        key={k}
                        className="bp-waterfall__phase"
                        data-kind={p.kind}
                        data-ms={p.ms}
                      >
                        <i style={{ background: PHASE_COLORS[p.kind] }} />
                        {phaseLabel(p, s)} {fmtMs(p.ms)}
                      </span>
                    ))}
                    {row.cutOff ? (
                      <span className="bp-waterfall__cut">
                        cut off: {label(journey.failedAt ?? s.node)} failed first
                      </span>
                    ) : null}
                    {row.failedHere ? (
                      <span className="bp-waterfall__cause" data-testid="journey-cause">
                        failed here: {s.cause}
                        {row.closing && s.end !== null
                          ? `, ${fmtMs(s.end - journey.start)} in`
                          : ''}
                      </span>
                    ) : null}
                    {phases.length === 0 && !row.failedHere && !row.cutOff ? (
                      <span className="bp-waterfall__none">{own === 0 ? 'no time' : ''}</span>
                    ) : null}
                  </span>
                </li>
              );
            })}
          </ol>
          <p className="bp-journey__total">
            Adds up to <strong data-testid="journey-total">{fmtMs(journey.latencyMs)}</strong>, the
            latency the user {journey.done ? 'saw' : 'has waited so far'}.
          </p>
        </>
      )}
    </aside>
  );
}
