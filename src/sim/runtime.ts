// The engine's runtime records: requests, calls (one request's visit to one box), servers
// (a node's replicas), links and nodes. Plain classes with fixed fields so V8 keeps them
// monomorphic; codes are small integers. Failure causes are in causes.ts, the resource
// primitive (workers, cores, pools) in resource.ts.

import type { ConfigValue, NodeKind } from '../model/types.ts';
import type { Autoscaler } from './autoscale.ts';
import type { Capabilities } from './capabilities.ts';
import { CAUSE_COUNT } from './causes.ts';
import type { Behaviour, RootOwner } from './engine.ts';
import type { LinkPolicy } from './resilience/policy.ts';
import type { Resource } from './resource.ts';

// What a call asks of the box it reaches.
export const OP_REQUEST = 0; // an HTTP request
export const OP_LOOKUP = 1; // a DNS lookup
export const OP_GET = 2; // cache GET of call.key
export const OP_SET = 3; // cache SET of call.key
export const OP_DEL = 4; // cache DEL of call.key (a write invalidates)
export const OP_SESSION = 5; // session read from a shared store
export const OP_READ = 6; // a DB read query
export const OP_WRITE = 7; // a DB write query
export const OP_PUBLISH = 8; // publish a job to a queue
export const OP_JOB = 9; // a job handed to a worker

// Call states shared by behaviours.
export const S_NEW = 0;
export const S_QUEUED = 1; // waiting for a worker
export const S_WORK = 2; // holding a worker, doing CPU work (or waiting for a core)
export const S_CHILD = 3; // waiting for a dependency's answer
export const S_POOL_WAIT = 4; // waiting for a pooled DB connection
export const S_CONNECT = 5; // opening a DB connection
export const S_DELAY = 6; // a fixed delay (cache op, external latency)
export const S_DONE = 7;

/** Call.guard of a call its caller gave up on (a timeout): its answer goes to nobody. */
export const ABANDONED = -1;

/** Max boxes a request may pass through: loops end with 'hop-limit', never a hang. */
export const HOP_LIMIT = 64;

export class Req {
  done = false;
  /** Still in its client's deadline list (a request is reused only once out of it). */
  pending = false;
  constructor(
    public id: number,
    /** Client node (null for jobs and cron work). */
    public client: NodeRt | null,
    /** Global route index (metrics), -1 for jobs. */
    public route: number,
    /** User key (client index · 2^24 + user), -1 without a user. */
    public user: number,
    public start: number,
    public deadline: number,
    public write: boolean,
    public path: string,
    public measured: boolean,
    /** Animate this request's hops (sampling). */
    public traced: boolean,
  ) {}
}

export class Call {
  state = S_NEW;
  /** Boxes between the request's origin and here; past HOP_LIMIT the call fails. */
  depth = 0;
  step = 0;
  sub = 0;
  token = 0;
  epoch = 0;
  tArrive = 0;
  workMs = 0;
  holdsWorker = false;
  /** The host cores one of which this call holds while it works. */
  core: Resource<Call> | null = null;
  /** 0 none, 1 pooled, 2 opened just for this query. */
  conn = 0;
  key = 0;
  /** A counter for the behaviour (queries done, job delivery token). */
  count = 0;
  hit = false;
  ok = true;
  cause = -1;
  waitStart = 0;
  /** When it got its worker (a handler's load shedding learns how long workers are held). */
  tWorker = 0;
  /** What the box that made or holds this call keeps with it (an LB's backend, a job). */
  ref: object | null = null;
  /** For root calls (no parent): who hears the answer. */
  owner: RootOwner | null = null;
  // On a connection with retries, a timeout or a breaker (src/sim/resilience/):
  // (Only `guard` is reset on reuse; the others are set whenever a call goes out on a
  // guarded link, and read only there.)
  /** Which try this is (1 = the first). */
  attempt = 0;
  /**
   * Names its pending call timeout or retry (0 = none; a stale timer does nothing), or
   * ABANDONED: the caller gave up on it (timeout), its answer goes to nobody.
   */
  guard = 0;
  /** It went out while the breaker was half-open. */
  probe = false;
  /** The server it was sent to (null: the target's replicas in turn), for a retry. */
  sentTo: Server | null = null;
  // Journeys (trace.ts; only for traced requests, and only the Tracer reads them): the
  // trace this call is a span of (0 = none; reset on reuse), that trace's request id, and
  // the span's index in it.
  traceSlot = 0;
  traceId = 0;
  traceSpan = 0;
  constructor(
    public req: Req,
    public node: NodeRt,
    public server: Server | null,
    public parent: Call | null,
    public edge: EdgeRt | null,
    public op: number,
  ) {}

