// Each lesson the story teaches must actually happen in the engine: first the system
// breaks the way the story says, then the one box (or setting) it adds fixes it.

import { describe, expect, it } from 'vitest';
import type { Config } from '../model/types.ts';
import { box, link, topology } from './fixtures.ts';
import { simulate } from './simulate.ts';
import { Simulation } from './simulation.ts';

const get = (path = '/api/items') => [{ method: 'GET' as const, path, weight: 1 }];

describe('lessons', () => {
  it('a connection pool removes "too many connections" errors', () => {
    const run = (app: Config) =>
      simulate(
        topology(
          [
            box('users', 'client', { rps: 300, routes: get() }),
            box('app', 'app', { concurrency: 64, serviceTimeMs: 5, dbQueries: 1, ...app }),
            box('db', 'db', { maxConnections: 10, readMs: 5, concurrency: 8 }),
          ],
          [link('users', 'app'), link('app', 'db')],
        ),
        { seed: 1, durationMs: 30_000, warmupMs: 2000 },
      );
    const noPool = run({ poolSize: 0, connectMs: 30 });
    const pooled = run({ poolSize: 8, connectMs: 30 });
    expect(noPool.requests.failedBy['db-max-connections'] ?? 0).toBeGreaterThan(100);
    expect(noPool.nodes.db!.failedBy['db-max-connections']).toBeGreaterThan(100);
    expect(pooled.requests.failed).toBe(0);
    expect(pooled.nodes.db!.peakConnections).toBeLessThanOrEqual(8);
  });

  it('in-memory sessions break under round robin; ip-hash or a shared store fix it', () => {
    const run = (strategy: string, sessions: string) =>
      simulate(
        topology(
          [
            box('users', 'client', { rps: 100, users: 200, routes: get() }),
            box('lb', 'lb', { strategy }),
            box('app1', 'app', { sessions, dbQueries: 0 }),
            box('app2', 'app', { sessions, dbQueries: 0 }),
            box('redis', 'cache'),
          ],
          [
            link('users', 'lb'),
            link('lb', 'app1'),
            link('lb', 'app2'),
            link('app1', 'redis'),
            link('app2', 'redis'),
          ],
        ),
        { seed: 4, durationMs: 30_000 },
      );
    const broken = run('round-robin', 'memory');
    expect(broken.requests.failedBy['session-lost'] ?? 0).toBeGreaterThan(300);
    const sticky = run('ip-hash', 'memory');
    expect(sticky.requests.failedBy['session-lost'] ?? 0).toBe(0);
    const shared = run('round-robin', 'store');
    expect(shared.requests.failedBy['session-lost'] ?? 0).toBe(0);
    expect(shared.requests.failed).toBe(0);
  });

  it('a crashed backend gets traffic until the health check notices', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 200, routes: get() }),
        box('lb', 'lb', {
          healthCheckIntervalMs: 2000,
          healthCheckTimeoutMs: 500,
          unhealthyThreshold: 2,
        }),
        box('app1', 'app', { dbQueries: 0 }),
        box('app2', 'app', { dbQueries: 0 }),
      ],
      [link('users', 'lb'), link('lb', 'app1'), link('lb', 'app2')],
    );
    const sim = new Simulation(doc, {
      seed: 8,
      actions: [{ atMs: 10_500, action: { type: 'crash', node: 'app1' } }],
    });
    sim.runUntil(30_000);
    const points = sim.series.toArray();
    const errorsIn = (from: number, to: number) =>
      points.filter((p) => p.t > from && p.t <= to).reduce((n, p) => n + p.errors_rps, 0);
    // Checks at 12 s and 14 s fail (each judged 0.5 s later): removed at 14.5 s.
    expect(errorsIn(0, 10)).toBe(0);
    expect(errorsIn(10, 15)).toBeGreaterThan(300);
    expect(errorsIn(15, 30)).toBe(0);
    const lb = sim.nodes.find((n) => n.id === 'lb')!;
    expect(sim.nodes.find((n) => n.id === 'app1')!.failed[2]).toBeGreaterThan(300);
    expect(lb.failed.reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('least connections beats round robin when one server is slow', () => {
    const run = (strategy: string) =>
      simulate(
        topology(
          [
            box('users', 'client', { rps: 200, routes: get() }),
            box('lb', 'lb', { strategy }),
            box('fast', 'app', { concurrency: 4, serviceTimeMs: 10, dbQueries: 0 }),
            box('slow', 'app', { concurrency: 4, serviceTimeMs: 50, dbQueries: 0 }),
          ],
          [link('users', 'lb'), link('lb', 'fast'), link('lb', 'slow')],
        ),
        { seed: 6, durationMs: 60_000, warmupMs: 5000 },
      );
    const rr = run('round-robin');
    const lc = run('least-connections');
    // Round robin sends half the traffic (100/s) to a server that can do 80/s.
    expect(rr.requests.failed).toBeGreaterThan(100);
    expect(lc.requests.failed).toBe(0);
    expect(lc.latency_ms.p95).toBeLessThan(rr.latency_ms.p95 / 2);
    expect(lc.nodes.fast!.arrivals).toBeGreaterThan(lc.nodes.slow!.arrivals * 2);
  });

  it('a queue keeps response times low for slow work; its depth grows when workers are few', () => {
    const orders = [{ method: 'POST' as const, path: '/orders', weight: 1 }];
    const inline = simulate(
      topology(
        [
          box('users', 'client', { rps: 20, routes: orders }),
          box('app', 'app', { concurrency: 64, serviceTimeMs: 5, dbQueries: 0 }),
          box('mail', 'external', { latencyMs: 300, errorRate: 0, timeoutMs: 10_000 }),
        ],
        [link('users', 'app'), link('app', 'mail')],
      ),
      { seed: 2, durationMs: 60_000 },
    );
    const queued = (workers: number) => {
      const sim = new Simulation(
        topology(
          [
            box('users', 'client', { rps: 20, routes: orders }),
            box('app', 'app', { concurrency: 64, serviceTimeMs: 5, dbQueries: 0 }),
            box('jobs', 'queue'),
            box('worker', 'worker', { concurrency: 1, replicas: workers, serviceTimeMs: 10 }),
            box('mail', 'external', { latencyMs: 300, errorRate: 0, timeoutMs: 10_000 }),
          ],
          [
            link('users', 'app'),
            link('app', 'jobs'),
            link('jobs', 'worker'),
            link('worker', 'mail'),
          ],
        ),
        { seed: 2 },
      );
      sim.runUntil(60_000);
      return sim;
    };
    const few = queued(2);
    const many = queued(12);
    const fewReport = few.series.latest()!;
    expect(inline.latency_ms.mean).toBeGreaterThan(250);
    expect(few.all.total.mean()).toBeLessThan(20);
    // 2 workers finish ~6 jobs/s against 20 published/s: the queue keeps growing.
    expect(fewReport.nodes.jobs!.queue).toBeGreaterThan(500);
    expect(many.series.latest()!.nodes.jobs!.queue).toBeLessThan(20);
  });

  it('nginx serving static files takes that load off the app servers', () => {
    const run = (serveStatic: boolean) =>
      simulate(
        topology(
          [
            box('users', 'client', {
              rps: 200,
              routes: [
                { method: 'GET', path: '/api/items', weight: 1 },
                { method: 'GET', path: '/static/app.js', weight: 1 },
              ],
            }),
            box('nginx', 'proxy', { serveStatic }),
            box('app', 'app', { concurrency: 8, serviceTimeMs: 20, dbQueries: 0 }),
          ],
          [link('users', 'nginx'), link('nginx', 'app')],
        ),
        { seed: 3, durationMs: 30_000, warmupMs: 2000 },
      );
    const without = run(false);
    const served = run(true);
    expect(served.nodes.app!.arrivals).toBeLessThan(without.nodes.app!.arrivals * 0.6);
    expect(served.nodes.app!.utilization).toBeLessThan(without.nodes.app!.utilization * 0.6);
    expect(served.routes['GET /static/app.js']!.latency_ms.mean).toBeLessThan(5);
  });

  it('hot keys expiring together send a burst of queries to the database', () => {
    const sim = new Simulation(
      topology(
        [
          box('users', 'client', { rps: 500, routes: get() }),
          box('app', 'app', { concurrency: 256, serviceTimeMs: 2 }),
          box('redis', 'cache', { keys: 200, zipf: 1, capacity: 1000, ttlMs: 10_000 }),
          box('db', 'db', { concurrency: 16, readMs: 20 }),
        ],
        [link('users', 'app'), link('app', 'redis'), link('app', 'db')],
      ),
      { seed: 12 },
    );
    sim.runUntil(25_000);
    const dbPerSecond = sim.series.toArray().map((p) => p.nodes.db!.rps);
    const quiet = Math.max(...dbPerSecond.slice(5, 9)); // seconds 6–9: nearly all cached
    const burst = Math.max(...dbPerSecond.slice(9, 12)); // seconds 10–12: the TTL ends
    expect(burst).toBeGreaterThan(50);
    expect(burst).toBeGreaterThan(quiet * 5);
  });
});
