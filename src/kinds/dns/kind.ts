// DNS: Turns a name like shop.example into the address of your server. Everything the model
// knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { ROUTE53_MONTHLY } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'dns',
  title: 'DNS',
  defaultLabel: 'DNS',
  blurb: 'Turns a name like shop.example into the address of your server.',
  color: '#64748b',
  summary: ['ttlS'],
  fields: [
    {
      type: 'number',
      key: 'lookupMs',
      label: 'Lookup time',
      unit: 'ms',
      default: 20,
      min: 0,
      max: 10_000,
      help: 'How long a lookup takes when the answer is not cached.',
    },
    {
      type: 'number',
      key: 'ttlS',
      label: 'TTL',
      unit: 's',
      default: 300,
      min: 0,
      max: 86_400,
      help: 'How long a user keeps the answer before asking again.',
    },
  ],
  palette: 'Traffic',
  role: 'answers',
  rules: {
    receivesOnlyFrom: { kinds: ['client'], reason: 'Only clients look up names in DNS here.' },
  },
  cost: {
    product: 'Route 53 hosted zone',
    sizing: 'one hosted zone',
    note: 'DNS queries are billed per million on top and are not counted.',
    sources: ['route53'],
    sizes: [],
    price: () => ({
      product: 'Route 53 hosted zone',
      monthlyUsd: ROUTE53_MONTHLY,
      why: 'one zone',
    }),
  },
  raises: [],
});
