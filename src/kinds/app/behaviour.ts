// An app server: a request handler (handler.ts) configured by its own settings. It serves
// requests, takes jobs from the queues linked to it (an event-driven service), and tells a
// weighted load balancer its weight.

import type { Capabilities } from '../../sim/capabilities.ts';
import { distCode } from '../../sim/rng.ts';
import {
  type HandlerSettings,
  HandlerBehaviour,
  SESSIONS_MEMORY,
  SESSIONS_NONE,
  SESSIONS_STORE,
} from '../../sim/behaviours/handler.ts';

export class AppBehaviour extends HandlerBehaviour<'app'> {
  override readonly caps: Capabilities = { servesRequests: this, consumesJobs: this };

  protected settings(): HandlerSettings {
    const sessions = this.str('sessions');
    return {
      concurrency: this.num('concurrency'),
      queueLimit: this.num('queueLimit'),
      serviceMs: this.num('serviceTimeMs'),
      dist: distCode(this.str('serviceDist')),
      sessions:
        sessions === 'memory'
          ? SESSIONS_MEMORY
          : sessions === 'store'
            ? SESSIONS_STORE
            : SESSIONS_NONE,
      dbQueries: this.num('dbQueries'),
      poolSize: this.num('poolSize'),
      poolTimeoutMs: this.num('poolTimeoutMs'),
      connectMs: this.num('connectMs'),
      cacheReads: this.bool('cacheReads'),
      shedMs: this.num('shedAfterMs'),
    };
  }

  override weight(): number {
    const w = this.num('weight');
    return w >= 0 ? w : 1;
  }
}
