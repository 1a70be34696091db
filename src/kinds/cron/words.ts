// Cron: its Mermaid shape, words and tie rank, and its rows of docs/engine.md.
// Only Mermaid import and export and the docs test read them (src/kinds/words.ts lists
// them), so they are not on the first page or in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
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
  docs: [
    [
      'cron',
      "every `everyMs` sends `jobsPerRun` jobs along each edge (publish to a queue, a job to a worker, a request to anything else; one link of a fanned-out arrow per run, in turn). Counted on the boxes and on the cron node, not in users' latency.",
    ],
  ],
});
