// A static file store (S3-like): `concurrency` files sent at once, each taking an
// exponentially distributed time with mean readMs; the rest wait.

import { type Capabilities, SERVES_REQUESTS } from '../../sim/capabilities.ts';
import { DIST_EXPONENTIAL, sample } from '../../sim/rng.ts';
import { type Call, S_QUEUED, S_WORK } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

export class StaticBehaviour extends BaseBehaviour<'static'> {
  override readonly caps: Capabilities = { servesRequests: SERVES_REQUESTS };
  private readMs = 0;

  override configure(): void {
    this.readMs = this.num('readMs');
    this.stations(this.num('concurrency'), Number.POSITIVE_INFINITY);
  }

  override arrive(call: Call): void {
    this.sim.admit(call);
  }

  override resume(call: Call): void {
    if (call.state === S_QUEUED) {
      this.sim.work(call, sample(this.sim.rng, DIST_EXPONENTIAL, this.readMs));
    } else if (call.state === S_WORK) {
      this.sim.releaseWorker(call);
      this.sim.respond(call);
    }
  }
}
