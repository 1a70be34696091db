// Boxes talk through what they offer, not what they are: a box of a kind the engine has
// never heard of, which only forwards, can sit between an app and its database (or its
// cache) and the app's queries still go through it, counted at the database, with the same
// results as without it. A behaviour that reads a setting its kind does not declare fails
// loudly instead of reading 0.

import { describe, expect, it } from 'vitest';
import type { NodeKind, TopologyDocument, TopologyNode } from '../model/types.ts';
import { BaseBehaviour } from './behaviours/base.ts';
import { ForwardingBehaviour } from './behaviours/forwarder.ts';
import { box, link, topology } from './fixtures.ts';
import { C_REJECTED } from './causes.ts';
import { buildReport } from './report.ts';
import type { Call } from './runtime.ts';
import { Simulation } from './simulation.ts';

/** A throwaway kind: forwards every call, adding nothing (a rate limiter that never limits). */
class PassThrough extends ForwardingBehaviour {}

/** The rate limiter of docs/engine.md, with its limit built in: 50 calls a second. */
class Limiter extends ForwardingBehaviour {
  private second = -1;
  private passed = 0;

  override arrive(call: Call): void {
    const second = Math.floor(this.sim.now / 1000);
    if (second !== this.second) {
      this.second = second;
      this.passed = 0;
    }
    if (this.passed >= 50) this.sim.fail(call, C_REJECTED);
    else {
      this.passed++;
      this.pass(call);
    }
  }
}

const KINDS = { limiter: PassThrough, 'limit-50': Limiter };

function limiter(id: string, kind = 'limiter'): TopologyNode {
  return { id, kind: kind as NodeKind, label: id, position: { x: 0, y: 0 }, config: {} };
}

const routes = [
  { method: 'GET' as const, path: '/api/items', weight: 3 },
  { method: 'POST' as const, path: '/api/orders', weight: 1 },
];

/** users → app → (limiter →) Postgres, and app → (limiter →) Redis. */
function shop(between: boolean): TopologyDocument {
  const nodes = [
    box('users', 'client', { rps: 200, routes }),
    box('app', 'app', { concurrency: 8, dbQueries: 2, poolSize: 4, serviceTimeMs: 2 }),
    box('pg', 'db', { maxConnections: 50 }),
    box('redis', 'cache', { keys: 500, capacity: 100 }),
  ];
  if (!between) {
    return topology(nodes, [link('users', 'app'), link('app', 'redis'), link('app', 'pg')]);
  }
  return topology(
    [...nodes, limiter('rl-cache'), limiter('rl-db')],
    [
      link('users', 'app'),
      link('app', 'rl-cache'),
      link('rl-cache', 'redis'),
      link('app', 'rl-db'),
      link('rl-db', 'pg'),
    ],
  );
}

function run(doc: TopologyDocument) {
  const sim = new Simulation(doc, { seed: 4, warmupMs: 2000, kinds: KINDS });
  sim.runUntil(20_000);
  return buildReport(sim);
}

describe('capabilities', () => {
  it('a box that only forwards can sit between an app and its database and cache', () => {
    const direct = run(shop(false));
    const through = run(shop(true));
    const { app, pg, redis } = through.nodes;
    const rlDb = through.nodes['rl-db']!;
    const rlCache = through.nodes['rl-cache']!;
    // The app found its database and cache through the boxes in front of them.
    expect(app!.completed).toBeGreaterThan(2000);
    expect(through.requests.failed).toBe(0);
    expect(pg!.arrivals).toBeGreaterThan(0);
    expect(rlDb.arrivals).toBe(pg!.arrivals);
    expect(rlCache.arrivals).toBe(redis!.arrivals);
    // Its pool opened connections at the database, which counts them.
    expect(app!.poolSize).toBe(4);
    expect(pg!.peakConnections).toBeGreaterThan(0);
    expect(app!.dbConnections).toBe(pg!.connections);
    // Cache-aside still works: hits, misses, keys written back.
    expect(redis!.hitRatio as number).toBeGreaterThan(0);
    // The caller cannot tell: the same run as with no box in between.
    expect(through.nodes.users).toEqual(direct.nodes.users);
    expect(app).toEqual(direct.nodes.app);
    expect(pg).toEqual(direct.nodes.pg);
    expect(redis).toEqual(direct.nodes.redis);
    expect(through.latency_ms).toEqual(direct.latency_ms);
  });

  it('the database counts the connections it refuses, whoever sits in front of it', () => {
    const small = (doc: TopologyDocument) => {
      doc.nodes.find((n) => n.id === 'pg')!.config.maxConnections = 2;
      return run(doc);
    };
    const direct = small(shop(false));
    const through = small(shop(true));
    const refused = through.nodes.pg!.failedBy['db-max-connections'];
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBe(direct.nodes.pg!.failedBy['db-max-connections']);
    expect(through.nodes['rl-db']!.failedBy).toEqual({});
    expect(through.requests).toEqual(direct.requests);
  });

  it('a rate limiter in front of the database lets its share through and rejects the rest', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 100, routes: [{ method: 'GET', path: '/a', weight: 1 }] }),
        box('app', 'app', { concurrency: 16, dbQueries: 1 }),
        limiter('rl', 'limit-50'),
        box('pg', 'db'),
      ],
      [link('users', 'app'), link('app', 'rl'), link('rl', 'pg')],
    );
    const r = run(doc);
    const seconds = r.duration_s;
    // Only the database's share of queries gets through: about 50 a second.
    expect(r.nodes.pg!.arrivals / seconds).toBeGreaterThan(45);
    expect(r.nodes.pg!.arrivals / seconds).toBeLessThanOrEqual(50);
    expect(r.nodes.rl!.failedBy.rejected).toBeGreaterThan(0);
    expect(r.requests.failedBy).toEqual({ rejected: r.nodes.rl!.failedBy.rejected });
    expect(r.nodes.app!.poolSize).toBeGreaterThan(0);
  });

  it('a box that forwards to nothing offers nothing: the app does without it', () => {
    const doc = topology(
      [box('users', 'client', { rps: 50, routes }), box('app', 'app'), limiter('rl')],
      [link('users', 'app'), link('app', 'rl')],
    );
    const r = run(doc);
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.rl!.arrivals).toBe(0);
  });

  it('a behaviour reading a setting its kind does not declare throws', () => {
    class Misspelt extends BaseBehaviour {
      override configure(): void {
        this.num('serviceTimeMS');
      }
    }
    const doc = topology([box('app', 'app')], []);
    expect(() => new Simulation(doc, { seed: 1, kinds: { app: Misspelt } })).toThrow(
      'app declares no number setting "serviceTimeMS"',
    );
  });
});
