// "Opening the shared diagram: checking 10,000 boxes…" over the canvas while something big
// is read off the main thread (src/state/offThread.ts).

import { useUiStore } from '../state/uiStore.ts';

export function BusyNote() {
  const busy = useUiStore((s) => s.busy);
  if (!busy) return null;
  return (
    <div className="bp-busy" role="status" data-testid="busy-note">
      <span className="bp-busy__spinner" aria-hidden="true" />
      {busy}
    </div>
  );
}
