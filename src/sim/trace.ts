// Journeys: where one request's time went. For the traced sample of requests (the ones
// the live view animates, `Req.traced`), the engine's call rules (calls.ts) tell the
// Tracer every change of what the request is doing: sent along a link, arrived at a box,
// queued for a worker, working, waiting for a host core, waiting for a pooled connection,
// opening one, a pure wait (a cache op, a lookup, a third party), answered, failed.
//
// A request's calls run one after another (a caller waits for one dependency at a time),
// so at any moment exactly one of its calls is "where it is". A journey keeps one cursor:
// every change closes the phase that was open since the last change and opens the next,
// so the phases partition [start, end] and add up to the latency the user saw, by
// construction.
//
// Cheap while the run plays: the hooks only append numbers to a log. Each trace (one
// request followed) owns a slot in parallel typed arrays and a chain of fixed-size chunks
// of records (time, what happened, which span, two numbers, and for a send its link); a
// call knows its trace by three numbers on the Call (traceSlot, traceId, traceSpan).
// Nothing is allocated per request or per hook once the arrays have grown to the run's
// size. Journey objects are built from the records only when asked for (a dot or a row
// clicked, the list of the slowest and the failed), by the same cursor rules, so a
// journey is exactly what it would have been had it been built as the run went.
//
// The Tracer only reads: it draws no random numbers, schedules nothing and changes nothing
// the run looks at, so a run with journeys is the same run, bit for bit. It keeps a
// bounded number of journeys: the last RECENT finished ones, and for the last NOTABLE_MS
// of virtual time the slowest and the failed, so the live view can list them.

