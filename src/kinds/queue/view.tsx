// Slots in a row with an arrow: first in, first out.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <rect x="3" y="8" width="4" height="8" rx="1" />
    <rect x="8.5" y="8" width="4" height="8" rx="1" />
    <rect x="14" y="8" width="4" height="8" rx="1" />
    <path d="M19.5 12h2M20.5 10.5 22 12l-1.5 1.5" />
  </>
);
