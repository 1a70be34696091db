// A picture file: images, scripts, styles.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <path d="M6 3h8l4 4v14H6z" />
    <path d="M14 3v4h4" />
    <path d="M8.5 17.5l2.5-3 1.8 2 1.2-1.3 1.5 2.3z" />
  </>
);
