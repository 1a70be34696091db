// A cloud with a bolt: fast copies at the edge.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <path d="M7 18.5h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.6 9.2 4.7 4.7 0 0 0 7 18.5z" />
    <path d="M12.5 10.5l-2 3.5h3l-2 3.5" />
  </>
);
