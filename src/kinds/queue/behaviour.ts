// A message queue: publishing takes publishMs and fails with 'queue-full' beyond
// `capacity` waiting jobs. Jobs go to the connected workers and app servers (an app
// consumes messages as a worker does: event-driven services), one per free slot, or
// are passed on to the queues it points at (published there);
// a job not acknowledged within visibilityTimeoutMs (or whose worker crashed) is
// delivered again. Jobs survive a crash of the queue itself (it is durable). The jobs
// waiting are the line of a Resource (capacity = its limit), so its depth is integrated
// over time like any queue's.

import { type Capabilities, type QueuesJobs, reach } from '../../sim/capabilities.ts';
import { C_QUEUE_FULL } from '../../sim/causes.ts';
import type { RootOwner } from '../../sim/engine.ts';
import { Resource } from '../../sim/resource.ts';
import { Ring } from '../../sim/ring.ts';
import { Call, type EdgeRt, OP_JOB, OP_PUBLISH, Req, type Server } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

const VISIBILITY = 1;

/** Hears the answer of a message passed on to another queue: nothing left to do. */
const PASSED_ON: RootOwner = { rootDone: () => {} };

/** A published message; its token moves on at every delivery (older deliveries are void). */
class Job {
  token = 0;
  /** The consumer server it is out with, unacknowledged. */
  server: Server | null = null;
  constructor(
    public req: Req,
    public depth: number,
  ) {}
}

interface Delivery {
  job: Job;
  token: number;
  at: number;
}

export class QueueBehaviour extends BaseBehaviour<'queue'> implements RootOwner, QueuesJobs {
  override readonly caps: Capabilities = { queuesJobs: this };
  /** Jobs waiting for a consumer (no units: a job leaves the line when one has a slot). */
  private readonly ready = new Resource<Job>(0, 1);
  // Visibility deadlines in delivery order (one timer for the earliest, not one per job).
  private readonly deliveries = new Ring<Delivery>();
  private timerArmed = false;
  private readonly unacked = new Set<Job>();
  private publishMs = 0;
  private visibilityMs = 1;
  private rr = 0;
  private dispatching = false;
  published = 0;
  delivered = 0;
  acked = 0;
  failedJobs = 0;
  redelivered = 0;

  override configure(): void {
    this.ready.limit = this.num('capacity');
    this.publishMs = this.num('publishMs');
    this.visibilityMs = this.num('visibilityTimeoutMs');
    this.pull();
  }

  override arrive(call: Call): void {
    if (this.ready.waiting >= this.ready.limit) {
      this.sim.fail(call, C_QUEUE_FULL);
      return;
    }
    const sim = this.sim;
    const id = sim.newReqId();
    const req = new Req(
      id,
      null,
      -1,
      -1,
      sim.now,
      Infinity,
      true,
      call.req.path,
      true,
      sim.traced(id),
    );
    this.ready.mark(sim.now);
    this.ready.wait(new Job(req, call.depth));
    this.published++;
    sim.delay(call, this.publishMs);
    this.pull();
  }

  /** Hands waiting jobs to free consumer slots. */
  pull(): void {
    if (this.dispatching || !this.node.servers[0]!.up || this.node.removed) return;
    this.dispatching = true;
    while (this.ready.waiting > 0) {
      const slot = this.freeSlot();
      if (slot === null) break;
      this.ready.mark(this.sim.now);
      this.deliver(this.ready.pop()!, slot.edge, slot.server);
    }
    this.dispatching = false;
  }

