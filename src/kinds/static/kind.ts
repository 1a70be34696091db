// Static files: A store of images, scripts and styles that never change per user (S3).
// Everything the model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { free } from '../../model/prices.ts';
import { concurrency, defineKind } from '../spec.ts';

export default defineKind({
  id: 'static',
  title: 'Static files',
  defaultLabel: 'Static files',
  blurb: 'A store of images, scripts and styles that never change per user (S3).',
  color: '#65a30d',
  summary: ['readMs'],
  fields: [
    {
      type: 'number',
      key: 'readMs',
      label: 'Read time',
      unit: 'ms',
      default: 8,
      min: 0,
      max: 600_000,
      help: 'Mean time to fetch one file.',
    },
    concurrency(64, 'Files sent at the same time.'),
  ],
  palette: 'Data',
  role: 'answers',
  rules: { sendsNothing: 'A static file store only answers; it does not call other boxes.' },
  cost: {
    product: 'S3 bucket',
    sizing: 'no fixed price',
    note: 'S3 bills storage per GB-month and requests per thousand; not counted.',
    sources: ['s3'],
    sizes: [],
    price: () => free('S3 (usage-priced)', 'no minimum charge'),
  },
  raises: [],
});
