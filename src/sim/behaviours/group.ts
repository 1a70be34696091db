// A host (group): not a box requests visit; the boxes inside share its `cores` (see
// Simulation.work). Its report shows how busy those cores are.

import { C_NO_ROUTE, type Call } from '../runtime.ts';
import { BaseBehaviour } from './base.ts';

export class GroupBehaviour extends BaseBehaviour {
  override arrive(call: Call): void {
    this.sim.fail(call, C_NO_ROUTE);
  }

  override queueLength(): number {
    const host = this.node.ownHost;
    return host === null ? 0 : host.waiters.length;
  }

  override figures(out: Record<string, number | string>): void {
    const host = this.node.ownHost;
    out.cores = host?.cores ?? 0;
    out.coresBusy = host?.used ?? 0;
  }
}
