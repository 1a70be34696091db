// DNS: a lookup takes lookupMs. Its arrows say what the name resolves to (the clients
// asking it call those boxes, src/model/links.ts); the client keeps the answer for ttlS.

import type { Capabilities, ResolvesNames } from '../../sim/capabilities.ts';
import type { Call } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

export class DnsBehaviour extends BaseBehaviour<'dns'> implements ResolvesNames {
  override readonly caps: Capabilities = { resolvesNames: this };
  private lookupMs = 0;

  override configure(): void {
    this.lookupMs = this.num('lookupMs');
  }

  /** How long a caller may keep the answer (read live: callers configure in any order). */
  ttlMs(): number {
    return this.num('ttlS') * 1000;
  }

  override arrive(call: Call): void {
    this.sim.delay(call, this.lookupMs);
  }
}
