// Host: One machine (or network) that holds boxes: everything inside shares its cores.
// Everything the model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { COMPUTE_SIZES, computePrice, plural } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'group',
  title: 'Host',
  defaultLabel: 'Host',
  blurb: 'One machine (or network) that holds boxes: everything inside shares its cores.',
  color: '#94a3b8',
  summary: ['cores'],
  fields: [
    {
      type: 'number',
      key: 'cores',
      label: 'CPU cores',
      default: 4,
      min: 1,
      max: 1024,
      integer: true,
      help: 'The boxes inside compete for these cores.',
    },
  ],
  palette: 'Other',
  role: 'holds',
  rules: { holdsOnly: 'A host only holds boxes; connect the boxes inside it.' },
  cost: {
    product: 'EC2 m7g instance',
    sizing: 'one vCPU per core; the boxes inside run on it and cost nothing more',
    note: 'A host that holds other hosts is a network: free.',
    sources: ['ec2', 'hours'],
    sizes: COMPUTE_SIZES,
    price: (s) => {
      const n = s.num('cores');
      return computePrice(n, `for ${plural(n, 'core')}`);
    },
  },
  live: { none: true },
  raises: ['no-route'],
});
