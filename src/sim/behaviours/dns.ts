// DNS: a lookup takes lookupMs; the client keeps the answer for ttlS per user.

import type { Call } from '../runtime.ts';
import { BaseBehaviour } from './base.ts';

export class DnsBehaviour extends BaseBehaviour {
  private lookupMs = 0;

  override configure(): void {
    this.lookupMs = this.num('lookupMs');
  }

  override arrive(call: Call): void {
    this.sim.delay(call, this.lookupMs);
  }
}
