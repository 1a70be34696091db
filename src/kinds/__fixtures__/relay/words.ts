// The throwaway relay's words (src/app/addKind.test.ts adds its line to src/kinds/words.ts):
// its Mermaid shape, words and tie rank, and its row of docs/engine.md's table, as a real
// kind's words.ts holds them.

import { defineWords } from '../../spec.ts';

export default defineWords({
  mermaid: {
    shape: { shape: 'hourglass', name: 'hourglass' },
    tieRank: 20,
    evidence: {
      strong: ['relay', 'relay station'],
      heads: [],
      words: ['relayd'],
      icons: ['tower-broadcast'],
      shapes: ['hourglass'],
      groups: ['relays'],
    },
  },
  docs: [['relay', 'waits `delayMs`, then passes the request on along its first link.']],
});
