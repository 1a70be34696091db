// Users sending requests: Poisson or evenly spaced arrivals, a weighted route mix, a
// traffic pattern (steady, ramp, spike, a daily cycle, random correlated bursts, or the
// rate of a replayed access log), distinct users (for ip-hash, sessions and DNS caching),
// and a timeout after which the user gives up.

import { type Capabilities, reach, type SendsTraffic } from '../../sim/capabilities.ts';
import { C_NO_ROUTE, C_TIMEOUT } from '../../sim/causes.ts';
import { readProfile } from '../../model/replayProfile.ts';
import { Ring } from '../../sim/ring.ts';
import {
  Call,
  type EdgeRt,
  OP_LOOKUP,
  OP_REQUEST,
  Req,
  S_CHILD,
  S_DONE,
} from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

const DEADLINE = -1;
const STEP_DNS = 0;
const STEP_FRONT = 1;
const USER_SPACE = 2 ** 24;

interface RouteRt {
  route: number;
  method: string;
  path: string;
  write: boolean;
  cum: number;
}

export class ClientBehaviour extends BaseBehaviour<'client'> implements SendsTraffic {
  override readonly caps: Capabilities = { sendsTraffic: this };
  private clientIndex = -1;
  private rps = 0;
  private rpsOverride: number | null = null;
  private poisson = true;
  private pattern = 'steady';
  private rampMs = 1;
  private spikeAt = 0;
  private spikeEnd = 0;
  private spikeFactor = 1;
  private chaosFactor = 1;
  private chaosUntil = 0;
  private dayMs = 600_000;
  private daySwing = 0;
  private burstEveryMs = 30_000;
  private burstLengthMs = 3_000;
  /** A random burst lasts until then (bursts pattern). */
  private burstUntil = 0;
  /** Voids the burst timers of an earlier configuration. */
  private burstGen = 0;
  /** Replay: requests per second of log time, its bucket width (ms), speed and volume. */
  private replay: number[] | null = null;
  private replayBucketMs = 1000;
  private replayPeak = 0;
  private replaySpeed = 1;
  private replayVolume = 1;
  private timeoutMs = 5000;
  private users = 1;
  private mix: RouteRt[] = [];
  private totalWeight = 0;
  private token = 0;
  private readonly pending = new Ring<Call>();
  private readonly spare: Call[] = [];
  private deadlineArmed = false;
  private dnsEdge: EdgeRt | null = null;
  private cdnEdges: EdgeRt[] = [];
  private cdnPrefixes: string[] = [];
  private frontEdges: EdgeRt[] = [];
  private rr = 0;
  private dnsTtlMs = 0;
  /** Until when each user keeps the DNS answer (indexed by user; 0 = never looked up). */
  private dnsUntil = new Float64Array(0);
  timeouts = 0;

  override configure(): void {
    if (this.clientIndex < 0) this.clientIndex = this.sim.newClientIndex();
    const rps = this.num('rps');
    if (rps !== this.rps) this.rpsOverride = null;
    this.rps = rps;
    this.poisson = this.str('arrival') !== 'constant';
    this.pattern = this.str('pattern');
    this.rampMs = this.num('rampS') * 1000;
    this.spikeAt = this.num('spikeAtS') * 1000;
    this.spikeEnd = this.spikeAt + this.num('spikeDurationS') * 1000;
    this.spikeFactor = this.num('spikeFactor');
    this.dayMs = this.num('diurnalPeriodS') * 1000;
    this.daySwing = Math.min(1, Math.max(0, this.num('diurnalAmplitude')));
    this.burstEveryMs = this.num('burstEveryS') * 1000;
    this.burstLengthMs = this.num('burstLengthS') * 1000;
    this.replay = null;
    if (this.pattern === 'replay') {
      const p = readProfile(this.str('replayProfile'));
      if (p !== null && p.total > 0) {
        this.replayBucketMs = p.bucketS * 1000;
        this.replay = p.counts.map((c) => c / p.bucketS);
        this.replayPeak = Math.max(...this.replay);
      }
      this.replaySpeed = this.num('replayTimeScale');
      this.replayVolume = this.num('replayVolume');
    }
    this.timeoutMs = this.num('timeoutMs');
    this.users = Math.max(1, Math.floor(this.num('users')));
    if (this.dnsUntil.length !== this.users) this.dnsUntil = new Float64Array(this.users);
    const list = this.routes('routes');
    this.mix = [];
    this.totalWeight = 0;
    for (const r of list) {
      if (!(r.weight > 0)) continue;
      this.totalWeight += r.weight;
      this.mix.push({
        route: this.sim.routeFor(r.method, r.path),
        method: r.method,
        path: r.path,
        write: r.method !== 'GET',
        cum: this.totalWeight,
      });
    }
    this.dnsEdge = null;
    this.cdnEdges = [];
    this.cdnPrefixes = [];
    this.frontEdges = [];
    for (const e of this.node.out) {
      const caps = reach(e);
      if (caps.resolvesNames !== undefined) {
        if (this.dnsEdge === null) {
          this.dnsEdge = e;
          this.dnsTtlMs = caps.resolvesNames.ttlMs();
        }
      } else if (caps.cachesFiles !== undefined) {
        this.cdnEdges.push(e);
        this.cdnPrefixes.push(caps.cachesFiles.staticPrefix());
      } else this.frontEdges.push(e);
    }
    this.burstGen++;
    if (this.pattern === 'bursts') this.scheduleBurst();
    else this.burstUntil = 0;
    this.restart();
  }

