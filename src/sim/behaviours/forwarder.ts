// What a box that only forwards starts from (a rate limiter, a circuit breaker, a sidecar):
// it declares 'forwards', so the boxes calling it see what the box behind it offers
// (capabilities.ts), passes a call on unchanged along its first link, and relays the
// answer, including what it says (a cache hit), so the caller cannot tell it is there.
// A kind overrides `arrive` to decide what to let through and calls `pass` for the rest.

import type { NodeKind } from '../../model/types.ts';
import type { Capabilities } from '../capabilities.ts';
import { C_NO_ROUTE } from '../causes.ts';
import { type Call, S_CHILD } from '../runtime.ts';
import { BaseBehaviour } from './base.ts';

export abstract class ForwardingBehaviour<K extends NodeKind = NodeKind> extends BaseBehaviour<K> {
  override readonly caps: Capabilities = { forwards: true };

  override arrive(call: Call): void {
    this.pass(call);
  }

  /** Sends the call on along the first link (nowhere to go: 'no-route'). */
  protected pass(call: Call): void {
    const next = this.node.out[0];
    if (next === undefined) {
      this.sim.fail(call, C_NO_ROUTE);
      return;
    }
    call.state = S_CHILD;
    this.sim.send(call, next, call.op);
  }

  override childDone(call: Call, child: Call): void {
    call.hit = child.hit;
    if (child.ok) this.sim.respond(call);
    else this.sim.propagate(call, child.cause);
  }
}
