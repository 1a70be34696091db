// The relay's behaviour (sim layer): wait `delayMs`, then pass the call on along the first
// link; the answer comes back through it.

import { ForwardingBehaviour } from '../../../sim/behaviours/forwarder.ts';
import type { Call } from '../../../sim/runtime.ts';

export class RelayBehaviour extends ForwardingBehaviour {
  override arrive(call: Call): void {
    this.sim.delay(call, this.num('delayMs'));
  }

  override resume(call: Call): void {
    this.pass(call);
  }
}
