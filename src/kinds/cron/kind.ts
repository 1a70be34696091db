// Cron: Starts a job on a schedule, like a nightly report. Everything the model knows about
// this kind (see src/kinds/spec.ts).

import { free } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'cron',
  title: 'Cron',
  defaultLabel: 'Cron',
  blurb: 'Starts a job on a schedule, like a nightly report.',
  color: '#0d9488',
  summary: ['everyMs'],
  fields: [
    {
      type: 'number',
      key: 'everyMs',
      label: 'Every',
      unit: 'ms',
      default: 10_000,
      min: 100,
      max: 86_400_000,
      help: 'Time between two runs.',
    },
    {
      type: 'number',
      key: 'jobsPerRun',
      label: 'Jobs per run',
      default: 1,
      min: 1,
      max: 100_000,
      integer: true,
      help: 'Jobs or requests sent each time it fires.',
    },
  ],
  palette: 'Compute',
  role: 'sends',
  rules: {
    receivesOnlyFrom: { kinds: [], reason: 'Cron fires on its own schedule; nothing calls it.' },
  },
  mermaid: {
    shape: { open: '[\\', close: '\\]', name: 'parallelogram (alt)' },
    tieRank: 12,
    evidence: {
      strong: [
        'cron',
        'cronjob',
        'cron job',
        'scheduler',
        'scheduled job',
        'scheduled task',
        'crontab',
        'job scheduler',
        'task scheduler',
        'timer',
      ],
      heads: ['periodic job', 'nightly job', 'clock'],
      words: [
        'nightly',
        'hourly',
        'daily',
        'weekly',
        'periodic',
        'interval',
        'scheduled',
        'quartz',
        'celery beat',
        'airflow',
      ],
      icons: ['clock', 'calendar', 'calendar-alt', 'stopwatch', 'hourglass'],
      shapes: [],
      groups: ['cron', 'scheduled', 'scheduler', 'scheduled job'],
    },
  },
  cost: {
    product: 'a schedule',
    sizing: 'nothing to pay: the jobs it starts run on boxes that are priced',
    sources: [],
    sizes: [],
    price: () => free('none', 'its jobs run on other boxes'),
  },
  docs: [
    [
      'cron',
      "every `everyMs` sends `jobsPerRun` jobs along each edge (publish to a queue, a job to a worker, a request to anything else; one link of a fanned-out arrow per run, in turn). Counted on the boxes and on the cron node, not in users' latency.",
    ],
  ],
  raises: [],
});
