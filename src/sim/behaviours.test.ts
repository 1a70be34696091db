// Each box's rules, one by one: the config keys mean what their help text says.

import { describe, expect, it } from 'vitest';
import type { Route } from '../model/types.ts';
import { box, link, topology } from './fixtures.ts';
import { simulate } from './simulate.ts';

const get = (path = '/api/items'): Route[] => [{ method: 'GET', path, weight: 1 }];
const run = (doc: ReturnType<typeof topology>, durationMs = 20_000, seed = 1) =>
  simulate(doc, { seed, durationMs });

describe('hosts', () => {
  it('boxes on one host compete for its cores; on separate hosts they do not', () => {
    const doc = (shared: boolean) =>
      topology(
        [
          box('users', 'client', { rps: 150, routes: get() }),
          box('lb', 'lb'),
          box('h1', 'group', { cores: 1 }),
          box('h2', 'group', { cores: 1 }),
          box('a', 'app', { concurrency: 8, serviceTimeMs: 5, dbQueries: 0 }, 'h1'),
          box('b', 'app', { concurrency: 8, serviceTimeMs: 5, dbQueries: 0 }, shared ? 'h1' : 'h2'),
        ],
        [link('users', 'lb'), link('lb', 'a'), link('lb', 'b')],
      );
    const together = run(doc(true), 30_000);
    const apart = run(doc(false), 30_000);
    expect(together.nodes.h1!.utilization).toBeGreaterThan(0.65);
    expect(apart.nodes.h1!.utilization).toBeLessThan(0.45);
    expect(together.latency_ms.mean).toBeGreaterThan(apart.latency_ms.mean * 1.5);
  });
});

describe('load balancer strategies', () => {
  const lbDoc = (strategy: string, w2 = 1) =>
    topology(
      [
        box('users', 'client', { rps: 200, routes: get(), users: 50 }),
        box('lb', 'lb', { strategy }),
        box('a1', 'app', { dbQueries: 0, weight: 1 }),
        box('a2', 'app', { dbQueries: 0, weight: w2 }),
      ],
      [link('users', 'lb'), link('lb', 'a1'), link('lb', 'a2')],
    );

  it('weighted follows the weights; round robin, random and p2c spread evenly', () => {
    const w = run(lbDoc('weighted', 3));
    expect(w.nodes.a2!.arrivals / w.nodes.a1!.arrivals).toBeCloseTo(3, 1);
    for (const s of ['round-robin', 'random', 'p2c', 'least-connections']) {
      const r = run(lbDoc(s));
      expect(Math.abs(r.nodes.a1!.arrivals / r.nodes.a2!.arrivals - 1)).toBeLessThan(0.1);
    }
  });

  it('random and p2c leave a backend out once its checks fail, and take it back once they pass', () => {
    for (const strategy of ['random', 'p2c']) {
      const doc = topology(
        [
          box('users', 'client', { rps: 300, routes: get() }),
          box('lb', 'lb', { strategy }),
          box('a1', 'app', { dbQueries: 0 }),
          box('a2', 'app', { dbQueries: 0 }),
          box('a3', 'app', { dbQueries: 0 }),
        ],
        [link('users', 'lb'), link('lb', 'a1'), link('lb', 'a2'), link('lb', 'a3')],
      );
      const crash = { atMs: 1000, action: { type: 'crash' as const, node: 'a2' } };
      const back = { atMs: 20_000, action: { type: 'restart' as const, node: 'a2' } };
      const at = (ms: number, actions = [crash, back]) =>
        simulate(doc, { seed: 3, durationMs: ms, actions });
      // Unhealthy after two failed checks (every 2 s): by 6 s none is sent to a2 any more, and
      // a1 takes half the traffic (150 req/s, not a third).
      const cut = at(6000).requests.failed;
      expect(at(18_000).requests.failed).toBe(cut);
      expect(at(18_000).nodes.a1!.arrivals).toBeGreaterThan(at(6000).nodes.a1!.arrivals + 1600);
      // Up again at 20 s, healthy after two passed checks: a2 takes its share once more.
      const later = at(40_000);
      expect(later.nodes.a2!.arrivals - at(26_000).nodes.a2!.arrivals).toBeGreaterThan(1000);
      expect(later.requests.failed).toBe(cut);
    }
  });

  it('replicas without a load balancer take turns', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 100, routes: get() }),
          box('app', 'app', { replicas: 3, dbQueries: 0 }),
        ],
        [link('users', 'app')],
      ),
    );
    expect(r.nodes.app!.replicas).toBe(3);
    expect(r.requests.failed).toBe(0);
  });
});

