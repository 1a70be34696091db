// A request handler: what an app server and a background worker share (app.ts, worker.ts
// each declare their settings and capabilities on top of it). Each replica has its own
// workers, bounded queue (full → 503 'rejected') and database connection pool. A request
// holds a worker for its whole life (thread per request): CPU work first (serviceTimeMs,
// on a host core if it sits in a host), then its dependencies in the order of the
// outgoing links, each chosen by what the box at the other end offers (capabilities.ts):
//   - holds keys + serves reads and writes (one combined step, cache-aside): a GET asks
//     the cache for a Zipf-drawn key; on a miss it runs dbQueries reads, then SETs the
//     key. A write runs dbQueries writes, then DELetes the key. A failing cache is a miss.
//   - queues jobs: a write publishes a job and the request answers without waiting for it.
//   - serves requests (another app, an LB, an external API, a static store): an HTTP call,
//     except back to the box that called this one (its answer comes back on its own).
// Sessions: 'memory' ties a user's session to the replica that created it (another
// replica answers 'session-lost' and logs the user in there; a restart loses them all);
// 'store' reads the session from the connected cache on every request.

import type { SharedBooleanKey, SharedNumberKey, SharedStringKey } from '../../model/kinds.ts';
import {
  type ConsumesJobs,
  type HoldsKeys,
  reach,
  type ServesQueries,
  type ServesRequests,
} from '../capabilities.ts';
import { C_DB_MAX, C_DOWN, C_POOL_TIMEOUT, C_SESSION_LOST, C_SHED } from '../causes.ts';
import {
  type AutoscaleSettings,
  Autoscaler,
  SCALE_QUEUE,
  SCALE_UTILIZATION,
  T_READY,
} from '../autoscale.ts';
import { sample } from '../rng.ts';
import {
  type Call,
  type EdgeRt,
  OP_DEL,
  OP_GET,
  OP_JOB,
  OP_PUBLISH,
  OP_READ,
  OP_REQUEST,
  OP_SESSION,
  OP_SET,
  OP_WRITE,
  S_CHILD,
  S_CONNECT,
  S_POOL_WAIT,
  S_QUEUED,
  S_WORK,
  type Server,
} from '../runtime.ts';
import { BaseBehaviour } from './base.ts';
import { Pool } from './pool.ts';

const T_SESSION = 0;
const T_DATA = 1;
const T_PUBLISH = 2;
const T_CALL = 3;

const D_START = 0;
const D_GET = 1;
const D_QUERY = 2;
const D_SET = 3;

interface Step {
  type: number;
  edge: EdgeRt;
  /** Links fanning out from one arrow (into a host, through DNS): one per request, in turn. */
  turns: EdgeRt[] | null;
  rr: number;
}

/** The link a step takes for this request. */
function pick(step: Step): EdgeRt {
  const t = step.turns;
  return t === null ? step.edge : t[step.rr++ % t.length]!;
}

export const SESSIONS_NONE = 0;
export const SESSIONS_MEMORY = 1;
export const SESSIONS_STORE = 2;

/** The handler's settings; an app reads them from its config, a worker derives them. */
export interface HandlerSettings {
  concurrency: number;
  queueLimit: number;
  serviceMs: number;
  dist: number;
  sessions: number;
  dbQueries: number;
  poolSize: number;
  poolTimeoutMs: number;
  connectMs: number;
  /** Cache-aside reads through a connected cache; off, the cache only holds sessions. */
  cacheReads: boolean;
  /** Load shedding: turn away a request whose queue wait would pass this (0 = never). */
  shedMs: number;
}

