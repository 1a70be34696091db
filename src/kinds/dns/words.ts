// DNS: its Mermaid shape, words and tie rank, and its rows of docs/engine.md.
// Only Mermaid import and export and the docs test read them (src/kinds/words.ts lists
// them), so they are not on the first page or in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
  mermaid: {
    shape: { open: '((', close: '))', name: 'circle' },
    tieRank: 11,
    evidence: {
      strong: [
        'dns',
        'name server',
        'nameserver',
        'dns server',
        'domain name system',
        'dns record',
        'a record',
        'cname record',
      ],
      heads: ['resolver', 'dns resolver'],
      words: [
        'route 53',
        'route53',
        'coredns',
        'kube dns',
        'bind9',
        'powerdns',
        'cloud dns',
        'cloudflare dns',
        'unbound',
      ],
      icons: [],
      shapes: [],
      groups: ['dns'],
    },
  },
  docs: [
    [
      'dns',
      'a lookup takes `lookupMs`. Its arrows say what the name resolves to (the clients asking it call those boxes); DNS itself never sends.',
    ],
  ],
});