describe('app server', () => {
  it('a full queue answers 503 (rejected); a slow server makes users time out', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 200, routes: get(), timeoutMs: 1000 }),
          box('app', 'app', { concurrency: 1, serviceTimeMs: 10, queueLimit: 50, dbQueries: 0 }),
        ],
        [link('users', 'app')],
      ),
    );
    expect(r.nodes.app!.rejected).toBeGreaterThan(1000);
    expect(r.requests.failedBy.rejected).toBe(r.nodes.app!.rejected);
    const slow = run(
      topology(
        [
          box('users', 'client', { rps: 200, routes: get(), timeoutMs: 200 }),
          box('app', 'app', {
            concurrency: 1,
            serviceTimeMs: 6,
            queueLimit: 100_000,
            dbQueries: 0,
          }),
        ],
        [link('users', 'app')],
      ),
    );
    expect(slow.requests.failedBy.timeout).toBeGreaterThan(500);
    expect(slow.nodes.users!.failedBy.timeout).toBe(slow.requests.failedBy.timeout);
  });

  it('a small pool against a slow database waits, then fails with pool-timeout', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 100, routes: get() }),
          box('app', 'app', { concurrency: 100, poolSize: 2, poolTimeoutMs: 100, dbQueries: 1 }),
          box('db', 'db', { readMs: 30, concurrency: 8, serviceDist: 'constant' }),
        ],
        [link('users', 'app'), link('app', 'db')],
      ),
    );
    expect(r.nodes.app!.poolWaits).toBeGreaterThan(500);
    expect(r.requests.failedBy['pool-timeout']).toBeGreaterThan(100);
    expect(r.nodes.db!.peakConnections).toBe(2);
  });

  it('a cache kept for sessions only (cacheReads off) sees session lookups, never data reads', () => {
    const doc = (cacheReads: boolean) =>
      topology(
        [
          box('users', 'client', { rps: 50, users: 100, routes: get() }),
          box('app', 'app', { sessions: 'store', cacheReads, dbQueries: 1 }),
          box('redis', 'cache'),
          box('db', 'db'),
        ],
        [link('users', 'app'), link('app', 'redis'), link('app', 'db')],
      );
    const both = run(doc(true));
    const sessionsOnly = run(doc(false));
    // Every request still gets its session from Redis…
    const app = sessionsOnly.nodes.app!;
    expect(sessionsOnly.nodes.redis!.arrivals).toBe(app.arrivals);
    // …and every read goes to the database (but those still in flight at the end),
    // where cache-aside would have spared some.
    expect(app.arrivals - sessionsOnly.nodes.db!.arrivals).toBeLessThanOrEqual(5);
    expect(both.nodes.db!.arrivals).toBeLessThan(both.nodes.app!.completed * 0.9);
    expect(both.nodes.redis!.arrivals).toBeGreaterThan(both.nodes.app!.arrivals * 1.5);
  });

  it('a server with no database has no connection pool to report', () => {
    const r = run(
      topology(
        [box('users', 'client', { rps: 20, routes: get() }), box('app', 'app', { poolSize: 10 })],
        [link('users', 'app')],
      ),
    );
    expect(r.nodes.app!.poolSize).toBe(0);
  });
});

