// Autoscaling of a box's replicas (app servers and workers; docs/engine.md, "Autoscaling").
// Every `scaleEveryS` the controller reads the figure it scales on over the period since it
// last looked and asks for, as Kubernetes' Horizontal Pod Autoscaler does,
//   utilization:  ceil(workers busy on average / (workers per replica × target)),
//                 i.e. ceil(serving × utilization / target) while no replica came or went
//   queue:        ceil(waiting / target per replica)   (here and in the queues feeding it)
// bounded by the fewest and most replicas. With arrival rate λ, work S per request and c
// workers per replica that settles at ceil(λ·S / (c · target)), whatever it started from.
// A scaling action waits `cooldownS` after the last one. A new replica boots for
// `coldStartS` and takes no traffic until then; scaling in first cancels replicas still
// booting, then drains the newest serving one: it takes nothing new, finishes what it
// holds (its queue too), then goes. Scaling out first takes back a replica still draining
// (it is warm).
//
// The box's behaviour owns one Autoscaler and calls it from configure, timer, and when a
// request lets go of a worker (`released`); nothing here runs for a box with autoscale off,
// so older documents run exactly as before. The Autoscaler also keeps the box's busy time
// whole when replicas come and go (busy areas of replicas gone are kept), and the time
// integral of capacity, so the report's utilization is over the workers that were there.

import type { Engine } from './engine.ts';
import { type NodeRt, Server } from './runtime.ts';

export const SCALE_UTILIZATION = 0;
export const SCALE_QUEUE = 1;

export interface AutoscaleSettings {
  /** SCALE_UTILIZATION or SCALE_QUEUE. */
  metric: number;
  /** Utilization (0–1] or waiting per replica. */
  target: number;
  min: number;
  max: number;
  coldStartMs: number;
  cooldownMs: number;
  everyMs: number;
}

/** What the Autoscaler asks of the box it scales. */
export interface ScaledBox {
  /** Re-read the servers (a replica came or went): workers, pools, the LBs in front. */
  serversChanged(): void;
  /** A drained replica goes: drop what it held (its pool's connections). */
  serverDown(server: Server): void;
}

/** Timer codes of a scaled box (its behaviour passes codes ≥ T_READY here). */
export const T_READY = 1000;
const T_EVAL = 1001;

interface Booting {
  server: Server;
  readyAt: number;
}

export class Autoscaler {
  active = false;
  s: AutoscaleSettings = {
    metric: SCALE_UTILIZATION,
    target: 0.7,
    min: 1,
    max: 1,
    coldStartMs: 0,
    cooldownMs: 0,
    everyMs: 1000,
  };
  /** Replicas booting, oldest first: not in node.servers until ready. */
  readonly starting: Booting[] = [];
  /** Replicas draining: out of node.servers, finishing what they hold. */
  readonly draining: Server[] = [];
  /** Each enable starts a new chain of evaluations; a stale one stops. */
  private gen = 0;
  private lastAction = Number.NEGATIVE_INFINITY;
  /** What the controller wants (after bounds), as of its last look. */
  desired = 0;
  scaleOuts = 0;
  scaleIns = 0;
  // Busy and queue areas of replicas that are gone; the capacity integral (workers × ms).
  private goneBusy = 0;
  private goneQueue = 0;
  private capArea = 0;
  private cap = 0;
  private replicaArea = 0;
  private replicasNow = 0;
  private last = 0;
  // The areas when the controller last looked.
  private seenBusy = 0;
  private seenAt = 0;
  private readonly uids: { next: number };

  constructor(
    private readonly sim: Engine,
    private readonly node: NodeRt,
    private readonly box: ScaledBox,
  ) {
    // Unique among the run's servers (the world numbers its own from 1).
    this.uids = sim.shared('autoscale.uids', () => ({ next: 1 << 24 }));
    this.last = sim.now;
    node.scale = this;
  }

  /** The settings changed (load, live edit, restart). */
  configure(s: AutoscaleSettings): void {
    this.mark();
    this.s = s;
    this.remeasure();
    if (this.active) return;
    this.active = true;
    this.gen++;
    this.lastAction = Number.NEGATIVE_INFINITY;
    this.desired = this.node.servers.length;
    this.seenBusy = this.areas().busy;
    this.seenAt = this.sim.now;
    this.sim.nodeTimer(this.node, this.sim.now + s.everyMs, T_EVAL + this.gen);
  }

