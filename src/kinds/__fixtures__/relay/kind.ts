// A throwaway kind for the test that adds a kind (src/app/addKind.test.ts): a relay passes
// each request on to the box behind it after a short wait. It is not in the registry; the
// test adds its one line there. It is also the example of docs/architecture.md, "Adding a
// kind".

import { defineKind } from '../../spec.ts';

export default defineKind({
  id: 'relay',
  title: 'Relay',
  defaultLabel: 'Relay',
  blurb: 'Passes each request on to the box behind it, a little later.',
  color: '#0891b2',
  summary: ['delayMs'],
  fields: [
    {
      type: 'number',
      key: 'delayMs',
      label: 'Delay',
      unit: 'ms',
      default: 3,
      min: 0,
      max: 10_000,
      help: 'How long a request waits here before it is passed on.',
    },
  ],
  palette: 'Front door',
  role: 'passes',
  rules: {
    receivesOnlyFrom: {
      kinds: ['client', 'proxy'],
      reason: 'A relay takes requests from users or nginx.',
    },
  },
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
  cost: {
    product: 'a relay',
    sizing: 'nothing to pay',
    sources: [],
    sizes: [],
    price: (s) => ({ product: 'none', monthlyUsd: 0, why: `waits ${s.num('delayMs')} ms` }),
  },
  docs: [['relay', 'waits `delayMs`, then passes the request on along its first link.']],
  raises: ['no-route'],
});