  /** The next random burst: starts after an exponential gap, lasts an exponential time. */
  private scheduleBurst(): void {
    const gen = this.burstGen;
    const start = this.sim.now + this.sim.rng.exp(this.burstEveryMs);
    this.sim.at(start, () => {
      if (gen !== this.burstGen) return;
      this.burstUntil = this.sim.now + this.sim.rng.exp(this.burstLengthMs);
      this.restart();
      this.sim.at(this.burstUntil, () => {
        if (gen !== this.burstGen) return;
        this.restart();
        this.scheduleBurst();
      });
    });
  }

  setRps(rps: number): void {
    this.rpsOverride = Math.max(0, rps);
    this.restart();
  }

  spike(factor: number, durationMs: number): void {
    this.chaosFactor = Math.max(0, factor);
    this.chaosUntil = this.sim.now + Math.max(0, durationMs);
    this.restart();
    this.sim.at(this.chaosUntil, () => this.restart());
  }

  /** Traffic per second at time t. */
  rateAt(t: number): number {
    const base = this.rpsOverride ?? this.rps;
    let f = 1;
    if (this.pattern === 'ramp') f = Math.min(1, t / this.rampMs);
    else if (this.pattern === 'spike' && t >= this.spikeAt && t < this.spikeEnd)
      f = this.spikeFactor;
    else if (this.pattern === 'diurnal') {
      // Quiet at t = 0 (night), busiest half a day later.
      f = 1 - this.daySwing * Math.cos((2 * Math.PI * t) / this.dayMs);
    } else if (this.pattern === 'bursts' && t < this.burstUntil) f = this.spikeFactor;
    else if (this.pattern === 'replay') {
      const r = this.replayRate(t);
      return t < this.chaosUntil ? r * this.chaosFactor : r;
    }
    if (t < this.chaosUntil) f *= this.chaosFactor;
    return base * f;
  }

  /** The replayed log's rate at t: its bucket's requests per second, scaled, looping. */
  private replayRate(t: number): number {
    const r = this.replay;
    if (r === null) return 0;
    const logMs = t * this.replaySpeed;
    const i = Math.floor(logMs / this.replayBucketMs) % r.length;
    return r[i]! * this.replaySpeed * this.replayVolume;
  }

  private maxRate(): number {
    if (this.pattern === 'replay') {
      const chaos = this.sim.now < this.chaosUntil ? Math.max(1, this.chaosFactor) : 1;
      return this.replayPeak * this.replaySpeed * this.replayVolume * chaos;
    }
    const base = this.rpsOverride ?? this.rps;
    let f =
      this.pattern === 'spike' || this.pattern === 'bursts'
        ? Math.max(1, this.spikeFactor)
        : this.pattern === 'diurnal'
          ? 1 + this.daySwing
          : 1;
    if (this.sim.now < this.chaosUntil) f *= Math.max(1, this.chaosFactor);
    return base * f;
  }

  /** Voids the scheduled arrival and schedules the next from now (rate changed). */
  private restart(): void {
    this.token++;
    this.scheduleNext();
  }

  private scheduleNext(): void {
    if (this.totalWeight <= 0) return;
    const now = this.sim.now;
    if (this.poisson) {
      const max = this.maxRate();
      if (max <= 0) return;
      // Thinning (Lewis–Shedler): candidates at the peak rate, kept with rate(t)/peak.
      this.sim.nodeTimer(this.node, now + this.sim.rng.exp(1000 / max), this.token);
    } else {
      const rate = this.rateAt(now);
      if (rate > 0) this.sim.nodeTimer(this.node, now + 1000 / rate, this.token);
      else if (this.maxRate() > 0) this.sim.nodeTimer(this.node, now + 100, this.token);
    }
  }

  override timer(code: number): void {
    if (code === DEADLINE) {
      this.deadlines();
      return;
    }
    if (code !== this.token) return;
    const now = this.sim.now;
    if (this.node.servers[0]!.up) {
      if (this.pattern === 'steady' && now >= this.chaosUntil) this.emit();
      else if (this.poisson) {
        if (this.sim.rng.next() * this.maxRate() < this.rateAt(now)) this.emit();
      } else if (this.rateAt(now) > 0) this.emit();
    }
    this.scheduleNext();
  }

