// Mounted once by the app: puts the live overlay on every box and renders the chaos menu
// the fault banner and the followed request's journey over the canvas. The journey's
// waterfall loads when a request is first followed (a clicked dot or a Requests row).

import { useEffect } from 'react';
import { NodeLive } from '../../canvas/live/NodeLive.tsx';
import { setNodeOverlay } from '../../canvas/overlays.ts';
import { useJourneyStore } from '../../state/journeyStore.ts';
import { LiveCaption } from '../captions/LiveCaption.tsx';
import { Lazy, loadOnFirstUse } from '../Loading.tsx';
import { ChaosMenu } from './ChaosMenu.tsx';
import { FaultBanner } from './FaultBanner.tsx';
import './live.css';

const JourneyPanel = loadOnFirstUse(() =>
  import('../journey/JourneyPanel.tsx').then((m) => m.JourneyPanel),
);

export function LiveRoot() {
  const following = useJourneyStore((s) => s.followed !== null);
  useEffect(() => {
    setNodeOverlay(NodeLive);
    return () => setNodeOverlay(null);
  }, []);
  return (
    <>
      <FaultBanner />
      <ChaosMenu />
      {following ? (
        <Lazy what="the request’s journey">
          <JourneyPanel />
        </Lazy>
      ) : null}
      <LiveCaption />
    </>
  );
}
