// The one resource primitive (SimPy's Resource, with statistics built in): `cap` units
// and a bounded FIFO of waiters, with time-weighted integrals of the units in use and of
// the waiters, and cancellation. The engine uses it for a server's workers (a station),
// a host's cores, an app's database connection pool, a database's connection limit and a
// message queue's waiting jobs.
//
// It is a plain record with no callbacks: whoever takes a unit decides what happens next,
// so the hot path stays monomorphic and allocation-free. In a line made `cancellable` a
// waiter is cancelled lazily: its ticket (the token it had when it started waiting) no
// longer matches and `pop` skips it; other lines keep no tickets.

import { Ring } from './ring.ts';

/** Something that can wait: its token moves on when it stops waiting for good. */
export interface Ticketed {
  token: number;
}

export class Resource<T extends Ticketed> {
  /** Units in use. */
  busy = 0;
  /** Waiters not cancelled (the ring may still hold cancelled entries). */
  waiting = 0;
  /** ∫ busy dt and ∫ waiting dt up to `last`. */
  busyArea = 0;
  queueArea = 0;
  last = 0;
  private readonly items = new Ring<T>();
  private readonly tickets = new Ring<number>();

  constructor(
    /** Units: workers, cores, connections. */
    public cap: number,
    /** Most waiters at once (Infinity: unbounded; 0: no waiting). */
    public limit: number,
    /** Waiters may give up (cancel); the line then keeps each one's ticket. */
    private readonly cancellable = false,
  ) {}

  /** Brings the integrals up to `now`; call before busy or waiting change. */
  mark(now: number): void {
    const dt = now - this.last;
    if (dt > 0) {
      this.busyArea += dt * this.busy;
      this.queueArea += dt * this.waiting;
      this.last = now;
    }
  }

  /** ∫ busy dt up to `now`, without moving the running sums (looking never changes a run). */
  busyAreaAt(now: number): number {
    return this.busyArea + (now - this.last) * this.busy;
  }

  queueAreaAt(now: number): number {
    return this.queueArea + (now - this.last) * this.waiting;
  }

  /** Restarts the integrals at `now` (the end of warmup). */
  resetStats(now: number): void {
    this.mark(now);
    this.busyArea = 0;
    this.queueArea = 0;
  }

  free(): boolean {
    return this.busy < this.cap;
  }

  /** Takes a unit if one is free. */
  take(): boolean {
    if (this.busy >= this.cap) return false;
    this.busy++;
    return true;
  }

  /** Gives a unit back (whoever frees it hands it on with `pop`). */
  release(): void {
    this.busy--;
  }

  /** Gives every unit back at once (the server holding them crashed). */
  releaseAll(): void {
    this.busy = 0;
  }

  /** Gives `n` units back at once, never going below none. */
  releaseMany(n: number): void {
    this.busy = Math.max(0, this.busy - n);
  }

  /** Joins the end of the line; false when the line is full. */
  wait(item: T): boolean {
    if (this.waiting >= this.limit) return false;
    this.items.push(item);
    if (this.cancellable) this.tickets.push(item.token);
    this.waiting++;
    return true;
  }

  /** Goes back to the front of the line, full or not (a redelivered job goes first). */
  putBack(item: T): void {
    this.items.unshift(item);
    if (this.cancellable) this.tickets.unshift(item.token);
    this.waiting++;
  }

  /** The oldest waiter still waiting, out of the line; null when nobody waits. */
  pop(): T | null {
    if (this.waiting === 0) return null;
    if (!this.cancellable) {
      this.waiting--;
      return this.items.shift()!;
    }
    for (;;) {
      const item = this.items.shift()!;
      if (item.token === this.tickets.shift()!) {
        this.waiting--;
        return item;
      }
    }
  }

  /** The waiter stops waiting (a timeout): its entry is skipped from now on. */
  cancel(item: T): void {
    if (!this.cancellable) throw new Error('resource: this line takes no cancellations');
    item.token++;
    this.waiting--;
    if (this.waiting === 0) {
      this.items.drop();
      this.tickets.drop();
    }
  }

  /** Empties the line, returning the waiters still waiting, oldest first. */
  clear(): T[] {
    const out: T[] = [];
    for (let item = this.pop(); item !== null; item = this.pop()) out.push(item);
    this.items.drop();
    this.tickets.drop();
    return out;
  }
}
