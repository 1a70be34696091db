// Client traffic patterns beyond steady / ramp / spike: a daily cycle, random correlated
// bursts, and the replay of an access log's rate, each against what it should average.

import { describe, expect, it } from 'vitest';
import { box, link, topology } from '../fixtures.ts';
import { simulate } from '../simulate.ts';

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

const doc = (client: Record<string, unknown>) =>
  topology(
    [
      box('users', 'client', {
        rps: 100,
        timeoutMs: 600_000,
        routes: [{ method: 'GET', path: '/x', weight: 1 }],
        ...client,
      } as never),
      box('app', 'app', { concurrency: 1024, serviceTimeMs: 1, serviceDist: 'constant' }),
    ],
    [link('users', 'app')],
  );

describe('traffic patterns', () => {
  it('a daily cycle averages the traffic over whole days, quiet at night, busy at noon', () => {
    const r = simulate(doc({ pattern: 'diurnal', diurnalPeriodS: 100, diurnalAmplitude: 0.8 }), {
      seed: 1,
      durationMs: 400_000,
    });
    expect(relErr(r.nodes.app!.arrivals / 400, 100)).toBeLessThan(0.03);
  });

  it('the daily cycle follows 1 − a·cos(2πt/day)', () => {
    const d = doc({ pattern: 'diurnal', diurnalPeriodS: 100, diurnalAmplitude: 0.8 });
    const night = simulate(d, { seed: 2, durationMs: 5_000 }).nodes.app!.arrivals / 5;
    expect(night).toBeLessThan(40); // ≈ 20–25/s near t = 0
  });

  it('random bursts raise the mean by (factor − 1) × the share of time in a burst', () => {
    const r = simulate(
      doc({ rps: 10, pattern: 'bursts', burstEveryS: 9, burstLengthS: 1, spikeFactor: 5 }),
      { seed: 3, durationMs: 12_000_000 },
    );
    // Bursting 1 s in every 10 on average: 10 × (1 + 4 × 0.1) = 14/s (1,200 bursts).
    expect(relErr(r.nodes.app!.arrivals / 12_000, 14)).toBeLessThan(0.03);
  });

  it('a replayed log sends its requests per second, scaled in time and volume, looping', () => {
    // 2 s of log: 30 requests then 10.
    const base = { pattern: 'replay', replayProfile: '1:30,10' };
    const plain = simulate(doc(base), { seed: 4, durationMs: 200_000 });
    expect(relErr(plain.nodes.app!.arrivals / 200, 20)).toBeLessThan(0.03);
    const scaled = simulate(doc({ ...base, replayTimeScale: 2, replayVolume: 3 }), {
      seed: 4,
      durationMs: 200_000,
    });
    expect(relErr(scaled.nodes.app!.arrivals / 200, 120)).toBeLessThan(0.03);
  });

  it('replay without a profile sends nothing', () => {
    const r = simulate(doc({ pattern: 'replay' }), { seed: 4, durationMs: 10_000 });
    expect(r.nodes.app!.arrivals).toBe(0);
  });
});
