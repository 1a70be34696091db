// Cron: Starts a job on a schedule, like a nightly report. Everything the model knows about
// this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

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
  cost: {
    product: 'a schedule',
    sizing: 'nothing to pay: the jobs it starts run on boxes that are priced',
    sources: [],
    sizes: [],
    price: () => free('none', 'its jobs run on other boxes'),
  },
  raises: [],
});