export abstract class HandlerBehaviour<K extends 'app' | 'worker' = 'app' | 'worker'>
  extends BaseBehaviour<K>
  implements ServesRequests, ConsumesJobs
{
  protected s: HandlerSettings = {
    concurrency: 1,
    queueLimit: 0,
    serviceMs: 0,
    dist: 0,
    sessions: 0,
    dbQueries: 0,
    poolSize: 0,
    poolTimeoutMs: 1,
    connectMs: 0,
    cacheReads: true,
    shedMs: 0,
  };
  /** How long a request holds a worker, recently (an average that forgets; for shedding). */
  private holdMs = 0;
  shed = 0;
  private steps: Step[] = [];
  /** The cache that data reads go through (null when it only keeps sessions). */
  private readCache: EdgeRt | null = null;
  private readKeys: HoldsKeys | null = null;
  private dbEdge: EdgeRt | null = null;
  private db: ServesQueries | null = null;
  /** Each server's pool, by server index (a server made anew gets a new pool). */
  private readonly pools: Pool[] = [];
  /** In-memory sessions of every app: user key → server uid · 1024 + its epoch. */
  private readonly sessions = this.sim.shared('sessions', () => new Map<number, number>());
  sessionsLost = 0;
  /** Its autoscaler (sim/autoscale.ts), made the first time autoscale is on. */
  private scale: Autoscaler | null = null;

  protected abstract settings(): HandlerSettings;

  // Settings both kinds declare (a key neither declares does not compile).
  private shNum(key: SharedNumberKey<'app' | 'worker'>): number {
    return this.num(key as SharedNumberKey<K> & string);
  }
  private shStr(key: SharedStringKey<'app' | 'worker'>): string {
    return this.str(key as SharedStringKey<K> & string);
  }
  private shBool(key: SharedBooleanKey<'app' | 'worker'>): boolean {
    return this.bool(key as SharedBooleanKey<K> & string);
  }

  override replicas(): number {
    const set = this.shNum('replicas');
    if (!this.shBool('autoscale')) return set;
    // Autoscaled: it starts with `replicas` (within the bounds); then the autoscaler decides.
    if (this.node.servers.length > 0) return this.node.servers.length;
    const min = this.shNum('minReplicas');
    return Math.min(Math.max(min, this.shNum('maxReplicas')), Math.max(min, set));
  }

  /** Autoscaling's settings, read from the config. */
  private autoscale(): AutoscaleSettings {
    const queue = this.shStr('scaleOn') === 'queue';
    return {
      metric: queue ? SCALE_QUEUE : SCALE_UTILIZATION,
      target: queue ? this.shNum('targetQueue') : this.shNum('targetUtilizationPct') / 100,
      min: this.shNum('minReplicas'),
      max: this.shNum('maxReplicas'),
      coldStartMs: this.shNum('coldStartS') * 1000,
      cooldownMs: this.shNum('cooldownS') * 1000,
      everyMs: this.shNum('scaleEveryS') * 1000,
    };
  }

  weight(): number {
    return 1;
  }

  hasFreeSlot(server: Server): boolean {
    const w = server.workers;
    return w !== null && w.busy < w.cap;
  }

  override configure(): void {
    this.s = this.settings();
    this.stations(this.s.concurrency, this.s.queueLimit);
    this.configurePools();
    if (this.shBool('autoscale')) {
      if (this.scale === null) {
        this.scale = new Autoscaler(this.sim, this.node, {
          serversChanged: () => this.serversChanged(),
          serverDown: (server) => this.serverDown(server),
        });
      }
      this.scale.configure(this.autoscale());
    } else this.scale?.stop();
    const steps: Step[] = [];
    let cacheEdge: EdgeRt | null = null;
    let cache: HoldsKeys | null = null;
    let dbEdge: EdgeRt | null = null;
    let db: ServesQueries | null = null;
    let data = false;
    const add = (type: number, e: EdgeRt) => {
      // Links of one arrow that fans out make one step taking turns between them.
      const same =
        e.turn >= 0
          ? steps.find((x) => x.type === type && x.turns?.[0]?.turn === e.turn)
          : undefined;
      if (same) same.turns!.push(e);
      else steps.push({ type, edge: e, turns: e.turn >= 0 ? [e] : null, rr: 0 });
    };
    for (const e of this.node.out) {
      const caps = reach(e);
      if (caps.holdsKeys !== undefined || caps.servesQueries !== undefined) {
        const keys = caps.holdsKeys !== undefined;
        if (keys && cacheEdge === null) {
          cacheEdge = e;
          cache = caps.holdsKeys!;
        } else if (!keys && dbEdge === null) {
          dbEdge = e;
          db = caps.servesQueries!;
        } else continue;
        if (keys && !this.s.cacheReads) continue; // a session store only
        if (!data) steps.push({ type: T_DATA, edge: e, turns: null, rr: 0 });
        data = true;
      } else if (caps.queuesJobs !== undefined) add(T_PUBLISH, e);
      else if (caps.servesRequests !== undefined) add(T_CALL, e);
    }
    this.readCache = this.s.cacheReads ? cacheEdge : null;
    this.readKeys = this.s.cacheReads ? cache : null;
    if (this.s.sessions === SESSIONS_STORE && cacheEdge !== null) {
      steps.unshift({ type: T_SESSION, edge: cacheEdge, turns: null, rr: 0 });
    }
    if (db !== this.db && this.db !== null) {
      // The pools' connections belonged to the old database.
      for (const server of this.node.servers) this.closePool(server);
    }
    this.db = db;
    this.dbEdge = dbEdge;
    this.steps = steps;
    this.pull();
  }

  private configurePools(): void {
    for (const server of this.node.servers) {
      const pool = this.pools[server.index];
      if (pool === undefined || pool.server !== server) this.pools[server.index] = new Pool(server);
      this.pools[server.index]!.conns.cap = this.s.poolSize;
    }
  }

  /**
   * The autoscaler added or took away a serving replica: give new ones workers and a pool,
   * let the load balancers in front re-read their backends, and let the queues feeding it
   * hand jobs to a new one.
   */
  private serversChanged(): void {
    this.stations(this.s.concurrency, this.s.queueLimit);
    this.configurePools();
    for (const e of this.node.inn) {
      if (e.source.caps.balances !== undefined) e.source.behaviour.configure();
    }
    this.pull();
  }

  override timer(code: number): void {
    if (code >= T_READY) this.scale?.timer(code);
  }

  override arrive(call: Call): void {
    if (this.s.sessions === SESSIONS_MEMORY && call.req.user >= 0 && call.op === OP_REQUEST) {
      const server = call.server!;
      const mine = server.uid * 1024 + (server.epoch & 1023);
      const owner = this.sessions.get(call.req.user);
      if (owner !== mine) {
        this.sessions.set(call.req.user, mine); // logs in (again) here
        if (owner !== undefined) {
          this.sessionsLost++;
          this.sim.fail(call, C_SESSION_LOST);
          return;
        }
      }
    }
    if (this.s.shedMs > 0 && this.wouldWait(call.server!) > this.s.shedMs) {
      this.shed++;
      this.sim.fail(call, C_SHED);
      return;
    }
    this.sim.admit(call);
  }

  /**
   * Load shedding's estimate of a new request's queue wait: with every worker busy, the
   * requests ahead of it and the one before it each hold a worker for the recent average.
   */
  private wouldWait(server: Server): number {
    const w = server.workers!;
    if (w.busy < w.cap) return 0;
    return (this.holdMs * (w.waiting + 1)) / Math.max(1, w.cap);
  }

  override resume(call: Call): void {
    switch (call.state) {
      case S_QUEUED:
        call.tWorker = this.sim.now;
        this.sim.work(call, sample(this.sim.rng, this.s.dist, this.s.serviceMs));
        return;
      case S_WORK:
        call.step = 0;
        call.sub = D_START;
        this.next(call);
        return;
      case S_CONNECT:
        this.sendQuery(call);
        return;
      case S_POOL_WAIT: {
        // Waited poolTimeoutMs without getting a connection.
        const pool = this.pools[call.server!.index]!;
        pool.timeouts++;
        pool.conns.cancel(call);
        this.finish(call, false, C_POOL_TIMEOUT, true);
        return;
      }
    }
  }

  private next(call: Call): void {
    const steps = this.steps;
    while (call.step < steps.length) {
      const step = steps[call.step]!;
      switch (step.type) {
        case T_SESSION:
          if (call.req.user >= 0) {
            call.state = S_CHILD;
            this.sim.send(call, step.edge, OP_SESSION);
            return;
          }
          break;
        case T_DATA:
          if (this.data(call)) return;
          break;
        case T_PUBLISH:
          if (call.req.write) {
            const edge = pick(step);
            // A message taken from a queue is not published back to it (that would loop).
            if (call.op === OP_JOB && call.edge?.source === edge.target) break;
            call.state = S_CHILD;
            this.sim.send(call, edge, OP_PUBLISH);
            return;
          }
          break;
        default: {
          const edge = pick(step);
          // An arrow back to the box waiting for this answer is that answer: it comes back
          // on its own, so the call is not made (A → B with B → A drawn too).
          if (call.parent !== null && edge.target === call.parent.node) break;
          call.state = S_CHILD;
          this.sim.send(call, edge, OP_REQUEST);
          return;
        }
      }
      call.step++;
      call.sub = D_START;
    }
    this.finish(call, true, -1, false);
  }

  /** Advances the cache-aside/DB step; true while waiting, false once it is complete. */
  private data(call: Call): boolean {
    if (call.sub === D_START) {
      const cache = this.readCache;
      if (cache !== null) call.key = this.readKeys!.sampleKey();
      if (cache !== null && !call.req.write) {
        call.sub = D_GET;
        call.state = S_CHILD;
        this.sim.send(call, cache, OP_GET);
        return true;
      }
      call.sub = D_QUERY;
      call.count = 0;
    }
    if (call.sub === D_QUERY) {
      if (this.dbEdge !== null && call.count < this.s.dbQueries) {
        this.acquire(call);
        return true;
      }
      if (this.readCache !== null) {
        call.sub = D_SET;
        call.state = S_CHILD;
        this.sim.send(call, this.readCache, call.req.write ? OP_DEL : OP_SET);
        return true;
      }
    }
    return false;
  }

  override childDone(call: Call, child: Call): void {
    const step = this.steps[call.step];
    if (step === undefined) {
      this.finish(call, child.ok, child.cause, false);
      return;
    }
    if (step.type === T_DATA) {
      switch (call.sub) {
        case D_GET:
          if (child.ok && child.hit) break; // served from the cache
          call.sub = D_QUERY;
          call.count = 0;
          if (this.data(call)) return;
          break;
        case D_QUERY:
          this.release(call);
          if (!child.ok) {
            this.finish(call, false, child.cause, false);
            return;
          }
          call.count++;
          if (this.data(call)) return;
          break;
        default:
          break; // SET/DEL done (a failed SET only costs a future miss)
      }
    } else if (!child.ok) {
      this.finish(call, false, child.cause, false);
      return;
    }
    call.step++;
    call.sub = D_START;
    this.next(call);
  }

  /** Answers and frees the worker; `here` counts the failure at this node. */
  private finish(call: Call, ok: boolean, cause: number, here: boolean): void {
    if (call.conn !== 0) this.release(call);
    if (this.s.shedMs > 0 && call.holdsWorker) {
      const held = this.sim.now - call.tWorker;
      this.holdMs = this.holdMs === 0 ? held : this.holdMs + (held - this.holdMs) * 0.05;
    }
    this.sim.releaseWorker(call);
    const server = call.server!; // (the call may be recycled once answered)
    if (ok) this.sim.respond(call);
    else if (here) this.sim.fail(call, cause);
    else this.sim.propagate(call, cause);
    // A draining replica goes once its last request is done.
    if (this.scale !== null) this.scale.released(server);
    this.pull();
  }

  /** Free slots ask the queues feeding this box for messages (as a worker would). */
  private pull(): void {
    for (const e of this.node.inn) e.source.caps.queuesJobs?.pull();
  }

  // ---- the connection pool ------------------------------------------------------------

  private acquire(call: Call): void {
    const db = this.db!;
    const pool = this.pools[call.server!.index]!;
    const s = this.s;
    if (s.poolSize <= 0) {
      if (!db.connect()) {
        this.finish(call, false, C_DB_MAX, false); // refused: counted at the database
        return;
      }
      pool.unpooled++;
      call.conn = 2;
      call.state = S_CONNECT;
      this.sim.timeout(call, s.connectMs);
      return;
    }
    if (pool.idle > 0) {
      pool.idle--;
      call.conn = 1;
      this.sendQuery(call);
      return;
    }
    if (pool.conns.free()) {
      if (!db.connect()) {
        this.finish(call, false, C_DB_MAX, false);
        return;
      }
      pool.conns.take();
      call.conn = 1;
      call.state = S_CONNECT;
      this.sim.timeout(call, s.connectMs);
      return;
    }
    pool.waits++;
    call.waitStart = this.sim.now;
    call.state = S_POOL_WAIT;
    pool.conns.wait(call);
    this.sim.timeout(call, s.poolTimeoutMs);
  }

  private sendQuery(call: Call): void {
    call.state = S_CHILD;
    this.sim.send(call, this.dbEdge!, call.req.write ? OP_WRITE : OP_READ);
  }

  private release(call: Call): void {
    const pool = this.pools[call.server!.index]!;
    const conn = call.conn;
    call.conn = 0;
    if (conn === 2) {
      pool.unpooled = Math.max(0, pool.unpooled - 1);
      this.db?.disconnect(1);
      return;
    }
    if (conn !== 1) return;
    if (pool.conns.busy > pool.conns.cap) {
      pool.conns.release();
      this.db?.disconnect(1);
      return;
    }
    const w = pool.conns.pop();
    if (w !== null) {
      this.sim.cancelTimers(w);
      pool.waitSum += this.sim.now - w.waitStart;
      w.conn = 1;
      this.sendQuery(w);
      return;
    }
    pool.idle++;
  }

  private closePool(server: Server): void {
    const pool = this.pools[server.index];
    if (pool === undefined || pool.server !== server) return;
    this.db?.disconnect(pool.conns.busy + pool.unpooled);
    pool.conns.releaseAll();
    pool.idle = 0;
    pool.unpooled = 0;
  }

  override serverDown(server: Server): void {
    this.poolDown(server);
    // Unacknowledged messages of the crashed replica go back to their queues.
    for (const e of this.node.inn) e.source.caps.queuesJobs?.consumerDown(server);
  }

  private poolDown(server: Server): void {
    const pool = this.pools[server.index];
    if (pool === undefined || pool.server !== server) return;
    this.closePool(server);
    for (const w of pool.conns.clear()) {
      this.sim.cancelTimers(w);
      w.holdsWorker = false;
      this.sim.fail(w, C_DOWN);
    }
  }

  override queueLength(): number {
    let n = super.queueLength();
    for (const server of this.node.servers) {
      const pool = this.pools[server.index];
      if (pool !== undefined && pool.server === server) n += pool.conns.waiting;
    }
    return n;
  }

  override figures(out: Record<string, number | string>): void {
    let waits = 0;
    let waitSum = 0;
    let inUse = 0;
    let open = 0;
    for (const server of this.node.servers) {
      const p = this.pools[server.index];
      if (p === undefined || p.server !== server) continue;
      const opened = p.conns.busy;
      waits += p.waits;
      waitSum += p.waitSum;
      open += opened + p.unpooled;
      inUse += opened - p.idle + p.unpooled;
    }
    // A pool only exists towards a database: a server with none has no pool to show.
    out.poolSize = this.db === null ? 0 : this.s.poolSize;
    out.poolWaits = waits;
    out.meanPoolWaitMs = waits > 0 ? waitSum / waits : 0;
    out.poolInUse = inUse;
    out.dbConnections = open;
    out.sessionsLost = this.sessionsLost;
    if (this.s.shedMs > 0) out.shed = this.shed;
    this.scale?.figures(out);
  }

  override resetStats(): void {
    this.sessionsLost = 0;
    this.shed = 0;
    this.scale?.resetStats();
    for (const server of this.node.servers) {
      const pool = this.pools[server.index];
      if (pool === undefined || pool.server !== server) continue;
      pool.waits = 0;
      pool.waitSum = 0;
      pool.timeouts = 0;
    }
  }
}
