// How far a recording is: seconds captured of the length asked, then the file being
// finished (the frames still to encode), with Stop (keep what is recorded) and Cancel.

import { useRecordStore } from './recordStore.ts';

export function RecordProgressView({ compact = false }: { compact?: boolean }) {
  const phase = useRecordStore((s) => s.phase);
  const p = useRecordStore((s) => s.progress);
  const { stop, cancel } = useRecordStore.getState();
  const finishing = phase === 'finishing';
  const total = p?.total ?? 0;
  const fps = p?.fps ?? 30;
  const value = finishing ? (p?.encoded ?? 0) : (p?.captured ?? 0);
  const text = finishing
    ? `Finishing the file… ${total > 0 ? Math.round((100 * value) / total) : 0} %`
    : `Recording ${(value / fps).toFixed(1)} of ${(total / fps).toFixed(0)} s`;
  return (
    <div className={`bp-recprogress${compact ? ' is-compact' : ''}`}>
      <span className="bp-recprogress__text" aria-live="off">
        {finishing ? null : <span className="bp-recprogress__dot" aria-hidden="true" />}
        {text}
      </span>
      <progress
        className="bp-recprogress__bar"
        max={Math.max(1, total)}
        value={value}
        aria-label={finishing ? 'Finishing the file' : 'Recording progress'}
        aria-valuetext={text}
      />
      <span className="bp-recprogress__actions">
        {finishing ? null : (
          <button
            type="button"
            className="bp-btn"
            title="End the recording now and keep what it has"
            onClick={stop}
          >
            Stop
          </button>
        )}
        <button type="button" className="bp-btn bp-btn--danger" onClick={cancel}>
          Cancel
        </button>
      </span>
    </div>
  );
}
