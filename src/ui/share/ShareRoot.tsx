// Mounted once by the app above the canvas: opens share links (with the "viewing a shared
// diagram" banner) and lends the File menu's Export PNG / SVG the rendered canvas.

import { useEffect } from 'react';
import { services } from '../../state/services.ts';
import { exportDiagramImage } from './imageExport.ts';
import { SharedBanner } from './SharedBanner.tsx';
import './share.css';

export function ShareRoot() {
  useEffect(() => {
    services.exportImage = exportDiagramImage;
    return () => {
      services.exportImage = undefined;
    };
  }, []);
  return <SharedBanner />;
}
