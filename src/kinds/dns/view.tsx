// A globe: the internet's phone book.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M3.5 12h17M12 3.5c2.6 2.4 3.8 5.2 3.8 8.5s-1.2 6.1-3.8 8.5c-2.6-2.4-3.8-5.2-3.8-8.5S9.4 5.9 12 3.5z" />
  </>
);
