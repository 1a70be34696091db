// The kernel: a virtual clock, the future event list, the run loop and dispatch, and
// timers. SimPy's Environment in spirit, with no generators or closures per event: an
// event is (time, sequence, kind, object, argument) in a typed-array heap (heap.ts), and
// equal times run in the order they were scheduled, so runs repeat bit for bit.
//
// What a call does when its event comes up (arrive, resume, hear back) is the business of
// calls.ts, which builds the Engine that behaviours see on top of this class. The world
// (documents, live edits), chaos and measurement are modules of their own
// (world.ts, chaos.ts, measurement.ts); simulation.ts puts them together.

import { EventQueue } from './heap.ts';
import { HopBuffer } from './hops.ts';
import { Rng } from './rng.ts';
import { type Call, type NodeRt, S_DELAY } from './runtime.ts';

// Event kinds.
export const EV_RESUME = 0; // obj Call, arg token: continue the call's behaviour
export const EV_ARRIVE = 1; // obj Call: the call reaches its box (network delay > 0)
export const EV_RETURN = 2; // obj Call: its answer reaches the caller (network delay > 0)
export const EV_NODE = 3; // obj NodeRt, arg code: a node's own timer (health checks, cron)
export const EV_FN = 4; // obj () => void: rare one-off events (actions, restarts)
export const EV_TICK = 5; // the end of a virtual second (one time-series point)
export const EV_CALL_TIMEOUT = 6; // obj Call, arg guard: the caller gives up on the call
export const EV_RETRY = 7; // obj Call, arg guard: a failed call is tried again

export interface KernelOptions {
  seed: number;
  /** Requests that start before this are not measured. */
  warmupMs?: number;
  /** One-way delay per hop, ms (default 0). */
  networkMs?: number;
  /** Record hops for animation for one request in `traceEvery` (0 = off, the default). */
  traceEvery?: number;
  /**
   * Record the journeys of the animated requests (trace.ts; default true). false animates
   * them as the live view did before journeys existed: the bench's baseline for what
   * recording journeys costs.
   */
  journeys?: boolean;
}

export abstract class Kernel {
  /** Virtual time, ms. */
  now = 0;
  eventsProcessed = 0;
  readonly rng: Rng;
  readonly networkMs: number;
  readonly warmupMs: number;
  /** Animate one request in this many (0 = none). */
  traceEvery: number;
  /** Hops of animated requests, drained by the caller. */
  readonly hops = new HopBuffer();
  /** Runs at the end of every virtual second (set by whoever measures). */
  everySecond: () => void = () => {};
  protected readonly heap = new EventQueue();
  private nextReqId = 1;
  private nextClientIndex = 0;
  private readonly kindState = new Map<string, unknown>();

  constructor(options: KernelOptions) {
    this.rng = new Rng(options.seed);
    this.networkMs = Math.max(0, options.networkMs ?? 0);
    this.warmupMs = Math.max(0, options.warmupMs ?? 0);
    this.traceEvery = Math.max(0, Math.floor(options.traceEvery ?? 0));
  }

  // What calls.ts does when a call's event comes up.
  /** A timer of the call fired (its token still matched). */
  protected abstract resumeCall(call: Call): void;
  /** The call reaches its box after the network delay. */
  protected abstract deliver(call: Call): void;
  /** The call's answer reaches its caller after the network delay. */
  protected abstract returnToParent(call: Call): void;
  /** The connection's timeout for the call ran out (its guard still matched). */
  protected abstract callTimedOut(call: Call): void;
  /** A failed call's backoff is over: try again (its guard still matched). */
  protected abstract retryCall(call: Call): void;

  // ---- running ------------------------------------------------------------------------

  /** The first second starts ticking (after the document's own timers are set). */
  startClock(): void {
    this.heap.push(1000, EV_TICK, null, 0);
  }

  /** Processes every event up to `tMs` (or until `maxEvents`), then sets the clock there. */
  runUntil(tMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    const q = this.heap;
    let n = 0;
    while (q.size > 0 && q.peekTime() <= tMs) {
      if (n >= maxEvents) {
        this.eventsProcessed += n;
        return n;
      }
      q.pop();
      this.now = q.popTime;
      this.dispatch(q.popKind, q.popObj, q.popArg);
      n++;
    }
    this.eventsProcessed += n;
    if (tMs > this.now) this.now = tMs;
    return n;
  }

  /** Processes the next event; false when there is none. */
  step(): boolean {
    const q = this.heap;
    if (q.size === 0) return false;
    q.pop();
    this.now = q.popTime;
    this.dispatch(q.popKind, q.popObj, q.popArg);
    this.eventsProcessed++;
    return true;
  }

  private dispatch(kind: number, obj: unknown, arg: number): void {
    switch (kind) {
      case EV_RESUME: {
        const c = obj as Call;
        if (arg !== c.token) return; // voided timer (the call may since have been reused)
        this.resumeCall(c);
        return;
      }
      case EV_ARRIVE:
        this.deliver(obj as Call);
        return;
      case EV_RETURN:
        this.returnToParent(obj as Call);
        return;
      case EV_NODE: {
        const node = obj as NodeRt;
        if (!node.removed) node.behaviour.timer(arg);
        return;
      }
      case EV_FN:
        (obj as () => void)();
        return;
      case EV_TICK:
        this.everySecond();
        this.heap.push(this.now + 1000, EV_TICK, null, 0);
        return;
      case EV_CALL_TIMEOUT:
        if ((obj as Call).guard === arg) this.callTimedOut(obj as Call);
        return;
      case EV_RETRY:
        if ((obj as Call).guard === arg) this.retryCall(obj as Call);
        return;
    }
  }

  // ---- timers -------------------------------------------------------------------------

  /** Runs `fn` at virtual time `t` (now if that has passed); for rare events. */
  at(t: number, fn: () => void): void {
    this.heap.push(Math.max(t, this.now), EV_FN, fn, 0);
  }

  /** The node's behaviour's timer(code) runs at `t` (unless the node is removed by then). */
  nodeTimer(node: NodeRt, t: number, code: number): void {
    this.heap.push(t, EV_NODE, node, code);
  }

  /** A pure wait of `ms` (× the box's slow factor), then the behaviour's resume. */
  delay(call: Call, ms: number): void {
    call.state = S_DELAY;
    this.heap.push(this.now + ms * call.node.slow, EV_RESUME, call, call.token);
  }

  /** The behaviour's resume after `ms`, unless cancelTimers voids it first. */
  timeout(call: Call, ms: number): void {
    this.heap.push(this.now + ms, EV_RESUME, call, call.token);
  }

  /** Voids every timer naming the call (its token moves on). */
  cancelTimers(call: Call): void {
    call.token++;
  }

  // ---- identities ---------------------------------------------------------------------

  newReqId(): number {
    return this.nextReqId++;
  }

  /** Should a new request with this id be animated? */
  traced(id: number): boolean {
    return this.traceEvery > 0 && id % this.traceEvery === 0;
  }

  /** Each client gets an index so user keys of different clients never collide. */
  newClientIndex(): number {
    return this.nextClientIndex++;
  }

  /** State every box of a kind shares within one run (an app's in-memory sessions). */
  shared<T>(key: string, make: () => T): T {
    if (!this.kindState.has(key)) this.kindState.set(key, make());
    return this.kindState.get(key) as T;
  }
}
