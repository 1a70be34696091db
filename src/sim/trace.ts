// Journeys: where one request's time went. For the traced sample of requests (the ones
// the live view animates, `Req.traced`), the engine's call rules (calls.ts) tell the
// Tracer every change of what the request is doing: sent along a link, arrived at a box,
// queued for a worker, working, waiting for a host core, waiting for a pooled connection,
// opening one, a pure wait (a cache op, a lookup, a third party), answered, failed.
//
// A request's calls run one after another (a caller waits for one dependency at a time),
// so at any moment exactly one of its calls is "where it is". The Tracer keeps one cursor
// per request: every change closes the phase that was open since the last change and
// opens the next, so the phases partition [start, end] and add up to the latency the user
// saw, by construction.
//
// The Tracer only reads: it draws no random numbers, schedules nothing and changes no
// call, so a run with journeys is the same run, bit for bit. It keeps a bounded number of
// journeys: the last RECENT finished ones, and for the last NOTABLE_MS of virtual time the
// slowest and the failed, so the live view can list them.

import { FAILURE_CAUSES } from './causes.ts';
import type { Call, NodeRt } from './runtime.ts';
import {
  OP_DEL,
  OP_GET,
  OP_JOB,
  OP_LOOKUP,
  OP_PUBLISH,
  OP_READ,
  OP_REQUEST,
  OP_SESSION,
  OP_SET,
  OP_WRITE,
  S_CONNECT,
  S_POOL_WAIT,
} from './runtime.ts';

/** What a request was doing during a phase. */
export type PhaseKind =
  /** travelling along a link (networkMs), either way */
  | 'network'
  /** waiting for a worker of the box's server */
  | 'queued'
  /** doing CPU work (a database running the query too) */
  | 'work'
  /** waiting for a core of the host the box sits in */
  | 'core'
  /** waiting for a pooled database connection */
  | 'pool'
  /** opening a database connection */
  | 'connect'
  /** a cache operation's round trip (hit or miss, key in the detail) */
  | 'cache'
  /** a pure wait: a lookup, a third party's latency, a publish, a file */
  | 'wait'
  /** at a box, between the steps above (no time passes here in today's boxes) */
  | 'at';

export interface JourneyPhase {
  kind: PhaseKind;
  /** Virtual ms it started. */
  t0: number;
  ms: number;
  /** "hit key 42", "miss key 7"… */
  detail?: string;
}

/** One visit of the request to one box (a call), in the order they began. */
export interface JourneySpan {
  node: string;
  nodeKind: string;
  label: string;
  /** Boxes between the client and here (the client is 0). */
  depth: number;
  /** What was asked: request, lookup, get, set, del, session, read, write, publish, job. */
  op: string;
  /** The drawn arrow it came along (null for the client). */
  edge: string | null;
  /** true when it travelled the drawn arrow backwards. */
  reversed: boolean;
  /** Index of the span that made this call (-1 for the client). */
  parent: number;
  start: number;
  /** When it was answered (null while still there). */
  end: number | null;
  ok: boolean;
  /** The cause it was answered with, when it failed. */
  cause?: string;
  /** It failed here (counted at this box) rather than passing on a failure from further on. */
  failedHere: boolean;
  phases: JourneyPhase[];
}

export interface Journey {
  /** The request id (the dots carry it). */
  id: number;
  route: string;
  path: string;
  start: number;
  /** When the user had the answer (or gave up); null while in flight. */
  end: number | null;
  /** end − start, or now − start while in flight. */
  latencyMs: number;
  done: boolean;
  ok: boolean;
  cause?: string;
  /** The box where it failed (for a timeout: the client that gave up). */
  failedAt?: string;
  /** For a timeout: the box the request was at when the user gave up. */
  stuckAt?: string;
  spans: JourneySpan[];
}

/** A row of the "slowest and failed" list. */
export interface JourneySummary {
  id: number;
  route: string;
  start: number;
  latencyMs: number;
  ok: boolean;
  cause?: string;
  failedAt?: string;
}

/** Finished journeys kept (the dots on screen are among the last ones). */
export const RECENT = 2000;
/** The list covers this much virtual time. */
export const NOTABLE_MS = 10_000;
const SLOWEST = 20;
const FAILED = 40;
/** Open journeys beyond this are swept for ones whose user gave up. */
const OPEN_SWEEP = 4000;

