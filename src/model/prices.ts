// Public cloud list prices (AWS on-demand, us-east-1, Linux, 730 hours a month) and how a
// box is sized from them: the sizes of each product, where each figure comes from, and
// the pricing each kind's `cost` (src/kinds/<kind>/kind.ts) builds on. model/cost.ts adds
// up a design. docs/challenges.md prints the same figures with their sources and the dates
// they were read.
//
// Only fixed, per-box prices are counted. Usage fees (per request, per GB) follow the
// traffic, which a challenge fixes for every design alike, and are named in `note`.

import type { TopologyNode } from './types.ts';

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

export const round2 = (x: number): number => Math.round(x * 100) / 100;
export const monthly = (hourly: number): number => round2(hourly * HOURS_PER_MONTH);

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
export const ALB_HOURLY = 0.0225 + 0.008; // one ALB-hour and one LCU-hour
export const ROUTE53_MONTHLY = 0.5;
export const CLOUDFRONT_PRO_MONTHLY = 15;

function computeFor(vcpu: number): { name: string; hourly: number; vcpu: number } {
  const need = Math.max(1, Math.ceil(vcpu));
  const fit = COMPUTE_SIZES.find((s) => (s.vcpu ?? 0) >= need);
  if (fit) return { name: fit.name, hourly: fit.hourlyUsd, vcpu: fit.vcpu ?? need };
  const top = COMPUTE_SIZES[COMPUTE_SIZES.length - 1]!;
  const k = Math.ceil(need / (top.vcpu ?? 1));
  return { name: `${k} × ${top.name}`, hourly: k * top.hourlyUsd, vcpu: k * (top.vcpu ?? 1) };
}

export function computePrice(vcpu: number, why: string): ReplicaPrice {
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

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A database for `queries` at once and `connections` open connections. */
export function dbPrice(queries: number, connections: number): ReplicaPrice {
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

/** A cache for `entries` entries. */
export function cachePrice(entries: number): ReplicaPrice {
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

export const free = (product: string, why: string): ReplicaPrice => ({
  product,
  monthlyUsd: 0,
  why,
});
