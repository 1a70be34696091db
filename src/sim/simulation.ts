// The engine: a virtual clock, the future event list and the rules every box shares
// (sending a call along an edge, answering, workers and queues, host cores, crashes).
// What each kind of box does lives in behaviours/; this file knows none of that.
//
// Like SimPy it is a small core that behaviours compose, but with no generators or
// closures per event: a call is a plain record with a state number, and an event is
// (time, sequence, kind, object, argument) in a typed-array heap.

import { numberOf } from '../model/kinds.ts';
import { runtimeLinks } from '../model/links.ts';
import type { NodeKind, TopologyDocument } from '../model/types.ts';
import type { ChaosAction, FailureCause, TimedAction } from './api.ts';
import { FAILURE_CAUSES } from './api.ts';
import { makeBehaviour } from './behaviours/index.ts';
import type { ClientBehaviour } from './behaviours/client.ts';
import { EventQueue } from './heap.ts';
import { bucketOf } from './histogram.ts';
import { type HopBatch, HopBuffer } from './hops.ts';
import { type SeriesPoint, SeriesRing, Stream, summarize } from './metrics.ts';
import { Rng } from './rng.ts';
import {
  C_DOWN,
  C_EDGE_CUT,
  C_HOP_LIMIT,
  Call,
  EdgeRt,
  EV_ARRIVE,
  EV_FN,
  EV_NODE,
  EV_RESUME,
  EV_RETURN,
  EV_TICK,
  HOP_LIMIT,
  Host,
  type Req,
  NodeRt,
  S_DELAY,
  S_DONE,
  S_QUEUED,
  S_WORK,
  Server,
  type Station,
} from './runtime.ts';

export interface SimOptions {
  seed: number;
  /** Requests that start before this are not measured; node figures restart then. */
  warmupMs?: number;
  /** One-way delay per hop, ms (default 0). */
  networkMs?: number;
  /** Record hops for animation for one request in `traceEvery` (0 = off, the default). */
  traceEvery?: number;
  actions?: TimedAction[];
}

/** Something that happened, for chaos markers on charts. */
export interface SimEvent {
  t: number;
  text: string;
  action?: ChaosAction;
}

const REPLICATED: ReadonlySet<NodeKind> = new Set(['app', 'worker']);

export class Simulation {
  now = 0;
  readonly rng: Rng;
  readonly queue = new EventQueue();
  nodes: NodeRt[] = [];
  readonly byId = new Map<string, NodeRt>();
  edges: EdgeRt[] = [];
  /** Drawn arrow id → the links travelling along it. */
  private edgesById = new Map<string, EdgeRt[]>();
  /** Link identity (arrow, ends, way) → its runtime, so a live edit keeps its state. */
  private edgeByKey = new Map<string, EdgeRt>();
  doc!: TopologyDocument;
  readonly networkMs: number;
  readonly warmupMs: number;
  traceEvery: number;
  private nextReqId = 1;
  readonly hops = new HopBuffer();
  readonly all = new Stream(true);
  readonly routes: Stream[] = [];
  readonly routeKeys: string[] = [];
  private readonly routeIndex = new Map<string, number>();
  readonly series = new SeriesRing();
  private events: SimEvent[] = [];
  statsStart = 0;
  eventsProcessed = 0;
  /** In-memory sessions: user key → server uid · 1024 + its epoch (restart loses them). */
  readonly sessions = new Map<number, number>();
  private nextServerUid = 1;
  private readonly callPool: Call[] = [];
  private nextClientIndex = 0;

  constructor(doc: TopologyDocument, options: SimOptions) {
    this.rng = new Rng(options.seed);
    this.networkMs = Math.max(0, options.networkMs ?? 0);
    this.warmupMs = Math.max(0, options.warmupMs ?? 0);
    this.traceEvery = Math.max(0, Math.floor(options.traceEvery ?? 0));
    this.applyDocument(doc);
    this.queue.push(1000, EV_TICK, null, 0);
    if (this.warmupMs > 0) this.at(this.warmupMs, () => this.resetStats());
    for (const a of options.actions ?? []) this.schedule(a.atMs, a.action);
  }

  // ---- running ------------------------------------------------------------------------

