// One line fanning out to three.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <circle cx="5" cy="12" r="2" />
    <path d="M7 12h4M11 12l7-6M11 12h7M11 12l7 6" />
    <path d="M16 4.5l2.2 1.5-1 2.4M16.2 10.5 18.3 12l-2.1 1.5M17.2 15.6l1 2.4-2.2 1.5" />
  </>
);