  /** Autoscale was turned off: no more evaluations; replicas booting are cancelled. */
  stop(): void {
    if (!this.active) return;
    this.active = false;
    this.gen++;
    this.starting.length = 0;
  }

  timer(code: number): void {
    if (code === T_READY) this.promote();
    else if (this.active && code === T_EVAL + this.gen) {
      this.evaluate();
      this.sim.nodeTimer(this.node, this.sim.now + this.s.everyMs, code);
    }
  }

  /** A request let go of a worker of `server`: a draining replica that is idle goes. */
  released(server: Server): void {
    if (this.draining.length === 0) return;
    const w = server.workers;
    if (w !== null && w.busy === 0 && w.waiting === 0) {
      const i = this.draining.indexOf(server);
      if (i >= 0) this.retire(i);
    }
  }

  /** An index no replica of this box (serving, booting or draining) uses. */
  freeIndex(): number {
    const used = new Set<number>();
    for (const s of this.node.servers) used.add(s.index);
    for (const b of this.starting) used.add(b.server.index);
    for (const s of this.draining) used.add(s.index);
    let i = 0;
    while (used.has(i)) i++;
    return i;
  }

  // ---- the controller -------------------------------------------------------------------

  private evaluate(): void {
    this.mark();
    const s = this.s;
    // A draining replica that crashed (chaos) holds nothing any more: it goes.
    this.sweep();
    const serving = this.node.servers.length;
    let want: number;
    if (s.metric === SCALE_QUEUE) {
      let waiting = 0;
      for (const srv of this.node.servers) waiting += srv.workers?.waiting ?? 0;
      for (const e of this.node.inn) {
        if (e.source.caps.queuesJobs !== undefined) waiting += e.source.behaviour.queueLength();
      }
      want = Math.ceil(waiting / s.target - 1e-9);
    } else {
      const now = this.sim.now;
      // Measurement restarted (warmup ended) less than half a period ago: too little to go on.
      if (now - this.seenAt < 0.5 * s.everyMs) return;
      const { busy } = this.areas();
      // Workers busy on average over the period, over what one replica has: the replicas
      // that keep them at the target (serving × utilization ÷ target while none came or went).
      const demand = (busy - this.seenBusy) / (now - this.seenAt);
      const perReplica = this.node.servers[0]?.workers?.cap ?? 1;
      want = Math.ceil(demand / (perReplica * s.target) - 1e-9);
      this.seenBusy = busy;
      this.seenAt = now;
    }
    const hi = Math.max(s.min, s.max);
    want = Math.min(hi, Math.max(s.min, want));
    this.desired = want;
    const current = serving + this.starting.length;
    if (want === current) return;
    if (this.sim.now - this.lastAction < s.cooldownMs) return;
    this.lastAction = this.sim.now;
    if (want > current) this.scaleOut(want - current);
    else this.scaleIn(current - want);
  }

  private scaleOut(n: number): void {
    this.scaleOuts++;
    let changed = false;
    // A replica still draining is warm: it serves again at once.
    while (n > 0 && this.draining.length > 0) {
      this.mark();
      this.node.servers.push(this.draining.pop()!);
      n--;
      changed = true;
    }
    if (changed) this.serversChanged();
    const readyAt = this.sim.now + this.s.coldStartMs;
    for (; n > 0; n--) {
      const server = new Server(this.node, this.freeIndex());
      server.uid = this.uids.next++;
      this.starting.push({ server, readyAt });
    }
    if (this.s.coldStartMs <= 0) this.promote();
    else this.sim.nodeTimer(this.node, readyAt, T_READY);
  }

  private scaleIn(n: number): void {
    this.scaleIns++;
    // Replicas still booting go first: they hold nothing.
    while (n > 0 && this.starting.length > 0) {
      this.starting.pop();
      n--;
    }
    if (n === 0) return;
    const servers = this.node.servers;
    for (; n > 0 && servers.length > 1; n--) {
      this.mark();
      const server = servers.pop()!;
      this.draining.push(server);
    }
    this.serversChanged();
    // The idle (or crashed) ones go at once; the others when their last request is done.
    this.sweep();
  }

