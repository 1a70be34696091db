// When the simulation itself fails (the Worker threw, died or went silent), say so plainly
// and offer a restart. The diagram lives in the document store, untouched by any of this.

import { useSimulationStore } from '../../state/simulationStore.ts';

export function FaultBanner() {
  const error = useSimulationStore((s) => (s.status === 'failed' ? s.error : null));
  if (!error) return null;
  return (
    <div className="bp-fault" role="alert" data-testid="sim-fault">
      <strong>The simulation stopped.</strong>
      <span>{error} Your diagram is safe.</span>
      <button
        type="button"
        className="bp-btn bp-btn--primary"
        onClick={() => useSimulationStore.getState().restart()}
      >
        Restart the run
      </button>
      <button
        type="button"
        className="bp-btn"
        onClick={() => useSimulationStore.getState().reset()}
      >
        Dismiss
      </button>
    </div>
  );
}