  private freeSlot(): { edge: EdgeRt; server: Server } | null {
    const out = this.node.out;
    let total = 0;
    for (const e of out) total += e.target.servers.length;
    if (total === 0) return null;
    const start = this.rr++;
    for (let i = 0; i < total; i++) {
      let k = (start + i) % total;
      for (const e of out) {
        const servers = e.target.servers;
        if (k >= servers.length) {
          k -= servers.length;
          continue;
        }
        const s = servers[k]!;
        if (e.cut || !s.up) break;
        const caps = reach(e);
        // Another queue takes every message passed on to it (Kafka → its topics); a queue
        // pointing at itself passes nothing on.
        if (caps.queuesJobs !== undefined) {
          if (e.target !== this.node && !e.target.removed) return { edge: e, server: s };
          break;
        }
        if (caps.consumesJobs?.hasFreeSlot(s)) return { edge: e, server: s };
        break;
      }
    }
    return null;
  }

  private deliver(job: Job, edge: EdgeRt, server: Server): void {
    if (edge.target.caps.queuesJobs !== undefined) {
      this.passOn(job, edge, server);
      return;
    }
    job.token++;
    job.server = server;
    this.unacked.add(job);
    this.delivered++;
    const call = new Call(job.req, edge.target, server, null, edge, OP_JOB);
    call.owner = this;
    call.ref = job;
    call.count = job.token;
    call.depth = job.depth + 1;
    const at = this.sim.now + this.visibilityMs;
    this.deliveries.push({ job, token: job.token, at });
    if (!this.timerArmed) {
      this.timerArmed = true;
      this.sim.nodeTimer(this.node, at, VISIBILITY);
    }
    this.sim.sendRoot(call, this.node);
  }

  /**
   * Passes a message on to another queue: it moves there at once (no visibility timeout,
   * no redelivery: the other queue keeps it now), published there as any message is.
   */
  private passOn(job: Job, edge: EdgeRt, server: Server): void {
    this.delivered++;
    this.acked++;
    const call = new Call(job.req, edge.target, server, null, edge, OP_PUBLISH);
    call.owner = PASSED_ON;
    call.depth = job.depth + 1;
    this.sim.sendRoot(call, this.node);
  }

  rootDone(call: Call): void {
    const job = call.ref as Job;
    if (job.token !== call.count || !this.unacked.has(job)) return; // redelivered meanwhile
    this.unacked.delete(job);
    job.server = null;
    if (call.ok) this.acked++;
    else this.failedJobs++;
  }

  override timer(code: number): void {
    if (code !== VISIBILITY) return;
    const now = this.sim.now;
    const d = this.deliveries;
    let expired = false;
    while (d.length > 0) {
      const head = d.peek()!;
      const live = head.job.token === head.token && this.unacked.has(head.job);
      if (live && head.at > now) break;
      d.shift();
      if (live) {
        this.requeue(head.job);
        expired = true;
      }
    }
    if (d.length > 0) this.sim.nodeTimer(this.node, d.peek()!.at, VISIBILITY);
    else this.timerArmed = false;
    if (expired) this.pull();
  }

  /** A consumer replica crashed: its unacknowledged jobs are delivered again. */
  consumerDown(server: Server): void {
    for (const job of [...this.unacked]) if (job.server === server) this.requeue(job);
    this.sim.at(this.sim.now, () => this.pull());
  }

  private requeue(job: Job): void {
    this.unacked.delete(job);
    job.token++;
    job.server = null;
    this.ready.mark(this.sim.now);
    this.ready.putBack(job);
    this.redelivered++;
  }

  override queueLength(): number {
    return this.ready.waiting;
  }

  override figures(out: Record<string, number | string>): void {
    const t = this.sim.now - this.sim.statsStart;
    const area = this.ready.queueAreaAt(this.sim.now);
    out.depth = this.ready.waiting;
    out.meanQueue = t > 0 ? area / t : 0;
    out.unacked = this.unacked.size;
    out.published = this.published;
    out.delivered = this.delivered;
    out.acked = this.acked;
    out.failedJobs = this.failedJobs;
    out.redelivered = this.redelivered;
  }

  override resetStats(): void {
    this.ready.resetStats(this.sim.now);
    this.published = 0;
    this.delivered = 0;
    this.acked = 0;
    this.failedJobs = 0;
    this.redelivered = 0;
  }
}