  /** Draining replicas that are idle or crashed go. */
  private sweep(): void {
    for (let i = this.draining.length - 1; i >= 0; i--) {
      const w = this.draining[i]!.workers;
      if (!this.draining[i]!.up || w === null || (w.busy === 0 && w.waiting === 0)) {
        this.retire(i);
      }
    }
  }

  /** Booted replicas (ready by now, in the order they were started) start serving. */
  private promote(): void {
    let changed = false;
    while (this.starting.length > 0 && this.starting[0]!.readyAt <= this.sim.now) {
      this.mark();
      this.node.servers.push(this.starting.shift()!.server);
      changed = true;
    }
    if (changed) this.serversChanged();
  }

  private retire(i: number): void {
    const server = this.draining[i]!;
    this.mark();
    this.draining.splice(i, 1);
    const w = server.workers;
    if (w !== null) {
      w.mark(this.sim.now);
      this.goneBusy += w.busyArea;
      this.goneQueue += w.queueArea;
      w.busyArea = 0;
      w.queueArea = 0;
    }
    if (server.up) {
      server.up = false;
      server.epoch++;
      this.box.serverDown(server);
    }
    this.remeasure();
  }

  private serversChanged(): void {
    this.box.serversChanged();
    this.remeasure();
  }

  // ---- measurement ----------------------------------------------------------------------

  /** Brings the capacity integral up to now; call before the replicas change. */
  private mark(): void {
    const now = this.sim.now;
    const dt = now - this.last;
    if (dt > 0) {
      this.capArea += dt * this.cap;
      this.replicaArea += dt * this.replicasNow;
      this.last = now;
    }
  }

  /** Capacity now: the workers of serving and draining replicas. */
  private remeasure(): void {
    let cap = 0;
    for (const s of this.node.servers) cap += s.workers?.cap ?? 0;
    for (const s of this.draining) cap += s.workers?.cap ?? 0;
    this.cap = cap;
    this.replicasNow = this.node.servers.length;
  }

  /** Busy and queue areas of every replica this box has had (Measurement.busyOf). */
  areas(now = this.sim.now): { busy: number; cap: number; queueArea: number } {
    let busy = this.goneBusy;
    let queueArea = this.goneQueue;
    for (const s of this.node.servers) {
      const w = s.workers;
      if (w === null) continue;
      busy += w.busyAreaAt(now);
      queueArea += w.queueAreaAt(now);
    }
    for (const s of this.draining) {
      const w = s.workers;
      if (w === null) continue;
      busy += w.busyAreaAt(now);
      queueArea += w.queueAreaAt(now);
    }
    return { busy, cap: this.cap, queueArea };
  }

  /** ∫ workers dt up to now (the report's utilization divides by it). */
  capAreaAt(now = this.sim.now): number {
    return this.capArea + (now - this.last) * this.cap;
  }

  /** The mean number of serving replicas since measurement (re)started. */
  meanReplicas(now = this.sim.now): number {
    const t = now - Math.max(this.sim.statsStart, this.node.since);
    const area = this.replicaArea + (now - this.last) * this.replicasNow;
    return t > 0 ? area / t : this.replicasNow;
  }

  /** Warmup is over (the workers' own areas were reset by the measurement). */
  resetStats(): void {
    this.mark();
    for (const s of this.draining) s.workers?.resetStats(this.sim.now);
    this.goneBusy = 0;
    this.goneQueue = 0;
    this.capArea = 0;
    this.replicaArea = 0;
    this.seenBusy = 0;
    this.seenAt = this.sim.now;
    this.scaleOuts = 0;
    this.scaleIns = 0;
  }

  figures(out: Record<string, number | string>): void {
    if (!this.active && this.draining.length === 0) return;
    out.replicasStarting = this.starting.length;
    out.replicasDraining = this.draining.length;
    out.desiredReplicas = this.desired;
    out.meanReplicas = this.meanReplicas();
    out.scaleOuts = this.scaleOuts;
    out.scaleIns = this.scaleIns;
  }
}
