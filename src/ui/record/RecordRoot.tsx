// Mounted once by the app and by the embed. The recorder (its dialog, the canvas capture,
// the encoders' bridge) is loaded the first time the Record dialog is asked for (File →
// Record a video… or the embed's button) and stays mounted from then on, for the progress
// bar of a recording that runs with the dialog closed (RecordLayer.tsx).

import { useEffect, useState } from 'react';
import { useUiStore } from '../../state/uiStore.ts';
import { Lazy, loadOnFirstUse } from '../Loading.tsx';

const RecordLayer = loadOnFirstUse(() => import('./RecordLayer.tsx').then((m) => m.RecordLayer));

export function RecordRoot() {
  const asked = useUiStore((s) => s.dialog?.id === 'record');
  const [used, setUsed] = useState(asked);
  useEffect(() => {
    if (asked) setUsed(true);
  }, [asked]);
  if (!used && !asked) return null;
  return (
    <Lazy what="the recorder">
      <RecordLayer />
    </Lazy>
  );
}
