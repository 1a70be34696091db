// The rate limiter and load shedding: what their settings say, against theory.

import { describe, expect, it } from 'vitest';
import { box, link, topology } from '../../sim/fixtures.ts';
import { simulate } from '../../sim/simulate.ts';
import { tokenBucketAdmits } from '../../sim/theory.ts';

const relErr = (got: number, want: number) => Math.abs(got - want) / want;
const routes = [{ method: 'GET' as const, path: '/x', weight: 1 }];

function limited(lambda: number, rate: number, burst: number, per = 'global', users = 1) {
  return topology(
    [
      box('users', 'client', { rps: lambda, routes, users, timeoutMs: 600_000 }),
      box('rl', 'limiter', { rate, burst, per }),
      box('app', 'app', { concurrency: 1024, serviceTimeMs: 1, serviceDist: 'constant' }),
    ],
    [link('users', 'rl'), link('rl', 'app')],
  );
}

describe('rate limiter (token bucket)', () => {
  for (const [lambda, rate] of [
    [300, 100],
    [80, 100],
    [1000, 250],
  ] as const) {
    it(`λ = ${lambda}/s, rate ${rate}/s: admits min(λ, rate) in the long run`, () => {
      const r = simulate(limited(lambda, rate, 20), {
        seed: 4,
        durationMs: 300_000,
        warmupMs: 10_000,
      });
      const admitted = r.nodes.app!.arrivals / r.duration_s;
      expect(relErr(admitted, tokenBucketAdmits(lambda, rate))).toBeLessThan(0.03);
      expect(r.nodes.rl!.failedBy['rate-limited'] ?? 0).toBe(r.nodes.rl!.limited);
    });
  }

  it('a full bucket lets a burst through at once, then only the rate', () => {
    // 200 evenly spaced calls a second for one second: 50 from the bucket + 10 dripped in.
    const doc = limited(200, 10, 50);
    doc.nodes[0]!.config.arrival = 'constant';
    const r = simulate(doc, { seed: 1, durationMs: 1_000 });
    expect(r.nodes.rl!.passed).toBeGreaterThanOrEqual(59);
    expect(r.nodes.rl!.passed).toBeLessThanOrEqual(61);
  });

  it('per user: each user has a bucket of their own', () => {
    // 10 users, 30 req/s each; 5 per second each allowed → 50/s in all.
    const r = simulate(limited(300, 5, 5, 'user', 10), {
      seed: 2,
      durationMs: 200_000,
      warmupMs: 10_000,
    });
    expect(relErr(r.nodes.app!.arrivals / r.duration_s, 50)).toBeLessThan(0.03);
  });

  it('is seen as what it guards: an app treats a limiter in front of its database as the database', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 200, routes, timeoutMs: 600_000 }),
        box('app', 'app', { concurrency: 64, serviceTimeMs: 1, dbQueries: 1, poolSize: 20 }),
        box('rl', 'limiter', { rate: 50, burst: 10 }),
        box('pg', 'db'),
      ],
      [link('users', 'app'), link('app', 'rl'), link('rl', 'pg')],
    );
    const r = simulate(doc, { seed: 3, durationMs: 100_000, warmupMs: 10_000 });
    expect(relErr(r.nodes.pg!.arrivals / r.duration_s, 50)).toBeLessThan(0.03);
    expect(r.requests.failedBy['rate-limited']).toBeGreaterThan(0);
  });
});

describe('load shedding', () => {
  it('an overloaded app sheds what would wait too long, and what it serves stays fast', () => {
    // 4 workers × 10 ms = 400/s of capacity, 600/s offered.
    const doc = (shedAfterMs: number) =>
      topology(
        [
          box('users', 'client', { rps: 600, routes, timeoutMs: 600_000 }),
          box('app', 'app', {
            concurrency: 4,
            serviceTimeMs: 10,
            serviceDist: 'exponential',
            queueLimit: 100_000,
            shedAfterMs,
          }),
        ],
        [link('users', 'app')],
      );
    const off = simulate(doc(0), { seed: 5, durationMs: 60_000, warmupMs: 5_000 });
    const on = simulate(doc(50), { seed: 5, durationMs: 60_000, warmupMs: 5_000 });
    expect(off.requests.failedBy.shed).toBeUndefined();
    expect(on.requests.failedBy.shed).toBeGreaterThan(0);
    expect(on.nodes.app!.failedBy.shed).toBeGreaterThan(0);
    // What it kept waited about the limit at most, where the unshed queue grows without end.
    expect(on.latency_ms.p95).toBeLessThan(100);
    expect(off.latency_ms.p95).toBeGreaterThan(1000);
    // It still serves its full capacity.
    expect(relErr(on.throughput_rps, 400)).toBeLessThan(0.03);
  });
});