  private emit(): void {
    const sim = this.sim;
    const now = sim.now;
    const node = this.node;
    const rng = sim.rng;
    let r = this.mix[0]!;
    if (this.mix.length > 1) {
      const x = rng.next() * this.totalWeight;
      for (const candidate of this.mix) {
        if (x < candidate.cum) {
          r = candidate;
          break;
        }
      }
    }
    const userIndex = rng.int(this.users);
    const user = this.clientIndex * USER_SPACE + userIndex;
    const id = sim.newReqId();
    let call = this.spare.pop();
    let req: Req;
    if (call === undefined) {
      req = new Req(id, node, r.route, user, now, 0, r.write, r.path, false, false);
      call = new Call(req, node, null, null, null, OP_REQUEST);
    } else {
      req = call.req;
      req.id = id;
      req.route = r.route;
      req.user = user;
      req.start = now;
      req.write = r.write;
      req.path = r.path;
      req.done = false;
      call.reuse(req, node, null, null, null, OP_REQUEST);
    }
    req.deadline = now + this.timeoutMs;
    req.measured = now >= sim.warmupMs;
    req.traced = sim.traced(id);
    req.pending = true;
    node.arrivals++;
    node.inFlight++;
    call.tArrive = now;
    this.pending.push(call);
    if (!this.deadlineArmed) {
      this.deadlineArmed = true;
      sim.nodeTimer(node, req.deadline, DEADLINE);
    }
    if (this.dnsEdge !== null) {
      if (this.dnsUntil[userIndex]! <= now) {
        call.step = STEP_DNS;
        call.state = S_CHILD;
        sim.send(call, this.dnsEdge, OP_LOOKUP);
        return;
      }
    }
    this.sendFront(call);
  }

  private sendFront(call: Call): void {
    const edge = this.frontFor(call.req.path);
    if (edge === null) {
      this.node.failed[C_NO_ROUTE]!++;
      this.finish(call, false, C_NO_ROUTE);
      return;
    }
    call.step = STEP_FRONT;
    call.state = S_CHILD;
    this.sim.send(call, edge, OP_REQUEST);
  }

  /** Static files go to a CDN when there is one; the rest to the front door(s) in turn. */
  private frontFor(path: string): EdgeRt | null {
    for (let i = 0; i < this.cdnEdges.length; i++) {
      if (path.startsWith(this.cdnPrefixes[i]!)) return this.cdnEdges[i]!;
    }
    const front = this.frontEdges.length > 0 ? this.frontEdges : this.cdnEdges;
    if (front.length === 0) return null;
    return front[this.rr++ % front.length]!;
  }

  override childDone(call: Call, child: Call): void {
    if (call.step === STEP_DNS) {
      if (child.ok) {
        const userIndex = call.req.user % USER_SPACE;
        if (userIndex < this.dnsUntil.length)
          this.dnsUntil[userIndex] = this.sim.now + this.dnsTtlMs;
        this.sendFront(call);
      } else this.finish(call, false, child.cause);
      return;
    }
    this.finish(call, child.ok, child.cause);
  }

  private finish(call: Call, ok: boolean, cause: number): void {
    call.state = S_DONE;
    const req = call.req;
    if (req.done) {
      // The user already gave up; the answer arrived anyway.
      if (!req.pending && this.spare.length < 4096) this.spare.push(call);
      return;
    }
    req.done = true;
    const node = this.node;
    node.inFlight--;
    if (ok) {
      node.completed++;
      node.respSum += this.sim.now - req.start;
    } else node.errors++;
    this.sim.completeRequest(req.route, req.start, req.measured, ok, cause);
    while (this.pending.length > 0 && this.pending.peek()!.req.done) this.unlist();
  }

  /**
   * Takes the oldest request off the deadline list; once it is also answered its call and
   * request are reused for a new request (no allocation per request).
   */
  private unlist(): void {
    const call = this.pending.shift()!;
    call.req.pending = false;
    if (call.state === S_DONE && this.spare.length < 4096) this.spare.push(call);
  }

  /** Users whose deadline has passed give up: their requests fail with 'timeout'. */
  private deadlines(): void {
    const now = this.sim.now;
    const node = this.node;
    const pending = this.pending;
    while (pending.length > 0) {
      const call = pending.peek()!;
      const req = call.req;
      if (!req.done) {
        if (req.deadline > now) break;
        req.done = true;
        node.inFlight--;
        node.failed[C_TIMEOUT]!++;
        node.errors++;
        this.timeouts++;
        this.sim.completeRequest(req.route, req.start, req.measured, false, C_TIMEOUT);
      }
      this.unlist();
    }
    if (pending.length > 0) this.sim.nodeTimer(node, pending.peek()!.req.deadline, DEADLINE);
    else this.deadlineArmed = false;
  }

  override queueLength(): number {
    return 0;
  }

  override figures(out: Record<string, number | string>): void {
    out.rps = this.rateAt(this.sim.now);
    out.timeouts = this.timeouts;
  }

  override resetStats(): void {
    this.timeouts = 0;
  }
}
