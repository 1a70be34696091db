// A best result in words, for the picker and the panel.

import { formatUsd } from '../../model/cost.ts';
import type { BestResult } from '../../state/challengeStore.ts';

export function bestText(best: BestResult | undefined): string {
  if (!best) return 'Not tried yet';
  if (best.passed) return `Passed · ${formatUsd(best.costUsd)} a month`;
  return `${best.goalsPassed} of ${best.goalsTotal} goals`;
}
