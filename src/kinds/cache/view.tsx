// A bolt inside a memory chip: fast, in memory.
// The icon of this kind (canvas layer), drawn in a 24 × 24 box with the stroke of KindIcon.

export const icon = (
  <>
    <rect x="5" y="5" width="14" height="14" rx="2" />
    <path d="M9 2.5V5M15 2.5V5M9 19v2.5M15 19v2.5M2.5 9H5M2.5 15H5M19 9h2.5M19 15h2.5" />
    <path d="M12.8 8 10 12.5h4L11.2 17" />
  </>
);
