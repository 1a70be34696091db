// Which connections are cut right now, folded from the run's event stream (cuts and restores
// injected by the user or timed by a story), so menus offer only what makes sense.

import type { ChaosAction } from '../sim/api.ts';

/** The cut connections after `events`: a cut adds its edge, a restore takes it away. */
export function foldCuts(
  cut: Readonly<Record<string, true>>,
  events: readonly { action?: ChaosAction }[],
): Readonly<Record<string, true>> {
  let next = cut;
  for (const { action } of events) {
    if (action?.type === 'cut' && !next[action.edge]) next = { ...next, [action.edge]: true };
    else if (action?.type === 'restore' && next[action.edge]) {
      const { [action.edge]: _restored, ...rest } = next;
      next = rest;
    }
  }
  return next;
}
