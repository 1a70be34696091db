// A person: the users sending requests.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <circle cx="12" cy="7.5" r="3.5" />
    <path d="M4.5 20c.8-4 3.8-6.5 7.5-6.5s6.7 2.5 7.5 6.5" />
  </>
);