  /** Makes a recycled call as good as new (the token keeps counting: old timers stay void). */
  reuse(
    req: Req,
    node: NodeRt,
    server: Server | null,
    parent: Call | null,
    edge: EdgeRt | null,
    op: number,
  ): void {
    this.req = req;
    this.node = node;
    this.server = server;
    this.parent = parent;
    this.edge = edge;
    this.op = op;
    this.state = S_NEW;
    this.depth = 0;
    this.step = 0;
    this.sub = 0;
    this.epoch = 0;
    this.tArrive = 0;
    this.workMs = 0;
    this.holdsWorker = false;
    this.core = null;
    this.conn = 0;
    this.key = 0;
    this.count = 0;
    this.hit = false;
    this.ok = true;
    this.cause = -1;
    this.waitStart = 0;
    this.ref = null;
    this.owner = null;
    this.guard = 0;
    this.traceSlot = 0;
  }
}

export class Server {
  /** Unique in the simulation (sessions remember which server knows a user). */
  uid = 0;
  up = true;
  /** Moves on at every crash: a call that started before it is stale. */
  epoch = 0;
  /** Its workers and their bounded queue (a station), for kinds that have them. */
  workers: Resource<Call> | null = null;
  constructor(
    public node: NodeRt,
    public index: number,
  ) {}
}

/**
 * A link the engine uses (src/model/links.ts): usually one drawn arrow, but an arrow into
 * or out of a host, through DNS, or a two-way arrow's way back gives links of their own
 * that travel along the drawn arrow (`id`, `index`).
 */
export class EdgeRt {
  cut = false;
  /** The hop index for animation: `index`, or `~index` when drawn backwards. */
  hop = 0;
  /** Links with the same turn ≥ 0 fan out from one arrow: one of them per request. */
  turn = -1;
  reversed = false;
  /** Retries, timeout, breaker of the drawn arrow (null: none, the common case). */
  policy: LinkPolicy | null = null;
  /** Calls that went along it so far, every request's (the live view's link rates). */
  sent = 0;
  constructor(
    /** The drawn arrow's id (chaos cuts it, and every link travelling along it). */
    public id: string,
    /** Position of the drawn arrow in the current document's edges; -1 once removed. */
    public index: number,
    public source: NodeRt,
    public target: NodeRt,
    public label: string,
  ) {}
}

/** Chooses the server of a call that names none, for a box whose servers differ (a database's primary and replicas). */
export interface ServerPicker {
  pick(call: Call): Server;
}

export class NodeRt {
  servers: Server[] = [];
  /** Who picks the server of a call naming none (null: the replicas take turns). */
  picker: ServerPicker | null = null;
  out: EdgeRt[] = [];
  inn: EdgeRt[] = [];
  /** The cores of the host this box sits in (null: not in a host). */
  host: Resource<Call> | null = null;
  /** The cores this node provides, when it hosts boxes (a group). */
  cores: Resource<Call> | null = null;
  slow = 1;
  errorRate = 0;
  removed = false;
  rr = 0;
  inFlight = 0;
  arrivals = 0;
  completed = 0;
  errors = 0;
  respSum = 0;
  readonly failed = new Float64Array(CAUSE_COUNT);
  behaviour!: Behaviour;
  /** Its behaviour's capabilities (kept here, where every lookup finds one shape). */
  caps!: Capabilities;
  // Previous tick's figures, for per-second points.
  tickBusy = 0;
  tickArrivals = 0;
  /** Last second's utilization (for live views). */
  lastUtilization = 0;
  /** When this node's figures started (added mid-run, or the end of warmup). */
  since = 0;
  /** Its autoscaler (autoscale.ts), once autoscale was on; null for nearly every box. */
  scale: Autoscaler | null = null;
  constructor(
    public id: string,
    public kind: NodeKind,
    public label: string,
    public config: Record<string, ConfigValue>,
  ) {}
}
