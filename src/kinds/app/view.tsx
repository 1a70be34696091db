// A server: a box with drive slots and lights.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <rect x="4" y="4" width="16" height="7" rx="1.5" />
    <rect x="4" y="13" width="16" height="7" rx="1.5" />
    <path d="M7.5 7.5h5M7.5 16.5h5" />
    <circle cx="16.5" cy="7.5" r=".8" fill="currentColor" />
    <circle cx="16.5" cy="16.5" r=".8" fill="currentColor" />
  </>
);
