// What the dot colours mean, and how many requests one dot stands for when only a sample
// is animated. Shown on the canvas while a run exists. With less motion (no dots), what the
// steady flow marks say instead.

import { Panel } from '@xyflow/react';
import { useSyncExternalStore } from 'react';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { FAIL_COLOR, JOB_COLOR, routeColor } from './colors.ts';
import { prefersReducedMotion } from './reducedMotion.ts';

const motion = prefersReducedMotion();
const subscribeMotion = (onChange: () => void) => motion.subscribe(onChange);

const MAX_ROUTES = 6;

export function LiveLegend() {
  const status = useSimulationStore((s) => s.status);
  const routes = useSimulationStore((s) => s.routes);
  const every = useSimulationStore((s) => s.traceEvery);
  const reduced = useSyncExternalStore(subscribeMotion, motion.reduced, () => false);
  if (status === 'idle' || status === 'failed') return null;
  if (reduced) {
    // No dots with less motion: say what the steady marks mean instead.
    return (
      <Panel position="bottom-center" className="bp-legend" aria-label="Flow marks">
        <span className="bp-legend__item">›› where requests go</span>
        <span className="bp-legend__sample" data-testid="dot-sample">
          thicker line and its label: requests per second · badges: queues and errors
        </span>
      </Panel>
    );
  }
  const shown = routes.slice(0, MAX_ROUTES);
  return (
    <Panel position="bottom-center" className="bp-legend" aria-label="Dot colours">
      {shown.map((r, i) => (
        <span key={r} className="bp-legend__item">
          <i style={{ background: routeColor(i) }} />
          {r}
        </span>
      ))}
      {routes.length > MAX_ROUTES ? (
        <span className="bp-legend__item">+{routes.length - MAX_ROUTES} routes</span>
      ) : null}
      <span className="bp-legend__item">
        <i style={{ background: JOB_COLOR }} />
        job
      </span>
      <span className="bp-legend__item">
        <i style={{ background: FAIL_COLOR }} />
        failed
      </span>
      <span className="bp-legend__item">
        <i className="is-faded" style={{ background: routeColor(0) }} />
        user gave up
      </span>
      <span className="bp-legend__sample" data-testid="dot-sample">
        {every > 1 ? `1 dot = ${every} requests` : '1 dot = 1 request'}
      </span>
    </Panel>
  );
}
