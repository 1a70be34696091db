// nginx: Reverse proxy: the front door that terminates TLS, serves files and routes.
// Everything the model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { COMPUTE_SIZES, computePrice, plural } from '../../model/prices.ts';
import { defineKind } from '../spec.ts';

export default defineKind({
  id: 'proxy',
  title: 'nginx',
  defaultLabel: 'nginx',
  blurb: 'Reverse proxy: the front door that terminates TLS, serves files and routes.',
  color: '#16a34a',
  summary: ['tls', 'maxConnections'],
  fields: [
    {
      type: 'boolean',
      key: 'tls',
      label: 'Terminate TLS',
      default: true,
      summary: { on: 'TLS', off: 'no TLS' },
      help: 'Decrypt HTTPS here, so the servers behind talk plain HTTP.',
    },
    {
      type: 'number',
      key: 'tlsMs',
      label: 'TLS cost',
      unit: 'ms',
      default: 1,
      min: 0,
      max: 1000,
      help: 'CPU time spent on encryption for each request.',
    },
    {
      type: 'boolean',
      key: 'serveStatic',
      label: 'Serve static files',
      default: true,
      help: 'Answer static paths from disk instead of bothering the app servers.',
    },
    {
      type: 'text',
      key: 'staticPrefix',
      label: 'Static paths',
      default: '/static',
      maxLength: 200,
      help: 'Paths starting with this are served from disk when static serving is on.',
    },
    {
      type: 'number',
      key: 'staticMs',
      label: 'File read time',
      unit: 'ms',
      default: 1,
      min: 0,
      max: 10_000,
      help: 'Time to send one static file.',
    },
    {
      type: 'number',
      key: 'concurrency',
      label: 'Worker processes',
      default: 4,
      min: 1,
      max: 256,
      integer: true,
      help: 'nginx worker processes, usually one per CPU core.',
    },
    {
      type: 'number',
      key: 'maxConnections',
      label: 'Max connections',
      default: 1024,
      min: 1,
      max: 1_000_000,
      integer: true,
      help: 'Requests in progress at once; beyond this nginx refuses (503).',
    },
  ],
  palette: 'Front door',
  role: 'passes',
  cost: {
    product: 'EC2 m7g instance running nginx',
    sizing: 'one vCPU per worker process (nginx runs one per core)',
    sources: ['ec2', 'hours'],
    sizes: COMPUTE_SIZES,
    price: (s) => {
      const n = s.num('concurrency');
      return computePrice(n, `for ${plural(n, 'worker process', 'worker processes')}`);
    },
  },
  raises: ['rejected', 'no-route'],
});
