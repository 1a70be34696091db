// The engine's runtime records: requests, calls (one request's visit to one box), servers
// (a node's replicas), stations (workers + bounded queue), hosts (shared cores). Plain
// classes with fixed fields so V8 keeps them monomorphic; codes are small integers.

import type { ConfigValue, NodeKind } from '../model/types.ts';
import { FAILURE_CAUSES } from './api.ts';
import { Ring } from './ring.ts';

// Failure cause codes: index into FAILURE_CAUSES.
export const C_REJECTED = 0;
export const C_TIMEOUT = 1;
export const C_DOWN = 2;
export const C_EDGE_CUT = 3;
export const C_POOL_TIMEOUT = 4;
export const C_DB_MAX = 5;
export const C_SESSION_LOST = 6;
export const C_EXTERNAL = 7;
export const C_INJECTED = 8;
export const C_QUEUE_FULL = 9;
export const C_NO_ROUTE = 10;
export const C_HOP_LIMIT = 11;
export const CAUSE_COUNT = FAILURE_CAUSES.length;

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

// Event kinds.
export const EV_RESUME = 0; // obj Call, arg token: continue the call's behaviour
export const EV_ARRIVE = 1; // obj Call: the call reaches its box (network delay > 0)
export const EV_RETURN = 2; // obj Call: its answer reaches the caller (network delay > 0)
export const EV_NODE = 3; // obj NodeRt, arg code: a node's own timer (health checks, cron)
export const EV_FN = 4; // obj () => void: rare one-off events (actions, restarts)
export const EV_TICK = 5; // one time-series point per virtual second

// Call states shared by behaviours.
export const S_NEW = 0;
export const S_QUEUED = 1; // waiting for a worker
export const S_WORK = 2; // holding a worker, doing CPU work (or waiting for a core)
export const S_CHILD = 3; // waiting for a dependency's answer
export const S_POOL_WAIT = 4; // waiting for a pooled DB connection
export const S_CONNECT = 5; // opening a DB connection
export const S_DELAY = 6; // a fixed delay (cache op, external latency)
export const S_DONE = 7;

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
  /** The host whose core this call holds while it works. */
  core: Host | null = null;
  /** 0 none, 1 pooled, 2 opened just for this query. */
  conn = 0;
  key = 0;
  /** A counter for the behaviour (queries done, job delivery token). */
  count = 0;
  hit = false;
  ok = true;
  cause = -1;
  waitStart = 0;
  /** Set by a load balancer: which backend it is waiting on. */
  backend: Backend | null = null;
  /** For root calls (no parent): who hears the answer. */
  owner: RootOwner | null = null;
  job: Job | null = null;
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
    this.backend = null;
    this.owner = null;
    this.job = null;
  }
}

export interface RootOwner {
  rootDone(call: Call): void;
}

export class Job {
  token = 0;
  server: Server | null = null;
  constructor(
    public req: Req,
    public owner: RootOwner,
    public depth: number,
  ) {}
}

/** Workers and a bounded FIFO queue, with time-weighted busy and queue areas. */
export class Station {
  busy = 0;
  readonly queue = new Ring<Call>();
  busyArea = 0;
  queueArea = 0;
  last = 0;
  constructor(
    public cap: number,
    public limit: number,
  ) {}

  mark(now: number): void {
    const dt = now - this.last;
    if (dt > 0) {
      this.busyArea += dt * this.busy;
      this.queueArea += dt * this.queue.length;
      this.last = now;
    }
  }
}

/** A DB connection pool of one app replica. */
export class Pool {
  open = 0;
  idle = 0;
  readonly waiters = new Ring<Call>();
  /** Each waiter's token when it started waiting (a stale entry no longer matches). */
  readonly waiterTokens = new Ring<number>();
  /** Calls waiting right now (the rings may still hold voided entries). */
  waiting = 0;
  waits = 0;
  waitSum = 0;
  timeouts = 0;
  /** Connections opened per query (pool size 0) and still held. */
  unpooled = 0;
}

export class Server {
  /** Unique in the simulation (sessions remember which server knows a user). */
  uid = 0;
  up = true;
  epoch = 0;
  station: Station | null = null;
  pool: Pool | null = null;
  constructor(
    public node: NodeRt,
    public index: number,
  ) {}
}

/** A host (group): the boxes inside share its cores, one core per running piece of work. */
export class Host {
  used = 0;
  readonly waiters = new Ring<Call>();
  area = 0;
  last = 0;
  constructor(public cores: number) {}

  mark(now: number): void {
    const dt = now - this.last;
    if (dt > 0) {
      this.area += dt * this.used;
      this.last = now;
    }
  }
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

export class Backend {
  healthy = true;
  fails = 0;
  passes = 0;
  inFlight = 0;
  current = 0; // smooth weighted round robin
  pendingFail = false;
  constructor(
    public edge: EdgeRt,
    public server: Server,
    public weight: number,
  ) {}
}

export interface Behaviour {
  /** (Re)reads the node's config and edges; called on load and on every document update. */
  configure(): void;
  arrive(call: Call): void;
  resume(call: Call): void;
  childDone(call: Call, child: Call): void;
  timer(code: number): void;
  /** A server of this node crashed: drop what it held in memory. */
  serverDown(server: Server): void;
  /** Kind-specific report figures. */
  figures(out: Record<string, number | string>): void;
  /** Measurement restarts (warmup ends). */
  resetStats(): void;
  /** What waits at this box right now (queued requests, jobs, pool waiters). */
  queueLength(): number;
}

export class NodeRt {
  servers: Server[] = [];
  out: EdgeRt[] = [];
  inn: EdgeRt[] = [];
  host: Host | null = null;
  /** The host runtime, when this node is a group. */
  ownHost: Host | null = null;
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
  // Previous tick's figures, for per-second points.
  tickBusy = 0;
  tickArrivals = 0;
  /** Last second's utilization (for live views). */
  lastUtilization = 0;
  /** When this node's figures started (added mid-run, or the end of warmup). */
  since = 0;
  constructor(
    public id: string,
    public kind: NodeKind,
    public label: string,
    public config: Record<string, ConfigValue>,
  ) {}
}
