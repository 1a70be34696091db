// Load balancer: picks a backend (every replica of every target) by its strategy among
// those its health checks consider healthy. It learns that a backend died only through
// the checks (every interval; no answer within the timeout is a failure; unhealthy after
// N failures in a row, healthy again after M passes), so requests sent in between fail.

import {
  type BackendHealth,
  type Balances,
  type Capabilities,
  reach,
  SERVES_REQUESTS,
} from '../../sim/capabilities.ts';
import { C_NO_ROUTE } from '../../sim/causes.ts';
import { type Call, type EdgeRt, S_CHILD, type Server } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

const TICK = 1;
const EVALUATE = 2;

/** One server behind the load balancer, as its health checks see it. */
class Backend {
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

export class LbBehaviour extends BaseBehaviour<'lb'> implements Balances {
  override readonly caps: Capabilities = { servesRequests: SERVES_REQUESTS, balances: this };
  private backends: Backend[] = [];
  private strategy = 'round-robin';
  private intervalMs = 2000;
  private checkTimeoutMs = 500;
  private unhealthyAfter = 2;
  private healthyAfter = 2;
  private rr = 0;
  private started = false;
  /**
   * The healthy backends in order, made again only when a backend's health changes: every
   * request asks how many there are (and a random pick for the k-th), and counting them
   * afresh each time cost a farm of 300 servers a quarter of its whole run.
   */
  private healthyList: Backend[] | null = null;

  override configure(): void {
    this.strategy = this.str('strategy');
    this.intervalMs = this.num('healthCheckIntervalMs');
    this.checkTimeoutMs = this.num('healthCheckTimeoutMs');
    this.unhealthyAfter = this.num('unhealthyThreshold');
    this.healthyAfter = this.num('healthyThreshold');
    const old = new Map<Server, Backend>();
    for (const b of this.backends) old.set(b.server, b);
    const next: Backend[] = [];
    for (const e of this.node.out) {
      const weight = reach(e).servesRequests?.weight() ?? 1;
      for (const s of e.target.servers) {
        const prev = old.get(s);
        if (prev && prev.edge === e) {
          prev.weight = weight;
          next.push(prev);
        } else next.push(new Backend(e, s, weight));
      }
    }
    this.backends = next;
    this.healthyList = null;
    if (!this.started) {
      this.started = true;
      this.sim.nodeTimer(this.node, this.sim.now + this.intervalMs, TICK);
    }
  }

  override arrive(call: Call): void {
    const b = this.pick(call);
    if (b === null) {
      this.sim.fail(call, C_NO_ROUTE);
      return;
    }
    call.ref = b;
    b.inFlight++;
    call.state = S_CHILD;
    this.sim.send(call, b.edge, call.op, b.server);
  }

  override childDone(call: Call, child: Call): void {
    const b = call.ref as Backend;
    if (b.inFlight > 0) b.inFlight--;
    if (child.ok) this.sim.respond(call);
    else this.sim.propagate(call, child.cause);
  }

  private healthyOnes(): Backend[] {
    this.healthyList ??= this.backends.filter((b) => b.healthy);
    return this.healthyList;
  }

  private healthyCount(): number {
    return this.healthyOnes().length;
  }

  /** The k-th healthy backend (0-based). */
  private nthHealthy(k: number): Backend {
    return this.healthyOnes()[k] ?? this.backends[0]!;
  }

  private setHealthy(b: Backend, healthy: boolean): void {
    if (b.healthy === healthy) return;
    b.healthy = healthy;
    this.healthyList = null;
  }

  private pick(call: Call): Backend | null {
    const list = this.backends;
    const n = list.length;
    if (n === 0) return null;
    const healthy = this.healthyCount();
    if (healthy === 0) return null;
    const rng = this.sim.rng;
    switch (this.strategy) {
      case 'least-connections': {
        let best: Backend | null = null;
        const start = this.rr++ % n;
        for (let i = 0; i < n; i++) {
          const b = list[(start + i) % n]!;
          if (b.healthy && (best === null || b.inFlight < best.inFlight)) best = b;
        }
        return best;
      }
      case 'random':
        return this.nthHealthy(rng.int(healthy));
      case 'p2c': {
        const a = this.nthHealthy(rng.int(healthy));
        if (healthy === 1) return a;
        let j = rng.int(healthy - 1);
        const b0 = this.nthHealthy(j);
        const b = b0 === a ? this.nthHealthy(++j) : b0;
        return b.inFlight < a.inFlight ? b : a;
      }
      case 'weighted': {
        // Smooth weighted round robin (nginx): deterministic, spreads heavy weights out.
        let total = 0;
        let best: Backend | null = null;
        for (const b of list) {
          if (!b.healthy || b.weight <= 0) continue;
          b.current += b.weight;
          total += b.weight;
          if (best === null || b.current > best.current) best = b;
        }
        if (best === null) return null;
        best.current -= total;
        return best;
      }
      case 'ip-hash': {
        const key = call.req.user >= 0 ? call.req.user : call.req.id;
        let i = hash32(key) % n;
        for (let tries = 0; tries < n; tries++, i = (i + 1) % n) {
          if (list[i]!.healthy) return list[i]!;
        }
        return null;
      }
      default: {
        for (let tries = 0; tries < n; tries++) {
          const b = list[this.rr++ % n]!;
          if (b.healthy) return b;
        }
        return null;
      }
    }
  }

  override timer(code: number): void {
    if (code === TICK) {
      let pending = false;
      for (const b of this.backends) {
        const alive = b.server.up && !b.edge.cut && b.edge.index >= 0 && !b.server.node.removed;
        if (alive) this.pass(b);
        else {
          b.pendingFail = true;
          pending = true;
        }
      }
      if (pending) this.sim.nodeTimer(this.node, this.sim.now + this.checkTimeoutMs, EVALUATE);
      this.sim.nodeTimer(this.node, this.sim.now + this.intervalMs, TICK);
    } else if (code === EVALUATE) {
      for (const b of this.backends) {
        if (!b.pendingFail) continue;
        b.pendingFail = false;
        b.passes = 0;
        b.fails++;
        if (b.healthy && b.fails >= this.unhealthyAfter) this.setHealthy(b, false);
      }
    }
  }

  private pass(b: Backend): void {
    b.fails = 0;
    b.passes++;
    if (!b.healthy && b.passes >= this.healthyAfter) this.setHealthy(b, true);
  }

  override serverDown(): void {
    for (const b of this.backends) b.inFlight = 0;
  }

  override queueLength(): number {
    return 0;
  }

  override figures(out: Record<string, number | string>): void {
    out.backends = this.backends.length;
    out.healthyBackends = this.healthyCount();
    out.health = this.backends
      .map((b) => `${backendName(b)}:${b.healthy ? 'up' : 'down'}`)
      .join(' ');
  }

  /** Health as this LB sees it, for live views. */
  health(): BackendHealth[] {
    return this.backends.map((b) => ({
      node: b.server.node.id,
      replica: b.server.index,
      healthy: b.healthy,
      inFlight: b.inFlight,
    }));
  }
}

function backendName(b: Backend): string {
  return b.server.node.servers.length > 1
    ? `${b.server.node.id}#${b.server.index + 1}`
    : b.server.node.id;
}

/** A 32-bit integer hash (so neighbouring user ids land on unrelated backends). */
function hash32(x: number): number {
  let h = (x ^ (x / 4294967296)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
