// Journeys (trace.ts): every kind of wait shows up where it happened, the phases add up to
// the latency the user saw, failures end where they happened, and tracing changes nothing.

import { describe, expect, it } from 'vitest';
import type { Route, TopologyDocument } from '../model/types.ts';
import { box, link, topology } from './fixtures.ts';
import { buildReport } from './report.ts';
import { Simulation } from './simulation.ts';
import { type Journey, type PhaseKind, phaseTotal } from './trace.ts';

const get = (path = '/api/items'): Route[] => [{ method: 'GET', path, weight: 1 }];

/** Every journey the run still keeps (ids are request ids, 1 up). */
function journeys(sim: Simulation, upTo = 3000): Journey[] {
  const out: Journey[] = [];
  for (let id = 1; id <= upTo; id++) {
    const j = sim.journey(id);
    if (j !== null) out.push(j);
  }
  return out;
}

function run(doc: TopologyDocument, ms: number, networkMs = 0, traceEvery = 1): Simulation {
  const sim = new Simulation(doc, { seed: 7, networkMs, traceEvery });
  sim.runUntil(ms);
  return sim;
}

const phasesOf = (j: Journey) => j.spans.flatMap((s) => s.phases.map((p) => ({ ...p, s })));

function expectAddsUp(js: Journey[]): void {
  expect(js.length).toBeGreaterThan(0);
  for (const j of js) expect(Math.abs(phaseTotal(j) - j.latencyMs)).toBeLessThan(1e-6);
}

function seen(js: Journey[], kind: PhaseKind, nodeKind?: string): number {
  let n = 0;
  for (const j of js)
    for (const p of phasesOf(j))
      if (p.kind === kind && (nodeKind === undefined || p.s.nodeKind === nodeKind)) n++;
  return n;
}

const stack = (poolSize: number) =>
  topology(
    [
      box('users', 'client', { rps: 120, routes: get(), users: 500, timeoutMs: 60_000 }),
      box('lb', 'lb'),
      box('app', 'app', {
        concurrency: 4,
        serviceTimeMs: 20,
        queueLimit: 10_000,
        dbQueries: 2,
        poolSize,
        poolTimeoutMs: 60_000,
        connectMs: 15,
      }),
      box('redis', 'cache', { keys: 200, capacity: 50, opMs: 1 }),
      box('pg', 'db', { concurrency: 2, readMs: 8, maxConnections: 100, queueLimit: 10_000 }),
    ],
    [link('users', 'lb'), link('lb', 'app'), link('app', 'redis'), link('app', 'pg')],
  );

