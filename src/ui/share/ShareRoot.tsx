// Mounted once by the app above the canvas: opens share links (with the "viewing a shared
// diagram" banner) and lends the File menu's Export PNG / SVG the rendered canvas (its code loaded on first use).

import { useEffect } from 'react';
import { services } from '../../state/services.ts';
import { SharedBanner } from './SharedBanner.tsx';
import './share.css';

export function ShareRoot() {
  useEffect(() => {
    // The image export (html-to-image) is loaded on the first Export PNG / SVG.
    services.exportImage = (format, fileTitle) =>
      import('./imageExport.ts').then((m) => m.exportDiagramImage(format, fileTitle));
    return () => {
      services.exportImage = undefined;
    };
  }, []);
  return <SharedBanner />;
}
