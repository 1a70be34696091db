// A background worker: a request handler (handler.ts) with job semantics. It takes jobs
// from the queues feeding it (one per free worker slot) or directly from cron, does
// serviceTimeMs of work, then the same dependency steps as an app (a job is a write: DB
// writes through a pool of one connection per slot, publishes to further queues, calls to
// other services).

import type { Capabilities } from '../../sim/capabilities.ts';
import { distCode } from '../../sim/rng.ts';
import {
  type HandlerSettings,
  HandlerBehaviour,
  SESSIONS_NONE,
} from '../../sim/behaviours/handler.ts';

export class WorkerBehaviour extends HandlerBehaviour<'worker'> {
  override readonly caps: Capabilities = {
    servesRequests: this,
    acceptsJobs: true,
    consumesJobs: this,
  };

  protected settings(): HandlerSettings {
    const concurrency = this.num('concurrency');
    return {
      concurrency,
      // Jobs from a queue are taken only when a slot is free; cron's wait here.
      queueLimit: Number.POSITIVE_INFINITY,
      serviceMs: this.num('serviceTimeMs'),
      dist: distCode(this.str('serviceDist')),
      sessions: SESSIONS_NONE,
      dbQueries: 1,
      poolSize: concurrency,
      poolTimeoutMs: 1000,
      connectMs: 30,
      cacheReads: true,
      shedMs: 0,
    };
  }
}
