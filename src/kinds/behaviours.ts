// The engine's behaviour of each kind, one line each (sim layer): a kind's behaviour is
// `src/kinds/<kind>/behaviour.ts`. Typed by the kinds' registry (index.ts), so a kind
// without a behaviour does not compile.

import type { BehaviourClass } from '../sim/engine.ts';
import { AppBehaviour } from './app/behaviour.ts';
import { CacheBehaviour } from './cache/behaviour.ts';
import { CdnBehaviour } from './cdn/behaviour.ts';
import { ClientBehaviour } from './client/behaviour.ts';
import { CronBehaviour } from './cron/behaviour.ts';
import { DbBehaviour } from './db/behaviour.ts';
import { DnsBehaviour } from './dns/behaviour.ts';
import { ExternalBehaviour } from './external/behaviour.ts';
import { GroupBehaviour } from './group/behaviour.ts';
import type { KindId } from './index.ts';
import { LbBehaviour } from './lb/behaviour.ts';
import { LimiterBehaviour } from './limiter/behaviour.ts';
import { ProxyBehaviour } from './proxy/behaviour.ts';
import { QueueBehaviour } from './queue/behaviour.ts';
import { StaticBehaviour } from './static/behaviour.ts';
import { WorkerBehaviour } from './worker/behaviour.ts';

export const BEHAVIOURS: Readonly<Record<KindId, BehaviourClass>> = {
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
