// Worker: Takes jobs from a queue and does slow work in the background. Everything the model
// knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { COMPUTE_SIZES, WORKERS_PER_VCPU, computePrice, plural } from '../../model/prices.ts';
import { autoscaleFields, concurrency, defineKind, dist, replicas } from '../spec.ts';

export default defineKind({
  id: 'worker',
  title: 'Worker',
  defaultLabel: 'Worker',
  blurb: 'Takes jobs from a queue and does slow work in the background.',
  color: '#4f46e5',
  summary: ['concurrency', 'serviceTimeMs'],
  fields: [
    concurrency(1, 'Jobs processed at the same time by each replica.'),
    {
      type: 'number',
      key: 'serviceTimeMs',
      label: 'Work per job',
      unit: 'ms',
      default: 200,
      min: 0,
      max: 3_600_000,
      help: 'Mean time to finish one job (send an email, resize an image).',
    },
    dist('serviceDist', 'exponential'),
    replicas,
    ...autoscaleFields,
  ],
  palette: 'Compute',
  role: 'passes',
  rules: {
    receivesOnlyFrom: {
      kinds: ['queue', 'cron'],
      reason: 'Workers take jobs from a queue: put a queue in between.',
    },
  },
  cost: {
    product: 'EC2 m7g instance per replica',
    sizing: `one vCPU per ${WORKERS_PER_VCPU} jobs at once`,
    sources: ['ec2', 'hours'],
    sizes: COMPUTE_SIZES,
    price: (s) => {
      const n = s.num('concurrency');
      return computePrice(n / WORKERS_PER_VCPU, `for ${plural(n, 'job')} at once`);
    },
  },
  live: { queueBar: true },
  raises: ['pool-timeout', 'db-max-connections', 'down'],
});
