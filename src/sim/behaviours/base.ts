// What every behaviour starts from: config readers, stations per server, and the
// defaults (answer at once, pass a child's outcome up).

import { booleanOf, numberOf, stringOf } from '../../model/kinds.ts';
import type { Simulation } from '../simulation.ts';
import { type Behaviour, type Call, type NodeRt, type Server, Station } from '../runtime.ts';

export abstract class BaseBehaviour implements Behaviour {
  constructor(
    protected readonly sim: Simulation,
    protected readonly node: NodeRt,
  ) {}

  configure(): void {}

  arrive(call: Call): void {
    this.sim.respond(call);
  }

  resume(call: Call): void {
    this.sim.respond(call);
  }

  childDone(call: Call, child: Call): void {
    if (child.ok) this.sim.respond(call);
    else this.sim.propagate(call, child.cause);
  }

  timer(_code: number): void {}

  serverDown(_server: Server): void {}

  figures(_out: Record<string, number | string>): void {}

  resetStats(): void {}

  queueLength(): number {
    let n = 0;
    for (const s of this.node.servers) if (s.station !== null) n += s.station.queue.length;
    return n;
  }

  protected num(key: string): number {
    return numberOf(this.node.kind, this.node.config, key);
  }

  protected str(key: string): string {
    return stringOf(this.node.kind, this.node.config, key);
  }

  protected bool(key: string): boolean {
    return booleanOf(this.node.kind, this.node.config, key);
  }

  /** Gives every server a station (workers + queue), resized to the current config. */
  protected stations(cap: number, limit: number): void {
    for (const s of this.node.servers) {
      if (s.station === null) {
        s.station = new Station(cap, limit);
        s.station.last = this.sim.now;
      } else {
        s.station.mark(this.sim.now);
        s.station.cap = cap;
        s.station.limit = limit;
        if (s.up) this.sim.startQueued(s.station);
      }
    }
  }
}
