// Run controls in the top bar's toolbar slot: play/pause, step, reset, speed, seed and the
// fast 60-second run. Each button runs the same action as its menu item and shortcut.

import { runAction } from '../../state/actions/run.ts';
import { SPEEDS, slipText, useSimulationStore } from '../../state/simulationStore.ts';

const PATHS = {
  play: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  step: 'M6 5v14l9-7zM17 5h2v14h-2z',
  reset: 'M4 12a8 8 0 1 0 2.4-5.7M4 4v5h5',
  fast: 'M4 6v12l7-6zM12 6v12l7-6z',
};

function Icon({ d, filled }: { d: string; filled?: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={filled ? 0 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={d} />
    </svg>
  );
}

const speedLabel = (s: number) => `${s}×`;

export function RunControls() {
  const status = useSimulationStore((s) => s.status);
  const speed = useSimulationStore((s) => s.speed);
  const seed = useSimulationStore((s) => s.seed);
  const t = useSimulationStore((s) => s.t);
  // The engine cannot keep up: say how fast the clock really runs.
  const slip = useSimulationStore((s) =>
    s.status === 'playing' && s.slipping ? slipText(s.rate, s.speed) : null,
  );
  const playing = status === 'playing';
  const fast = status === 'fast';
  return (
    <div className="bp-run">
      <button
        type="button"
        className={`bp-run__play${playing ? ' is-playing' : ''}`}
        aria-label={playing ? 'Pause' : 'Play'}
        title={playing ? 'Pause (Space)' : 'Play (Space)'}
        disabled={fast}
        onClick={() => runAction('play-pause', 'toolbar')}
      >
        <Icon d={playing ? PATHS.pause : PATHS.play} filled />
      </button>
      <button
        type="button"
        className="bp-iconbtn"
        aria-label="Step"
        title="Step: advance a quarter second of playback (.)"
        disabled={fast}
        onClick={() => runAction('step-simulation', 'toolbar')}
      >
        <Icon d={PATHS.step} filled />
      </button>
      <button
        type="button"
        className="bp-iconbtn"
        aria-label="Reset run"
        title="Reset run (Shift+R)"
        disabled={status === 'idle'}
        onClick={() => runAction('reset-simulation', 'toolbar')}
      >
        <Icon d={PATHS.reset} />
      </button>
      <label className="bp-run__field" title="Simulated seconds per real second">
        <span>Speed</span>
        <select
          aria-label="Speed"
          value={String(speed)}
          onChange={(e) => useSimulationStore.getState().setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {speedLabel(s)}
            </option>
          ))}
        </select>
      </label>
      {slip ? (
        <span className="bp-run__slip" role="status" title={slip} data-testid="speed-slip">
          {slip}
        </span>
      ) : null}
      <label className="bp-run__field" title="Same seed, same diagram, same run: bit for bit">
        <span>Seed</span>
        <input
          aria-label="Seed"
          type="number"
          min={0}
          step={1}
          value={seed}
          onChange={(e) => {
            const v = Number(e.target.value);
            if (e.target.value !== '' && Number.isFinite(v))
              useSimulationStore.getState().setSeed(v);
          }}
        />
      </label>
      <span
        className="bp-run__clock"
        role="timer"
        aria-label="Simulated time"
        data-testid="sim-clock"
      >
        {status === 'idle' ? '—' : `${(t / 1000).toFixed(1)} s`}
      </span>
      <button
        type="button"
        className="bp-run__fast"
        aria-label="Run 60 s fast"
        title="Compute the next 60 simulated seconds without animation and fill the charts"
        disabled={fast}
        onClick={() => runAction('run-fast', 'toolbar')}
      >
        <Icon d={PATHS.fast} filled />
        <span className="bp-run__fast-label">Run 60 s fast</span>
      </button>
    </div>
  );
}
