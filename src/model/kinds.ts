// The catalogue of node kinds: what each box is, how it looks in the palette and which
// config keys it has. Every key has a default, so `{}` is a valid config; the inspector,
// `restore`, validation, Mermaid import and the engine all read this one table.

import type { ConfigValue, NodeKind, Route } from './types.ts';

interface FieldBase {
  key: string;
  label: string;
  /** One short sentence shown under the field in the inspector. */
  help: string;
  /** false: not an inspector field (written by something else, e.g. a dropped log). */
  inspector?: false;
}

export interface NumberField extends FieldBase {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step?: number;
  integer?: boolean;
  unit?: string;
}

export interface EnumField extends FieldBase {
  type: 'enum';
  default: string;
  options: readonly { value: string; label: string }[];
}

export interface BooleanField extends FieldBase {
  type: 'boolean';
  default: boolean;
  /** How the box on the canvas says it, on and off ("TLS", "no TLS"). */
  summary?: { on: string; off: string };
}

export interface TextField extends FieldBase {
  type: 'text';
  default: string;
  maxLength: number;
}

export interface RoutesField extends FieldBase {
  type: 'routes';
  default: Route[];
}

export type FieldSpec = NumberField | EnumField | BooleanField | TextField | RoutesField;

export interface KindSpec {
  kind: NodeKind;
  /** Palette and node title, e.g. "nginx". */
  title: string;
  /** Default label for a new node. */
  defaultLabel: string;
  /** The one-line explanation shown on hover. */
  blurb: string;
  color: string;
  fields: readonly FieldSpec[];
  /** The one or two config keys that matter most, shown on the node itself. */
  summary: readonly string[];
}

const dist = (key: string, def: string): EnumField => ({
  type: 'enum',
  key,
  label: 'Service time distribution',
  default: def,
  options: [
    { value: 'constant', label: 'Constant' },
    { value: 'exponential', label: 'Exponential' },
    { value: 'lognormal', label: 'Log-normal (long tail)' },
  ],
  help: 'How much individual requests vary around the mean time.',
});

const concurrency = (def: number, help: string): NumberField => ({
  type: 'number',
  key: 'concurrency',
  label: 'Workers',
  default: def,
  min: 1,
  max: 1024,
  integer: true,
  help,
});

const replicas: NumberField = {
  type: 'number',
  key: 'replicas',
  label: 'Replicas',
  default: 1,
  min: 1,
  max: 64,
  integer: true,
  help: 'Identical copies started from the same image; each has its own workers and queue.',
};

export const DEFAULT_ROUTES: Route[] = [
  { method: 'GET', path: '/api/items', weight: 8 },
  { method: 'POST', path: '/api/orders', weight: 1 },
  { method: 'GET', path: '/static/app.js', weight: 1 },
];

