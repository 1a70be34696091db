// Retries, call timeouts and circuit breakers agree with theory over long seeded runs
// (±3%), and a document without them runs exactly as before.

import { describe, expect, it } from 'vitest';
import { guardedDoc } from '../fixtures.ts';
import { simulate } from '../simulate.ts';
import { retryMeanAttempts, retrySuccessShare } from '../theory.ts';

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

describe('retries', () => {
  for (const [p, k] of [
    [0.3, 3],
    [0.5, 2],
    [0.1, 1],
  ] as const) {
    it(`p = ${p}, ${k} retries: success share 1 − p^(k+1), mean tries (1 − p^(k+1))/(1 − p)`, () => {
      const r = simulate(
        guardedDoc(200, p, 5, { retries: k, retryBackoffMs: 10, retryJitter: 'full' }),
        { seed: 7, durationMs: 300_000, warmupMs: 5_000 },
      );
      const done = r.requests.completed + r.requests.failed;
      expect(relErr(r.requests.completed / done, retrySuccessShare(p, k))).toBeLessThan(0.03);
      const l = r.links!['users->api']!;
      expect(relErr(l.attempts / l.calls, retryMeanAttempts(p, k))).toBeLessThan(0.03);
      // Every try reaches the API: it sees attempts, not requests.
      expect(relErr(r.nodes.api!.arrivals, l.attempts)).toBeLessThan(0.01);
    });
  }

  it('backoff doubles up to its cap; no jitter waits exactly', () => {
    // Every try fails: 3 retries wait 100, 200, 300 (capped) ms: 600 ms, plus 4 × 5 ms.
    const r = simulate(
      guardedDoc(20, 1, 5, {
        retries: 3,
        retryBackoffMs: 100,
        retryBackoffCapMs: 300,
        retryJitter: 'none',
        retryOn: 'any',
      }),
      { seed: 1, durationMs: 60_000, warmupMs: 5_000 },
    );
    expect(r.requests.completed).toBe(0);
    expect(r.links!['users->api']!.attempts / r.links!['users->api']!.calls).toBeCloseTo(4, 2);
  });

  it('a retry budget keeps retries to its share of first tries', () => {
    const r = simulate(
      guardedDoc(200, 0.5, 5, { retries: 3, retryBackoffMs: 0, retryBudgetPct: 20 }),
      { seed: 3, durationMs: 200_000, warmupMs: 5_000 },
    );
    const l = r.links!['users->api']!;
    expect(relErr(l.retries / l.calls, 0.2)).toBeLessThan(0.03);
    expect(l.budgetDenied).toBeGreaterThan(0);
  });

  it('"refused only" does not retry an error the box answered', () => {
    const r = simulate(guardedDoc(100, 0.5, 5, { retries: 3, retryOn: 'refused' }), {
      seed: 2,
      durationMs: 30_000,
    });
    expect(r.links!['users->api']!.retries).toBe(0);
  });
});

describe('call timeouts', () => {
  it('an exponential callee answers later than T with probability e^(−T/mean)', () => {
    const r = simulate(guardedDoc(200, 0, 100, { timeoutMs: 100 }, 'exponential'), {
      seed: 5,
      durationMs: 300_000,
      warmupMs: 5_000,
    });
    const l = r.links!['users->api']!;
    expect(relErr(l.timeouts / l.calls, Math.exp(-1))).toBeLessThan(0.03);
    expect(relErr(r.requests.failedBy['call-timeout']! / l.calls, Math.exp(-1))).toBeLessThan(0.03);
    // The API kept working on every call it was given up on: that work was wasted.
    expect(relErr(l.wasted, l.timeouts)).toBeLessThan(0.01);
    // Counted at the caller (from warmup on, where requests count those started after it).
    const atUsers = r.nodes.users!.failedBy['call-timeout']!;
    expect(relErr(atUsers, r.requests.failedBy['call-timeout']!)).toBeLessThan(0.01);
  });

  it('with retries, a timed-out try is tried again', () => {
    // Each try times out with probability e^(−1); 2 retries.
    const p = Math.exp(-1);
    const r = simulate(
      guardedDoc(200, 0, 100, { timeoutMs: 100, retries: 2, retryBackoffMs: 0 }, 'exponential'),
      { seed: 8, durationMs: 300_000, warmupMs: 5_000 },
    );
    const done = r.requests.completed + r.requests.failed;
    expect(relErr(r.requests.completed / done, retrySuccessShare(p, 2))).toBeLessThan(0.03);
  });
});

describe('circuit breaker', () => {
  const cfg = {
    breaker: true,
    breakerThresholdPct: 50,
    breakerWindow: 20,
    breakerOpenMs: 1000,
    breakerProbes: 3,
  };

  it('against a box that always fails: open for openMs, then exactly `probes` probes', () => {
    // 500 calls/s evenly spaced, every call fails after 20 ms.
    const r = simulate(guardedDoc(500, 1, 20, cfg, 'constant', 'constant'), {
      seed: 1,
      durationMs: 300_000,
      warmupMs: 10_000,
    });
    const l = r.links!['users->api']!;
    expect(l.breakerOpens).toBeGreaterThan(200);
    expect(relErr(l.breakerOpenMs / l.breakerOpens, 1000)).toBeLessThan(0.03);
    expect(relErr(l.probes / l.breakerOpens, 3)).toBeLessThan(0.03);
    expect(relErr(r.nodes.api!.arrivals / l.breakerOpens, 3)).toBeLessThan(0.03);
    // A cycle is the open time, the first call after it, and the probes' 20 ms.
    expect(relErr(l.breakerOpens, 290_000 / 1022)).toBeLessThan(0.03);
    expect(r.requests.failedBy['breaker-open']).toBe(l.shortCircuited);
  });

  it('stays closed while failures stay under its threshold', () => {
    const r = simulate(guardedDoc(200, 0.1, 5, cfg), { seed: 4, durationMs: 60_000 });
    expect(r.links!['users->api']!.breakerOpens).toBe(0);
    expect(r.links!['users->api']!.breaker).toBe('closed');
  });

  it('closes again once the probes succeed', () => {
    const r = simulate(guardedDoc(200, 0, 5, cfg), {
      seed: 4,
      durationMs: 30_000,
      actions: [
        { atMs: 5_000, action: { type: 'errorRate', node: 'api', rate: 1 } },
        { atMs: 10_000, action: { type: 'errorRate', node: 'api', rate: 0 } },
      ],
    });
    const l = r.links!['users->api']!;
    expect(l.breakerOpens).toBeGreaterThanOrEqual(1);
    expect(l.breakerOpens).toBeLessThanOrEqual(6);
    expect(l.breaker).toBe('closed');
  });
});

describe('determinism and old documents', () => {
  it('the same document and seed give the same report', () => {
    const doc = guardedDoc(
      300,
      0.3,
      20,
      { retries: 2, timeoutMs: 30, breaker: true, retryJitter: 'equal' },
      'lognormal',
    );
    const a = simulate(doc, { seed: 9, durationMs: 20_000 });
    const b = simulate(doc, { seed: 9, durationMs: 20_000 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('settings that leave everything off change nothing and add no report section', () => {
    const plain = guardedDoc(200, 0.3, 5, {});
    const off = guardedDoc(200, 0.3, 5, { retries: 0, retryJitter: 'none', breaker: false });
    delete plain.edges[0]!.config;
    const a = simulate(plain, { seed: 9, durationMs: 20_000 });
    const b = simulate(off, { seed: 9, durationMs: 20_000 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.links).toBeUndefined();
  });
});
