// The bottom panel: before the first run, how to start one; while a run exists, the live
// view (LiveRunPanel.tsx: call-out, charts, tables, traffic), loaded when the first run
// starts, with a "Loading the live view…" note if that takes over 100 ms.

import { findAction, runAction } from '../../state/actions/run.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { Lazy, loadOnFirstUse } from '../Loading.tsx';

const LiveRunPanel = loadOnFirstUse(() =>
  import('./LiveRunPanel.tsx').then((m) => m.LiveRunPanel),
);

export function LivePanel() {
  const status = useSimulationStore((s) => s.status);
  if (status === 'idle') {
    return (
      <div className="bp-bottom__empty">
        <p>
          Press play (Space) to send traffic through your diagram: every request becomes a dot, and
          charts of throughput, latency and errors appear here.
        </p>
        <div className="bp-bottom__empty-actions">
          <IdleAction id="play-pause" label="▶ Start the run" primary />
        </div>
      </div>
    );
  }
  return (
    <Lazy what="the live view" fixed={false}>
      <LiveRunPanel />
    </Lazy>
  );
}

/** A button for a registry action, so the empty panel starts a run exactly as the toolbar does. */
function IdleAction({ id, label, primary }: { id: string; label: string; primary?: boolean }) {
  const action = findAction(id);
  if (!action) return null;
  return (
    <button
      type="button"
      className={`bp-btn${primary ? ' bp-btn--primary' : ''}`}
      title={action.description}
      onClick={() => runAction(action, 'toolbar')}
    >
      {label}
    </button>
  );
}
