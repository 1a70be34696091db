// What a design costs to run for a month, from public cloud list prices (AWS on-demand,
// us-east-1, Linux, 730 hours a month). ONE table keyed by kind: each row says what one
// replica of that box is in the cloud, how its size follows from its settings (workers,
// cores, connections, cache entries), and where the prices come from. docs/challenges.md
// prints the same figures with their sources and the dates they were read.
//
// Only fixed, per-box prices are counted. Usage fees (per request, per GB) follow the
// traffic, which a challenge fixes for every design alike, and are named in `note`.

import { numberOf } from './kinds.ts';
import type { NodeKind, TopologyDocument, TopologyNode } from './types.ts';

/** AWS's own convention for a monthly estimate from an hourly price. */
export const HOURS_PER_MONTH = 730;

export interface PriceSource {
  title: string;
  url: string;
  /** The day the figures were read. */
  read: string;
  /** The figures taken from it, in words. */
  facts: string;
}

export const PRICE_SOURCES = {
  ec2: {
    title: 'FactualMinds, “Amazon EC2 On-Demand Pricing: Instance Families… (2026)”, June 2026',
    url: 'https://www.factualminds.com/blog/amazon-ec2-on-demand-pricing-instance-families-2026/',
    read: '2026-12-01',
    facts: 'm7g.large (2 vCPU, 8 GiB) Linux on-demand in us-east-1: $0.0816 an hour',
  },
  rds: {
    title: 'InfraTally, “AWS RDS pricing explained (2026)”',
    url: 'https://infratally.com/articles/aws-rds-pricing-explained-2026.html',
    read: '2026-12-01',
    facts:
      'PostgreSQL Single-AZ in us-east-1: db.t4g.micro (2 vCPU, 1 GiB) $0.016, db.t4g.small (2 GiB) $0.032, db.t4g.medium (4 GiB) $0.065 an hour',
  },
  rdsStorage: {
    title: 'Usage.ai, “RDS pricing calculator” (rates for US East, June 2026)',
    url: 'https://www.usage.ai/blogs/aws/reserved-instances/rds/pricing-calculator/',
    read: '2026-12-01',
    facts: 'RDS gp3 storage: $0.115 per GB-month',
  },
  elasticache: {
    title: 'Dragonfly FinOps, ElastiCache instance pages (cache.t3.micro, cache.t3.medium)',
    url: 'https://dragonflydb.io/finops/elasticache/cache.t3.medium',
    read: '2026-12-01',
    facts:
      'on-demand in US East (N. Virginia): cache.t3.micro (0.5 GiB) $0.017, cache.t3.medium (3.09 GiB) $0.068 an hour; cache.t3.small has 1.37 GiB',
  },
  alb: {
    title: 'Cloud Horizons, “ALB: the line item nobody watches”, May 2026',
    url: 'https://cloud-horizons.com/blog/alb-the-line-item-nobody-watches/',
    read: '2026-12-01',
    facts: 'Application Load Balancer: $0.0225 per ALB-hour plus $0.008 per LCU-hour',
  },
  route53: {
    title: 'NS1, “AWS DNS: Route 53 features, pricing and limitations”',
    url: 'https://ns1.com/resources/aws-dns',
    read: '2026-12-01',
    facts: 'Route 53: $0.50 per hosted zone per month for the first 25 zones; queries extra',
  },
  cloudfront: {
    title: 'BYBOWU, “CloudFront flat-rate pricing: real savings, real limits”, November 2025',
    url: 'https://bybowu.com/article/cloudfront-flatrate-pricing-real-savings-real-limits',
    read: '2026-12-01',
    facts:
      'CloudFront flat-rate plans since 18 November 2025: Free $0, Pro $15, Business $200, Premium $1,000 a month per distribution, no overage charges',
  },
  sqs: {
    title: 'CloudBurn, “Amazon SQS pricing: complete guide (2026)”, March 2026',
    url: 'https://cloudburn.io/blog/amazon-sqs-pricing',
    read: '2026-12-01',
    facts: 'SQS: no minimum fee; standard queues $0.40 per million requests, first million free',
  },
  s3: {
    title: 'Amazon S3 pricing page',
    url: 'https://aws.amazon.com/s3/pricing/',
    read: '2026-12-01',
    facts:
      'S3: pay only for what you use, no minimum charge (storage per GB-month, requests per thousand)',
  },
  hours: {
    title: 'c3x, “aws_db_instance cost estimation”',
    url: 'https://c3x.dev/resources/aws/aws_db_instance',
    read: '2026-12-01',
    facts: 'monthly estimates assume 730 hours a month',
  },
} satisfies Record<string, PriceSource>;