import { FAILURE_CAUSES } from './causes.ts';
import type { Call, EdgeRt, NodeRt, Req } from './runtime.ts';
import {
  ABANDONED,
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
/** Open journeys beyond this are swept for ones whose user gave up… */
const OPEN_SWEEP = 4000;
/** …at most once per this many journeys begun. */
const SWEEP_EVERY = 256;

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

// Phase kinds as numbers (the log's), in the order of PHASES.
const P_NETWORK = 0;
const P_QUEUED = 1;
const P_WORK = 2;
const P_CORE = 3;
const P_POOL = 4;
const P_CONNECT = 5;
const P_CACHE = 6;
const P_WAIT = 7;
const P_AT = 8;
const PHASES: readonly PhaseKind[] = [
  'network',
  'queued',
  'work',
  'core',
  'pool',
  'connect',
  'cache',
  'wait',
  'at',
];
// A phase's detail (× 16 in a phase record's x; the op × 256 for D_OP).
const D_HIT = 1;
const D_MISS = 2;
const D_OP = 3;

// What a record says (the low 3 bits of its k; the span's index is k >> 3).
/** The span was sent from span x (y: its op, + NET_BIT when the network delays it). */
const R_SENT = 0;
/** The span was refused before it left (x: the cause; y: 1 when it was refused at its caller). */
const R_REFUSED = 1;
/** A phase of the span starts (x: kind + 16 × detail + 256 × op; y: the key). */
const R_PHASE = 2;
/** The span failed at its box (counted there). */
const R_FAILED_HERE = 3;
/**
 * The span was answered (x: 1 ok, + 2 when the answer travels the network, + 4 × (1 + the
 * span of the caller waiting for it, 0 when none does); y: the cause).
 */
const R_ANSWERED = 4;
const NET_BIT = 16;

/** Records per chunk (a power of two). */
const CHUNK_SHIFT = 4;
const CHUNK = 1 << CHUNK_SHIFT;
/** The record log grows to at most this many records; beyond, the oldest kept journeys go. */
const MAX_RECORDS = 1 << 19;

// A slot's state.
const FREE = 0;
const OPEN = 1;
const DONE = 2;

const C_TIMEOUT = FAILURE_CAUSES.indexOf('timeout');

function grow<T extends Float64Array | Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

function growRefs<T>(a: T[], n: number, fill: T): T[] {
  for (let i = a.length; i < n; i++) a.push(fill);
  return a;
}

export class Tracer {
  // ---- the record log: chunks of CHUNK records --------------------------------------
  private rT = new Float64Array(0);
  private rK = new Int32Array(0);
  private rX = new Int32Array(0);
  private rY = new Int32Array(0);
  /** The link of a send record (the span's box is its target). */
  private rE: (EdgeRt | null)[] = [];
  private cNext = new Int32Array(0);
  private chunks = 0;
  private freeChunks = new Int32Array(0);
  private freeChunkCount = 0;

  // ---- traces: one slot each (slot 0 is "none") -------------------------------------
  private slots = 1;
  /** The request id, while the slot holds a journey (open or kept). */
  private sId = new Float64Array(1);
  /** The request id while the journey is open, −1 otherwise: what a call's hook checks. */
  private sOpenId = new Float64Array(1);
  private sState = new Uint8Array(1);
  private sReq: (Req | null)[] = [null];
  private sRoot: (NodeRt | null)[] = [null];
  private sPath: string[] = [''];
  private sRoute: string[] = [''];
  private sOp = new Int32Array(1);
  private sStart = new Float64Array(1);
  private sDeadline = new Float64Array(1);
  private sEnd = new Float64Array(1);
  private sOk = new Uint8Array(1);
  private sCause = new Int32Array(1);
  /** Closed because the user gave up (a timeout, `stuckAt` where it was). */
  private sGaveUp = new Uint8Array(1);
  /** Its records could not all be kept (the log was full): the journey is not shown. */
  private sLost = new Uint8Array(1);
  private sSpans = new Int32Array(1);
  private sCount = new Int32Array(1);
  private sHead = new Int32Array(1);
  private sTail = new Int32Array(1);
  private sListed = new Uint8Array(1);
  /** Its place in `recent`, −1 when not there. */
  private sRing = new Int32Array(1);
  private freeSlots = new Int32Array(0);
  private freeSlotCount = 0;
  private openCount = 0;
  private keptCount = 0;
  private startsSinceSweep = 0;

  /** Finished journeys' slots, oldest first (a ring of RECENT). */
  private readonly recent = new Int32Array(RECENT).fill(-1);
  private recentHead = 0;
  /** The slowest and the failed of the last NOTABLE_MS (slots), kept even once out of `recent`. */
  private notable: number[] = [];
  /** How many of the list failed and how many are among the slowest. */
  private failedListed = 0;
  private slowListed = 0;
  /** The listed ok journey a slower one replaces (−1: none), and its place in the list. */
  private slowMin = -1;
  private slowMinAt = -1;
  /** No listed journey finished before this (a lower bound: the list is pruned past it). */
  private notableEnd = Number.POSITIVE_INFINITY;

  constructor(
    private readonly routeName: (route: number) => string,
    /** false: no journey is begun, so every other hook returns at once (the bench's baseline). */
    private readonly recording = true,
  ) {}

  // ---- hooks (calls.ts calls these only for traced requests) --------------------------

  /** `child` leaves `parent` along its link at `now`. */
  sent(parent: Call, child: Call, now: number, net: number): void {
    let s = parent.traceSlot;
    if (s === 0 || this.sOpenId[s] !== parent.traceId) {
      // A user's request leaving its client starts a journey; anything else is not followed.
      const req = parent.req;
      if (parent.parent !== null || parent.owner !== null || req.client !== parent.node) return;
      if (req.done || !this.recording) return;
      s = this.begin(parent, now);
    } else if (!this.alive(parent, s, now)) return;
    const span = this.sSpans[s]!;
    this.sSpans[s] = span + 1;
    child.traceSlot = s;
    child.traceId = parent.traceId;
    child.traceSpan = span;
    const y = net > 0 ? child.op | NET_BIT : child.op;
    this.rec(s, (span << 3) | R_SENT, parent.traceSpan, y, now, child.edge);
  }

  /** The call was refused before it left (a cut link, the hop limit): it failed at `from`. */
  refused(child: Call, from: NodeRt, cause: number, now: number): void {
    const s = child.traceSlot;
    if (s === 0) return;
    child.traceSlot = 0;
    if (this.sOpenId[s] !== child.traceId || !this.alive(child, s, now)) return;
    // Counted at the box that tried to send: the failure is its, not the target's.
    const atCaller = child.parent !== null && child.parent.node === from ? 1 : 0;
    this.rec(s, (child.traceSpan << 3) | R_REFUSED, cause, atCaller, now, null);
  }

  arrived(call: Call, now: number): void {
    const s = call.traceSlot;
    if (s === 0 || this.sOpenId[s] !== call.traceId || !this.alive(call, s, now)) return;
    // Delivered the moment it was sent (no network delay): the cursor is there already.
    if (this.lastIs(s, (call.traceSpan << 3) | R_SENT, now)) return;
    this.rec(s, (call.traceSpan << 3) | R_PHASE, P_AT, 0, now, null);
  }

  /** Waits for a worker (admit found none free). */
  queued(call: Call, now: number): void {
    this.phase(call, now, P_QUEUED, 0);
  }

  /** CPU work starts (or, `waitingForCore`, waits for a host core first). */
  working(call: Call, now: number, waitingForCore: boolean): void {
    this.phase(call, now, waitingForCore ? P_CORE : P_WORK, 0);
  }

  /** A pure wait (Engine.delay): a cache op, a lookup, a publish, a third party. */
  delayed(call: Call, now: number): void {
    if (call.node.caps.holdsKeys !== undefined) {
      const op = call.op;
      const d = op === OP_GET || op === OP_REQUEST ? (call.hit ? D_HIT : D_MISS) : D_OP + (op << 4);
      this.phase(call, now, P_CACHE + (d << 4), call.key);
    } else this.phase(call, now, P_WAIT, 0);
  }

  /** A timer with a limit (Engine.timeout): a pool wait or opening a connection. */
  timed(call: Call, now: number): void {
    const st = call.state;
    this.phase(call, now, st === S_POOL_WAIT ? P_POOL : st === S_CONNECT ? P_CONNECT : P_WAIT, 0);
  }

  /** The call failed at its box (counted there). */
  failedHere(call: Call): void {
    const s = call.traceSlot;
    if (s === 0 || this.sOpenId[s] !== call.traceId) return;
    this.rec(s, (call.traceSpan << 3) | R_FAILED_HERE, 0, 0, 0, null);
  }

  /**
   * The call is answered at `now`; the answer travels `net` ms back to its caller. True
   * when that moved the cursor to the caller already (it waits for this answer and there
   * is no network to cross): then `returning` would change nothing and need not be told.
   */
  answered(call: Call, now: number, net: number, ok: boolean, cause: number): boolean {
    const s = call.traceSlot;
    if (s === 0) return false;
    call.traceSlot = 0;
    if (this.sOpenId[s] !== call.traceId || !this.alive(call, s, now)) return false;
    // Whom the answer goes to, when that caller waits for it (so it is still the span that
    // made the call): the cursor moves there.
    const parent = call.parent;
    const p =
      parent !== null && call.guard !== ABANDONED && parent.traceSlot === s ? parent.traceSpan : -1;
    const x = (ok ? 1 : 0) | (net > 0 ? 2 : 0) | ((p + 1) << 2);
    this.rec(s, (call.traceSpan << 3) | R_ANSWERED, x, cause, now, null);
    return p >= 0 && net === 0 && this.sLost[s] === 0;
  }

  /** The answer of `child` reaches `parent` (before the parent acts on it). */
  returning(parent: Call, now: number): void {
    const s = parent.traceSlot;
    if (s === 0 || this.sOpenId[s] !== parent.traceId || !this.alive(parent, s, now)) return;
    // The answer just recorded moved the cursor back here already (no network delay).
    if (this.lastAnswered(s, parent.traceSpan, now)) return;
    this.rec(s, (parent.traceSpan << 3) | R_PHASE, P_AT, 0, now, null);
  }

  /** After the parent acted on an answer: a client that now has its answer ends the journey. */
  returned(parent: Call, now: number, wasDone: boolean, ok: boolean, cause: number): void {
    const s = parent.traceSlot;
    if (s === 0 || parent.traceSpan !== 0 || this.sOpenId[s] !== parent.traceId) return;
    if (wasDone || !parent.req.done) return;
    this.close(s, now, ok, cause, false);
  }

  // ---- reading ------------------------------------------------------------------------

  /** The journey of request `id`: finished, or as far as it got by `now`. */
  journey(id: number, now: number): Journey | null {
    const s = this.find(id);
    if (s === 0) return null;
    if (this.sState[s] === OPEN) {
      const req = this.sReq[s]!;
      if (req.id !== id || req.done)
        this.close(s, Math.min(now, this.sDeadline[s]!), false, C_TIMEOUT, true);
    }
    if (this.sLost[s] === 1) return null;
    const b = this.build(s);
    if (this.sState[s] === DONE) return b.journey;
    // In flight: the open phase shown up to now (the run is not touched).
    const j = b.journey;
    const ms = now - b.tLast;
    if (ms > 0) {
      const p: JourneyPhase = { kind: PHASES[b.openKind]!, t0: b.tLast, ms };
      if (b.openDetail !== undefined) p.detail = b.openDetail;
      j.spans[b.open]!.phases.push(p);
    }
    j.latencyMs = now - j.start;
    return j;
  }

  /** The slowest and the failed requests finished in the last NOTABLE_MS, slowest first. */
  notableSince(now: number): JourneySummary[] {
    this.sweep(now);
    this.prune(now);
    const lat = (s: number) => this.sEnd[s]! - this.sStart[s]!;
    return this.notable
      .slice()
      .sort((a, b) => {
        const oa = this.sOk[a] === 1;
        const ob = this.sOk[b] === 1;
        return oa === ob ? lat(b) - lat(a) : oa ? 1 : -1;
      })
      .map((s) => this.summaryOf(s));
  }

  /** Journeys open (in flight) and kept (finished), for tests and the bench. */
  get size(): { open: number; kept: number } {
    return { open: this.openCount, kept: this.keptCount };
  }

  /** Records held and the bytes of the arrays that hold them (the bench). */
  get footprint(): { records: number; bytes: number } {
    const records = this.chunks * CHUNK;
    const perRecord = 8 + 4 + 4 + 4 + 8 + 4 / CHUNK;
    const perSlot = 8 * 6 + 4 * 8 + 6 + 8 * 4;
    return { records, bytes: Math.round(records * perRecord + this.slots * perSlot) };
  }

  // ---- the hot path -------------------------------------------------------------------

  private phase(call: Call, now: number, x: number, y: number): void {
    const s = call.traceSlot;
    if (s === 0 || this.sOpenId[s] !== call.traceId || !this.alive(call, s, now)) return;
    this.rec(s, (call.traceSpan << 3) | R_PHASE, x, y, now, null);
  }

  /**
   * Is the user still waiting? Once they gave up (the client timed the request out; its
   * record may since have been reused), the journey ends at its deadline, where the
   * request was then.
   */
  private alive(call: Call, s: number, now: number): boolean {
    const req = call.req;
    if (req.id === call.traceId && !req.done) return true;
    this.close(s, Math.min(now, this.sDeadline[s]!), false, C_TIMEOUT, true);
    return false;
  }

  /**
   * Is trace s's last record `k` at `t`? Then a move of the cursor to that span with
   * nothing in between changes nothing (the phase open since then has lasted 0 ms).
   */
  private lastIs(s: number, k: number, t: number): boolean {
    const n = this.sCount[s]!;
    if (n === 0) return false;
    const i = (this.sTail[s]! << CHUNK_SHIFT) | ((n - 1) & (CHUNK - 1));
    return this.rK[i] === k && (this.rY[i]! & NET_BIT) === 0 && this.rT[i] === t;
  }

  /** Is trace s's last record an answer to span `span`, at `t`, with no network to cross? */
  private lastAnswered(s: number, span: number, t: number): boolean {
    const n = this.sCount[s]!;
    if (n === 0) return false;
    const i = (this.sTail[s]! << CHUNK_SHIFT) | ((n - 1) & (CHUNK - 1));
    const x = this.rX[i]!;
    return (
      (this.rK[i]! & 7) === R_ANSWERED && (x & 2) === 0 && x >> 2 === span + 1 && this.rT[i] === t
    );
  }

  private rec(s: number, k: number, x: number, y: number, t: number, e: EdgeRt | null): void {
    const n = this.sCount[s]!;
    const o = n & (CHUNK - 1);
    let c = this.sTail[s]!;
    if (o === 0) {
      if (this.sLost[s] === 1) return;
      const fresh = this.takeChunk(s);
      if (fresh < 0) {
        this.sLost[s] = 1;
        return;
      }
      if (n === 0) this.sHead[s] = fresh;
      else this.cNext[c] = fresh;
      this.sTail[s] = fresh;
      c = fresh;
    }
    const i = (c << CHUNK_SHIFT) | o;
    this.rT[i] = t;
    this.rK[i] = k;
    this.rX[i] = x;
    this.rY[i] = y;
    if (e !== null) this.rE[i] = e;
    this.sCount[s] = n + 1;
  }

  // ---- traces begin, end, are kept and let go -----------------------------------------

  /** A journey begins: the request's root call leaves its client. */
  private begin(root: Call, now: number): number {
    const req = root.req;
    const s = this.takeSlot();
    this.sId[s] = req.id;
    this.sOpenId[s] = req.id;
    this.sState[s] = OPEN;
    this.sReq[s] = req;
    this.sRoot[s] = root.node;
    this.sPath[s] = req.path;
    this.sRoute[s] = this.routeName(req.route);
    this.sOp[s] = root.op;
    this.sStart[s] = req.start;
    this.sDeadline[s] = req.deadline;
    this.sEnd[s] = 0;
    this.sOk[s] = 1;
    this.sCause[s] = -1;
    this.sGaveUp[s] = 0;
    this.sLost[s] = 0;
    this.sSpans[s] = 1;
    this.sCount[s] = 0;
    this.sListed[s] = 0;
    this.sRing[s] = -1;
    root.traceSlot = s;
    root.traceId = req.id;
    root.traceSpan = 0;
    this.openCount++;
    if (this.openCount > OPEN_SWEEP && ++this.startsSinceSweep >= SWEEP_EVERY) this.sweep(now);
    return s;
  }

  private close(s: number, t: number, ok: boolean, cause: number, gaveUp: boolean): void {
    this.sOpenId[s] = -1;
    this.sState[s] = DONE;
    this.sReq[s] = null;
    this.sEnd[s] = t;
    this.sOk[s] = ok ? 1 : 0;
    this.sCause[s] = cause;
    this.sGaveUp[s] = gaveUp ? 1 : 0;
    this.openCount--;
    this.keptCount++;
    this.keep(s, t);
  }

  /** A finished journey joins the last RECENT, and the list when it is among the notable. */
  private keep(s: number, now: number): void {
    const head = this.recentHead;
    const old = this.recent[head]!;
    if (old >= 0) {
      this.sRing[old] = -1;
      if (this.sListed[old] === 0) this.release(old);
    }
    this.recent[head] = s;
    this.sRing[s] = head;
    this.recentHead = (head + 1) % RECENT;
    if (this.notableEnd < now - NOTABLE_MS) this.prune(now);
    const notable = this.notable;
    if (this.sOk[s] === 0) {
      if (this.failedListed < FAILED) {
        notable.push(s);
        this.sListed[s] = 1;
        this.failedListed++;
        if (this.sEnd[s]! < this.notableEnd) this.notableEnd = this.sEnd[s]!;
      }
      return;
    }
    if (this.slowListed < SLOWEST) {
      notable.push(s);
      this.sListed[s] = 1;
      this.slowListed++;
      if (this.sEnd[s]! < this.notableEnd) this.notableEnd = this.sEnd[s]!;
      // The first of the quickest stays the one to replace.
      if (this.slowMin < 0 || this.latency(s) < this.latency(this.slowMin)) {
        this.slowMin = s;
        this.slowMinAt = notable.length - 1;
      }
      return;
    }
    const min = this.slowMin;
    if (this.latency(s) > this.latency(min)) {
      notable[this.slowMinAt] = s;
      this.sListed[s] = 1;
      this.unlist(min);
      this.findSlowMin();
    }
  }

  /** The first of the quickest listed ok journeys (the one a slower one replaces). */
  private findSlowMin(): void {
    const notable = this.notable;
    let min = -1;
    let at = -1;
    for (let i = 0; i < notable.length; i++) {
      const x = notable[i]!;
      if (this.sOk[x] === 0) continue;
      if (min < 0 || this.latency(x) < this.latency(min)) {
        min = x;
        at = i;
      }
    }
    this.slowMin = min;
    this.slowMinAt = at;
  }

  private latency(s: number): number {
    return this.sEnd[s]! - this.sStart[s]!;
  }

  /** The list forgets what finished more than NOTABLE_MS ago. */
  private prune(now: number): void {
    const notable = this.notable;
    const since = now - NOTABLE_MS;
    let w = 0;
    let end = Number.POSITIVE_INFINITY;
    let failed = 0;
    for (let i = 0; i < notable.length; i++) {
      const s = notable[i]!;
      const e = this.sEnd[s]!;
      if (e >= since) {
        notable[w++] = s;
        if (e < end) end = e;
        if (this.sOk[s] === 0) failed++;
      } else this.unlist(s);
    }
    if (w === notable.length) {
      this.notableEnd = end;
      return;
    }
    notable.length = w;
    this.notableEnd = end;
    this.failedListed = failed;
    this.slowListed = w - failed;
    this.findSlowMin();
  }

  private unlist(s: number): void {
    this.sListed[s] = 0;
    if (this.sRing[s]! < 0) this.release(s);
  }

  /** A kept journey is let go: its slot and chunks are free again. */
  private release(s: number): void {
    let c = this.sHead[s]!;
    const chunks = (this.sCount[s]! + CHUNK - 1) >> CHUNK_SHIFT;
    for (let i = 0; i < chunks; i++) {
      this.freeChunks[this.freeChunkCount++] = c;
      c = this.cNext[c]!;
    }
    this.sCount[s] = 0;
    this.sState[s] = FREE;
    this.sId[s] = -1;
    this.sRoot[s] = null;
    this.keptCount--;
    this.freeSlots[this.freeSlotCount++] = s;
  }

  /** Journeys whose users gave up while nothing else happened to them end now. */
  private sweep(now: number): void {
    this.startsSinceSweep = 0;
    for (let s = 1; s < this.slots; s++) {
      if (this.sState[s] !== OPEN) continue;
      const req = this.sReq[s]!;
      if (req.id !== this.sId[s] || req.done) {
        this.close(s, Math.min(now, this.sDeadline[s]!), false, C_TIMEOUT, true);
      }
    }
  }

  private find(id: number): number {
    for (let s = 1; s < this.slots; s++)
      if (this.sId[s] === id && this.sState[s] !== FREE) return s;
    return 0;
  }

  // ---- room (grows to the run's size, then stays) -------------------------------------

  private takeSlot(): number {
    if (this.freeSlotCount > 0) return this.freeSlots[--this.freeSlotCount]!;
    if (this.slots === this.sId.length) this.growSlots(Math.max(64, this.slots * 2));
    return this.slots++;
  }

  private growSlots(n: number): void {
    this.sId = grow(this.sId, n);
    this.sOpenId = grow(this.sOpenId, n);
    this.sState = grow(this.sState, n);
    this.sOp = grow(this.sOp, n);
    this.sStart = grow(this.sStart, n);
    this.sDeadline = grow(this.sDeadline, n);
    this.sEnd = grow(this.sEnd, n);
    this.sOk = grow(this.sOk, n);
    this.sCause = grow(this.sCause, n);
    this.sGaveUp = grow(this.sGaveUp, n);
    this.sLost = grow(this.sLost, n);
    this.sSpans = grow(this.sSpans, n);
    this.sCount = grow(this.sCount, n);
    this.sHead = grow(this.sHead, n);
    this.sTail = grow(this.sTail, n);
    this.sListed = grow(this.sListed, n);
    this.sRing = grow(this.sRing, n);
    this.freeSlots = grow(this.freeSlots, n);
    growRefs(this.sReq, n, null);
    growRefs(this.sRoot, n, null);
    growRefs(this.sPath, n, '');
    growRefs(this.sRoute, n, '');
  }

  /** A chunk for trace `s`; −1 when the log is full and nothing kept can make room. */
  private takeChunk(s: number): number {
    if (this.freeChunkCount > 0) return this.freeChunks[--this.freeChunkCount]!;
    if (this.chunks === this.cNext.length) {
      const most = MAX_RECORDS >> CHUNK_SHIFT;
      if (this.chunks < most) this.growChunks(Math.min(most, Math.max(256, this.chunks * 2)));
      else if (!this.evictFor(s)) return -1;
      else return this.freeChunks[--this.freeChunkCount]!;
    }
    return this.chunks++;
  }

  private growChunks(n: number): void {
    this.cNext = grow(this.cNext, n);
    this.freeChunks = grow(this.freeChunks, n);
    const r = n * CHUNK;
    this.rT = grow(this.rT, r);
    this.rK = grow(this.rK, r);
    this.rX = grow(this.rX, r);
    this.rY = grow(this.rY, r);
    growRefs(this.rE, r, null);
  }

  /** The log is full: the oldest kept journeys not listed go, until a chunk is free. */
  private evictFor(s: number): boolean {
    for (let i = 0; i < RECENT && this.freeChunkCount === 0; i++) {
      const at = (this.recentHead + i) % RECENT;
      const old = this.recent[at]!;
      if (old < 0 || old === s) continue;
      this.recent[at] = -1;
      this.sRing[old] = -1;
      if (this.sListed[old] === 0) this.release(old);
    }
    return this.freeChunkCount > 0;
  }

  // ---- building a journey from its records ---------------------------------------------

  private build(s: number): Build {
    const root = this.sRoot[s]!;
    const b = new Build(
      {
        id: this.sId[s]!,
        route: this.sRoute[s]!,
        path: this.sPath[s]!,
        start: this.sStart[s]!,
        end: null,
        latencyMs: 0,
        done: false,
        ok: true,
        spans: [],
      },
      this.sStart[s]!,
    );
    b.spans.push({
      node: root.id,
      nodeKind: root.kind,
      label: root.label,
      depth: 0,
      op: OPS[this.sOp[s]!] ?? 'request',
      edge: null,
      reversed: false,
      parent: -1,
      start: this.sStart[s]!,
      end: null,
      ok: true,
      failedHere: false,
      phases: [],
    });
    const n = this.sCount[s]!;
    let c = this.sHead[s]!;
    for (let r = 0; r < n; r++) {
      const o = r & (CHUNK - 1);
      if (o === 0 && r > 0) c = this.cNext[c]!;
      const i = (c << CHUNK_SHIFT) | o;
      b.apply(this.rT[i]!, this.rK[i]!, this.rX[i]!, this.rY[i]!, this.rE[i] ?? null);
    }
    if (this.sState[s] === DONE) {
      b.close(this.sEnd[s]!, this.sOk[s] === 1, this.sCause[s]!, this.sGaveUp[s] === 1);
    }
    return b;
  }

  private summaryOf(s: number): JourneySummary {
    const out: JourneySummary = {
      id: this.sId[s]!,
      route: this.sRoute[s]!,
      start: this.sStart[s]!,
      latencyMs: this.latency(s),
      ok: this.sOk[s] === 1,
    };
    if (this.sOk[s] === 1) return out;
    if (this.sLost[s] === 1) {
      out.cause = FAILURE_CAUSES[this.sCause[s]!];
      out.failedAt = this.sRoot[s]!.id;
      return out;
    }
    const j = this.build(s).journey;
    return summary(j);
  }
}

/** A journey built from its records: the cursor rules, applied in the order they happened. */
class Build {
  readonly spans: JourneySpan[];
  /** The phase open since `tLast`, at span `open`. */
  tLast: number;
  open = 0;
  openKind = P_AT;
  openDetail: string | undefined = undefined;

  constructor(
    readonly journey: Journey,
    start: number,
  ) {
    this.spans = journey.spans;
    this.tLast = start;
  }

  apply(t: number, k: number, x: number, y: number, e: EdgeRt | null): void {
    const span = k >> 3;
    switch (k & 7) {
      case R_SENT: {
        const node = e!.target;
        const parent = this.spans[x]!;
        this.spans[span] = {
          node: node.id,
          nodeKind: node.kind,
          label: node.label,
          depth: parent.depth + 1,
          op: OPS[y & (NET_BIT - 1)] ?? 'request',
          edge: e!.id,
          reversed: e!.reversed,
          parent: x,
          start: t,
          end: null,
          ok: true,
          failedHere: false,
          phases: [],
        };
        this.mark(t, span, (y & NET_BIT) !== 0 ? P_NETWORK : P_AT, undefined);
        return;
      }
      case R_REFUSED: {
        const out = this.spans[span]!;
        out.end = t;
        out.ok = false;
        out.cause = FAILURE_CAUSES[x];
        const parent = this.spans[out.parent];
        if (parent !== undefined && y === 1) parent.failedHere = true;
        else out.failedHere = true;
        this.mark(t, parent !== undefined ? out.parent : span, P_AT, undefined);
        return;
      }
      case R_PHASE: {
        const kind = x & 15;
        const d = (x >> 4) & 15;
        let detail: string | undefined;
        if (d === D_HIT) detail = `hit key ${y}`;
        else if (d === D_MISS) detail = `miss key ${y}`;
        else if (d === D_OP) detail = `${OPS[x >> 8]} key ${y}`;
        this.mark(t, span, kind, detail);
        return;
      }
      case R_FAILED_HERE:
        this.spans[span]!.failedHere = true;
        return;
      case R_ANSWERED: {
        const out = this.spans[span]!;
        out.end = t;
        out.ok = (x & 1) === 1;
        if (!out.ok) out.cause = FAILURE_CAUSES[y];
        const parent = this.spans[out.parent];
        if ((x & 2) !== 0 && parent !== undefined) this.mark(t, span, P_NETWORK, undefined);
        else this.mark(t, parent !== undefined ? out.parent : span, P_AT, undefined);
        return;
      }
    }
  }

  /** The open phase ends at `t`; the next is (span, kind) from then. */
  mark(t: number, span: number, kind: number, detail: string | undefined): void {
    this.cut(t);
    this.open = span;
    this.openKind = kind;
    this.openDetail = detail;
  }

  /** Closes the open phase at `t` (merging it into the same kind just before it). */
  cut(t: number): void {
    const ms = t - this.tLast;
    if (ms > 0) {
      const phases = this.spans[this.open]!.phases;
      const last = phases[phases.length - 1];
      const kind = PHASES[this.openKind]!;
      if (
        last !== undefined &&
        last.kind === kind &&
        last.detail === this.openDetail &&
        last.t0 + last.ms === this.tLast
      ) {
        last.ms += ms;
      } else {
        const p: JourneyPhase = { kind, t0: this.tLast, ms };
        if (this.openDetail !== undefined) p.detail = this.openDetail;
        phases.push(p);
      }
      this.tLast = t;
    }
  }

  /** The journey ended at `t` (the user had the answer, or gave up). */
  close(t: number, ok: boolean, cause: number, gaveUp: boolean): void {
    const stuckAt = gaveUp ? this.spans[this.open]!.node : undefined;
    this.cut(t);
    const j = this.journey;
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
