// Database: Keeps the data safe on disk and answers queries (PostgreSQL, MySQL). Everything
// the model knows about this kind (see src/kinds/spec.ts).
// Its Mermaid shape and words and its docs rows are in words.ts beside it.

import { DB_QUERIES_PER_VCPU, DB_SIZES, dbPrice } from '../../model/prices.ts';
import { concurrency, defineKind, dist } from '../spec.ts';

export default defineKind({
  id: 'db',
  title: 'Database',
  defaultLabel: 'Database',
  blurb: 'Keeps the data safe on disk and answers queries (PostgreSQL, MySQL).',
  color: '#d97706',
  summary: ['maxConnections', 'readMs'],
  fields: [
    concurrency(8, 'Queries executed at the same time (roughly the CPU cores and disks).'),
    {
      type: 'number',
      key: 'readMs',
      label: 'Read time',
      unit: 'ms',
      default: 5,
      min: 0,
      max: 600_000,
      help: 'Mean time of a read query.',
    },
    {
      type: 'number',
      key: 'writeMs',
      label: 'Write time',
      unit: 'ms',
      default: 15,
      min: 0,
      max: 600_000,
      help: 'Mean time of a write query (it must reach the disk).',
    },
    dist('serviceDist', 'exponential'),
    {
      type: 'number',
      key: 'maxConnections',
      label: 'Max connections',
      default: 100,
      min: 1,
      max: 100_000,
      integer: true,
      help: 'Open connections allowed; one more is refused with "too many connections".',
    },
    {
      type: 'number',
      key: 'queueLimit',
      label: 'Queue limit',
      default: 1000,
      min: 0,
      max: 1_000_000,
      integer: true,
      help: 'Queries allowed to wait for a free worker.',
    },
    {
      type: 'number',
      key: 'readReplicas',
      label: 'Read replicas',
      default: 0,
      min: 0,
      max: 15,
      integer: true,
      help: 'Copies besides the primary that answer reads, each with these workers and times; writes always go to the primary.',
    },
    {
      type: 'number',
      key: 'replicaReadShare',
      label: 'Reads to replicas',
      unit: '%',
      default: 100,
      min: 0,
      max: 100,
      help: 'Share of reads sent to a replica (picked at random); the rest read from the primary.',
    },
    {
      type: 'number',
      key: 'replicationLagMs',
      label: 'Replication lag',
      unit: 'ms',
      default: 100,
      min: 0,
      max: 600_000,
      help: 'Mean time until a committed write reaches the replicas; a read of that row there before then is stale.',
    },
    {
      type: 'enum',
      key: 'lagDist',
      label: 'Lag distribution',
      default: 'exponential',
      options: [
        { value: 'constant', label: 'Constant' },
        { value: 'exponential', label: 'Exponential' },
        { value: 'lognormal', label: 'Log-normal (long tail)' },
      ],
      help: 'How much the lag of individual writes varies around the mean.',
    },
    {
      type: 'number',
      key: 'failoverS',
      label: 'Failover time',
      unit: 's',
      default: 30,
      min: 0,
      max: 3600,
      help: 'After the primary crashes, writes fail for this long until a replica is promoted.',
    },
    {
      type: 'number',
      key: 'rows',
      label: 'Rows',
      default: 10_000,
      min: 1,
      max: 10_000_000,
      integer: true,
      help: 'Rows queries pick from when no cache in front names the key (popular ones far more often, Zipf 0.99).',
    },
  ],
  palette: 'Data',
  role: 'answers',
  rules: { sendsNothing: 'A database only answers queries; it does not call other boxes.' },
  cost: {
    product: 'RDS for PostgreSQL, Single-AZ, with 20 GB of gp3 storage',
    sizing: `the smallest db.t4g class with a vCPU per ${DB_QUERIES_PER_VCPU} queries at once and memory for the max connections (RDS allows memory ÷ 9,531,392 bytes, at most 5,000)`,
    note: 'A standby in a second zone (Multi-AZ) doubles the price and is not modelled.',
    sources: ['rds', 'rdsStorage', 'hours'],
    sizes: DB_SIZES,
    price: (s) => {
      const one = dbPrice(s.num('concurrency'), s.num('maxConnections'));
      const copies = s.num('readReplicas');
      if (copies <= 0) return one;
      return {
        product: `${one.product} + ${copies} read ${copies === 1 ? 'replica' : 'replicas'}`,
        monthlyUsd: Math.round(one.monthlyUsd * (1 + copies) * 100) / 100,
        why: `${one.why}, for the primary and each replica`,
      };
    },
  },
  raises: ['db-max-connections'],
});
