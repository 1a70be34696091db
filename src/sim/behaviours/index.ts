// One behaviour per node kind, each in its kind's folder (`src/kinds/<kind>/behaviour.ts`),
// listed in src/kinds/behaviours.ts (see docs/architecture.md, "Adding a kind").

import { BEHAVIOURS } from '../../kinds/behaviours.ts';
import type { Behaviour, BehaviourClass, Engine } from '../engine.ts';
import type { NodeRt } from '../runtime.ts';

export { BEHAVIOURS };

/** The behaviour of a node's kind; `extra` adds kinds the engine does not know. */
export function makeBehaviour(
  engine: Engine,
  node: NodeRt,
  extra: Readonly<Record<string, BehaviourClass>> = {},
): Behaviour {
  const make = extra[node.kind] ?? BEHAVIOURS[node.kind];
  if (make === undefined) throw new Error(`engine: no behaviour for kind "${node.kind}"`);
  return new make(engine, node);
}
