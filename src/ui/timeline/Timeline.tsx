// Rewind: while the run is paused, a timeline over the run so far (the last 10 virtual
// minutes at most). Dragging it back shows that moment: every box's badges, the link
// rates, the call-out and the charts as they were (src/state/rewindHistory.ts). Chaos
// events are marks on it. "Play from here" computes the run again up to that moment
// (src/sim/checkpoint.ts) and plays on from there, forgetting what came after; "Back to
// now" (or Play) returns to where the run is.

import { useSimulationStore } from '../../state/simulationStore.ts';
import './timeline.css';

const SLIDER_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

const fmtS = (ms: number) => `${Math.floor(ms / 1000)} s`;

export function Timeline() {
  const status = useSimulationStore((s) => s.status);
  const viewT = useSimulationStore((s) => s.viewT);
  const liveT = useSimulationStore((s) => (s.viewT === null ? s.t : s.liveT));
  const start = useSimulationStore((s) => s.historyStart);
  const markers = useSimulationStore((s) => s.markers);
  if (status !== 'paused' || start === null || liveT - start < 1000) return null;
  const first = Math.floor(start / 1000);
  const last = Math.floor(liveT / 1000);
  const shown = viewT ?? liveT;
  const value = Math.floor(shown / 1000);
  const span = Math.max(1, last - first);
  const store = useSimulationStore.getState;
  // The marks: the chaos of the whole run so far, also while looking back.
  const marks = viewT === null ? markers : null;
  return (
    <div className="bp-timeline" data-testid="timeline">
      <span className="bp-timeline__label">Rewind</span>
      <div className="bp-timeline__track">
        <input
          type="range"
          aria-label="Moment of the run shown"
          aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown"
          aria-valuetext={
            viewT === null ? `now, ${fmtS(liveT)}` : `${fmtS(viewT)}, ${last - value} s ago`
          }
          min={first}
          max={last}
          step={1}
          value={value}
          // Arrows, Home, End and Page keys move the slider, not the story's steps.
          onKeyDown={(e) => {
            if (!SLIDER_KEYS.has(e.key)) return;
            e.stopPropagation();
            // Page keys move 10 s at a time.
            if (e.key === 'PageUp' || e.key === 'PageDown') {
              e.preventDefault();
              const s = Math.min(last, Math.max(first, value + (e.key === 'PageUp' ? 10 : -10)));
              if (s >= last) store().viewNow();
              else store().viewAt(s * 1000);
            }
          }}
          onChange={(e) => {
            const s = Number(e.target.value);
            if (s >= last) store().viewNow();
            else store().viewAt(s * 1000);
          }}
        />
        <ChaosMarks first={first} span={span} live={marks} />
      </div>
      <span className="bp-timeline__at" data-testid="timeline-at" role="status">
        {viewT === null ? `now · ${last} s` : `${fmtS(viewT)} · ${last - value} s ago`}
      </span>
      {viewT !== null ? (
        <>
          <button
            type="button"
            className="bp-btn bp-btn--primary"
            title="Compute the run again up to this moment and play on from here (what came after is forgotten)"
            onClick={() => store().playFromHere()}
          >
            ▶ Play from here
          </button>
          <button type="button" className="bp-btn" onClick={() => store().viewNow()}>
            Back to now
          </button>
        </>
      ) : null}
    </div>
  );
}

/** Chaos markers as ticks on the track (kept while looking back, from the run's markers). */
let lastMarks: { t: number; text: string }[] = [];
function ChaosMarks({
  first,
  span,
  live,
}: {
  first: number;
  span: number;
  live: { t: number; text: string }[] | null;
}) {
  if (live !== null) lastMarks = live;
  return (
    <div className="bp-timeline__marks" aria-hidden="true">
      {lastMarks
        .filter((m) => m.t >= first)
        .map((m, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: markers are append-only
            key={i}
            className="bp-timeline__mark"
            style={{ left: `${((m.t - first) / span) * 100}%` }}
            title={`${m.text} at ${m.t.toFixed(1)} s`}
            data-testid="timeline-mark"
          />
        ))}
    </div>
  );
}
