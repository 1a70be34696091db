// CDN: its Mermaid shape, words and tie rank, and its rows of docs/engine.md.
// Only Mermaid import and export and the docs test read them (src/kinds/words.ts lists
// them), so they are not on the first page or in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
  mermaid: {
    shape: { open: '[/', close: '/]', name: 'parallelogram' },
    tieRank: 10,
    evidence: {
      strong: ['cdn', 'content delivery network', 'edge cache', 'edge network'],
      heads: ['edge server', 'edge location', 'pop'],
      words: ['cloudfront', 'cloudflare', 'akamai', 'fastly', 'azure cdn', 'bunny', 'keycdn'],
      icons: [],
      shapes: [],
      groups: ['cdn', 'edge'],
    },
  },
  docs: [
    [
      'cdn',
      'paths starting with `staticPrefix`: LRU of files (`capacity`) with TTL `ttlS`; a hit answers in `hitMs`, a miss is fetched from the origin (its outgoing edge) and kept. Other paths pass through. A crash empties it.',
    ],
  ],
});
