// "●●●○○": how hard a challenge is, 1 to 5, with the number for screen readers.

export function Difficulty({ level }: { level: number }) {
  return (
    <span className="bp-challenge__difficulty" title={`Difficulty ${level} of 5`}>
      <span aria-hidden="true">
        {'●'.repeat(level)}
        <span className="bp-challenge__difficulty-off">{'●'.repeat(5 - level)}</span>
      </span>
      <span className="bp-sr">Difficulty {level} of 5</span>
    </span>
  );
}
