// A funnel: many requests in, a steady trickle out.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <path d="M3.5 4.5h17l-6.5 8v6l-4 2v-8z" />
    <path d="M7 8h10" />
  </>
);