export const KINDS: Record<NodeKind, KindSpec> = {
  client: {
    kind: 'client',
    title: 'Client',
    defaultLabel: 'Users',
    blurb: 'People with browsers or phones sending requests to your backend.',
    color: '#0ea5e9',
    summary: ['rps', 'arrival'],
    fields: [
      {
        type: 'number',
        key: 'rps',
        label: 'Traffic',
        unit: 'req/s',
        default: 20,
        min: 0,
        max: 100_000,
        help: 'Requests per second sent by all these users together.',
      },
      {
        type: 'enum',
        key: 'arrival',
        label: 'Arrivals',
        default: 'poisson',
        options: [
          { value: 'poisson', label: 'Random (Poisson)' },
          { value: 'constant', label: 'Evenly spaced' },
        ],
        help: 'Real users arrive at random moments; evenly spaced is a load-test robot.',
      },
      {
        type: 'enum',
        key: 'pattern',
        label: 'Pattern',
        default: 'steady',
        options: [
          { value: 'steady', label: 'Steady' },
          { value: 'ramp', label: 'Ramp up' },
          { value: 'spike', label: 'Spike' },
          { value: 'diurnal', label: 'Daily cycle' },
          { value: 'bursts', label: 'Random bursts' },
          { value: 'replay', label: 'Replay a log' },
        ],
        help: 'Steady, a ramp up, one spike, a day-and-night cycle, random correlated bursts, or the rate of an access log dropped on the client.',
      },
      {
        type: 'number',
        key: 'rampS',
        label: 'Ramp time',
        unit: 's',
        default: 30,
        min: 1,
        max: 3600,
        help: 'With a ramp: seconds to grow from zero to the full traffic.',
      },
      {
        type: 'number',
        key: 'spikeAtS',
        label: 'Spike starts at',
        unit: 's',
        default: 20,
        min: 0,
        max: 3600,
        help: 'With a spike: when the burst begins.',
      },
      {
        type: 'number',
        key: 'spikeDurationS',
        label: 'Spike length',
        unit: 's',
        default: 10,
        min: 1,
        max: 3600,
        help: 'With a spike: how long the burst lasts.',
      },
      {
        type: 'number',
        key: 'spikeFactor',
        label: 'Spike size',
        unit: '×',
        default: 5,
        min: 1,
        max: 100,
        help: 'With a spike or bursts: traffic is multiplied by this during the burst.',
      },
      {
        type: 'number',
        key: 'diurnalPeriodS',
        label: 'Day length',
        unit: 's',
        default: 600,
        min: 10,
        max: 86_400,
        help: 'With a daily cycle: seconds from one quiet night to the next (86400 = a real day).',
      },
      {
        type: 'number',
        key: 'diurnalAmplitude',
        label: 'Day swing',
        unit: '0–1',
        default: 0.6,
        min: 0,
        max: 1,
        step: 0.05,
        help: 'With a daily cycle: traffic swings between (1 − this) and (1 + this) × the traffic.',
      },
      {
        type: 'number',
        key: 'burstEveryS',
        label: 'Bursts every',
        unit: 's',
        default: 30,
        min: 1,
        max: 3600,
        help: 'With bursts: on average a burst starts this often, at random moments.',
      },
      {
        type: 'number',
        key: 'burstLengthS',
        label: 'Burst length',
        unit: 's',
        default: 3,
        min: 0.1,
        max: 600,
        help: 'With bursts: how long a burst lasts on average; everyone sends more at once.',
      },
      {
        type: 'text',
        key: 'replayProfile',
        label: 'Replayed log',
        default: '',
        maxLength: 40_000,
        inspector: false,
        help: 'Requests per time bucket of a replayed access log (bucket seconds:counts), written when a log is dropped on the client.',
      },
      {
        type: 'number',
        key: 'replayTimeScale',
        label: 'Replay speed',
        unit: '×',
        default: 1,
        min: 0.01,
        max: 1000,
        help: 'With a replayed log: 2 plays it twice as fast (and twice as dense).',
      },
      {
        type: 'number',
        key: 'replayVolume',
        label: 'Replay volume',
        unit: '×',
        default: 1,
        min: 0,
        max: 1000,
        help: 'With a replayed log: every second of it sends this many times its requests.',
      },
      {
        type: 'number',
        key: 'timeoutMs',
        label: 'Give up after',
        unit: 'ms',
        default: 5000,
        min: 1,
        max: 600_000,
        help: 'A user who waits longer than this gives up: the request counts as a timeout.',
      },
      {
        type: 'number',
        key: 'users',
        label: 'Distinct users',
        default: 1000,
        min: 1,
        max: 10_000_000,
        integer: true,
        help: 'How many different people; each has an address (for ip-hash) and a session.',
      },
      {
        type: 'routes',
        key: 'routes',
        label: 'Requests',
        default: DEFAULT_ROUTES,
        help: 'What the users ask for: method, path and how often, relative to the others.',
      },
    ],
  },
  dns: {
    kind: 'dns',
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
  },
  cdn: {
    kind: 'cdn',
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
  },
  proxy: {
    kind: 'proxy',
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
  },
  lb: {
    kind: 'lb',
    title: 'Load balancer',
    defaultLabel: 'Load balancer',
    blurb: 'Spreads requests over several copies of a server and skips dead ones.',
    color: '#8b5cf6',
    summary: ['strategy'],
    fields: [
      {
        type: 'enum',
        key: 'strategy',
        label: 'Strategy',
        default: 'round-robin',
        options: [
          { value: 'round-robin', label: 'Round robin' },
          { value: 'least-connections', label: 'Least connections' },
          { value: 'random', label: 'Random' },
          { value: 'weighted', label: 'Weighted' },
          { value: 'ip-hash', label: 'IP hash (sticky)' },
          { value: 'p2c', label: 'Power of two choices' },
        ],
        help: 'How the next server is picked.',
      },
      {
        type: 'number',
        key: 'healthCheckIntervalMs',
        label: 'Health check every',
        unit: 'ms',
        default: 2000,
        min: 100,
        max: 600_000,
        help: 'How often each server is asked "are you alive?".',
      },
      {
        type: 'number',
        key: 'healthCheckTimeoutMs',
        label: 'Health check timeout',
        unit: 'ms',
        default: 500,
        min: 1,
        max: 60_000,
        help: 'No answer within this time counts as a failed check.',
      },
      {
        type: 'number',
        key: 'unhealthyThreshold',
        label: 'Failures to remove',
        default: 2,
        min: 1,
        max: 100,
        integer: true,
        help: 'Failed checks in a row before a server stops getting traffic.',
      },
      {
        type: 'number',
        key: 'healthyThreshold',
        label: 'Successes to return',
        default: 2,
        min: 1,
        max: 100,
        integer: true,
        help: 'Passed checks in a row before a removed server gets traffic again.',
      },
    ],
  },
  app: {
    kind: 'app',
    title: 'App server',
    defaultLabel: 'App',
    blurb: 'Runs your code: takes a request, calls what it needs, sends the answer.',
    color: '#2563eb',
    summary: ['concurrency', 'serviceTimeMs'],
    fields: [
      concurrency(4, 'Requests handled at the same time; the rest wait in the queue.'),
      {
        type: 'number',
        key: 'serviceTimeMs',
        label: 'Work per request',
        unit: 'ms',
        default: 20,
        min: 0,
        max: 600_000,
        help: 'Mean CPU time of the handler itself, not counting calls to other boxes.',
      },
      dist('serviceDist', 'exponential'),
      {
        type: 'number',
        key: 'queueLimit',
        label: 'Queue limit',
        default: 100,
        min: 0,
        max: 1_000_000,
        integer: true,
        help: 'Requests allowed to wait; when the queue is full the server answers 503.',
      },
      {
        type: 'number',
        key: 'shedAfterMs',
        label: 'Shed after',
        unit: 'ms',
        default: 0,
        min: 0,
        max: 600_000,
        help: 'Load shedding: turn a request away (503 shed) when its wait in the queue would pass this (0 = never).',
      },
      replicas,
      {
        type: 'number',
        key: 'weight',
        label: 'Weight',
        default: 1,
        min: 0,
        max: 1000,
        help: 'Share of traffic under a weighted load balancer, relative to the others.',
      },
      {
        type: 'enum',
        key: 'sessions',
        label: 'Sessions kept',
        default: 'none',
        options: [
          { value: 'none', label: 'No sessions' },
          { value: 'memory', label: 'In this server’s memory' },
          { value: 'store', label: 'In a shared store (Redis)' },
        ],
        help: 'Where logged-in state lives. In memory, another server won’t know the user.',
      },
      {
        type: 'boolean',
        key: 'cacheReads',
        label: 'Cache reads',
        default: true,
        help: 'With a Redis cache connected, look data up there before the database (cache-aside). Off: Redis only keeps sessions.',
      },
      {
        type: 'number',
        key: 'dbQueries',
        label: 'Queries per request',
        default: 1,
        min: 0,
        max: 100,
        integer: true,
        help: 'Database queries each request makes (after a cache miss, if there is a cache).',
      },
      {
        type: 'number',
        key: 'poolSize',
        label: 'Connection pool',
        unit: 'conns',
        default: 10,
        min: 0,
        max: 1000,
        integer: true,
        help: 'Reusable database connections; 0 opens a new connection for every query.',
      },
      {
        type: 'number',
        key: 'poolTimeoutMs',
        label: 'Pool wait limit',
        unit: 'ms',
        default: 1000,
        min: 1,
        max: 600_000,
        help: 'How long a query waits for a free pooled connection before failing.',
      },
      {
        type: 'number',
        key: 'connectMs',
        label: 'Connect cost',
        unit: 'ms',
        default: 30,
        min: 0,
        max: 60_000,
        help: 'Time to open a new database connection (TCP, TLS, login).',
      },
    ],
  },
  db: {
    kind: 'db',
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
    ],
  },
  cache: {
    kind: 'cache',
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
  },
  queue: {
    kind: 'queue',
    title: 'Queue',
    defaultLabel: 'Queue',
    blurb: 'Holds jobs until a worker is free, so nobody waits for slow work.',
    color: '#db2777',
    summary: ['capacity'],
    fields: [
      {
        type: 'number',
        key: 'capacity',
        label: 'Capacity',
        unit: 'jobs',
        default: 10_000,
        min: 1,
        max: 10_000_000,
        integer: true,
        help: 'Jobs the queue holds; when full, publishing fails.',
      },
      {
        type: 'number',
        key: 'publishMs',
        label: 'Publish time',
        unit: 'ms',
        default: 1,
        min: 0,
        max: 10_000,
        help: 'Time to hand a job to the queue.',
      },
      {
        type: 'number',
        key: 'visibilityTimeoutMs',
        label: 'Redeliver after',
        unit: 'ms',
        default: 30_000,
        min: 1,
        max: 86_400_000,
        help: 'A job not acknowledged within this time is given to another worker.',
      },
    ],
  },
  worker: {
    kind: 'worker',
    title: 'Worker',
    defaultLabel: 'Worker',
    blurb: 'Takes jobs from a queue and does slow work in the background.',
    color: '#4f46e5',
    summary: ['concurrency', 'serviceTimeMs'],
    fields: [
      concurrency(1, 'Jobs processed at the same time by each replica.'),
      {
        type: 'number',
        key: 'serviceTimeMs',
        label: 'Work per job',
        unit: 'ms',
        default: 200,
        min: 0,
        max: 3_600_000,
        help: 'Mean time to finish one job (send an email, resize an image).',
      },
      dist('serviceDist', 'exponential'),
      replicas,
    ],
  },
  cron: {
    kind: 'cron',
    title: 'Cron',
    defaultLabel: 'Cron',
    blurb: 'Starts a job on a schedule, like a nightly report.',
    color: '#0d9488',
    summary: ['everyMs'],
    fields: [
      {
        type: 'number',
        key: 'everyMs',
        label: 'Every',
        unit: 'ms',
        default: 10_000,
        min: 100,
        max: 86_400_000,
        help: 'Time between two runs.',
      },
      {
        type: 'number',
        key: 'jobsPerRun',
        label: 'Jobs per run',
        default: 1,
        min: 1,
        max: 100_000,
        integer: true,
        help: 'Jobs or requests sent each time it fires.',
      },
    ],
  },
  static: {
    kind: 'static',
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
  },
  external: {
    kind: 'external',
    title: 'External API',
    defaultLabel: 'Payment API',
    blurb: 'Someone else’s service you call, like payments or maps: slow and sometimes down.',
    color: '#78716c',
    summary: ['latencyMs', 'errorRate'],
    fields: [
      {
        type: 'number',
        key: 'latencyMs',
        label: 'Latency',
        unit: 'ms',
        default: 150,
        min: 0,
        max: 600_000,
        help: 'Typical time for the call to come back.',
      },
      dist('latencyDist', 'lognormal'),
      {
        type: 'number',
        key: 'errorRate',
        label: 'Error rate',
        unit: '0–1',
        default: 0.01,
        min: 0,
        max: 1,
        step: 0.01,
        help: 'Share of calls that fail on their side.',
      },
      {
        type: 'number',
        key: 'timeoutMs',
        label: 'Call timeout',
        unit: 'ms',
        default: 2000,
        min: 1,
        max: 600_000,
        help: 'Your code stops waiting after this long and treats the call as failed.',
      },
    ],
  },
  // The rate limiter: src/sim/behaviours/limiter.ts (its engine side), and its entries in
  // the tables keyed by kind (icons, shapes, costs, config import, palette).
  limiter: {
    kind: 'limiter',
    title: 'Rate limiter',
    defaultLabel: 'Rate limiter',
    blurb: 'Lets a steady rate of requests through to what it guards and answers the rest 429.',
    color: '#be185d',
    summary: ['rate', 'burst'],
    fields: [
      {
        type: 'number',
        key: 'rate',
        label: 'Rate',
        unit: 'req/s',
        default: 100,
        min: 0,
        max: 1_000_000,
        help: 'Tokens added per second: in the long run this many requests a second get through.',
      },
      {
        type: 'number',
        key: 'burst',
        label: 'Burst',
        unit: 'req',
        default: 20,
        min: 1,
        max: 1_000_000,
        integer: true,
        help: 'Tokens the bucket holds: this many requests may pass at once after a quiet spell.',
      },
      {
        type: 'enum',
        key: 'per',
        label: 'Limit',
        default: 'global',
        options: [
          { value: 'global', label: 'For everyone together' },
          { value: 'user', label: 'Per user' },
        ],
        help: 'One bucket shared by all requests, or one bucket for each user.',
      },
    ],
  },
  group: {
    kind: 'group',
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
  },
};

