// What a design costs a month: every kind has a row with its sources, sizes follow the
// settings that cost money (workers, cores, connections, cache entries), replicas multiply,
// and boxes on a host are paid for by the host.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  boxCost,
  CACHE_SIZES,
  COMPUTE_SIZES,
  COSTS,
  DB_SIZES,
  dbMaxConnections,
  designCost,
  formatUsd,
  HOURS_PER_MONTH,
  PRICE_SOURCES,
} from './cost.ts';
import { exampleDocument } from './example.ts';
import { defaultConfig } from './kinds.ts';
import { NODE_KINDS, type NodeKind, type TopologyDocument } from './types.ts';

const docOf = (...nodes: TopologyDocument['nodes']): TopologyDocument => ({
  version: 1,
  title: 't',
  nodes,
  edges: [],
});
const box = (kind: NodeKind, config: Record<string, unknown> = {}, extra = {}) => ({
  id: kind,
  kind,
  label: kind,
  position: { x: 0, y: 0 },
  config: { ...defaultConfig(kind), ...config } as TopologyDocument['nodes'][number]['config'],
  ...extra,
});
const usd = (kind: NodeKind, config: Record<string, unknown> = {}) =>
  boxCost(docOf(box(kind, config)), box(kind, config));

describe('costs', () => {
  it('has one row for every kind, citing sources that exist', () => {
    expect(Object.keys(COSTS).sort()).toEqual([...NODE_KINDS].sort());
    for (const kind of NODE_KINDS) {
      for (const id of COSTS[kind].sources)
        expect(PRICE_SOURCES[id], `${kind} → ${id}`).toBeDefined();
      const sizes = COSTS[kind].sizes.map((s) => s.hourlyUsd);
      expect(
        [...sizes].sort((a, b) => a - b),
        kind,
      ).toEqual(sizes);
    }
    for (const s of Object.values(PRICE_SOURCES)) {
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.read).toMatch(/^\d{4}-\d\d-\d\d$/);
    }
  });

  it('prices app servers by their workers, two per vCPU, and multiplies replicas', () => {
    expect(HOURS_PER_MONTH).toBe(730);
    expect(usd('app', { concurrency: 4 })).toMatchObject({
      product: 'EC2 m7g.large',
      perReplicaUsd: 59.57,
      monthlyUsd: 59.57,
      why: '2 vCPU for 4 workers',
    });
    expect(usd('app', { concurrency: 8, replicas: 3 })).toMatchObject({
      product: 'EC2 m7g.xlarge',
      perReplicaUsd: 119.14,
      monthlyUsd: 357.42,
      replicas: 3,
    });
    expect(usd('app', { concurrency: 1 }).product).toBe('EC2 m7g.medium');
    expect(usd('app', { concurrency: 1024 }).product).toBe('EC2 8 × m7g.16xlarge');
  });

  it('gives an autoscaled box the range from its fewest to its most replicas, priced at those it starts with', () => {
    const scaled = usd('app', {
      concurrency: 4,
      replicas: 2,
      autoscale: true,
      minReplicas: 1,
      maxReplicas: 6,
    });
    expect(scaled).toMatchObject({ replicas: 2, perReplicaUsd: 59.57, monthlyUsd: 119.14 });
    expect(scaled.scaling).toEqual({ min: 1, max: 6, minUsd: 59.57, maxUsd: 357.42 });
    expect(usd('worker', { autoscale: true, maxReplicas: 3 }).scaling?.max).toBe(3);
    // Off (the default), or a kind that cannot scale: no range.
    expect(usd('app', { concurrency: 4, replicas: 2 }).scaling).toBeUndefined();
    expect(usd('db', {}).scaling).toBeUndefined();
  });

  it('sizes a database by its queries at once and its connections', () => {
    expect(dbMaxConnections(1)).toBe(112);
    expect(usd('db')).toMatchObject({ product: 'RDS db.t4g.micro', monthlyUsd: 13.98 });
    expect(usd('db', { maxConnections: 400 }).product).toBe('RDS db.t4g.medium');
    expect(usd('db', { concurrency: 32 }).product).toBe('RDS db.t4g.2xlarge');
    expect(usd('db', { maxConnections: 20_000 }).product).toBe('RDS 6 × db.t4g.2xlarge');
  });

  it('sizes a cache by its entries, and prices the managed boxes flat', () => {
    expect(usd('cache').product).toBe('ElastiCache cache.t3.micro');
    expect(usd('cache', { capacity: 10_000_000 })).toMatchObject({
      product: 'ElastiCache 5 × cache.t3.medium',
      monthlyUsd: 248.2,
    });
    expect(usd('lb').monthlyUsd).toBe(22.27);
    expect(usd('dns').monthlyUsd).toBe(0.5);
    expect(usd('cdn').monthlyUsd).toBe(15);
    for (const kind of ['client', 'queue', 'static', 'external', 'cron'] as const) {
      expect(usd(kind).monthlyUsd, kind).toBe(0);
    }
  });

  it('charges a host for its cores and nothing more for the boxes on it', () => {
    const host = box('group', { cores: 4 });
    const app = box('app', { concurrency: 16 }, { id: 'app', parent: 'group' });
    const doc = docOf(host, app);
    const cost = designCost(doc);
    expect(cost.boxes[0]).toMatchObject({ product: 'EC2 m7g.xlarge', monthlyUsd: 119.14 });
    expect(cost.boxes[1]).toMatchObject({
      monthlyUsd: 0,
      runsOn: 'group',
      product: 'part of group',
    });
    expect(cost.totalUsd).toBe(119.14);
    // A host that holds hosts is a network: free; the hosts inside are the machines.
    const net = box('group', {}, { id: 'net' });
    const inner = { ...host, parent: 'net' };
    expect(designCost(docOf(net, inner, app)).totalUsd).toBe(119.14);
  });

  it('adds up a whole design in cents', () => {
    const doc = exampleDocument();
    const cost = designCost(doc);
    expect(cost.totalUsd).toBe(
      Math.round(cost.boxes.reduce((s, b) => s + b.monthlyUsd * 100, 0)) / 100,
    );
    expect(cost.boxes.map((b) => b.id)).toEqual(doc.nodes.map((n) => n.id));
  });

  it('writes dollars the way people read them', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(59.57)).toBe('$59.57');
    expect(formatUsd(250)).toBe('$250');
    expect(formatUsd(1843.72)).toBe('$1,844');
  });

  it('says the same as the costs table and sources in docs/challenges.md', () => {
    const docs = readFileSync(new URL('../../docs/challenges.md', import.meta.url), 'utf8');
    const rows = docs.split('\n').filter((l) => l.startsWith('| '));
    for (const size of [...COMPUTE_SIZES, ...DB_SIZES, ...CACHE_SIZES]) {
      const name = `${size.name}${size.derived ? ' \\*' : ''} |`;
      const row = rows.find((r) => r.startsWith(`| ${name}`));
      expect(row, size.name).toBeDefined();
      expect(row, size.name).toContain(`| $${size.hourlyUsd} |`);
    }
    for (const source of Object.values(PRICE_SOURCES)) expect(docs).toContain(source.url);
    expect(docs).toContain('read on 1 December 2026');
  });
});
