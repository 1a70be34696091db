// What the canvas draws for each kind, one line each (canvas layer): a kind's icon is in
// `src/kinds/<kind>/view.tsx`. Typed by the kinds' registry (index.ts), so a kind without
// an icon does not compile.

import type { ReactNode } from 'react';
import { icon as app } from './app/view.tsx';
import { icon as cache } from './cache/view.tsx';
import { icon as cdn } from './cdn/view.tsx';
import { icon as client } from './client/view.tsx';
import { icon as cron } from './cron/view.tsx';
import { icon as db } from './db/view.tsx';
import { icon as dns } from './dns/view.tsx';
import { icon as external } from './external/view.tsx';
import { icon as group } from './group/view.tsx';
import { icon as lb } from './lb/view.tsx';
import { icon as limiter } from './limiter/view.tsx';
import { icon as proxy } from './proxy/view.tsx';
import { icon as queue } from './queue/view.tsx';
import { icon as staticIcon } from './static/view.tsx';
import { icon as worker } from './worker/view.tsx';
import type { KindId } from './index.ts';

export const ICONS: Readonly<Record<KindId, ReactNode>> = {
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
  static: staticIcon,
  external,
  limiter,
  group,
};
