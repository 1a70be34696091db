// A throwaway kind for the test that adds a kind (src/app/addKind.test.ts): a relay passes
// each request on to the box behind it after a short wait (its words: words.ts). It is not
// in the registries; the test adds its one line to each. It is also the example of
// docs/architecture.md, "Adding a kind".

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
  cost: {
    product: 'a relay',
    sizing: 'nothing to pay',
    sources: [],
    sizes: [],
    price: (s) => ({ product: 'none', monthlyUsd: 0, why: `waits ${s.num('delayMs')} ms` }),
  },
  raises: ['no-route'],
});
