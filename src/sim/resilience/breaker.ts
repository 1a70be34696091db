// A circuit breaker on one connection: closed (calls pass; the last `window` outcomes are
// kept), open (calls fail at once with 'breaker-open' for `openMs`), half-open (the next
// `probes` calls pass as probes: all succeed → closed with a fresh window; one fails →
// open again). Outcomes of calls that were already under way when it opened are ignored,
// and so are probes' outcomes once it closed again.

export const B_CLOSED = 0;
export const B_OPEN = 1;
export const B_HALF_OPEN = 2;

export const BREAKER_STATES = ['closed', 'open', 'half-open'] as const;

/** What allow() says: refuse the call, let it pass, or let it pass as a probe. */
export const REFUSE = 0;
export const PASS = 1;
export const PROBE = 2;

export class Breaker {
  state = B_CLOSED;
  /** Share of failures in the window that opens it, 0 … 1. */
  threshold = 0.5;
  window = 20;
  openMs = 5000;
  probes = 1;
  /** Until when it stays open. */
  openUntil = 0;
  private ring = new Uint8Array(20);
  private head = 0;
  private filled = 0;
  private failures = 0;
  private probesSent = 0;
  private probesOk = 0;
  private openedAt = 0;
  // What a run shows: how often it opened, how long it was open, probes let through.
  opens = 0;
  openMsTotal = 0;
  probesTotal = 0;

  configure(thresholdPct: number, window: number, openMs: number, probes: number): void {
    this.threshold = thresholdPct / 100;
    this.openMs = openMs;
    this.probes = Math.max(1, Math.floor(probes));
    const w = Math.max(1, Math.floor(window));
    if (w !== this.window) {
      this.window = w;
      this.ring = new Uint8Array(w);
      this.head = 0;
      this.filled = 0;
      this.failures = 0;
    }
  }

  /** May a call go out now? (REFUSE, PASS or PROBE.) */
  allow(now: number): number {
    if (this.state === B_CLOSED) return PASS;
    if (this.state === B_OPEN) {
      if (now < this.openUntil) return REFUSE;
      this.state = B_HALF_OPEN;
      this.openMsTotal += now - this.openedAt;
      this.probesSent = 0;
      this.probesOk = 0;
    }
    if (this.probesSent >= this.probes) return REFUSE;
    this.probesSent++;
    this.probesTotal++;
    return PROBE;
  }

  /** A call that passed has its answer (`probe`: it went out half-open). */
  record(ok: boolean, probe: boolean, now: number): void {
    if (this.state === B_HALF_OPEN) {
      if (!probe) return;
      if (!ok) this.open(now);
      else if (++this.probesOk >= this.probes) this.close();
      return;
    }
    if (this.state !== B_CLOSED || probe) return;
    const w = this.window;
    if (this.filled === w) this.failures -= this.ring[this.head]!;
    else this.filled++;
    const bad = ok ? 0 : 1;
    this.ring[this.head] = bad;
    this.failures += bad;
    this.head = (this.head + 1) % w;
    if (this.filled === w && this.failures >= this.threshold * w) this.open(now);
  }

  /** The state as a person would see it now (open turns half-open when its time is up). */
  stateAt(now: number): (typeof BREAKER_STATES)[number] {
    if (this.state === B_OPEN && now >= this.openUntil) return 'half-open';
    return BREAKER_STATES[this.state]!;
  }

  /** Time open so far, including an opening still running. */
  openMsAt(now: number): number {
    return (
      this.openMsTotal + (this.state === B_OPEN ? Math.min(now, this.openUntil) - this.openedAt : 0)
    );
  }

  resetStats(now: number): void {
    this.opens = 0;
    this.openMsTotal = 0;
    this.probesTotal = 0;
    if (this.state === B_OPEN) this.openedAt = Math.min(now, this.openUntil);
  }

  private open(now: number): void {
    this.state = B_OPEN;
    this.openedAt = now;
    this.openUntil = now + this.openMs;
    this.opens++;
  }

  private close(): void {
    this.state = B_CLOSED;
    this.head = 0;
    this.filled = 0;
    this.failures = 0;
  }
}
