// How a cron box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import { type ConfigKind, first, num, setNumber } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  names: {
    words:
      /\b(cron|crond|crontab|scheduler|schedule|beat|clock|periodic|timer|ofelia|housekeeping)\b/i,
    what: 'runs on a schedule',
  },
  // A crontab line: five time fields, then the job.
  command: /(^|[\s"'])([\d*/,-]+\s+){4}[\d*/,-]+\s+\S/,
  written: 'a service built from `./app` with `ROLE=cron`, `EVERY_SECONDS` and `JOBS_PER_RUN`',
  service: (ctx) => ({
    build: './app',
    environment: {
      ROLE: 'cron',
      EVERY_SECONDS: String(num(ctx.node, 'everyMs') / 1000),
      JOBS_PER_RUN: String(num(ctx.node, 'jobsPerRun')),
      ...ctx.connections,
    },
  }),
  read: (s, config, note) => {
    const every = first(s.environment, ['EVERY_SECONDS']);
    if (every !== undefined)
      setNumber('cron', config, 'everyMs', every * 1000, `${s.name}: EVERY_SECONDS`, note);
    const jobs = first(s.environment, ['JOBS_PER_RUN']);
    if (jobs !== undefined)
      setNumber('cron', config, 'jobsPerRun', jobs, `${s.name}: JOBS_PER_RUN`, note);
  },
  images:
    /(^|\/)(mcuadros\/ofelia|ofelia|crazymax\/swarm-cronjob|supercronic|willfarrell\/crontab|chadburn|premoweb\/chadburn)(:|$)/,
  imageWhat: 'a scheduler',
  imageRank: 9,
  roleRank: 0,
};
