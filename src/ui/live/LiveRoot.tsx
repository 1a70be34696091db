// Mounted once by the app: puts the live overlay on every box and renders the chaos menu
// the fault banner and the followed request's journey over the canvas.

import { useEffect } from 'react';
import { NodeLive } from '../../canvas/live/NodeLive.tsx';
import { setNodeOverlay } from '../../canvas/overlays.ts';
import { LiveCaption } from '../captions/LiveCaption.tsx';
import { JourneyPanel } from '../journey/JourneyPanel.tsx';
import { ChaosMenu } from './ChaosMenu.tsx';
import { FaultBanner } from './FaultBanner.tsx';
import './live.css';

export function LiveRoot() {
  useEffect(() => {
    setNodeOverlay(NodeLive);
    return () => setNodeOverlay(null);
  }, []);
  return (
    <>
      <FaultBanner />
      <ChaosMenu />
      <JourneyPanel />
      <LiveCaption />
    </>
  );
}
