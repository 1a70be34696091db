// Rate limiter: a token bucket in front of whatever it guards; lets a steady rate through
// and answers the rest 429. Everything the model knows about this kind (see
// src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { free } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'limiter',
  title: 'Rate limiter',
  defaultLabel: 'Rate limiter',
  blurb: 'Lets a steady rate of requests through to what it guards and answers the rest 429.',
  color: '#be185d',
  summary: ['rate', 'burst'],
  fields: [
    {
      type: 'number',
      key: 'rate',
      label: 'Rate',
      unit: 'req/s',
      default: 100,
      min: 0,
      max: 1_000_000,
      help: 'Tokens added per second: in the long run this many requests a second get through.',
    },
    {
      type: 'number',
      key: 'burst',
      label: 'Burst',
      unit: 'req',
      default: 20,
      min: 1,
      max: 1_000_000,
      integer: true,
      help: 'Tokens the bucket holds: this many requests may pass at once after a quiet spell.',
    },
    {
      type: 'enum',
      key: 'per',
      label: 'Limit',
      default: 'global',
      options: [
        { value: 'global', label: 'For everyone together' },
        { value: 'user', label: 'Per user' },
      ],
      help: 'One bucket shared by all requests, or one bucket for each user.',
    },
  ],
  palette: 'Front door',
  role: 'passes',
  cost: {
    product: 'a rate limit in the proxy or gateway',
    sizing:
      'a setting of the box in front (nginx limit_req, an API gateway), not a machine of its own',
    sources: [],
    sizes: [],
    price: () => free('none', 'a setting of the proxy in front'),
  },
  raises: ['rate-limited'],
});
