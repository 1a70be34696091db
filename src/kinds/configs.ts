// How each kind is written as Docker Compose and nginx configuration, one line each (io
// layer): a kind's row is `src/kinds/<kind>/config.ts`. Typed by the kinds' registry
// (index.ts), so a kind without a row does not compile.

import type { ConfigKind } from '../io/config/rows.ts';
import { compose as app } from './app/config.ts';
import { compose as cache } from './cache/config.ts';
import { compose as cdn } from './cdn/config.ts';
import { compose as client } from './client/config.ts';
import { compose as cron } from './cron/config.ts';
import { compose as db } from './db/config.ts';
import { compose as dns } from './dns/config.ts';
import { compose as external } from './external/config.ts';
import { compose as group } from './group/config.ts';
import { compose as lb } from './lb/config.ts';
import { compose as limiter } from './limiter/config.ts';
import { compose as proxy } from './proxy/config.ts';
import { compose as queue } from './queue/config.ts';
import { compose as staticFiles } from './static/config.ts';
import { compose as worker } from './worker/config.ts';
import type { KindId } from './index.ts';

export const CONFIG_ROWS: Readonly<Record<KindId, ConfigKind>> = {
  client,
  dns,
  cdn,
  proxy,
  lb,
  app,
  db,
  cache,
  queue,
  worker,
  cron,
  static: staticFiles,
  external,
  limiter,
  group,
};
