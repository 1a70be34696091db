// The relay's icon (canvas layer): two arrows, one after the other.

export const icon = (
  <>
    <path d="M3 12h7M7 8.5 10.5 12 7 15.5" />
    <path d="M13 12h8M17.5 8.5 21 12l-3.5 3.5" />
  </>
);
