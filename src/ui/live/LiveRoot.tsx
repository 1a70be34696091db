// Mounted once by the app: puts the live overlay on every box and renders the chaos menu
// the fault banner and the followed request's journey over the canvas. The overlay's code
// loads with the first run (before it a box has no live state to show), the chaos menu's
// when it first opens (a right-click on a box or a link), the journey's waterfall when a
// request is first followed (a clicked dot or a Requests row), the live caption in
// presenter mode.

import { useEffect } from 'react';
import { setNodeOverlay } from '../../canvas/overlays.ts';
import { useJourneyStore } from '../../state/journeyStore.ts';
import { useChaosMenu } from '../../state/liveChaosMenu.ts';
import { useSimulationStore } from '../../state/simulationStore.ts';
import { useStoryStore } from '../../state/storyStore.ts';
import { Lazy, loadOnFirstUse } from '../Loading.tsx';
import { FaultBanner } from './FaultBanner.tsx';
import './live.css';

const JourneyPanel = loadOnFirstUse(() =>
  import('../journey/JourneyPanel.tsx').then((m) => m.JourneyPanel),
);

const ChaosMenu = loadOnFirstUse(() => import('./ChaosMenu.tsx').then((m) => m.ChaosMenu));

// Live captions are presenter mode's (when turned on there).
const LiveCaption = loadOnFirstUse(() =>
  import('../captions/LiveCaption.tsx').then((m) => m.LiveCaption),
);

export function LiveRoot() {
  const following = useJourneyStore((s) => s.followed !== null);
  const chaosMenu = useChaosMenu((s) => s.target !== null);
  const running = useSimulationStore((s) => s.status !== 'idle');
  const presenter = useStoryStore((s) => s.presenter);
  useEffect(() => {
    if (!running) return;
    let mounted = true;
    // Once set it stays while the app is mounted: with no run it draws nothing.
    import('../../canvas/live/NodeLive.tsx').then(
      (m) => mounted && setNodeOverlay(m.NodeLive),
      (error: unknown) => console.error('The live overlay did not load:', error),
    );
    return () => {
      mounted = false;
    };
  }, [running]);
  useEffect(() => () => setNodeOverlay(null), []);
  return (
    <>
      <FaultBanner />
      {chaosMenu ? (
        <Lazy what="the menu">
          <ChaosMenu />
        </Lazy>
      ) : null}
      {following ? (
        <Lazy what="the request’s journey">
          <JourneyPanel />
        </Lazy>
      ) : null}
      {presenter ? <LiveCaption /> : null}
    </>
  );
}