describe('journeys', () => {
  it('show queueing, work, pooled connections, opening one, cache hits and misses, the database and the network, adding up to the latency', () => {
    const sim = run(stack(1), 8_000, 1);
    const js = journeys(sim).filter((j) => j.done);
    expectAddsUp(js);
    expect(seen(js, 'queued', 'app')).toBeGreaterThan(0);
    expect(seen(js, 'work', 'app')).toBeGreaterThan(0);
    expect(seen(js, 'work', 'db')).toBeGreaterThan(0);
    expect(seen(js, 'pool', 'app')).toBeGreaterThan(0);
    expect(seen(js, 'connect', 'app')).toBeGreaterThan(0);
    expect(seen(js, 'network')).toBeGreaterThan(0);
    const cache = js.flatMap(phasesOf).filter((p) => p.kind === 'cache');
    expect(cache.some((p) => /^hit key \d+$/.test(p.detail ?? ''))).toBe(true);
    expect(cache.some((p) => /^miss key \d+$/.test(p.detail ?? ''))).toBe(true);
    expect(cache.some((p) => /^set key \d+$/.test(p.detail ?? ''))).toBe(true);
    // A hop's path: client → lb → app → redis/pg, each span naming the arrow it came along.
    const j = js.find((x) => x.spans.some((s) => s.node === 'pg'))!;
    expect(j.spans[0]!.node).toBe('users');
    expect(j.spans.map((s) => s.node)).toEqual(
      expect.arrayContaining(['lb', 'app', 'redis', 'pg']),
    );
    expect(j.spans.find((s) => s.node === 'app')!.edge).toBe('lb->app');
    expect(j.route).toBe('GET /api/items');
    // Nothing is left unexplained: no time "at" a box.
    expect(seen(js, 'at')).toBe(0);
  });

  it('without a pool every query opens its own connection', () => {
    const js = journeys(run(stack(0), 5_000)).filter((j) => j.done);
    expectAddsUp(js);
    expect(seen(js, 'connect', 'app')).toBeGreaterThan(0);
    expect(seen(js, 'pool')).toBe(0);
  });

  it('show waiting for a host core, a lookup, a publish and a third party', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 150, routes: [{ method: 'POST', path: '/o', weight: 1 }] }),
        box('dns', 'dns', { lookupMs: 5 }),
        box('h', 'group', { cores: 1 }),
        box('a', 'app', { concurrency: 8, serviceTimeMs: 4, dbQueries: 0 }, 'h'),
        box('b', 'app', { concurrency: 8, serviceTimeMs: 4, dbQueries: 0 }, 'h'),
        box('lb', 'lb'),
        box('q', 'queue', { publishMs: 2 }),
        box('pay', 'external', { latencyMs: 30, errorRate: 0 }),
      ],
      [
        link('users', 'dns'),
        link('users', 'lb'),
        link('lb', 'a'),
        link('lb', 'b'),
        link('a', 'q'),
        link('b', 'q'),
        link('a', 'pay'),
        link('b', 'pay'),
      ],
    );
    const js = journeys(run(doc, 6_000)).filter((j) => j.done);
    expectAddsUp(js);
    expect(seen(js, 'core', 'app')).toBeGreaterThan(0);
    expect(seen(js, 'wait', 'dns')).toBeGreaterThan(0);
    expect(seen(js, 'wait', 'queue')).toBeGreaterThan(0);
    expect(seen(js, 'wait', 'external')).toBeGreaterThan(0);
    const pub = js.flatMap((j) => j.spans).find((s) => s.node === 'q')!;
    expect(pub.op).toBe('publish');
  });

  it('a request that reaches a crashed box ends there with cause down', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 100, routes: get() }),
        box('lb', 'lb', { healthCheckIntervalMs: 1000, unhealthyThreshold: 3 }),
        box('a1', 'app', { dbQueries: 0 }),
        box('a2', 'app', { dbQueries: 0 }),
      ],
      [link('users', 'lb'), link('lb', 'a1'), link('lb', 'a2')],
    );
    const sim = new Simulation(doc, { seed: 3, traceEvery: 1 });
    sim.runUntil(2_000);
    sim.inject({ type: 'crash', node: 'a2' });
    sim.runUntil(4_000);
    const failed = journeys(sim).filter((j) => j.done && !j.ok);
    expect(failed.length).toBeGreaterThan(0);
    expectAddsUp(failed);
    for (const j of failed) {
      expect(j.cause).toBe('down');
      expect(j.failedAt).toBe('a2');
      const last = j.spans[j.spans.length - 1]!;
      expect(last.node).toBe('a2');
      expect(last.failedHere).toBe(true);
    }
    // The list of the last 10 s puts the failed first.
    const list = sim.notableJourneys();
    expect(list[0]!.ok).toBe(false);
    expect(list[0]!.failedAt).toBe('a2');
  });

  it('a user who gives up: the journey ends at the deadline, where the request waited', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 50, routes: get(), timeoutMs: 300 }),
        box('app', 'app', { concurrency: 1, serviceTimeMs: 100, queueLimit: 10_000, dbQueries: 0 }),
      ],
      [link('users', 'app')],
    );
    const sim = run(doc, 5_000);
    const timedOut = journeys(sim).filter((j) => j.cause === 'timeout');
    expect(timedOut.length).toBeGreaterThan(0);
    expectAddsUp(timedOut);
    for (const j of timedOut) {
      expect(j.latencyMs).toBeCloseTo(300, 6);
      expect(j.failedAt).toBe('users');
      expect(j.stuckAt).toBe('app');
    }
  });

  it('a request still in flight shows how far it got, up to now', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 20, routes: get(), timeoutMs: 60_000 }),
        box('app', 'app', { concurrency: 1, serviceTimeMs: 400, queueLimit: 10_000, dbQueries: 0 }),
      ],
      [link('users', 'app')],
    );
    const sim = run(doc, 3_000);
    const open = journeys(sim).filter((j) => !j.done);
    expect(open.length).toBeGreaterThan(0);
    for (const j of open) {
      expect(j.latencyMs).toBeCloseTo(sim.now - j.start, 6);
      expect(phaseTotal(j)).toBeCloseTo(j.latencyMs, 6);
    }
  });

  it('tracing changes nothing in the run and keeps a bounded number of journeys', () => {
    const doc = stack(2);
    const plain = new Simulation(doc, { seed: 9, networkMs: 1 });
    const traced = new Simulation(doc, { seed: 9, networkMs: 1, traceEvery: 1 });
    plain.runUntil(60_000);
    traced.runUntil(60_000);
    expect(JSON.stringify(buildReport(traced))).toBe(JSON.stringify(buildReport(plain)));
    const size = traced.engine.tracer.size;
    expect(size.kept).toBeLessThanOrEqual(2060);
    expect(size.open).toBeLessThan(200);
  });

  it('journeys: false animates the same requests the same way and records no journey (the bench baseline)', () => {
    const doc = stack(2);
    const traced = new Simulation(doc, { seed: 9, networkMs: 1, traceEvery: 3 });
    const dots = new Simulation(doc, { seed: 9, networkMs: 1, traceEvery: 3, journeys: false });
    traced.runUntil(5_000);
    dots.runUntil(5_000);
    expect(JSON.stringify(buildReport(dots))).toBe(JSON.stringify(buildReport(traced)));
    const a = traced.drainHops();
    const b = dots.drainHops();
    expect(b.count).toBeGreaterThan(0);
    expect(b.count).toBe(a.count);
    expect(Array.from(b.ints)).toEqual(Array.from(a.ints));
    expect(journeys(traced).length).toBeGreaterThan(0);
    expect(journeys(dots)).toEqual([]);
    expect(dots.engine.tracer.size.kept).toBe(0);
  });
});
