// Redis cache: its Mermaid shape, words and tie rank, and its rows of docs/engine.md.
// Only Mermaid import and export and the docs test read them (src/kinds/words.ts lists
// them), so they are not on the first page or in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
  mermaid: {
    shape: { open: '(', close: ')', name: 'rounded rectangle' },
    tieRank: 3,
    evidence: {
      strong: [
        'cache',
        'caching',
        'in memory store',
        'in memory cache',
        'session store',
        'cache layer',
      ],
      heads: ['sessions', 'session'],
      words: [
        'redis',
        'memcached',
        'memcache',
        'valkey',
        'varnish',
        'keydb',
        'dragonfly',
        'hazelcast',
        'elasticache',
        'ehcache',
        'redis cluster',
      ],
      icons: ['memory', 'bolt'],
      shapes: [],
      groups: ['cache', 'caching'],
    },
  },
  docs: [
    [
      'cache',
      'key-level LRU (`capacity` entries) with TTL `ttlMs` (0 = none) over a catalog of `keys` keys drawn Zipf(`zipf`). Each op takes `opMs` (a round trip, no capacity limit). Hit ratio, cold start and stampedes emerge: hot keys set together expire together, and every request for a key between its miss and its SET also misses. A crash empties it.',
    ],
  ],
});
