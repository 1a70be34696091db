// A box with an arrow leaving it: someone else's service.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <path d="M18 13.5V19a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1h5.5" />
    <path d="M14 3.5h6.5V10M20.5 3.5 11 13" />
  </>
);
