// One small, recognizable line icon per node kind, drawn inline (no network, no icon font).
// Used by the palette and the boxes on the canvas.

import { memo, type ReactNode } from 'react';
import type { NodeKind } from '../model/types.ts';

const PATHS: Record<NodeKind, ReactNode> = {
  // A person: the users sending requests.
  client: (
    <>
      <circle cx="12" cy="7.5" r="3.5" />
      <path d="M4.5 20c.8-4 3.8-6.5 7.5-6.5s6.7 2.5 7.5 6.5" />
    </>
  ),
  // A globe: the internet's phone book.
  dns: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.6 2.4 3.8 5.2 3.8 8.5s-1.2 6.1-3.8 8.5c-2.6-2.4-3.8-5.2-3.8-8.5S9.4 5.9 12 3.5z" />
    </>
  ),
  // A cloud with a bolt: fast copies at the edge.
  cdn: (
    <>
      <path d="M7 18.5h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.6 9.2 4.7 4.7 0 0 0 7 18.5z" />
      <path d="M12.5 10.5l-2 3.5h3l-2 3.5" />
    </>
  ),
  // nginx's hexagon with an N.
  proxy: (
    <>
      <path d="M12 2.8l8 4.6v9.2l-8 4.6-8-4.6V7.4z" />
      <path d="M9.5 15.5v-7l5 7v-7" />
    </>
  ),
  // One line fanning out to three.
  lb: (
    <>
      <circle cx="5" cy="12" r="2" />
      <path d="M7 12h4M11 12l7-6M11 12h7M11 12l7 6" />
      <path d="M16 4.5l2.2 1.5-1 2.4M16.2 10.5 18.3 12l-2.1 1.5M17.2 15.6l1 2.4-2.2 1.5" />
    </>
  ),
  // A server: a box with drive slots and lights.
  app: (
    <>
      <rect x="4" y="4" width="16" height="7" rx="1.5" />
      <rect x="4" y="13" width="16" height="7" rx="1.5" />
      <path d="M7.5 7.5h5M7.5 16.5h5" />
      <circle cx="16.5" cy="7.5" r=".8" fill="currentColor" />
      <circle cx="16.5" cy="16.5" r=".8" fill="currentColor" />
    </>
  ),
  // A cylinder.
  db: (
    <>
      <ellipse cx="12" cy="5.5" rx="7" ry="2.5" />
      <path d="M5 5.5v13c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5v-13" />
      <path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
    </>
  ),
  // A bolt inside a memory chip: fast, in memory.
  cache: (
    <>
      <rect x="5" y="5" width="14" height="14" rx="2" />
      <path d="M9 2.5V5M15 2.5V5M9 19v2.5M15 19v2.5M2.5 9H5M2.5 15H5M19 9h2.5M19 15h2.5" />
      <path d="M12.8 8 10 12.5h4L11.2 17" />
    </>
  ),
  // Slots in a row with an arrow: first in, first out.
  queue: (
    <>
      <rect x="3" y="8" width="4" height="8" rx="1" />
      <rect x="8.5" y="8" width="4" height="8" rx="1" />
      <rect x="14" y="8" width="4" height="8" rx="1" />
      <path d="M19.5 12h2M20.5 10.5 22 12l-1.5 1.5" />
    </>
  ),
  // A gear: background work.
  worker: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 3v2.5M12 18.5V21M3 12h2.5M18.5 12H21M5.6 5.6l1.8 1.8M16.6 16.6l1.8 1.8M5.6 18.4l1.8-1.8M16.6 7.4l1.8-1.8" />
      <circle cx="12" cy="12" r="6.5" />
    </>
  ),
  // A clock.
  cron: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7v5l3.5 2" />
    </>
  ),
  // A picture file: images, scripts, styles.
  static: (
    <>
      <path d="M6 3h8l4 4v14H6z" />
      <path d="M14 3v4h4" />
      <path d="M8.5 17.5l2.5-3 1.8 2 1.2-1.3 1.5 2.3z" />
    </>
  ),
  // A box with an arrow leaving it: someone else's service.
  external: (
    <>
      <path d="M18 13.5V19a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5.5" />
      <path d="M14 3.5h6.5V10M20.5 3.5 11 13" />
    </>
  ),
  // A funnel: many requests in, a steady trickle out (the rate limiter).
  limiter: (
    <>
      <path d="M3.5 4.5h17l-6.5 8v6l-4 2v-8z" />
      <path d="M7 8h10" />
    </>
  ),
  // A machine: a monitor-like frame with a stand.
  group: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="1.5" />
      <path d="M8 20h8M12 16v4" />
      <path d="M6.5 7.5h3" />
    </>
  ),
};

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
      {PATHS[kind]}
    </svg>
  );
});