const OPS: Record<number, string> = {
  [OP_REQUEST]: 'request',
  [OP_LOOKUP]: 'lookup',
  [OP_GET]: 'get',
  [OP_SET]: 'set',
  [OP_DEL]: 'del',
  [OP_SESSION]: 'session',
  [OP_READ]: 'read',
  [OP_WRITE]: 'write',
  [OP_PUBLISH]: 'publish',
  [OP_JOB]: 'job',
};

interface Span {
  call: Call;
  out: JourneySpan;
  trace: Trace;
  index: number;
}

class Trace {
  closed = false;
  readonly spans: Span[] = [];
  /** The phase open since `tLast`. */
  tLast: number;
  open: Span;
  openKind: PhaseKind = 'at';
  openDetail: string | undefined = undefined;
  readonly journey: Journey;

  constructor(
    readonly id: number,
    readonly call: Call,
    readonly deadline: number,
    route: string,
  ) {
    const req = call.req;
    this.tLast = req.start;
    this.journey = {
      id,
      route,
      path: req.path,
      start: req.start,
      end: null,
      latencyMs: 0,
      done: false,
      ok: true,
      spans: [],
    };
    this.open = this.add(call, null, -1);
  }

  add(call: Call, parent: Span | null, parentIndex: number): Span {
    const node = call.node;
    const edge = call.edge;
    const out: JourneySpan = {
      node: node.id,
      nodeKind: node.kind,
      label: node.label,
      depth: parent === null ? 0 : parent.out.depth + 1,
      op: OPS[call.op] ?? 'request',
      edge: edge === null ? null : edge.id,
      reversed: edge === null ? false : edge.reversed,
      parent: parentIndex,
      start: call.req.start,
      end: null,
      ok: true,
      failedHere: false,
      phases: [],
    };
    const span: Span = { call, out, trace: this, index: this.spans.length };
    this.spans.push(span);
    this.journey.spans.push(out);
    return span;
  }

  /** The open phase ends at `t`; the next is (span, kind) from then. */
  mark(t: number, span: Span, kind: PhaseKind, detail?: string): void {
    this.cut(t);
    this.open = span;
    this.openKind = kind;
    this.openDetail = detail;
  }

  /** Closes the open phase at `t` (merging it into the same kind just before it). */
  cut(t: number): void {
    const ms = t - this.tLast;
    if (ms > 0) {
      const phases = this.open.out.phases;
      const last = phases[phases.length - 1];
      if (
        last !== undefined &&
        last.kind === this.openKind &&
        last.detail === this.openDetail &&
        last.t0 + last.ms === this.tLast
      ) {
        last.ms += ms;
      } else {
        const p: JourneyPhase = { kind: this.openKind, t0: this.tLast, ms };
        if (this.openDetail !== undefined) p.detail = this.openDetail;
        phases.push(p);
      }
      this.tLast = t;
    }
  }
}

export class Tracer {
  private readonly spans = new Map<Call, Span>();
  private readonly open = new Map<number, Trace>();
  /** Finished journeys, oldest first (a ring of RECENT). */
  private readonly recent: (Journey | undefined)[] = new Array(RECENT);
  private recentHead = 0;
  private readonly byId = new Map<number, Journey>();
  /** The slowest and the failed of the last NOTABLE_MS, kept even once out of `recent`. */
  private notable: Journey[] = [];

  constructor(private readonly routeName: (route: number) => string) {}

  // ---- hooks (calls.ts calls these only for traced requests) --------------------------

  /** `child` leaves `parent` along its link at `now`. */
  sent(parent: Call, child: Call, now: number, net: number): void {
    let ps = this.spans.get(parent);
    if (ps === undefined) {
      // A user's request leaving its client starts a journey; anything else is not followed.
      const req = parent.req;
      if (parent.parent !== null || parent.owner !== null || req.client !== parent.node) return;
      if (req.done || this.open.has(req.id)) return;
      const trace = new Trace(req.id, parent, req.deadline, this.routeName(req.route));
      ps = trace.spans[0]!;
      this.spans.set(parent, ps);
      this.open.set(req.id, trace);
      if (this.open.size > OPEN_SWEEP) this.sweep(now);
    }
    const trace = this.traceOf(ps);
    if (trace === null || this.gaveUp(trace, now)) return;
    const cs = trace.add(child, ps, ps.index);
    cs.out.start = now;
    this.spans.set(child, cs);
    trace.mark(now, cs, net > 0 ? 'network' : 'at');
  }