describe('edge boxes', () => {
  it('DNS is asked once per user per TTL; the CDN answers static files at the edge', () => {
    const r = run(
      topology(
        [
          box('users', 'client', {
            rps: 100,
            users: 50,
            routes: [
              { method: 'GET', path: '/static/a.js', weight: 1 },
              { method: 'GET', path: '/api/x', weight: 1 },
            ],
          }),
          box('dns', 'dns', { ttlS: 300 }),
          box('cdn', 'cdn'),
          box('app', 'app', { dbQueries: 0 }),
        ],
        [link('users', 'dns'), link('users', 'cdn'), link('cdn', 'app'), link('users', 'app')],
      ),
    );
    // 50 users, one lookup each (a second request during the first lookup asks again).
    expect(r.nodes.dns!.arrivals).toBeGreaterThanOrEqual(50);
    expect(r.nodes.dns!.arrivals).toBeLessThan(56);
    expect(r.nodes.cdn!.misses).toBeLessThan(4); // the first fetch, and any during it
    expect(r.nodes.cdn!.hitRatio as number).toBeGreaterThan(0.99);
    expect(r.routes['GET /static/a.js']!.latency_ms.p50).toBeCloseTo(5, 1);
  });

  it('nginx routes by the longest prefix, refuses unknown paths and beyond maxConnections', () => {
    const routes: Route[] = [
      { method: 'GET', path: '/api/users/1', weight: 1 },
      { method: 'GET', path: '/api/orders', weight: 1 },
      { method: 'GET', path: '/admin', weight: 1 },
    ];
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 90, routes }),
          box('nginx', 'proxy', { maxConnections: 1000 }),
          box('api', 'app', { dbQueries: 0 }),
          box('usersvc', 'app', { dbQueries: 0 }),
        ],
        [
          link('users', 'nginx'),
          link('nginx', 'api', '/api'),
          link('nginx', 'usersvc', '/api/users'),
        ],
      ),
    );
    expect(r.nodes.usersvc!.arrivals).toBeGreaterThan(400);
    expect(Math.abs(r.nodes.api!.arrivals - r.nodes.usersvc!.arrivals)).toBeLessThan(150);
    expect(r.requests.failedBy['no-route']).toBe(r.routes['GET /admin']!.failed);
    const full = run(
      topology(
        [
          box('users', 'client', { rps: 300, routes: get() }),
          box('nginx', 'proxy', { maxConnections: 5 }),
          box('app', 'app', { concurrency: 64, serviceTimeMs: 50, dbQueries: 0 }),
        ],
        [link('users', 'nginx'), link('nginx', 'app')],
      ),
    );
    expect(full.nodes.nginx!.rejected).toBeGreaterThan(1000);
  });

  it('an external API fails at its error rate and past its timeout', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 100, routes: get() }),
          box('app', 'app', { concurrency: 64, dbQueries: 0 }),
          box('pay', 'external', { latencyMs: 100, errorRate: 0.2, timeoutMs: 250 }),
        ],
        [link('users', 'app'), link('app', 'pay')],
      ),
    );
    const share =
      (r.requests.failedBy['external-error'] ?? 0) / (r.requests.completed + r.requests.failed);
    expect(share).toBeGreaterThan(0.2); // errors plus the slow tail past 250 ms
    expect(share).toBeLessThan(0.35);
    expect(r.latency_ms.p99).toBeLessThan(260);
  });

  it('a full queue refuses to publish (queue-full)', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 100, routes: [{ method: 'POST', path: '/o', weight: 1 }] }),
          box('app', 'app', { dbQueries: 0 }),
          box('jobs', 'queue', { capacity: 100 }),
          box('w', 'worker', { concurrency: 1, serviceTimeMs: 1000 }),
        ],
        [link('users', 'app'), link('app', 'jobs'), link('jobs', 'w')],
      ),
    );
    expect(r.requests.failedBy['queue-full']).toBeGreaterThan(1000);
    expect(r.nodes.jobs!.depth).toBe(100);
  });
});
