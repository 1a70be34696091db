// Rate limiter: its Mermaid shape, words and tie rank, and its rows of docs/engine.md.
// Only Mermaid import and export and the docs test read them (src/kinds/words.ts lists
// them), so they are not on the first page or in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
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
  docs: [
    [
      'limiter',
      'a token bucket in front of what it guards (its first link): tokens drip in at `rate` per second up to `burst` (a new or restarted limiter starts full); a call that finds a token takes it and passes on unchanged, one that finds none is answered 429 (`rate-limited`, counted here). `per`: `global` (one bucket) or `user` (one bucket per user; calls without a user share the global one). It *forwards*, so callers see what it guards: an app → limiter → database treats it as its database. In the long run it admits min(λ, `rate`) (`behaviours/limiter.test.ts`). Figures: `passed`, `limited`, `tokens` (global).',
    ],
  ],
});
