// Queue: Holds jobs until a worker is free, so nobody waits for slow work. Everything the
// model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { free } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'queue',
  title: 'Queue',
  defaultLabel: 'Queue',
  blurb: 'Holds jobs until a worker is free, so nobody waits for slow work.',
  color: '#db2777',
  summary: ['capacity'],
  fields: [
    {
      type: 'number',
      key: 'capacity',
      label: 'Capacity',
      unit: 'jobs',
      default: 10_000,
      min: 1,
      max: 10_000_000,
      integer: true,
      help: 'Jobs the queue holds; when full, publishing fails.',
    },
    {
      type: 'number',
      key: 'publishMs',
      label: 'Publish time',
      unit: 'ms',
      default: 1,
      min: 0,
      max: 10_000,
      help: 'Time to hand a job to the queue.',
    },
    {
      type: 'number',
      key: 'visibilityTimeoutMs',
      label: 'Redeliver after',
      unit: 'ms',
      default: 30_000,
      min: 1,
      max: 86_400_000,
      help: 'A job not acknowledged within this time is given to another worker.',
    },
  ],
  palette: 'Data',
  role: 'passes',
  rules: {
    sendsOnlyTo: {
      kinds: ['worker', 'app', 'queue'],
      reason:
        'A queue feeds the workers or app servers that consume its messages (or passes them to another queue).',
    },
  },
  cost: {
    product: 'SQS standard queue',
    sizing: 'no fixed price',
    note: 'SQS bills $0.40 per million requests; that follows the traffic and is not counted.',
    sources: ['sqs'],
    sizes: [],
    price: () => free('SQS (usage-priced)', 'no fixed monthly fee'),
  },
  raises: ['queue-full'],
});