export type PriceSourceId = keyof typeof PRICE_SOURCES;

/** One size of a cloud product. */
export interface PriceSize {
  name: string;
  hourlyUsd: number;
  vcpu?: number;
  memoryGiB?: number;
  /** Derived (a larger size priced by doubling), not read off a price list. */
  derived?: boolean;
}

/** What one replica of a box costs, and why that size. */
export interface ReplicaPrice {
  /** "EC2 m7g.large", "none (usage-priced)". */
  product: string;
  monthlyUsd: number;
  /** Why this size: "2 vCPU for 4 workers (two workers per vCPU)". */
  why: string;
}

export interface KindCost {
  /** What the box is in the cloud, in words. */
  product: string;
  /** How the size follows from the settings. */
  sizing: string;
  /** Usage fees that are not counted, or why the box is free. */
  note?: string;
  sources: readonly PriceSourceId[];
  /** The sizes a box of this kind can take, for the docs table. */
  sizes: readonly PriceSize[];
  price(config: TopologyNode['config']): ReplicaPrice;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const monthly = (hourly: number): number => round2(hourly * HOURS_PER_MONTH);

/** m7g general-purpose instances: each size doubles vCPU, memory and price (from m7g.large). */
export const COMPUTE_SIZES: readonly PriceSize[] = [
  { name: 'm7g.medium', vcpu: 1, memoryGiB: 4, hourlyUsd: 0.0408, derived: true },
  { name: 'm7g.large', vcpu: 2, memoryGiB: 8, hourlyUsd: 0.0816 },
  { name: 'm7g.xlarge', vcpu: 4, memoryGiB: 16, hourlyUsd: 0.1632, derived: true },
  { name: 'm7g.2xlarge', vcpu: 8, memoryGiB: 32, hourlyUsd: 0.3264, derived: true },
  { name: 'm7g.4xlarge', vcpu: 16, memoryGiB: 64, hourlyUsd: 0.6528, derived: true },
  { name: 'm7g.8xlarge', vcpu: 32, memoryGiB: 128, hourlyUsd: 1.3056, derived: true },
  { name: 'm7g.12xlarge', vcpu: 48, memoryGiB: 192, hourlyUsd: 1.9584, derived: true },
  { name: 'm7g.16xlarge', vcpu: 64, memoryGiB: 256, hourlyUsd: 2.6112, derived: true },
];

/** RDS PostgreSQL Single-AZ db.t4g; large and up are medium's price doubled per size. */
export const DB_SIZES: readonly PriceSize[] = [
  { name: 'db.t4g.micro', vcpu: 2, memoryGiB: 1, hourlyUsd: 0.016 },
  { name: 'db.t4g.small', vcpu: 2, memoryGiB: 2, hourlyUsd: 0.032 },
  { name: 'db.t4g.medium', vcpu: 2, memoryGiB: 4, hourlyUsd: 0.065 },
  { name: 'db.t4g.large', vcpu: 2, memoryGiB: 8, hourlyUsd: 0.13, derived: true },
  { name: 'db.t4g.xlarge', vcpu: 4, memoryGiB: 16, hourlyUsd: 0.26, derived: true },
  { name: 'db.t4g.2xlarge', vcpu: 8, memoryGiB: 32, hourlyUsd: 0.52, derived: true },
];

/** ElastiCache cache.t3 nodes; bigger caches are several medium nodes (shards). */
export const CACHE_SIZES: readonly PriceSize[] = [
  { name: 'cache.t3.micro', memoryGiB: 0.5, hourlyUsd: 0.017 },
  { name: 'cache.t3.small', memoryGiB: 1.37, hourlyUsd: 0.034, derived: true },
  { name: 'cache.t3.medium', memoryGiB: 3.09, hourlyUsd: 0.068 },
];

/** RDS storage every database gets: 20 GB of gp3. */
export const DB_STORAGE_GB = 20;
export const DB_STORAGE_USD_PER_GB = 0.115;
/** What one cached entry takes in memory (a small JSON answer and its key). */
export const CACHE_ENTRY_KIB = 1;
/** ElastiCache keeps about a quarter of a node's memory for itself. */
export const CACHE_USABLE_SHARE = 0.75;
/** RDS PostgreSQL's default max_connections: LEAST(memory in bytes / 9531392, 5000). */
export const DB_BYTES_PER_CONNECTION = 9_531_392;
/** Each vCPU of the database runs about this many queries at once (they wait on disk). */
export const DB_QUERIES_PER_VCPU = 4;
/** App and worker slots per vCPU: a request spends about half its time waiting on others. */
export const WORKERS_PER_VCPU = 2;
const ALB_HOURLY = 0.0225 + 0.008; // one ALB-hour and one LCU-hour
const ROUTE53_MONTHLY = 0.5;
const CLOUDFRONT_PRO_MONTHLY = 15;

function computeFor(vcpu: number): { name: string; hourly: number; vcpu: number } {
  const need = Math.max(1, Math.ceil(vcpu));
  const fit = COMPUTE_SIZES.find((s) => (s.vcpu ?? 0) >= need);
  if (fit) return { name: fit.name, hourly: fit.hourlyUsd, vcpu: fit.vcpu ?? need };
  const top = COMPUTE_SIZES[COMPUTE_SIZES.length - 1]!;
  const k = Math.ceil(need / (top.vcpu ?? 1));
  return { name: `${k} × ${top.name}`, hourly: k * top.hourlyUsd, vcpu: k * (top.vcpu ?? 1) };
}

function computePrice(vcpu: number, why: string): ReplicaPrice {
  const size = computeFor(vcpu);
  return {
    product: `EC2 ${size.name}`,
    monthlyUsd: monthly(size.hourly),
    why: `${size.vcpu} vCPU ${why}`,
  };
}

export function dbMaxConnections(memoryGiB: number): number {
  return Math.min(5000, Math.floor((memoryGiB * 1024 ** 3) / DB_BYTES_PER_CONNECTION));
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function dbPrice(config: TopologyNode['config']): ReplicaPrice {
  const queries = numberOf('db', config, 'concurrency');
  const connections = numberOf('db', config, 'maxConnections');
  const storage = round2(DB_STORAGE_GB * DB_STORAGE_USD_PER_GB);
  const fits = (s: PriceSize) =>
    (s.vcpu ?? 0) * DB_QUERIES_PER_VCPU >= queries &&
    dbMaxConnections(s.memoryGiB ?? 0) >= connections;
  const why = `for ${plural(queries, 'query', 'queries')} at once and ${plural(connections, 'connection')}, plus ${DB_STORAGE_GB} GB of storage`;
  const fit = DB_SIZES.find(fits);
  if (fit) {
    return {
      product: `RDS ${fit.name}`,
      monthlyUsd: round2(monthly(fit.hourlyUsd) + storage),
      why,
    };
  }
  const top = DB_SIZES[DB_SIZES.length - 1]!;
  const k = Math.max(
    Math.ceil(queries / ((top.vcpu ?? 1) * DB_QUERIES_PER_VCPU)),
    Math.ceil(connections / dbMaxConnections(top.memoryGiB ?? 1)),
  );
  return {
    product: `RDS ${k} × ${top.name}`,
    monthlyUsd: round2(monthly(k * top.hourlyUsd) + storage),
    why,
  };
}

function cachePrice(config: TopologyNode['config']): ReplicaPrice {
  const entries = numberOf('cache', config, 'capacity');
  const gib = (entries * CACHE_ENTRY_KIB) / 1024 ** 2;
  const why = `for ${entries.toLocaleString('en-US')} entries of about ${CACHE_ENTRY_KIB} KiB`;
  const fit = CACHE_SIZES.find((s) => (s.memoryGiB ?? 0) * CACHE_USABLE_SHARE >= gib);
  if (fit) return { product: `ElastiCache ${fit.name}`, monthlyUsd: monthly(fit.hourlyUsd), why };
  const top = CACHE_SIZES[CACHE_SIZES.length - 1]!;
  const k = Math.ceil(gib / ((top.memoryGiB ?? 1) * CACHE_USABLE_SHARE));
  return {
    product: `ElastiCache ${k} × ${top.name}`,
    monthlyUsd: monthly(k * top.hourlyUsd),
    why,
  };
}

const free = (product: string, why: string): ReplicaPrice => ({ product, monthlyUsd: 0, why });

/** The table: one row per kind. */
export const COSTS: Record<NodeKind, KindCost> = {
  client: {
    product: 'your users',
    sizing: 'nothing to pay: the traffic is the users’ own',
    sources: [],
    sizes: [],
    price: () => free('none', 'the users’ own browsers and phones'),
  },
  dns: {
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
  cdn: {
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
  proxy: {
    product: 'EC2 m7g instance running nginx',
    sizing: 'one vCPU per worker process (nginx runs one per core)',
    sources: ['ec2', 'hours'],
    sizes: COMPUTE_SIZES,
    price: (c) => {
      const n = numberOf('proxy', c, 'concurrency');
      return computePrice(n, `for ${plural(n, 'worker process', 'worker processes')}`);
    },
  },
  lb: {
    product: 'Application Load Balancer',
    sizing: 'one ALB-hour and one LCU-hour every hour',
    note: 'More traffic uses more LCUs ($0.008 an hour each); only one is counted.',
    sources: ['alb', 'hours'],
    sizes: [],
    price: () => ({
      product: 'Application Load Balancer',
      monthlyUsd: monthly(ALB_HOURLY),
      why: 'one ALB and one LCU',
    }),
  },
  app: {
    product: 'EC2 m7g instance per replica',
    sizing: `one vCPU per ${WORKERS_PER_VCPU} workers (a request waits on the database about half its time)`,
    sources: ['ec2', 'hours'],
    sizes: COMPUTE_SIZES,
    price: (c) => {
      const n = numberOf('app', c, 'concurrency');
      return computePrice(n / WORKERS_PER_VCPU, `for ${plural(n, 'worker')}`);
    },
  },
  db: {
    product: 'RDS for PostgreSQL, Single-AZ, with 20 GB of gp3 storage',
    sizing: `the smallest db.t4g class with a vCPU per ${DB_QUERIES_PER_VCPU} queries at once and memory for the max connections (RDS allows memory ÷ 9,531,392 bytes, at most 5,000)`,
    note: 'A standby in a second zone (Multi-AZ) doubles the price and is not modelled.',
    sources: ['rds', 'rdsStorage', 'hours'],
    sizes: DB_SIZES,
    price: dbPrice,
  },
  cache: {
    product: 'ElastiCache for Redis OSS node',
    sizing: `memory for the entries (about ${CACHE_ENTRY_KIB} KiB each; a quarter of a node’s memory is reserved)`,
    sources: ['elasticache', 'hours'],
    sizes: CACHE_SIZES,
    price: cachePrice,
  },
  queue: {
    product: 'SQS standard queue',
    sizing: 'no fixed price',
    note: 'SQS bills $0.40 per million requests; that follows the traffic and is not counted.',
    sources: ['sqs'],
    sizes: [],
    price: () => free('SQS (usage-priced)', 'no fixed monthly fee'),
  },
  worker: {
    product: 'EC2 m7g instance per replica',
    sizing: `one vCPU per ${WORKERS_PER_VCPU} jobs at once`,
    sources: ['ec2', 'hours'],
    sizes: COMPUTE_SIZES,
    price: (c) => {
      const n = numberOf('worker', c, 'concurrency');
      return computePrice(n / WORKERS_PER_VCPU, `for ${plural(n, 'job')} at once`);
    },
  },
  cron: {
    product: 'a schedule',
    sizing: 'nothing to pay: the jobs it starts run on boxes that are priced',
    sources: [],
    sizes: [],
    price: () => free('none', 'its jobs run on other boxes'),
  },
  static: {
    product: 'S3 bucket',
    sizing: 'no fixed price',
    note: 'S3 bills storage per GB-month and requests per thousand; not counted.',
    sources: ['s3'],
    sizes: [],
    price: () => free('S3 (usage-priced)', 'no minimum charge'),
  },
  external: {
    product: 'someone else’s service',
    sizing: 'not on your bill as infrastructure (its per-call fees are not counted)',
    sources: [],
    sizes: [],
    price: () => free('none', 'someone else runs it'),
  },
  limiter: {
    product: 'a rate limit in the proxy or gateway',
    sizing:
      'a setting of the box in front (nginx limit_req, an API gateway), not a machine of its own',
    sources: [],
    sizes: [],
    price: () => free('none', 'a setting of the proxy in front'),
  },
  group: {
    product: 'EC2 m7g instance',
    sizing: 'one vCPU per core; the boxes inside run on it and cost nothing more',
    note: 'A host that holds other hosts is a network: free.',
    sources: ['ec2', 'hours'],
    sizes: COMPUTE_SIZES,
    price: (c) => {
      const n = numberOf('group', c, 'cores');
      return computePrice(n, `for ${plural(n, 'core')}`);
    },
  },
};

/** What one box costs a month. */
export interface BoxCost {
  id: string;
  kind: NodeKind;
  label: string;
  /** The whole box: every replica. */
  monthlyUsd: number;
  perReplicaUsd: number;
  replicas: number;
  product: string;
  why: string;
  /** The host it runs on, when its price is part of that host's. */
  runsOn?: string;
  note?: string;
}

export interface DesignCost {
  totalUsd: number;
  boxes: BoxCost[];
}

const REPLICATED: ReadonlySet<NodeKind> = new Set(['app', 'worker']);

/** Groups that hold another group are networks, not machines. */
function networks(doc: TopologyDocument): Set<string> {
  const groups = new Set(doc.nodes.filter((n) => n.kind === 'group').map((n) => n.id));
  const out = new Set<string>();
  for (const n of doc.nodes) {
    if (n.kind === 'group' && n.parent !== undefined && groups.has(n.parent)) out.add(n.parent);
  }
  return out;
}

/** The machine a box runs on: its nearest enclosing host that is not a network. */
function hostOf(doc: TopologyDocument, node: TopologyNode, nets: Set<string>): TopologyNode | null {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>([node.id]);
  let parent = node.parent === undefined ? undefined : byId.get(node.parent);
  while (parent && !seen.has(parent.id)) {
    if (parent.kind === 'group') return nets.has(parent.id) ? null : parent;
    seen.add(parent.id);
    parent = parent.parent === undefined ? undefined : byId.get(parent.parent);
  }
  return null;
}

export function boxCost(doc: TopologyDocument, node: TopologyNode): BoxCost {
  return costOf(doc, node, networks(doc));
}

function costOf(doc: TopologyDocument, node: TopologyNode, nets: Set<string>): BoxCost {
  const row = COSTS[node.kind];
  const base = { id: node.id, kind: node.kind, label: node.label };
  if (node.kind === 'group' && nets.has(node.id)) {
    return {
      ...base,
      monthlyUsd: 0,
      perReplicaUsd: 0,
      replicas: 1,
      product: 'a network',
      why: 'it holds other hosts; networks are free',
    };
  }
  const host = node.kind === 'group' ? null : hostOf(doc, node, nets);
  const replicas = REPLICATED.has(node.kind) ? numberOf(node.kind, node.config, 'replicas') : 1;
  if (host && row.price(node.config).monthlyUsd > 0) {
    return {
      ...base,
      monthlyUsd: 0,
      perReplicaUsd: 0,
      replicas,
      product: `part of ${host.label}`,
      why: `it runs on ${host.label}, whose cores are priced there`,
      runsOn: host.id,
    };
  }
  const price = row.price(node.config);
  return {
    ...base,
    monthlyUsd: round2(price.monthlyUsd * replicas),
    perReplicaUsd: price.monthlyUsd,
    replicas,
    product: price.product,
    why: price.why,
    ...(row.note ? { note: row.note } : {}),
  };
}

/** Every box's monthly price and the total, in document order. */
export function designCost(doc: TopologyDocument): DesignCost {
  const nets = networks(doc);
  const boxes = doc.nodes.map((n) => costOf(doc, n, nets));
  const cents = boxes.reduce((sum, b) => sum + Math.round(b.monthlyUsd * 100), 0);
  return { totalUsd: cents / 100, boxes };
}

/** "$59.57", "$1,240", "$0". */
export function formatUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '–';
  if (usd === 0) return '$0';
  const digits = Math.abs(usd) >= 1000 || Number.isInteger(usd) ? 0 : 2;
  return `$${usd.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}
