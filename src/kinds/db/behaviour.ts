// A database: `concurrency` queries run at once, the rest wait in a bounded queue (full →
// 'rejected'); reads take readMs, writes writeMs (serviceDist around that mean). It counts
// open connections (pools and one-off ones) and refuses one beyond maxConnections, counting
// the refusal here ('db-max-connections'). With read replicas (src/sim/replicas/) it runs a
// primary and `readReplicas` replicas, each with its own workers and queue: writes go to
// the primary, reads mostly to the replicas, stale reads are counted, and a crash of the
// primary is followed by a failover.

import type { Capabilities, ServesQueries } from '../../sim/capabilities.ts';
import { C_DB_MAX } from '../../sim/causes.ts';
import { ReplicaSet } from '../../sim/replicas/replicaSet.ts';
import { Resource } from '../../sim/resource.ts';
import { distCode, sample } from '../../sim/rng.ts';
import { type Call, OP_WRITE, S_QUEUED, S_WORK, type Server } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

export class DbBehaviour extends BaseBehaviour<'db'> implements ServesQueries {
  override readonly caps: Capabilities = { servesQueries: this };
  private readMs = 0;
  private writeMs = 0;
  private dist = 1;
  /** Open connections against maxConnections; nobody waits for one (refused at once). */
  private readonly connections = new Resource<Call>(1, 0);
  private peakConnections = 0;
  private readonly cluster = new ReplicaSet(this.sim, this.node);

  override replicas(): number {
    return 1 + this.num('readReplicas');
  }

  override configure(): void {
    this.readMs = this.num('readMs');
    this.writeMs = this.num('writeMs');
    this.dist = distCode(this.str('serviceDist'));
    this.connections.cap = this.num('maxConnections');
    this.stations(this.num('concurrency'), this.num('queueLimit'));
    this.cluster.configure({
      replicas: this.num('readReplicas'),
      lagMs: this.num('replicationLagMs'),
      lagDist: distCode(this.str('lagDist')),
      share: this.num('replicaReadShare') / 100,
      failoverMs: this.num('failoverS') * 1000,
      rows: this.num('rows'),
    });
  }

  connect(): boolean {
    if (!this.connections.take()) {
      this.node.failed[C_DB_MAX]!++;
      return false;
    }
    if (this.connections.busy > this.peakConnections) this.peakConnections = this.connections.busy;
    return true;
  }

  disconnect(n: number): void {
    this.connections.releaseMany(n);
  }

  override arrive(call: Call): void {
    this.sim.admit(call);
  }

  override resume(call: Call): void {
    if (call.state === S_QUEUED) {
      const mean = call.op === OP_WRITE ? this.writeMs : this.readMs;
      this.sim.work(call, sample(this.sim.rng, this.dist, mean));
    } else if (call.state === S_WORK) {
      if (this.cluster.active) {
        if (call.op === OP_WRITE) this.cluster.committed(call);
        else this.cluster.answered(call);
      }
      this.sim.releaseWorker(call);
      this.sim.respond(call);
    }
  }

  override crashes(): readonly Server[] {
    return this.cluster.crashes();
  }

  override serverDown(server: Server): void {
    this.cluster.serverDown(server);
  }

  override timer(code: number): void {
    this.cluster.timer(code);
  }

  override figures(out: Record<string, number | string>): void {
    out.connections = this.connections.busy;
    out.peakConnections = this.peakConnections;
    out.maxConnections = this.connections.cap;
    this.cluster.figures(out);
  }

  override resetStats(): void {
    this.peakConnections = this.connections.busy;
    this.cluster.resetStats();
  }
}
