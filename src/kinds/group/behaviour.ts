// A host (group): not a box requests visit; the boxes inside share its `cores` (one
// Resource; CPU work takes a core, see calls.ts work()). Its report shows how busy they are.

import type { Capabilities, HostsBoxes } from '../../sim/capabilities.ts';
import { C_NO_ROUTE } from '../../sim/causes.ts';
import type { Call } from '../../sim/runtime.ts';
import { BaseBehaviour } from '../../sim/behaviours/base.ts';

export class GroupBehaviour extends BaseBehaviour<'group'> implements HostsBoxes {
  override readonly caps: Capabilities = { hostsBoxes: this };

  cores(): number {
    return this.num('cores');
  }

  override arrive(call: Call): void {
    this.sim.fail(call, C_NO_ROUTE);
  }

  override queueLength(): number {
    const cores = this.node.cores;
    return cores === null ? 0 : cores.waiting;
  }

  override figures(out: Record<string, number | string>): void {
    const cores = this.node.cores;
    out.cores = cores?.cap ?? 0;
    out.coresBusy = cores?.busy ?? 0;
  }
}
