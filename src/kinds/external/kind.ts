// External API: Someone else’s service you call, like payments or maps: slow and sometimes
// down. Everything the model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { free } from '../../model/prices.ts';
import { defineKind, dist } from '../spec.ts';

export default defineKind({
  id: 'external',
  title: 'External API',
  defaultLabel: 'Payment API',
  blurb: 'Someone else’s service you call, like payments or maps: slow and sometimes down.',
  color: '#78716c',
  summary: ['latencyMs', 'errorRate'],
  fields: [
    {
      type: 'number',
      key: 'latencyMs',
      label: 'Latency',
      unit: 'ms',
      default: 150,
      min: 0,
      max: 600_000,
      help: 'Typical time for the call to come back.',
    },
    dist('latencyDist', 'lognormal'),
    {
      type: 'number',
      key: 'errorRate',
      label: 'Error rate',
      unit: '0–1',
      default: 0.01,
      min: 0,
      max: 1,
      step: 0.01,
      help: 'Share of calls that fail on their side.',
    },
    {
      type: 'number',
      key: 'timeoutMs',
      label: 'Call timeout',
      unit: 'ms',
      default: 2000,
      min: 1,
      max: 600_000,
      help: 'Your code stops waiting after this long and treats the call as failed.',
    },
  ],
  palette: 'Other',
  role: 'answers',
  rules: { sendsNothing: 'An external API is someone else’s service; it cannot call into yours.' },
  cost: {
    product: 'someone else’s service',
    sizing: 'not on your bill as infrastructure (its per-call fees are not counted)',
    sources: [],
    sizes: [],
    price: () => free('none', 'someone else runs it'),
  },
  raises: ['external-error'],
});