export function kindSpec(kind: NodeKind): KindSpec {
  return KINDS[kind];
}

export function fieldSpec(kind: NodeKind, key: string): FieldSpec | undefined {
  return KINDS[kind].fields.find((f) => f.key === key);
}

/** A complete config for `kind`: every key at its default. Fresh arrays each call. */
export function defaultConfig(kind: NodeKind): Record<string, ConfigValue> {
  const config: Record<string, ConfigValue> = {};
  for (const field of KINDS[kind].fields) {
    config[field.key] =
      field.type === 'routes' ? field.default.map((r) => ({ ...r })) : field.default;
  }
  return config;
}

/** Reads a number config value with its default; for the engine and the UI alike. */
export function numberOf(kind: NodeKind, config: Record<string, ConfigValue>, key: string): number {
  const v = config[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const f = fieldSpec(kind, key);
  return f && f.type === 'number' ? f.default : 0;
}

/** Reads a string (enum or text) config value with its default. */
export function stringOf(kind: NodeKind, config: Record<string, ConfigValue>, key: string): string {
  const v = config[key];
  if (typeof v === 'string') return v;
  const f = fieldSpec(kind, key);
  return f && (f.type === 'enum' || f.type === 'text') ? f.default : '';
}

/** Reads a boolean config value with its default. */
export function booleanOf(
  kind: NodeKind,
  config: Record<string, ConfigValue>,
  key: string,
): boolean {
  const v = config[key];
  if (typeof v === 'boolean') return v;
  const f = fieldSpec(kind, key);
  return f && f.type === 'boolean' ? f.default : false;
}
