// Rate limiter: a token bucket in front of whatever it guards; lets a steady rate through
// and answers the rest 429. Everything the model knows about this kind (see
// src/kinds/spec.ts).

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
  mermaid: {
    shape: { open: '{', close: '}', name: 'rhombus (a gate)' },
    tieRank: 14,
    evidence: {
      strong: [
        'rate limiter',
        'rate limit',
        'rate limiting',
        'throttle',
        'throttler',
        'throttling',
      ],
      heads: ['limiter', 'ratelimiter'],
      words: [],
      icons: ['filter', 'gauge', 'tachometer'],
      shapes: [],
      groups: ['rate limiting', 'throttling'],
    },
  },
  cost: {
    product: 'a rate limit in the proxy or gateway',
    sizing:
      'a setting of the box in front (nginx limit_req, an API gateway), not a machine of its own',
    sources: [],
    sizes: [],
    price: () => free('none', 'a setting of the proxy in front'),
  },
  docs: [
    [
      'limiter',
      'a token bucket in front of what it guards (its first link): tokens drip in at `rate` per second up to `burst` (a new or restarted limiter starts full); a call that finds a token takes it and passes on unchanged, one that finds none is answered 429 (`rate-limited`, counted here). `per`: `global` (one bucket) or `user` (one bucket per user; calls without a user share the global one). It *forwards*, so callers see what it guards: an app → limiter → database treats it as its database. In the long run it admits min(λ, `rate`) (`behaviours/limiter.test.ts`). Figures: `passed`, `limited`, `tokens` (global).',
    ],
  ],
  raises: ['rate-limited'],
});
