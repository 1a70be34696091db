// File → Record a video…: the length, an optional caption and the format (only those this
// browser can write are offered), then the progress with Stop and Cancel, then the file:
// its size, a preview and Download.

import { useEffect, useId } from 'react';
import {
  GIF_BOX,
  MAX_SECONDS,
  MIN_SECONDS,
  type RecordFormat,
  VIDEO_BOX,
} from '../../canvas/record/recorder.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { Dialog } from '../dialogs/Dialog.tsx';
import { RecordProgressView } from './RecordProgress.tsx';
import { CAPTION_MAX, checkSeconds, formatBytes, useRecordStore } from './recordStore.ts';

const CODEC_NAMES = { vp9: 'VP9', vp8: 'VP8', avc: 'H.264' } as const;

export function RecordDialog({ onClose }: { onClose: () => void }) {
  const phase = useRecordStore((s) => s.phase);
  useEffect(() => {
    void useRecordStore.getState().probe();
  }, []);
  return (
    <Dialog title="Record a video" onClose={onClose}>
      {phase === 'recording' || phase === 'finishing' ? (
        <Recording onClose={onClose} />
      ) : phase === 'done' ? (
        <Done onClose={onClose} />
      ) : (
        <Setup onClose={onClose} />
      )}
    </Dialog>
  );
}

function Setup({ onClose }: { onClose: () => void }) {
  const settings = useRecordStore((s) => s.settings);
  const support = useRecordStore((s) => s.support);
  const error = useRecordStore((s) => (s.phase === 'failed' ? s.error : null));
  const status = useSimulationStore((s) => s.status);
  const ids = { seconds: useId(), caption: useId(), secondsHelp: useId() };
  const { setSettings, begin } = useRecordStore.getState();
  const secondsProblem = checkSeconds(settings.seconds);
  const offered = (f: RecordFormat) =>
    support ? (f === 'gif' ? support.gif : support[f] !== null) : false;
  const canStart = support !== null && !secondsProblem && offered(settings.format);

  const formats: { id: RecordFormat; title: string; detail: string; refused: string }[] = [
    {
      id: 'webm',
      title: `WebM video${support?.webm ? ` (${CODEC_NAMES[support.webm]})` : ''}`,
      detail: `Up to ${VIDEO_BOX.width} × ${VIDEO_BOX.height}, ${VIDEO_BOX.fps} frames a second. Plays in every current browser.`,
      refused: 'This browser cannot encode VP9 or VP8 video.',
    },
    {
      id: 'mp4',
      title: 'MP4 video (H.264)',
      detail: `Up to ${VIDEO_BOX.width} × ${VIDEO_BOX.height}, ${VIDEO_BOX.fps} frames a second. For slides and video editors.`,
      refused: 'This browser cannot encode H.264 video.',
    },
    {
      id: 'gif',
      title: 'Animated GIF',
      detail: `Up to ${GIF_BOX.width} × ${GIF_BOX.height}, ${GIF_BOX.fps} frames a second. Plays anywhere, even in chat; a larger file.`,
      refused: 'This browser has no OffscreenCanvas to draw the frames on.',
    },
  ];

  return (
    <form
      className="bp-record"
      onSubmit={(e) => {
        e.preventDefault();
        if (canStart) begin();
      }}
    >
      {error ? (
        <p className="bp-record__error" role="alert">
          The recording failed: {error}. The run was not touched; try again or pick another format.
        </p>
      ) : null}
      <p className="bp-record__intro">
        Records the canvas as it runs: boxes, links, moving requests, badges and the clock. Keep
        working while it records: play, pause or break something, and it is in the video.
      </p>
      <div className="bp-field">
        <label className="bp-field__label" htmlFor={ids.seconds}>
          Length
        </label>
        <div
          className={`bp-field__number bp-record__seconds${secondsProblem ? ' is-invalid' : ''}`}
        >
          <input
            id={ids.seconds}
            type="number"
            min={MIN_SECONDS}
            max={MAX_SECONDS}
            step={1}
            value={Number.isFinite(settings.seconds) ? settings.seconds : ''}
            aria-invalid={secondsProblem !== null}
            aria-describedby={ids.secondsHelp}
            onChange={(e) =>
              setSettings({
                seconds: e.target.value === '' ? Number.NaN : Number(e.target.value),
              })
            }
          />
          <span className="bp-field__unit">seconds</span>
        </div>
        <p id={ids.secondsHelp} className={secondsProblem ? 'bp-field__error' : 'bp-field__help'}>
          {secondsProblem ?? `${MIN_SECONDS} to ${MAX_SECONDS} seconds of the run as it plays.`}
        </p>
      </div>
      <div className="bp-field">
        <label className="bp-field__label" htmlFor={ids.caption}>
          Caption <span className="bp-record__optional">(optional)</span>
        </label>
        <input
          id={ids.caption}
          className="bp-input"
          type="text"
          maxLength={CAPTION_MAX}
          placeholder="What to watch: App 3 crashes and the others take its traffic"
          value={settings.caption}
          onChange={(e) => setSettings({ caption: e.target.value })}
        />
        <p className="bp-field__help">
          Shown in large type under the diagram, like the presenter caption.
        </p>
      </div>
      <fieldset className="bp-fieldset bp-record__formats">
        <legend className="bp-field__label">Format</legend>
        {support === null ? (
          <p className="bp-field__help" role="status">
            Checking what this browser can encode…
          </p>
        ) : (
          <>
            {!support.webcodecs ? (
              <p className="bp-record__note" role="note">
                This browser has no WebCodecs video encoder, so it can record an animated GIF only.
              </p>
            ) : null}
            {formats.map((f) => {
              const ok = offered(f.id);
              return (
                <label key={f.id} className={`bp-record__format${ok ? '' : ' is-off'}`}>
                  <input
                    type="radio"
                    name="record-format"
                    value={f.id}
                    checked={settings.format === f.id}
                    disabled={!ok}
                    onChange={() => setSettings({ format: f.id })}
                  />
                  <span>
                    <b>{f.title}</b>
                    <span className="bp-field__help">{ok ? f.detail : f.refused}</span>
                  </span>
                </label>
              );
            })}
          </>
        )}
      </fieldset>
      {status === 'idle' ? (
        <p className="bp-record__note" role="note">
          No run yet: the video will show the diagram standing still. Press Play first to record it
          running.
        </p>
      ) : status === 'paused' ? (
        <p className="bp-record__note" role="note">
          The run is paused: press Play while it records to see the requests move.
        </p>
      ) : null}
      <div className="bp-dialog__foot bp-record__foot">
        <button type="button" className="bp-btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="bp-btn bp-btn--primary" disabled={!canStart}>
          Start recording
        </button>
      </div>
    </form>
  );
}

