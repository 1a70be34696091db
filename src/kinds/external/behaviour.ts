// Someone else's API: answers after a latency drawn from latencyDist (mean latencyMs);
// a share errorRate of calls fail ('external-error'), and a call slower than timeoutMs is
// abandoned at timeoutMs, also as 'external-error'. It has no capacity limit of ours.

import { type Capabilities, SERVES_REQUESTS } from '../../sim/capabilities.ts';
import { C_EXTERNAL } from '../../sim/causes.ts';
import { distCode, sample } from '../../sim/rng.ts';
import { type Call, S_DELAY } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

export class ExternalBehaviour extends BaseBehaviour<'external'> {
  override readonly caps: Capabilities = { servesRequests: SERVES_REQUESTS };
  private latencyMs = 0;
  private dist = 2;
  private errorRate = 0;
  private timeoutMs = 1;

  override configure(): void {
    this.latencyMs = this.num('latencyMs');
    this.dist = distCode(this.str('latencyDist'));
    this.errorRate = this.num('errorRate');
    this.timeoutMs = this.num('timeoutMs');
  }

  override arrive(call: Call): void {
    const sim = this.sim;
    const latency = sample(sim.rng, this.dist, this.latencyMs) * this.node.slow;
    const failed = sim.rng.next() < this.errorRate;
    call.sub = failed || latency > this.timeoutMs ? 1 : 0;
    call.state = S_DELAY;
    sim.timeout(call, Math.min(latency, this.timeoutMs));
  }

  override resume(call: Call): void {
    if (call.sub === 1) this.sim.fail(call, C_EXTERNAL);
    else this.sim.respond(call);
  }
}
