// One small, recognizable line icon per node kind, drawn inline (no network, no icon font);
// each kind draws its own (src/kinds/<kind>/view.tsx). Used by the palette and the boxes on
// the canvas.

import { memo } from 'react';
import { ICONS } from '../kinds/views.tsx';
import type { NodeKind } from '../model/types.ts';

export const KindIcon = memo(function KindIcon({
  kind,
  size = 20,
}: {
  kind: NodeKind;
  size?: number;
}) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {ICONS[kind]}
    </svg>
  );
});
