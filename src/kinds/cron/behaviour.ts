// Cron: every everyMs it sends jobsPerRun jobs along each outgoing edge (a publish to a
// box that queues jobs, a job to one that accepts jobs, a request to anything else). Its
// runs are background work: they count on the boxes they reach and on the cron node, not
// in users' latency.

import { reach } from '../../sim/capabilities.ts';
import type { RootOwner } from '../../sim/engine.ts';
import { Call, type EdgeRt, OP_JOB, OP_PUBLISH, OP_REQUEST, Req } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

export class CronBehaviour extends BaseBehaviour<'cron'> implements RootOwner {
  private everyMs = 1000;
  private jobsPerRun = 1;
  private token = 0;
  runs = 0;

  override configure(): void {
    const every = this.num('everyMs');
    this.jobsPerRun = this.num('jobsPerRun');
    if (every !== this.everyMs || this.token === 0) {
      this.everyMs = every;
      this.token++;
      this.sim.nodeTimer(this.node, this.sim.now + every, this.token);
    }
  }

  override timer(code: number): void {
    if (code !== this.token) return;
    if (this.node.servers[0]!.up) this.fire();
    this.sim.nodeTimer(this.node, this.sim.now + this.everyMs, this.token);
  }

  private fire(): void {
    const sim = this.sim;
    this.runs++;
    const chosen = new Map<number, EdgeRt>();
    for (const e of this.node.out) {
      // An arrow fanning out (into a host, through DNS): one of its links per run, in turn.
      if (e.turn >= 0 && this.turnOf(e.turn, chosen) !== e) continue;
      const caps = reach(e);
      const op = caps.queuesJobs ? OP_PUBLISH : caps.acceptsJobs ? OP_JOB : OP_REQUEST;
      for (let j = 0; j < this.jobsPerRun; j++) {
        const id = sim.newReqId();
        const req = new Req(
          id,
          null,
          -1,
          -1,
          sim.now,
          Infinity,
          true,
          `/cron/${this.node.id}`,
          true,
          sim.traced(id),
        );
        const call = new Call(req, e.target, null, null, e, op);
        call.owner = this;
        call.depth = 1;
        this.node.arrivals++;
        this.node.inFlight++;
        sim.sendRoot(call, this.node);
      }
    }
  }

  private readonly turns = new Map<number, number>();

  /** The link of fan-out `turn` that this run takes (the next one each run). */
  private turnOf(turn: number, chosen: Map<number, EdgeRt>): EdgeRt {
    let e = chosen.get(turn);
    if (e === undefined) {
      const links = this.node.out.filter((x) => x.turn === turn);
      const next = this.turns.get(turn) ?? 0;
      e = links[next % links.length]!;
      this.turns.set(turn, next + 1);
      chosen.set(turn, e);
    }
    return e;
  }

  rootDone(call: Call): void {
    this.node.inFlight--;
    if (call.ok) this.node.completed++;
    else this.node.errors++;
  }

  override queueLength(): number {
    return 0;
  }

  override figures(out: Record<string, number | string>): void {
    out.runs = this.runs;
  }

  override resetStats(): void {
    this.runs = 0;
  }
}
