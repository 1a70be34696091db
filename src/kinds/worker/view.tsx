// A gear: background work.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 3v2.5M12 18.5V21M3 12h2.5M18.5 12H21M5.6 5.6l1.8 1.8M16.6 16.6l1.8 1.8M5.6 18.4l1.8-1.8M16.6 7.4l1.8-1.8" />
    <circle cx="12" cy="12" r="6.5" />
  </>
);
