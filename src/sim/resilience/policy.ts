// What the calling box does on one connection (src/model/linkSettings.ts): retries, a
// call timeout, a circuit breaker, and the figures they leave (first tries, retries,
// timeouts, work done for nobody, calls the breaker stopped). One policy per drawn arrow,
// shared by the links travelling along it; a live edit re-reads it and keeps its state.
// calls.ts holds the hooks that apply it to calls.

import { linkBoolean, linkNumber, linkString } from '../../model/linkSettings.ts';
import type { Config } from '../../model/types.ts';
import type { Rng } from '../rng.ts';
import type { LinkPoint } from '../metrics.ts';
import { Breaker, BREAKER_STATES } from './breaker.ts';
import { backoffMs, jitterCode, RetryBudget, retryTable } from './retry.ts';

export interface LinkFigures {
  /** Calls made (first tries). */
  calls: number;
  /** Tries beyond the first. */
  retries: number;
  /** Every try: calls + retries. */
  attempts: number;
  /** Tries the caller gave up on after the timeout. */
  timeouts: number;
  /** Answers that came after the caller had given up (work done for nobody). */
  wasted: number;
  /** Retries the budget did not allow. */
  budgetDenied: number;
  breaker: 'closed' | 'open' | 'half-open' | 'none';
  breakerOpens: number;
  /** Time the breaker was open, ms. */
  breakerOpenMs: number;
  /** Calls the open breaker failed at once. */
  shortCircuited: number;
  probes: number;
}

export class LinkPolicy {
  retries = 0;
  private baseMs = 0;
  private capMs = 0;
  private jitter = 0;
  private retryOn: Uint8Array = retryTable('unavailable');
  private retryOnName = 'unavailable';
  readonly budget = new RetryBudget();
  timeoutMs = 0;
  breaker: Breaker | null = null;
  // Figures.
  calls = 0;
  retried = 0;
  timeouts = 0;
  wasted = 0;
  budgetDenied = 0;
  shortCircuited = 0;
  /** Totals at the last per-second point. */
  private tickCalls = 0;
  private tickAttempts = 0;

  constructor(
    /** The drawn arrow's id. */
    readonly id: string,
  ) {}

  configure(config: Config | undefined): void {
    this.retries = Math.max(0, Math.floor(linkNumber(config, 'retries')));
    this.baseMs = linkNumber(config, 'retryBackoffMs');
    this.capMs = linkNumber(config, 'retryBackoffCapMs');
    this.jitter = jitterCode(linkString(config, 'retryJitter'));
    const on = linkString(config, 'retryOn');
    if (on !== this.retryOnName) {
      this.retryOnName = on;
      this.retryOn = retryTable(on);
    }
    this.budget.ratio = linkNumber(config, 'retryBudgetPct') / 100;
    this.timeoutMs = linkNumber(config, 'timeoutMs');
    if (linkBoolean(config, 'breaker')) {
      if (this.breaker === null) this.breaker = new Breaker();
      this.breaker.configure(
        linkNumber(config, 'breakerThresholdPct'),
        linkNumber(config, 'breakerWindow'),
        linkNumber(config, 'breakerOpenMs'),
        linkNumber(config, 'breakerProbes'),
      );
    } else this.breaker = null;
  }

  firstTry(): void {
    this.calls++;
    this.budget.firstTry();
  }

  /** After `attempt` tries, the last failing with `cause`: is there another? */
  mayRetry(cause: number, attempt: number): boolean {
    if (attempt > this.retries || this.retryOn[cause] !== 1) return false;
    if (!this.budget.take()) {
      this.budgetDenied++;
      return false;
    }
    return true;
  }

  /** The wait before the next try. */
  backoff(attempt: number, rng: Rng): number {
    return backoffMs(this.baseMs, this.capMs, this.jitter, attempt, rng);
  }

  figures(now: number): LinkFigures {
    const b = this.breaker;
    return {
      calls: this.calls,
      retries: this.retried,
      attempts: this.calls + this.retried,
      timeouts: this.timeouts,
      wasted: this.wasted,
      budgetDenied: this.budgetDenied,
      breaker: b === null ? 'none' : b.stateAt(now),
      breakerOpens: b?.opens ?? 0,
      breakerOpenMs: b?.openMsAt(now) ?? 0,
      shortCircuited: this.shortCircuited,
      probes: b?.probesTotal ?? 0,
    };
  }

  /** The second that ends now: calls and tries during it, the breaker's state. */
  tick(now: number): LinkPoint {
    const attempts = this.calls + this.retried;
    const point: LinkPoint = {
      calls: this.calls - this.tickCalls,
      attempts: attempts - this.tickAttempts,
      breaker: this.breaker === null ? -1 : BREAKER_STATES.indexOf(this.breaker.stateAt(now)),
    };
    this.tickCalls = this.calls;
    this.tickAttempts = attempts;
    return point;
  }

  resetStats(now: number): void {
    this.tickCalls = 0;
    this.tickAttempts = 0;
    this.calls = 0;
    this.retried = 0;
    this.timeouts = 0;
    this.wasted = 0;
    this.budgetDenied = 0;
    this.shortCircuited = 0;
    this.breaker?.resetStats(now);
  }
}
