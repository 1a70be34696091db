// A rate limiter (token bucket) in front of whatever it guards: tokens drip in at `rate` a
// second up to `burst`; a call that finds a token takes it and passes on unchanged (the
// box behind answers it), one that finds none is answered 429 ('rate-limited', counted
// here). `per: user` gives every user a bucket of their own (calls with no user, jobs and
// cron, share one). It forwards, so the boxes calling it see what it guards
// (capabilities.ts): an app with an arrow to it and its arrow to a database treats it as
// its database. In the long run it lets min(λ, rate) calls a second through.

import { C_RATE_LIMITED } from '../../sim/causes.ts';
import type { Call } from '../../sim/runtime.ts';
import { ForwardingBehaviour } from '../../sim/behaviours/forwarder.ts';

export class LimiterBehaviour extends ForwardingBehaviour<'limiter'> {
  private rate = 0;
  private burst = 1;
  private perUser = false;
  /** The shared bucket: tokens and when they were last topped up. */
  private tokens = -1;
  private last = 0;
  /** Per-user buckets: user key → [tokens, last]. */
  private readonly buckets = new Map<number, Float64Array>();
  passed = 0;
  limited = 0;

  override configure(): void {
    this.rate = this.num('rate');
    this.burst = Math.max(1, this.num('burst'));
    const perUser = this.str('per') === 'user';
    if (perUser !== this.perUser) this.buckets.clear();
    this.perUser = perUser;
    if (this.tokens < 0) {
      this.tokens = this.burst; // a new limiter starts full
      this.last = this.sim.now;
    }
    this.tokens = Math.min(this.tokens, this.burst);
  }

  override arrive(call: Call): void {
    const now = this.sim.now;
    const user = call.req.user;
    let ok: boolean;
    if (this.perUser && user >= 0) {
      let b = this.buckets.get(user);
      if (b === undefined) {
        b = new Float64Array([this.burst, now]);
        this.buckets.set(user, b);
      }
      const tokens = Math.min(this.burst, b[0]! + ((now - b[1]!) * this.rate) / 1000);
      b[1] = now;
      ok = tokens >= 1;
      b[0] = ok ? tokens - 1 : tokens;
    } else {
      const tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
      this.last = now;
      ok = tokens >= 1;
      this.tokens = ok ? tokens - 1 : tokens;
    }
    if (!ok) {
      this.limited++;
      this.sim.fail(call, C_RATE_LIMITED);
      return;
    }
    this.passed++;
    this.pass(call);
  }

  override serverDown(): void {
    // A restarted limiter starts with a full bucket and forgets its users.
    this.tokens = -1;
    this.buckets.clear();
  }

  override queueLength(): number {
    return 0;
  }

  override figures(out: Record<string, number | string>): void {
    out.passed = this.passed;
    out.limited = this.limited;
    if (!this.perUser) {
      const now = this.sim.now;
      out.tokens = Math.max(
        0,
        Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000),
      );
    }
  }

  override resetStats(): void {
    this.passed = 0;
    this.limited = 0;
  }
}