  /** The call was refused before it left (a cut link, the hop limit): it failed at `from`. */
  refused(child: Call, from: NodeRt, cause: number, now: number): void {
    const span = this.spans.get(child);
    if (span === undefined) return;
    const trace = this.traceOf(span)!;
    this.forget(child);
    if (this.gaveUp(trace, now)) return;
    const out = span.out;
    out.end = now;
    out.ok = false;
    out.cause = FAILURE_CAUSES[cause];
    // Counted at the box that tried to send: the failure is its, not the target's.
    const parent = trace.spans[out.parent];
    if (parent !== undefined && parent.call.node === from) parent.out.failedHere = true;
    else out.failedHere = true;
    trace.mark(now, parent ?? span, 'at');
  }

  arrived(call: Call, now: number): void {
    this.phase(call, now, 'at');
  }

  /** Waits for a worker (admit found none free). */
  queued(call: Call, now: number): void {
    this.phase(call, now, 'queued');
  }

  /** CPU work starts (or, `waitingForCore`, waits for a host core first). */
  working(call: Call, now: number, waitingForCore: boolean): void {
    this.phase(call, now, waitingForCore ? 'core' : 'work');
  }

  /** A pure wait (Engine.delay): a cache op, a lookup, a publish, a third party. */
  delayed(call: Call, now: number): void {
    if (call.node.caps.holdsKeys !== undefined && (call.op === OP_GET || call.op === OP_REQUEST)) {
      this.phase(call, now, 'cache', `${call.hit ? 'hit' : 'miss'} key ${call.key}`);
    } else if (call.node.caps.holdsKeys !== undefined) {
      this.phase(call, now, 'cache', `${OPS[call.op]} key ${call.key}`);
    } else this.phase(call, now, 'wait');
  }

  /** A timer with a limit (Engine.timeout): a pool wait or opening a connection. */
  timed(call: Call, now: number): void {
    if (call.state === S_POOL_WAIT) this.phase(call, now, 'pool');
    else if (call.state === S_CONNECT) this.phase(call, now, 'connect');
    else this.phase(call, now, 'wait');
  }

  /** The call failed at its box (counted there). */
  failedHere(call: Call): void {
    const span = this.spans.get(call);
    if (span !== undefined) span.out.failedHere = true;
  }

  /** The call is answered at `now`; the answer travels `net` ms back to its caller. */
  answered(call: Call, now: number, net: number, ok: boolean, cause: number): void {
    const span = this.spans.get(call);
    if (span === undefined) return;
    const trace = this.traceOf(span)!;
    this.forget(call);
    if (this.gaveUp(trace, now)) return;
    const out = span.out;
    out.end = now;
    out.ok = ok;
    if (!ok) out.cause = FAILURE_CAUSES[cause];
    const parent = trace.spans[out.parent];
    if (net > 0 && parent !== undefined) trace.mark(now, span, 'network');
    else trace.mark(now, parent ?? span, 'at');
  }

  /** The answer of `child` reaches `parent` (before the parent acts on it). */
  returning(parent: Call, now: number): void {
    this.phase(parent, now, 'at');
  }

  /** After the parent acted on an answer: a client that now has its answer ends the journey. */
  returned(parent: Call, now: number, wasDone: boolean, ok: boolean, cause: number): void {
    const trace = this.spans.get(parent)?.trace;
    if (trace === undefined || trace.call !== parent || trace.closed) return;
    if (wasDone || !parent.req.done) return;
    this.close(trace, now, ok, cause, undefined);
  }

  // ---- reading ------------------------------------------------------------------------

  /** The journey of request `id`: finished, or as far as it got by `now`. */
  journey(id: number, now: number): Journey | null {
    const done = this.byId.get(id);
    if (done !== undefined) return done;
    const trace = this.open.get(id);
    if (trace === undefined) return null;
    if (this.gaveUp(trace, now)) return trace.journey;
    // In flight: a copy with the open phase shown up to now (the run is not touched).
    const copy = JSON.parse(JSON.stringify(trace.journey)) as Journey;
    const ms = now - trace.tLast;
    if (ms > 0) {
      const i = trace.open.index;
      const p: JourneyPhase = { kind: trace.openKind, t0: trace.tLast, ms };
      if (trace.openDetail !== undefined) p.detail = trace.openDetail;
      copy.spans[i]!.phases.push(p);
    }
    copy.latencyMs = now - copy.start;
    return copy;
  }

  /** The slowest and the failed requests finished in the last NOTABLE_MS, slowest first. */
  notableSince(now: number): JourneySummary[] {
    this.sweep(now);
    this.prune(now);
    return this.notable
      .slice()
      .sort((a, b) => (a.ok === b.ok ? b.latencyMs - a.latencyMs : a.ok ? 1 : -1))
      .map(summary);
  }