function Recording({ onClose }: { onClose: () => void }) {
  return (
    <div className="bp-record">
      <RecordProgressView />
      <p className="bp-field__help">
        Close this window to watch the run while it records; the bar over the canvas keeps Stop and
        Cancel at hand.
      </p>
      <div className="bp-dialog__foot bp-record__foot">
        <button type="button" className="bp-btn" onClick={onClose}>
          Hide
        </button>
      </div>
    </div>
  );
}

function Done({ onClose }: { onClose: () => void }) {
  const file = useRecordStore((s) => s.file);
  const reset = useRecordStore((s) => s.reset);
  if (!file) return null;
  const kind = file.format === 'gif' ? 'GIF' : file.format === 'mp4' ? 'MP4 video' : 'WebM video';
  return (
    <div className="bp-record">
      <p className="bp-record__done" role="status">
        Recorded {file.duration.toFixed(1)} s as a {kind}, {file.width} × {file.height}:{' '}
        <b data-testid="record-size">{formatBytes(file.blob.size)}</b>.
      </p>
      <div className="bp-record__preview">
        {file.format === 'gif' ? (
          <img src={file.url} alt="The recording" />
        ) : (
          <video src={file.url} controls muted loop playsInline aria-label="The recording" />
        )}
      </div>
      <div className="bp-dialog__foot bp-record__foot">
        <button type="button" className="bp-btn" onClick={reset}>
          Record again
        </button>
        <button type="button" className="bp-btn" onClick={onClose}>
          Close
        </button>
        <a
          className="bp-btn bp-btn--primary bp-record__download"
          href={file.url}
          download={file.fileName}
        >
          Download ({formatBytes(file.blob.size)})
        </a>
      </div>
    </div>
  );
}
