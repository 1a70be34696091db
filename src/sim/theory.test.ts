// The engine agrees with queueing theory where theory has an answer: that is how users
// can trust the dots. Seeded runs, long enough for ±3% at utilization ≤ 0.9.

import { describe, expect, it } from 'vitest';
import { box, link, queueDoc, topology } from './fixtures.ts';
import { simulate } from './simulate.ts';

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

/** Erlang C: probability that an arrival waits, for c servers at offered load a = λ/μ. */
function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const last = (term * a) / c; // a^c / c!
  const rho = a / c;
  const top = last / (1 - rho);
  return top / (sum + top);
}

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
    const wantW = (erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu) * 1000;
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
    const weights = Array.from({ length: keys }, (_, i) => (i + 1) ** -s);
    const total = weights.reduce((a, b) => a + b, 0);
    const p = weights.map((w) => w / total);
    // Characteristic time T: Σ (1 - e^{-p_i T}) = C, by bisection.
    let lo = 0;
    let hi = 1e9;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      const filled = p.reduce((acc, pi) => acc + (1 - Math.exp(-pi * mid)), 0);
      if (filled < capacity) lo = mid;
      else hi = mid;
    }
    const che = p.reduce((acc, pi) => acc + pi * (1 - Math.exp(-pi * lo)), 0);
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
