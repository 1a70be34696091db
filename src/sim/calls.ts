// The rules every call follows, whatever box it visits: it is sent along a link (a cut
// link or a loop refuses it), delivered to a server (a crashed one answers 'down', a chaos
// error rate answers 'injected-error'), handled by the box's behaviour, and answered up to
// its caller, which reads the answer before the call is recycled. On the way it may hold a
// worker of its server and a core of its host (both the one Resource, resource.ts).
//
// CallEngine is the Engine behaviours see (engine.ts): these rules on top of the kernel's
// clock and timers (kernel.ts), with measurement handed to measurement.ts.

import {
  C_BREAKER_OPEN,
  C_CALL_TIMEOUT,
  C_DOWN,
  C_EDGE_CUT,
  C_HOP_LIMIT,
  C_INJECTED,
  C_REJECTED,
} from './causes.ts';
import type { Engine } from './engine.ts';
import {
  EV_ARRIVE,
  EV_CALL_TIMEOUT,
  EV_RESUME,
  EV_RETRY,
  EV_RETURN,
  Kernel,
  type KernelOptions,
} from './kernel.ts';
import type { Measurement } from './measurement.ts';
import { Tracer } from './trace.ts';
import { PROBE, REFUSE } from './resilience/breaker.ts';
import type { LinkPolicy } from './resilience/policy.ts';
import type { Resource } from './resource.ts';
import {
  ABANDONED,
  Call,
  type EdgeRt,
  HOP_LIMIT,
  type NodeRt,
  S_DONE,
  S_QUEUED,
  S_WORK,
  type Server,
} from './runtime.ts';

export class CallEngine extends Kernel implements Engine {
  private readonly callPool: Call[] = [];
  /** Journeys of the traced requests (trace.ts): it only reads, so runs stay the same. */
  readonly tracer: Tracer;
  /** Names call timeouts and retries (Call.guard); 0 is "none". */
  private guardSeq = 0;

  constructor(
    options: KernelOptions,
    private readonly measure: Measurement,
  ) {
    super(options);
    this.tracer = new Tracer((route) => measure.routeKeys[route] ?? '', options.journeys ?? true);
  }

  get statsStart(): number {
    return this.measure.statsStart;
  }

  // ---- sending and delivering ---------------------------------------------------------

  send(parent: Call, edge: EdgeRt, op: number, server: Server | null = null): void {
    // Child calls are recycled once their caller has read the answer (returnToParent), so
    // the hot path allocates almost nothing.
    let child = this.callPool.pop();
    if (child === undefined) child = new Call(parent.req, edge.target, server, parent, edge, op);
    else child.reuse(parent.req, edge.target, server, parent, edge, op);
    child.depth = parent.depth + 1;
    child.key = parent.key;
    if (child.req.traced) this.tracer.sent(parent, child, this.now, this.networkMs);
    const policy = edge.policy;
    if (policy !== null) {
      child.attempt = 1;
      child.sentTo = server;
      child.probe = false;
      policy.firstTry();
      if (!this.guardOut(child, policy)) return;
    }
    this.forward(child, parent.node, false);
  }

  sendRoot(call: Call, from: NodeRt): void {
    this.forward(call, from, false);
  }

  /** `again`: a retry (no send was recorded for it, so its arrival is). */
  private forward(child: Call, from: NodeRt, again: boolean): void {
    const edge = child.edge!;
    if (child.depth > HOP_LIMIT) this.refuse(child, from, C_HOP_LIMIT);
    else if (edge.cut || edge.index < 0) this.refuse(child, from, C_EDGE_CUT);
    else {
      const req = child.req;
      const net = this.networkMs;
      edge.sent++;
      if (req.traced) this.hops.add(edge.hop, this.now, this.now + net, req.id, req.route, 0);
      if (net > 0) this.heap.push(this.now + net, EV_ARRIVE, child, 0);
      else {
        // Delivered the moment it was sent: a journey's cursor is there already, unless
        // this is a retry.
        if (again && req.traced) this.tracer.arrived(child, this.now);
        this.arrive(child);
      }
    }
  }

  /** The call never left `from` (cut link, hop limit): it fails there. */
  private refuse(child: Call, from: NodeRt, cause: number): void {
    from.failed[cause]!++;
    child.ok = false;
    child.cause = cause;
    child.state = S_DONE;
    const req = child.req;
    if (req.traced) {
      if (child.edge!.index >= 0) {
        this.hops.add(child.edge!.hop, this.now, this.now, req.id, req.route, 2 + cause);
      }
      this.tracer.refused(child, from, cause, this.now);
    }
    if (child.parent !== null) this.returnToParent(child);
    else child.owner?.rootDone(child);
  }

  /** The call reaches its box after the network delay (EV_ARRIVE). */
  protected deliver(call: Call): void {
    if (call.req.traced) this.tracer.arrived(call, this.now);
    this.arrive(call);
  }

