// Retries: which failures are tried again, how long to wait before each try (exponential
// backoff with a cap and jitter), and a retry budget that keeps retries to a share of
// first tries (a token bucket: each first try adds pct/100, each retry takes 1).

import {
  C_CALL_TIMEOUT,
  C_DB_MAX,
  C_DOWN,
  C_EDGE_CUT,
  C_EXTERNAL,
  C_INJECTED,
  C_BREAKER_OPEN,
  C_POOL_TIMEOUT,
  C_RATE_LIMITED,
  C_REJECTED,
  C_SHED,
  CAUSE_COUNT,
} from '../causes.ts';
import type { Rng } from '../rng.ts';

export const JITTER_NONE = 0;
export const JITTER_FULL = 1;
export const JITTER_EQUAL = 2;

export function jitterCode(name: string): number {
  return name === 'none' ? JITTER_NONE : name === 'equal' ? JITTER_EQUAL : JITTER_FULL;
}

/** Never processed by the box called: safe to send again, even a write. */
const REFUSED = [C_REJECTED, C_DOWN, C_EDGE_CUT, C_DB_MAX, C_RATE_LIMITED, C_SHED];
/** Refused, plus errors that say "try later" and calls the caller gave up on. */
const UNAVAILABLE = [...REFUSED, C_INJECTED, C_EXTERNAL, C_POOL_TIMEOUT, C_CALL_TIMEOUT];

/** Which causes `retryOn` ('refused', 'unavailable', 'any') retries, as a table by code. */
export function retryTable(retryOn: string): Uint8Array {
  const t = new Uint8Array(CAUSE_COUNT);
  if (retryOn === 'any') t.fill(1);
  else for (const c of retryOn === 'refused' ? REFUSED : UNAVAILABLE) t[c] = 1;
  // Trying again while the breaker is open only asks it again.
  t[C_BREAKER_OPEN] = 0;
  return t;
}

/** The wait before try `attempt + 1` (attempt ≥ 1 tries already made). */
export function backoffMs(
  baseMs: number,
  capMs: number,
  jitter: number,
  attempt: number,
  rng: Rng,
): number {
  const exact = Math.min(capMs, baseMs * 2 ** (attempt - 1));
  if (exact <= 0) return 0;
  if (jitter === JITTER_FULL) return rng.next() * exact;
  if (jitter === JITTER_EQUAL) return exact / 2 + (rng.next() * exact) / 2;
  return exact;
}

/** The budget's starting reserve and its ceiling, in retries. */
export const BUDGET_START = 10;
export const BUDGET_MAX = 100;

export class RetryBudget {
  balance = BUDGET_START;
  /** Deposit per first try (pct / 100); 0 = no budget. */
  ratio = 0;

  firstTry(): void {
    if (this.ratio > 0) this.balance = Math.min(BUDGET_MAX, this.balance + this.ratio);
  }

  /** Takes one retry out of the budget; false when it is spent. */
  take(): boolean {
    if (this.ratio <= 0) return true;
    if (this.balance < 1) return false;
    this.balance -= 1;
    return true;
  }
}
