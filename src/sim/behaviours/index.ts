// One behaviour per node kind. To add a kind: write a class extending BaseBehaviour and
// register it here (see docs/engine.md, "Adding a behaviour").

import type { NodeKind } from '../../model/types.ts';
import type { Behaviour, BehaviourClass, Engine } from '../engine.ts';
import type { NodeRt } from '../runtime.ts';
import { AppBehaviour } from './app.ts';
import { CacheBehaviour } from './cache.ts';
import { CdnBehaviour } from './cdn.ts';
import { ClientBehaviour } from './client.ts';
import { CronBehaviour } from './cron.ts';
import { DbBehaviour } from './db.ts';
import { DnsBehaviour } from './dns.ts';
import { ExternalBehaviour } from './external.ts';
import { GroupBehaviour } from './group.ts';
import { LbBehaviour } from './lb.ts';
import { LimiterBehaviour } from './limiter.ts';
import { ProxyBehaviour } from './proxy.ts';
import { QueueBehaviour } from './queue.ts';
import { StaticBehaviour } from './static.ts';
import { WorkerBehaviour } from './worker.ts';

export const BEHAVIOURS: Readonly<Record<NodeKind, BehaviourClass>> = {
  client: ClientBehaviour,
  dns: DnsBehaviour,
  cdn: CdnBehaviour,
  proxy: ProxyBehaviour,
  lb: LbBehaviour,
  app: AppBehaviour,
  db: DbBehaviour,
  cache: CacheBehaviour,
  queue: QueueBehaviour,
  worker: WorkerBehaviour,
  cron: CronBehaviour,
  static: StaticBehaviour,
  external: ExternalBehaviour,
  limiter: LimiterBehaviour,
  group: GroupBehaviour,
};

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