  private arrive(call: Call): void {
    const node = call.node;
    let s = call.server;
    if (s === null) {
      const servers = node.servers;
      // No load balancer in front: replicas take turns (or the box says which one).
      s =
        servers.length === 1
          ? servers[0]!
          : node.picker !== null
            ? node.picker.pick(call)
            : servers[node.rr++ % servers.length]!;
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
      this.fail(call, C_INJECTED);
      return;
    }
    node.behaviour.arrive(call);
  }

  protected resumeCall(c: Call): void {
    if (c.core !== null) this.releaseCore(c);
    if (c.server !== null && c.epoch !== c.server.epoch) this.failStale(c);
    else c.node.behaviour.resume(c);
  }

  // ---- answering ----------------------------------------------------------------------

  respond(call: Call): void {
    const node = call.node;
    node.completed++;
    node.respSum += this.now - call.tArrive;
    this.answer(call, true, -1);
  }

  fail(call: Call, cause: number): void {
    call.node.failed[cause]!++;
    if (call.req.traced && call.state !== S_DONE) this.tracer.failedHere(call);
    this.answer(call, false, cause);
  }

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
    // The journey's cursor moved to the caller with the answer (no network to cross).
    let cursorBack = false;
    if (req.traced) {
      if (edge !== null && edge.index >= 0) {
        this.hops.add(edge.hop, this.now, this.now + net, req.id, req.route, ok ? 1 : 2 + cause);
      }
      cursorBack = this.tracer.answered(call, this.now, net, ok, cause);
    }
    if (call.parent !== null) {
      if (net > 0) this.heap.push(this.now + net, EV_RETURN, call, 0);
      else this.back(call, cursorBack);
    } else if (call.owner !== null) call.owner.rootDone(call);
  }

  /** The call's answer reaches its caller after the network delay (EV_RETURN). */
  protected returnToParent(child: Call): void {
    this.back(child, false);
  }

  /** `cursorBack`: a journey was told already that the answer is at the caller. */
  private back(child: Call, cursorBack: boolean): void {
    const policy = child.edge!.policy;
    if ((policy !== null || child.guard === ABANDONED) && this.guardBack(child, policy)) return;
    this.notifyParent(child, cursorBack);
    this.recycle(child);
  }

  private notifyParent(child: Call, cursorBack: boolean): void {
    const p = child.parent!;
    const traced = child.req.traced;
    const wasDone = p.req.done;
    if (traced && !cursorBack) this.tracer.returning(p, this.now);
    if (p.state !== S_DONE) {
      if (p.server !== null && p.epoch !== p.server.epoch) this.failStale(p);
      else p.node.behaviour.childDone(p, child);
    }
    // Only a request's first call (its client's) ends a journey.
    if (traced && p.traceSpan === 0 && p.traceSlot !== 0) {
      this.tracer.returned(p, this.now, wasDone, child.ok, child.cause);
    }
  }

  /** Recycled: its token moves on, voiding any timer or waiting-list entry naming it. */
  private recycle(child: Call): void {
    child.token++;
    child.parent = null;
    child.ref = null;
    if (this.callPool.length < 4096) this.callPool.push(child);
  }

  // ---- retries, call timeouts, breakers (src/sim/resilience/) -------------------------

  /** A try is going out on a guarded link: the breaker may stop it; its timeout starts. */
  private guardOut(child: Call, policy: LinkPolicy): boolean {
    const breaker = policy.breaker;
    if (breaker !== null) {
      const verdict = breaker.allow(this.now);
      if (verdict === REFUSE) {
        policy.shortCircuited++;
        this.refuse(child, child.parent!.node, C_BREAKER_OPEN);
        return false;
      }
      child.probe = verdict === PROBE;
    }
    if (policy.timeoutMs > 0) {
      child.guard = ++this.guardSeq;
      this.heap.push(this.now + policy.timeoutMs, EV_CALL_TIMEOUT, child, child.guard);
    }
    return true;
  }

  /**
   * A try's answer is back on a guarded link (or one the caller gave up on): true when it
   * is handled here (retried, or nobody waits for it) instead of going to the caller.
   */
  private guardBack(child: Call, policy: LinkPolicy | null): boolean {
    if (child.guard === ABANDONED) {
      if (policy !== null) policy.wasted++;
      this.recycle(child);
      return true;
    }
    child.guard = 0; // its timeout is void
    if (policy === null) return false;
    if (child.cause !== C_BREAKER_OPEN) policy.breaker?.record(child.ok, child.probe, this.now);
    return !child.ok && this.retryLater(child, policy);
  }

  /** Schedules the next try of a failed call, if the policy allows one. */
  private retryLater(call: Call, policy: LinkPolicy): boolean {
    const p = call.parent!;
    if (p.state === S_DONE || !policy.mayRetry(call.cause, call.attempt)) return false;
    call.token++; // voids what the box called still had scheduled for this try
    call.guard = ++this.guardSeq;
    const wait = policy.backoff(call.attempt, this.rng);
    this.heap.push(this.now + wait, EV_RETRY, call, call.guard);
    return true;
  }

  protected retryCall(call: Call): void {
    const p = call.parent!;
    const policy = call.edge!.policy;
    if (
      policy === null ||
      p.state === S_DONE ||
      (p.server !== null && p.epoch !== p.server.epoch)
    ) {
      // Nobody to retry for (or the retries were turned off meanwhile): the failure stands.
      call.guard = 0;
      this.notifyParent(call, false);
      this.recycle(call);
      return;
    }
    const { req, edge, op, depth, key, attempt, sentTo } = call;
    call.reuse(req, edge!.target, sentTo, p, edge, op);
    call.depth = depth;
    call.key = key;
    call.attempt = attempt + 1;
    call.sentTo = sentTo;
    call.probe = false;
    policy.retried++;
    if (this.guardOut(call, policy)) this.forward(call, p.node, true);
  }

  protected callTimedOut(call: Call): void {
    call.guard = ABANDONED; // the box called keeps working; its answer goes to nobody
    const p = call.parent!;
    const policy = call.edge!.policy;
    p.node.failed[C_CALL_TIMEOUT]!++;
    // The caller's view of this try: a record of its own, failed with 'call-timeout'.
    let t = this.callPool.pop();
    if (t === undefined) t = new Call(call.req, call.node, call.sentTo, p, call.edge, call.op);
    else t.reuse(call.req, call.node, call.sentTo, p, call.edge, call.op);
    t.depth = call.depth;
    t.key = call.key;
    t.attempt = call.attempt;
    t.sentTo = call.sentTo;
    t.probe = false;
    t.state = S_DONE;
    t.ok = false;
    t.cause = C_CALL_TIMEOUT;
    const req = call.req;
    if (req.traced && call.edge!.index >= 0) {
      this.hops.add(call.edge!.hop, this.now, this.now, req.id, req.route, 2 + C_CALL_TIMEOUT);
    }
    if (policy !== null) {
      policy.timeouts++;
      policy.breaker?.record(false, call.probe, this.now);
      if (this.retryLater(t, policy)) return;
    }
    this.notifyParent(t, false);
    this.recycle(t);
  }

  /** The call's server crashed while it was there: its resources are already gone. */
  private failStale(call: Call): void {
    call.holdsWorker = false;
    call.conn = 0;
    this.fail(call, C_DOWN);
  }

  // ---- workers and cores --------------------------------------------------------------

  admit(call: Call): void {
    const w = call.server!.workers!;
    w.mark(this.now);
    if (w.take()) {
      call.holdsWorker = true;
      call.state = S_QUEUED;
      call.node.behaviour.resume(call);
    } else if (w.wait(call)) {
      call.state = S_QUEUED;
      if (call.req.traced) this.tracer.queued(call, this.now);
    } else this.fail(call, C_REJECTED);
  }

  releaseWorker(call: Call): void {
    if (!call.holdsWorker) return;
    call.holdsWorker = false;
    const w = call.server!.workers!;
    w.mark(this.now);
    w.release();
    this.startQueued(w);
  }

  startQueued(w: Resource<Call>): void {
    while (w.free() && w.waiting > 0) {
      const next = w.pop()!;
      w.take();
      next.holdsWorker = true;
      next.node.behaviour.resume(next);
    }
  }

  work(call: Call, ms: number): void {
    call.state = S_WORK;
    const node = call.node;
    const d = ms * node.slow;
    const cores = node.host;
    if (cores !== null) {
      cores.mark(this.now);
      if (!cores.take()) {
        call.workMs = d;
        cores.wait(call);
        if (call.req.traced) this.tracer.working(call, this.now, true);
        return;
      }
      call.core = cores;
    }
    if (call.req.traced) this.tracer.working(call, this.now, false);
    this.heap.push(this.now + d, EV_RESUME, call, call.token);
  }

  /** The call's CPU work is done: its core goes to the next call waiting for one. */
  private releaseCore(call: Call): void {
    const cores = call.core!;
    call.core = null;
    cores.mark(this.now);
    cores.release();
    while (cores.free() && cores.waiting > 0) {
      const w = cores.pop()!;
      if (w.server !== null && w.epoch !== w.server.epoch) {
        this.failStale(w);
        continue;
      }
      cores.take();
      w.core = cores;
      if (w.req.traced) this.tracer.working(w, this.now, false);
      this.heap.push(this.now + w.workMs, EV_RESUME, w, w.token);
    }
  }

  // ---- waits (the kernel's timers, seen by journeys) ----------------------------------

  override delay(call: Call, ms: number): void {
    if (call.req.traced) this.tracer.delayed(call, this.now);
    super.delay(call, ms);
  }

  override timeout(call: Call, ms: number): void {
    if (call.req.traced) this.tracer.timed(call, this.now);
    super.timeout(call, ms);
  }

  // ---- measurement --------------------------------------------------------------------

  routeFor(method: string, path: string): number {
    return this.measure.routeFor(method, path);
  }

  completeRequest(route: number, start: number, measured: boolean, ok: boolean, cause: number) {
    this.measure.completeRequest(this.now, route, start, measured, ok, cause);
  }
}
