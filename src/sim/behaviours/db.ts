// A database: `concurrency` queries run at once, the rest wait in a bounded queue (full →
// 'rejected'); reads take readMs, writes writeMs (serviceDist around that mean). It counts
// open connections (pools and one-off ones) and refuses one beyond maxConnections.

import { distCode, sample } from '../rng.ts';
import { type Call, OP_WRITE, S_QUEUED, S_WORK } from '../runtime.ts';
import { BaseBehaviour } from './base.ts';

export class DbBehaviour extends BaseBehaviour {
  private readMs = 0;
  private writeMs = 0;
  private dist = 1;
  maxConnections = 1;
  connections = 0;
  peakConnections = 0;

  override configure(): void {
    this.readMs = this.num('readMs');
    this.writeMs = this.num('writeMs');
    this.dist = distCode(this.str('serviceDist'));
    this.maxConnections = this.num('maxConnections');
    this.stations(this.num('concurrency'), this.num('queueLimit'));
  }

  /** Opens one connection; false when maxConnections are already open. */
  openConnection(): boolean {
    if (this.connections >= this.maxConnections) return false;
    this.connections++;
    if (this.connections > this.peakConnections) this.peakConnections = this.connections;
    return true;
  }

  closeConnection(n: number): void {
    this.connections = Math.max(0, this.connections - n);
  }

  override arrive(call: Call): void {
    this.sim.admit(call);
  }

  override resume(call: Call): void {
    if (call.state === S_QUEUED) {
      const mean = call.op === OP_WRITE ? this.writeMs : this.readMs;
      this.sim.work(call, sample(this.sim.rng, this.dist, mean));
    } else if (call.state === S_WORK) {
      this.sim.releaseWorker(call);
      this.sim.respond(call);
    }
  }

  override figures(out: Record<string, number | string>): void {
    out.connections = this.connections;
    out.peakConnections = this.peakConnections;
    out.maxConnections = this.maxConnections;
  }

  override resetStats(): void {
    this.peakConnections = this.connections;
  }
}