  /** Processes every event up to `tMs` (or until `maxEvents`), then sets the clock there. */
  runUntil(tMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    const q = this.queue;
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
    const q = this.queue;
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
        if (c.core !== null) this.releaseCore(c);
        if (c.server !== null && c.epoch !== c.server.epoch) {
          this.failStale(c);
          return;
        }
        c.node.behaviour.resume(c);
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
        this.tick();
        this.queue.push(this.now + 1000, EV_TICK, null, 0);
        return;
    }
  }

  /** Runs `fn` at virtual time `t` (for rare events: actions, restarts). */
  at(t: number, fn: () => void): void {
    this.queue.push(Math.max(t, this.now), EV_FN, fn, 0);
  }

  nodeTimer(node: NodeRt, t: number, code: number): void {
    this.queue.push(t, EV_NODE, node, code);
  }

  // ---- requests and calls -------------------------------------------------------------

  /** Each client gets an index so user keys of different clients never collide. */
  newClientIndex(): number {
    return this.nextClientIndex++;
  }

  newReqId(): number {
    return this.nextReqId++;
  }

  /** Should a new request with this id be animated? */
  traced(id: number): boolean {
    return this.traceEvery > 0 && id % this.traceEvery === 0;
  }

  routeFor(method: string, path: string): number {
    const key = `${method} ${path}`;
    let i = this.routeIndex.get(key);
    if (i === undefined) {
      i = this.routes.length;
      this.routeIndex.set(key, i);
      this.routeKeys.push(key);
      this.routes.push(new Stream(true));
    }
    return i;
  }

  /** A request ended at its client (not called again after a timeout). */
  completeRequest(route: number, start: number, measured: boolean, ok: boolean, cause: number) {
    const stream = route >= 0 ? this.routes[route] : undefined;
    if (ok) {
      const ms = this.now - start;
      const bucket = bucketOf(ms);
      this.all.ok(bucket, ms, measured);
      stream?.ok(bucket, ms, measured);
    } else {
      this.all.fail(cause, measured);
      stream?.fail(cause, measured);
    }
  }

  /**
   * Sends a child call from `parent` along `edge`; the parent hears back in childDone. The
   * child may already be answered (and recycled) when this returns, so it is not returned.
   */
  send(parent: Call, edge: EdgeRt, op: number, server: Server | null = null): void {
    const child = this.newCall(parent.req, edge.target, server, parent, edge, op);
    child.depth = parent.depth + 1;
    child.key = parent.key;
    this.forward(child, parent.node);
  }

  /**
   * Child calls are recycled once their caller has read the answer (calls answer only
   * after their own children have), so the hot path allocates almost nothing. A recycled
   * call's token moves on, which voids any timer or waiting-list entry still naming it.
   */
  private newCall(
    req: Req,
    node: NodeRt,
    server: Server | null,
    parent: Call,
    edge: EdgeRt,
    op: number,
  ): Call {
    const c = this.callPool.pop();
    if (c === undefined) return new Call(req, node, server, parent, edge, op);
    c.reuse(req, node, server, parent, edge, op);
    return c;
  }

  private recycle(c: Call): void {
    c.token++;
    c.parent = null;
    c.backend = null;
    if (this.callPool.length < 4096) this.callPool.push(c);
  }

  /** Puts a call with no parent (a job, a cron run) on its edge; its owner hears back. */
  sendRoot(call: Call, from: NodeRt): void {
    this.forward(call, from);
  }

  private forward(child: Call, from: NodeRt): void {
    const edge = child.edge!;
    if (child.depth > HOP_LIMIT) {
      this.refuse(child, from, C_HOP_LIMIT);
      return;
    }
    if (edge.cut || edge.index < 0) {
      this.refuse(child, from, C_EDGE_CUT);
      return;
    }
    const req = child.req;
    const net = this.networkMs;
    if (req.traced) this.hops.add(edge.hop, this.now, this.now + net, req.id, req.route, 0);
    if (net > 0) this.queue.push(this.now + net, EV_ARRIVE, child, 0);
    else this.deliver(child);
  }

  /** The call never left `from` (cut link, hop limit): it fails there. */
  private refuse(child: Call, from: NodeRt, cause: number): void {
    from.failed[cause]!++;
    child.ok = false;
    child.cause = cause;
    child.state = S_DONE;
    const req = child.req;
    if (req.traced && child.edge!.index >= 0) {
      this.hops.add(child.edge!.hop, this.now, this.now, req.id, req.route, 2 + cause);
    }
    if (child.parent !== null) this.returnToParent(child);
    else child.owner?.rootDone(child);
  }

  private deliver(call: Call): void {
    const node = call.node;
    let s = call.server;
    if (s === null) {
      const servers = node.servers;
      if (servers.length === 1) s = servers[0]!;
      else {
        // No load balancer in front: replicas take turns.
        s = servers[node.rr++ % servers.length]!;
      }
      call.server = s;
    }
    node.arrivals++;
    node.inFlight++;
    call.tArrive = this.now;
    if (!s?.up || node.removed) {
      call.epoch = s ? s.epoch : 0;
      this.fail(call, C_DOWN);
      return;
    }
    call.epoch = s.epoch;
    if (node.errorRate > 0 && this.rng.next() < node.errorRate) {
      this.fail(call, 8 /* C_INJECTED */);
      return;
    }
    node.behaviour.arrive(call);
  }

  /** The call succeeded at its box. */
  respond(call: Call): void {
    const node = call.node;
    node.completed++;
    node.respSum += this.now - call.tArrive;
    this.answer(call, true, -1);
  }

  /** The call failed at its box, for `cause` (counted here). */
  fail(call: Call, cause: number): void {
    call.node.failed[cause]!++;
    this.answer(call, false, cause);
  }

  /** The call failed because something it needed failed (counted where it happened). */
  propagate(call: Call, cause: number): void {
    this.answer(call, false, cause);
  }

  private answer(call: Call, ok: boolean, cause: number): void {
    if (call.state === S_DONE) return;
    call.state = S_DONE;
    call.ok = ok;
    call.cause = cause;
    call.node.inFlight--;
    if (!ok) call.node.errors++;
    const req = call.req;
    const edge = call.edge;
    const net = this.networkMs;
    if (req.traced && edge !== null && edge.index >= 0) {
      this.hops.add(edge.hop, this.now, this.now + net, req.id, req.route, ok ? 1 : 2 + cause);
    }
    if (call.parent !== null) {
      if (net > 0) this.queue.push(this.now + net, EV_RETURN, call, 0);
      else this.returnToParent(call);
    } else if (call.owner !== null) call.owner.rootDone(call);
  }

  private returnToParent(child: Call): void {
    const p = child.parent!;
    if (p.state !== S_DONE) {
      if (p.server !== null && p.epoch !== p.server.epoch) this.failStale(p);
      else p.node.behaviour.childDone(p, child);
    }
    this.recycle(child);
  }

  /** The call's server crashed while it was there: its resources are already gone. */
  private failStale(call: Call): void {
    call.holdsWorker = false;
    call.conn = 0;
    this.fail(call, C_DOWN);
  }

  isStale(call: Call): boolean {
    return call.server !== null && call.epoch !== call.server.epoch;
  }

  // ---- workers, cores, delays ---------------------------------------------------------

  /**
   * Takes a worker of the call's server, or queues, or rejects (503). When the call gets
   * a worker its behaviour's resume runs with state S_QUEUED.
   */
  admit(call: Call): void {
    const st = call.server!.station!;
    st.mark(this.now);
    if (st.busy < st.cap) {
      st.busy++;
      call.holdsWorker = true;
      call.state = S_QUEUED;
      call.node.behaviour.resume(call);
    } else if (st.queue.length < st.limit) {
      call.state = S_QUEUED;
      st.queue.push(call);
    } else {
      this.fail(call, 0 /* C_REJECTED */);
    }
  }

  /** Gives the call's worker back; the next queued call (if any) gets it. */
  releaseWorker(call: Call): void {
    if (!call.holdsWorker) return;
    call.holdsWorker = false;
    const st = call.server!.station!;
    st.mark(this.now);
    st.busy--;
    this.startQueued(st);
  }

  /** Starts queued calls while workers are free (after a release or more workers). */
  startQueued(st: Station): void {
    while (st.busy < st.cap && st.queue.length > 0) {
      const next = st.queue.shift()!;
      st.busy++;
      next.holdsWorker = true;
      next.node.behaviour.resume(next);
    }
  }

  /** CPU work of `ms` (× the node's slow factor); on a host it also needs a free core. */
  work(call: Call, ms: number): void {
    call.state = S_WORK;
    const node = call.node;
    const d = ms * node.slow;
    const host = node.host;
    if (host !== null) {
      host.mark(this.now);
      if (host.used < host.cores) {
        host.used++;
        call.core = host;
      } else {
        call.workMs = d;
        host.waiters.push(call);
        return;
      }
    }
    this.queue.push(this.now + d, EV_RESUME, call, call.token);
  }

  private releaseCore(call: Call): void {
    const host = call.core!;
    call.core = null;
    host.mark(this.now);
    host.used--;
    while (host.used < host.cores && host.waiters.length > 0) {
      const w = host.waiters.shift()!;
      if (this.isStale(w)) {
        this.failStale(w);
        continue;
      }
      host.used++;
      w.core = host;
      this.queue.push(this.now + w.workMs, EV_RESUME, w, w.token);
    }
  }

  /** A pure wait (network, latency of someone else's service), × the slow factor. */
  delay(call: Call, ms: number): void {
    call.state = S_DELAY;
    this.queue.push(this.now + ms * call.node.slow, EV_RESUME, call, call.token);
  }

  /** A timer for the call that `cancel` can void (pool wait limit). */
  timeout(call: Call, ms: number): void {
    this.queue.push(this.now + ms, EV_RESUME, call, call.token);
  }

  cancelTimers(call: Call): void {
    call.token++;
  }

  // ---- document -----------------------------------------------------------------------

  /** Applies a (new version of the) document without restarting. */
  applyDocument(doc: TopologyDocument): void {
    this.doc = doc;
    const keep = new Set(doc.nodes.map((n) => n.id));
    for (const rt of this.nodes) {
      const next = doc.nodes.find((n) => n.id === rt.id);
      if (!keep.has(rt.id) || (next && next.kind !== rt.kind)) this.removeNode(rt);
    }
    const nodes: NodeRt[] = [];
    for (const n of doc.nodes) {
      let rt = this.byId.get(n.id);
      if (!rt) {
        rt = new NodeRt(n.id, n.kind, n.label, n.config);
        rt.since = this.now;
        rt.behaviour = makeBehaviour(this, rt);
        this.byId.set(n.id, rt);
      }
      rt.label = n.label;
      rt.config = n.config;
      nodes.push(rt);
    }
    this.nodes = nodes;
    for (const rt of nodes) {
      if (rt.kind === 'group') {
        const cores = numberOf('group', rt.config, 'cores');
        if (rt.ownHost === null) rt.ownHost = new Host(cores);
        rt.ownHost.mark(this.now);
        rt.ownHost.cores = cores;
      }
    }
    for (const n of doc.nodes) {
      const rt = this.byId.get(n.id)!;
      const parent = n.parent === undefined ? undefined : this.byId.get(n.parent);
      rt.host = rt.kind !== 'group' && parent?.ownHost ? parent.ownHost : null;
    }
    // Links (src/model/links.ts): keep runtime state (a cut) for links that survive.
    const edges: EdgeRt[] = [];
    const byKey = new Map<string, EdgeRt>();
    const byId = new Map<string, EdgeRt[]>();
    for (const rt of nodes) {
      rt.out = [];
      rt.inn = [];
    }
    // Every drawn arrow can be cut, even one that carries nothing (faint, to an empty host).
    for (const e of doc.edges) if (!byId.has(e.id)) byId.set(e.id, []);
    for (const l of runtimeLinks(doc)) {
      const e = doc.edges[l.edge]!;
      const source = this.byId.get(l.source);
      const target = this.byId.get(l.target);
      if (!source || !target || source.removed || target.removed) continue;
      const key = `${e.id}\u0000${l.source}\u0000${l.target}\u0000${l.reversed ? 1 : 0}`;
      if (byKey.has(key)) continue;
      let rt = this.edgeByKey.get(key);
      if (!rt || rt.source !== source || rt.target !== target) {
        rt = new EdgeRt(e.id, l.edge, source, target, l.label);
        // A new link made along an arrow that is cut (a box added to a host) is cut too.
        if (l.via !== 'drawn') rt.cut = this.edgesById.get(e.id)?.some((x) => x.cut) ?? false;
      }
      rt.index = l.edge;
      rt.hop = l.reversed ? ~l.edge : l.edge;
      rt.reversed = l.reversed;
      rt.turn = l.turn;
      rt.label = l.label;
      edges.push(rt);
      byKey.set(key, rt);
      byId.get(e.id)!.push(rt);
      source.out.push(rt);
      target.inn.push(rt);
    }
    for (const old of this.edges) if (byKey.get(keyOf(old)) !== old) old.index = -1;
    this.edges = edges;
    this.edgesById = byId;
    this.edgeByKey = byKey;
    // Replicas.
    for (const rt of nodes) {
      const want = REPLICATED.has(rt.kind) ? numberOf(rt.kind, rt.config, 'replicas') : 1;
      while (rt.servers.length < want) {
        const s = new Server(rt, rt.servers.length);
        s.uid = this.nextServerUid++;
        rt.servers.push(s);
      }
      while (rt.servers.length > want) {
        const s = rt.servers.pop()!;
        this.crashServer(s);
      }
    }
    for (const rt of nodes) rt.behaviour.configure();
  }

  private removeNode(rt: NodeRt): void {
    for (const s of rt.servers) this.crashServer(s);
    rt.removed = true;
    this.byId.delete(rt.id);
  }

  // ---- failures -----------------------------------------------------------------------

  crashServer(s: Server): void {
    if (!s.up) return;
    s.up = false;
    s.epoch++;
    const st = s.station;
    let queued: Call[] = [];
    if (st !== null) {
      st.mark(this.now);
      st.busy = 0;
      queued = st.queue.clear();
    }
    s.node.behaviour.serverDown(s);
    for (const c of queued) {
      c.holdsWorker = false;
      this.fail(c, C_DOWN);
    }
  }

  restartServer(s: Server): void {
    if (s.up || s.node.removed || !s.node.servers.includes(s)) return;
    s.up = true;
    if (s.station !== null) s.station.mark(this.now);
    s.node.behaviour.configure();
  }

  /** Applies a chaos action now. Unknown ids are reported as an event, never thrown. */
  inject(action: ChaosAction): void {
    const text = describeAction(action);
    const node = 'node' in action ? this.byId.get(action.node) : undefined;
    if ('node' in action && !node) {
      this.events.push({ t: this.now, text: `ignored (no box "${action.node}"): ${text}`, action });
      return;
    }
    switch (action.type) {
      case 'crash':
        for (const n of this.withContents(node!)) for (const s of n.servers) this.crashServer(s);
        break;
      case 'restart':
        for (const n of this.withContents(node!)) for (const s of n.servers) this.restartServer(s);
        break;
      case 'slow':
        for (const n of this.withContents(node!)) n.slow = Math.max(0, action.factor);
        break;
      case 'errorRate':
        node!.errorRate = Math.min(1, Math.max(0, action.rate));
        break;
      case 'cut':
      case 'restore': {
        const links = this.edgesById.get(action.edge);
        if (!links) {
          this.events.push({ t: this.now, text: `ignored (no link "${action.edge}"): ${text}` });
          return;
        }
        for (const edge of links) edge.cut = action.type === 'cut';
        break;
      }
      case 'rollingRestart': {
        const downMs = Math.max(1, action.downMs ?? 5000);
        node!.servers.forEach((s, i) => {
          this.at(this.now + i * downMs, () => this.crashServer(s));
          this.at(this.now + (i + 1) * downMs, () => this.restartServer(s));
        });
        break;
      }
      case 'setRps':
      case 'spike': {
        if (node!.kind !== 'client') {
          this.events.push({ t: this.now, text: `ignored (not a client): ${text}`, action });
          return;
        }
        const client = node!.behaviour as ClientBehaviour;
        if (action.type === 'setRps') client.setRps(action.rps);
        else client.spike(action.factor, action.durationMs);
        break;
      }
    }
    this.events.push({ t: this.now, text, action });
  }

  /** A node and, for a host, every box inside it (crashing a machine stops what runs on it). */
  private withContents(node: NodeRt): NodeRt[] {
    if (node.kind !== 'group') return [node];
    const inside = new Set<string>([node.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const n of this.doc.nodes) {
        if (n.parent !== undefined && inside.has(n.parent) && !inside.has(n.id)) {
          inside.add(n.id);
          grew = true;
        }
      }
    }
    return this.nodes.filter((n) => inside.has(n.id));
  }

  /** The brief's name for applyDocument: a live edit of the running system. */
  updateDocument(doc: TopologyDocument): void {
    this.applyDocument(doc);
  }

  /** Applies `action` at virtual time `atMs` (now if that has passed). */
  schedule(atMs: number, action: ChaosAction): void {
    this.at(atMs, () => this.inject(action));
  }

  /** Chaos markers and notes since the last call. */
  drainEvents(): SimEvent[] {
    const out = this.events;
    this.events = [];
    return out;
  }

  drainHops(): HopBatch {
    return this.hops.drain();
  }

  // ---- measurement --------------------------------------------------------------------

  /** Warmup is over: node figures and measured totals start from zero. */
  resetStats(): void {
    this.statsStart = this.now;
    for (const rt of this.nodes) {
      rt.since = this.now;
      rt.arrivals = 0;
      rt.completed = 0;
      rt.errors = 0;
      rt.respSum = 0;
      rt.failed.fill(0);
      rt.tickBusy = 0;
      rt.tickArrivals = 0;
      for (const s of rt.servers) {
        if (s.station === null) continue;
        s.station.mark(this.now);
        s.station.busyArea = 0;
        s.station.queueArea = 0;
      }
      if (rt.ownHost !== null) {
        rt.ownHost.mark(this.now);
        rt.ownHost.area = 0;
      }
      rt.behaviour.resetStats();
    }
    this.all.resetTotals();
    for (const r of this.routes) r.resetTotals();
  }

  /**
   * Busy worker-ms, worker capacity and queue-ms of a node (all replicas) up to now. Reads
   * without touching the running sums, so looking (a live view) never changes a run.
   */
  busyOf(rt: NodeRt): { busy: number; cap: number; queueArea: number } {
    const now = this.now;
    let busy = 0;
    let cap = 0;
    let queueArea = 0;
    if (rt.ownHost !== null) {
      const h = rt.ownHost;
      return { busy: h.area + (now - h.last) * h.used, cap: h.cores, queueArea: 0 };
    }
    for (const s of rt.servers) {
      const st = s.station;
      if (st === null) continue;
      busy += st.busyArea + (now - st.last) * st.busy;
      cap += st.cap;
      queueArea += st.queueArea + (now - st.last) * st.queue.length;
    }
    return { busy, cap, queueArea };
  }

  private tick(): void {
    const last = this.all.lastSecond();
    const hist = last.hist!;
    const nodes: SeriesPoint['nodes'] = {};
    for (const rt of this.nodes) {
      const { busy, cap } = this.busyOf(rt);
      const utilization = cap > 0 ? Math.min(1, (busy - rt.tickBusy) / (cap * 1000)) : 0;
      rt.tickBusy = busy;
      rt.lastUtilization = utilization;
      nodes[rt.id] = {
        utilization,
        queue: rt.behaviour.queueLength(),
        inFlight: this.inFlightOf(rt),
        rps: rt.arrivals - rt.tickArrivals,
      };
      rt.tickArrivals = rt.arrivals;
    }
    this.series.push({
      t: this.now / 1000,
      throughput_rps: last.ok,
      errors_rps: last.failed,
      errorRate: last.ok + last.failed > 0 ? last.failed / (last.ok + last.failed) : 0,
      latency_ms: summarize(hist),
      nodes,
    });
    this.all.rotate();
    for (const r of this.routes) r.rotate();
  }

  /** Calls that reached a node and have not been answered yet (queued, working, waiting). */
  inFlightOf(rt: NodeRt): number {
    return rt.inFlight;
  }

  causeName(code: number): FailureCause {
    return FAILURE_CAUSES[code]!;
  }
}

function keyOf(e: EdgeRt): string {
  return `${e.id}\u0000${e.source.id}\u0000${e.target.id}\u0000${e.reversed ? 1 : 0}`;
}

export function describeAction(a: ChaosAction): string {
  switch (a.type) {
    case 'crash':
      return `crash ${a.node}`;
    case 'restart':
      return `restart ${a.node}`;
    case 'slow':
      return `slow ${a.node} ×${a.factor}`;
    case 'errorRate':
      return `error rate ${a.node} ${Math.round(a.rate * 100)}%`;
    case 'cut':
      return `cut link ${a.edge}`;
    case 'restore':
      return `restore link ${a.edge}`;
    case 'rollingRestart':
      return `rolling restart ${a.node}`;
    case 'setRps':
      return `${a.node} traffic ${a.rps} req/s`;
    case 'spike':
      return `spike ${a.node} ×${a.factor} for ${a.durationMs / 1000}s`;
  }
}
