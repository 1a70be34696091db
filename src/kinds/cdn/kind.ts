// CDN: Servers near the users that keep copies of static files. Everything the model knows
// about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { CLOUDFRONT_PRO_MONTHLY } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'cdn',
  title: 'CDN',
  defaultLabel: 'CDN',
  blurb: 'Servers near the users that keep copies of static files.',
  color: '#06b6d4',
  summary: ['ttlS'],
  fields: [
    {
      type: 'number',
      key: 'hitMs',
      label: 'Edge answer time',
      unit: 'ms',
      default: 5,
      min: 0,
      max: 10_000,
      help: 'Time to answer from the edge when the file is cached there.',
    },
    {
      type: 'number',
      key: 'ttlS',
      label: 'TTL',
      unit: 's',
      default: 3600,
      min: 0,
      max: 31_536_000,
      help: 'How long the edge keeps a file before fetching it again from the origin.',
    },
    {
      type: 'number',
      key: 'capacity',
      label: 'Capacity',
      unit: 'files',
      default: 10_000,
      min: 0,
      max: 10_000_000,
      integer: true,
      help: 'How many files the edge keeps; the least recently used go first.',
    },
    {
      type: 'text',
      key: 'staticPrefix',
      label: 'Static paths',
      default: '/static',
      maxLength: 200,
      help: 'Requests whose path starts with this are cached; others pass through.',
    },
  ],
  palette: 'Traffic',
  role: 'passes',
  cost: {
    product: 'CloudFront distribution, flat-rate Pro plan',
    sizing: 'one distribution on the Pro plan (up to 10 million requests and 50 TB a month)',
    note: 'A busier site needs the Business plan ($200 a month) or pay-as-you-go.',
    sources: ['cloudfront'],
    sizes: [],
    price: () => ({
      product: 'CloudFront Pro plan',
      monthlyUsd: CLOUDFRONT_PRO_MONTHLY,
      why: 'one distribution, flat rate',
    }),
  },
  live: { hitRatio: true },
  raises: ['no-route'],
});
