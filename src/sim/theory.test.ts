// The engine agrees with queueing theory where theory has an answer: that is how users
// can trust the dots. Seeded runs, long enough for ±3% at utilization ≤ 0.9.

import { describe, expect, it } from 'vitest';
import { box, link, queueDoc, topology } from './fixtures.ts';
import { simulate } from './simulate.ts';
import { cheHitRatio, md1ResponseMs, mmcResponseMs } from './theory.ts';

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

describe('queueing theory', () => {
  it('M/M/1: mean response time is 1/(μ-λ)', () => {
    // μ = 1000/s (1 ms), λ = 800/s, ρ = 0.8 → W = 5 ms.
    const r = simulate(queueDoc(800, 1, 1, 'exponential'), {
      seed: 11,
      durationMs: 600_000,
      warmupMs: 10_000,
    });
    expect(relErr(r.nodes.app!.meanResponseMs, 5)).toBeLessThan(0.03);
    expect(relErr(r.latency_ms.mean, 5)).toBeLessThan(0.03);
    expect(relErr(r.nodes.app!.utilization, 0.8)).toBeLessThan(0.03);
    // Lq = ρ²/(1-ρ) = 3.2, time-averaged.
    expect(relErr(r.nodes.app!.meanQueue, 3.2)).toBeLessThan(0.05);
  });

  it('M/M/c: waiting follows Erlang C', () => {
    // c = 4, μ = 100/s per server (10 ms), λ = 340/s, ρ = 0.85.
    const c = 4;
    const mu = 100;
    const lambda = 340;
    const wantW = mmcResponseMs(c, lambda, mu);
    const r = simulate(queueDoc(lambda, 10, c, 'exponential'), {
      seed: 5,
      durationMs: 900_000,
      warmupMs: 10_000,
    });
    expect(relErr(r.nodes.app!.meanResponseMs, wantW)).toBeLessThan(0.03);
  });

  it('M/D/1: waiting follows Pollaczek–Khinchine', () => {
    // Constant 1 ms service, ρ = 0.9: Wq = ρ/(2μ(1-ρ)) = 4.5 ms, W = 5.5 ms.
    const r = simulate(queueDoc(900, 1, 1, 'constant'), {
      seed: 3,
      durationMs: 600_000,
      warmupMs: 10_000,
    });
    expect(md1ResponseMs(900, 1000)).toBeCloseTo(5.5, 9);
    expect(relErr(r.nodes.app!.meanResponseMs, 5.5)).toBeLessThan(0.03);
  });

  it("Little's law: time-averaged number in the box = throughput × time in the box", () => {
    const r = simulate(queueDoc(300, 10, 4, 'lognormal'), {
      seed: 9,
      durationMs: 300_000,
      warmupMs: 10_000,
    });
    const app = r.nodes.app!;
    const inSystem = app.meanQueue + app.utilization * 4;
    const littles = (app.completed / r.duration_s) * (app.meanResponseMs / 1000);
    expect(relErr(inSystem, littles)).toBeLessThan(0.03);
  });

  it("LRU under Zipf matches Che's approximation", () => {
    const keys = 5000;
    const capacity = 500;
    const s = 0.8;
    const che = cheHitRatio(keys, s, capacity);
    const doc = topology(
      [
        box('users', 'client', {
          rps: 1000,
          timeoutMs: 600_000,
          routes: [{ method: 'GET', path: '/item', weight: 1 }],
        }),
        box('app', 'app', { concurrency: 1024, serviceTimeMs: 0, serviceDist: 'constant' }),
        box('redis', 'cache', { keys, zipf: s, capacity, ttlMs: 0, opMs: 0 }),
      ],
      [link('users', 'app'), link('app', 'redis')],
    );
    const r = simulate(doc, { seed: 2, durationMs: 220_000, warmupMs: 20_000 });
    const hit = r.nodes.redis!.hitRatio as number;
    expect(relErr(hit, che)).toBeLessThan(0.03);
  });
});
