// Redis cache: Keeps popular answers in memory so the database is asked less often. Everything
// the model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { CACHE_ENTRY_KIB, CACHE_SIZES, cachePrice } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'cache',
  title: 'Redis cache',
  defaultLabel: 'Redis',
  blurb: 'Keeps popular answers in memory so the database is asked less often.',
  color: '#dc2626',
  summary: ['capacity', 'ttlMs'],
  fields: [
    {
      type: 'number',
      key: 'keys',
      label: 'Catalog size',
      unit: 'keys',
      default: 10_000,
      min: 1,
      max: 10_000_000,
      integer: true,
      help: 'How many different things users can ask for.',
    },
    {
      type: 'number',
      key: 'zipf',
      label: 'Popularity skew',
      default: 0.99,
      min: 0,
      max: 3,
      step: 0.01,
      help: 'Zipf exponent: 0 means all keys equally popular, 1 means a few are very hot.',
    },
    {
      type: 'number',
      key: 'capacity',
      label: 'Capacity',
      unit: 'entries',
      default: 1000,
      min: 0,
      max: 10_000_000,
      integer: true,
      help: 'Entries kept in memory; when full, the least recently used is evicted.',
    },
    {
      type: 'number',
      key: 'ttlMs',
      label: 'TTL',
      unit: 'ms',
      default: 60_000,
      min: 0,
      max: 86_400_000,
      help: 'How long an entry stays valid; 0 keeps it until evicted.',
    },
    {
      type: 'number',
      key: 'opMs',
      label: 'Operation time',
      unit: 'ms',
      default: 0.5,
      min: 0,
      max: 10_000,
      help: 'Time for one GET or SET, including the network hop.',
    },
  ],
  palette: 'Data',
  role: 'answers',
  cost: {
    product: 'ElastiCache for Redis OSS node',
    sizing: `memory for the entries (about ${CACHE_ENTRY_KIB} KiB each; a quarter of a node’s memory is reserved)`,
    sources: ['elasticache', 'hours'],
    sizes: CACHE_SIZES,
    price: (s) => cachePrice(s.num('capacity')),
  },
  live: { hitRatio: true },
  raises: [],
});
