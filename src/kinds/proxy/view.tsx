// nginx's hexagon with an N.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <path d="M12 2.8l8 4.6v9.2l-8 4.6-8-4.6V7.4z" />
    <path d="M9.5 15.5v-7l5 7v-7" />
  </>
);
