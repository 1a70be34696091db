// How a worker box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import { type ConfigKind, first, num, replicasOf, setNumber } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  names: {
    words:
      /\b(worker|workers|consumer|consumers|replacer|forwarder|async|celery|sidekiq|rq|resque|jobs?|bull|bullmq|horizon|delayed job|dramatiq|huey|faktory|queue|queues|listener|processor)\b/i,
    what: 'runs jobs',
  },
  written:
    'a service built from `./app` with `ROLE=worker`, `CONCURRENCY` and `deploy.replicas`, depending on its queue',
  service: (ctx) => ({
    build: './app',
    environment: {
      ROLE: 'worker',
      CONCURRENCY: String(num(ctx.node, 'concurrency')),
      ...ctx.connections,
    },
    deploy: { replicas: num(ctx.node, 'replicas') },
  }),
  read: (s, config, note) => {
    replicasOf(s, config, note);
    const env = first(s.environment, ['CONCURRENCY', 'WORKER_CONCURRENCY', 'CELERY_CONCURRENCY']);
    const flag = /(?:--concurrency[= ]|\s-c\s*)(\d+)/.exec(` ${s.command}`);
    const n = env ?? (flag ? Number(flag[1]) : undefined);
    if (n !== undefined)
      setNumber('worker', config, 'concurrency', n, `${s.name}: concurrency`, note);
  },
  images: /(^|\/)(celery|sidekiq|faktory|contribsys\/faktory)(:|$)/,
  imageWhat: 'a job runner',
  imageRank: 10,
  roleRank: 1,
};