  /** Journeys open (in flight) and kept (finished), for tests and the bench. */
  get size(): { open: number; kept: number } {
    return { open: this.open.size, kept: this.byId.size };
  }

  // ---- inside ------------------------------------------------------------------------

  private phase(call: Call, now: number, kind: PhaseKind, detail?: string): void {
    const span = this.spans.get(call);
    if (span === undefined) return;
    const trace = this.traceOf(span)!;
    if (this.gaveUp(trace, now)) return;
    trace.mark(now, span, kind, detail);
  }

  private traceOf(span: Span): Trace | null {
    return span.trace;
  }

  private forget(call: Call): void {
    this.spans.delete(call);
  }

  /**
   * The user gave up (the client timed the request out; its record may since have been
   * reused): the journey ends at its deadline, where the request was then.
   */
  private gaveUp(trace: Trace, now: number): boolean {
    if (trace.closed) return true;
    const req = trace.call.req;
    if (req.id === trace.id && !req.done) return false;
    const at = trace.open.out.node;
    this.close(trace, Math.min(now, trace.deadline), false, FAILURE_CAUSES.indexOf('timeout'), at);
    return true;
  }

  private close(trace: Trace, t: number, ok: boolean, cause: number, stuckAt?: string): void {
    trace.cut(t);
    trace.closed = true;
    for (const s of trace.spans) {
      if (this.spans.get(s.call) === s) this.forget(s.call);
    }
    this.open.delete(trace.id);
    const j = trace.journey;
    j.end = t;
    j.done = true;
    j.latencyMs = t - j.start;
    j.ok = ok;
    if (!ok) {
      const name = FAILURE_CAUSES[cause];
      j.cause = name;
      if (stuckAt !== undefined) {
        j.stuckAt = stuckAt;
        j.failedAt = j.spans[0]!.node;
      } else {
        // Where it failed: the last box that failed it with this cause itself.
        for (let i = j.spans.length - 1; i >= 0; i--) {
          const s = j.spans[i]!;
          if (s.failedHere && s.cause === name) {
            j.failedAt = s.node;
            break;
          }
        }
        if (j.failedAt === undefined) j.failedAt = j.spans[0]!.node;
      }
      j.spans[0]!.ok = false;
      j.spans[0]!.cause = name;
    }
    j.spans[0]!.end = t;
    this.keep(j, t);
  }

  private keep(j: Journey, now: number): void {
    const old = this.recent[this.recentHead];
    if (old !== undefined && this.byId.get(old.id) === old) this.byId.delete(old.id);
    this.recent[this.recentHead] = j;
    this.recentHead = (this.recentHead + 1) % RECENT;
    this.byId.set(j.id, j);
    this.prune(now);
    if (!j.ok) {
      if (this.notable.filter((x) => !x.ok).length < FAILED) this.notable.push(j);
      return;
    }
    const slow = this.notable.filter((x) => x.ok);
    if (slow.length < SLOWEST) {
      this.notable.push(j);
      return;
    }
    let min = slow[0]!;
    for (const x of slow) if (x.latencyMs < min.latencyMs) min = x;
    if (j.latencyMs > min.latencyMs) this.notable[this.notable.indexOf(min)] = j;
  }

  private prune(now: number): void {
    if (this.notable.some((j) => (j.end ?? now) < now - NOTABLE_MS)) {
      this.notable = this.notable.filter((j) => (j.end ?? now) >= now - NOTABLE_MS);
    }
    // A notable journey stays readable by id while it is listed.
    for (const j of this.notable) if (!this.byId.has(j.id)) this.byId.set(j.id, j);
    if (this.byId.size > RECENT + SLOWEST + FAILED) {
      const listed = new Set(this.notable);
      const inRing = new Set(this.recent);
      for (const [id, j] of this.byId) if (!listed.has(j) && !inRing.has(j)) this.byId.delete(id);
    }
  }

  /** Journeys whose users gave up while nothing else happened to them end now. */
  private sweep(now: number): void {
    for (const trace of [...this.open.values()]) this.gaveUp(trace, now);
  }
}

function summary(j: Journey): JourneySummary {
  const s: JourneySummary = {
    id: j.id,
    route: j.route,
    start: j.start,
    latencyMs: j.latencyMs,
    ok: j.ok,
  };
  if (j.cause !== undefined) s.cause = j.cause;
  if (j.failedAt !== undefined) s.failedAt = j.failedAt;
  return s;
}

/** Sum of a journey's phases (equals its latency). */
export function phaseTotal(j: Journey): number {
  let t = 0;
  for (const s of j.spans) for (const p of s.phases) t += p.ms;
  return t;
}
