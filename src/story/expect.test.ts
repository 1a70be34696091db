import { describe, expect, it } from 'vitest';
import type { Report, RunOptions } from '../sim/api.ts';
import { checkStep, evaluate } from './expect.ts';
import type { StoryStep } from './player.ts';

function report(over: Partial<Report> = {}): Report {
  return {
    duration_s: 30,
    throughput_rps: 57.34,
    requests: { completed: 996, failed: 4, failedBy: { 'session-lost': 4 } },
    latency_ms: { mean: 40, p50: 30, p95: 182.4, p99: 300 },
    routes: {
      'GET /api/items': {
        completed: 900,
        failed: 0,
        throughput_rps: 50,
        latency_ms: { mean: 20, p50: 15, p95: 60, p99: 90 },
      },
    },
    nodes: {
      app1: {
        kind: 'app',
        arrivals: 1000,
        completed: 996,
        rejected: 0,
        failedBy: {},
        utilization: 0.97,
        meanQueue: 12,
        meanResponseMs: 40,
      },
      cache: {
        kind: 'cache',
        arrivals: 900,
        completed: 900,
        rejected: 0,
        failedBy: {},
        utilization: 0.1,
        meanQueue: 0,
        meanResponseMs: 0.5,
        hitRatio: 0.72,
      },
    },
    ...over,
  };
}

describe('evaluate', () => {
  it('explains a failed claim in words, with units', () => {
    const r = evaluate({ metric: 'errorRate', op: '>', value: 0.05 }, report());
    expect(r.ok).toBe(false);
    expect(r.message).toBe('expected error rate > 5%, got 0.4%');
    expect(r.actual).toBeCloseTo(0.004);
  });

  it('checks latency, throughput, causes, node and route figures', () => {
    const cases: [string, '<' | '>' | '>=' | '<=', number, boolean, string][] = [
      ['p95', '<', 200, true, 'expected p95 latency < 200 ms, got 182 ms'],
      ['throughput', '>=', 60, false, 'expected throughput ≥ 60 req/s, got 57.3 req/s'],
      [
        'failedBy.session-lost',
        '>',
        0,
        true,
        'expected requests failed by session-lost > 0, got 4',
      ],
      ['failedBy.down', '>', 0, false, 'expected requests failed by down > 0, got 0'],
      ['nodes.app1.utilization', '>', 0.95, true, 'expected utilization of app1 > 95%, got 97%'],
      ['nodes.cache.hitRatio', '>', 0.6, true, 'expected hit ratio of cache > 60%, got 72%'],
      [
        'routes.GET /api/items.p95',
        '<=',
        50,
        false,
        'expected p95 latency of GET /api/items ≤ 50 ms, got 60 ms',
      ],
    ];
    for (const [metric, op, value, ok, message] of cases) {
      const r = evaluate({ metric, op, value }, report());
      expect({ metric, ok: r.ok, message: r.message }).toEqual({ metric, ok, message });
    }
  });

  it('fails, saying why, when the run lacks the figure', () => {
    const r = evaluate({ metric: 'nodes.app1.hitRatio', op: '>', value: 0 }, report());
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'expected hit ratio of app1 > 0%, but the run reports no hitRatio for app1',
    );
    const missing = evaluate({ metric: 'nodes.app7.utilization', op: '<', value: 1 }, report());
    expect(missing.message).toContain('the run reports no box "app7"');
  });
});

describe('checkStep', () => {
  const step: StoryStep = {
    index: 0,
    title: 't',
    narrative: 'n',
    doc: { version: 1, title: 't', nodes: [], edges: [] },
    newNodes: [],
    actions: [
      { atMs: 10_000, action: { type: 'crash', node: 'app1' } },
      { atMs: 25_000, action: { type: 'restart', node: 'app1' } },
    ],
    run: { durationMs: 30_000, warmupMs: 5000, seed: 3 },
    notice: { nodes: [], metrics: [] },
    questions: [],
    expect: [
      { metric: 'errorRate', op: '<', value: 0.01 },
      { metric: 'p95', op: '<', value: 200 },
      { metric: 'errorRate', op: '>', value: 0.001, fromS: 10, toS: 20 },
    ],
  };

  it('runs once per window, with warmup = fromS and duration = toS and the actions inside it', () => {
    const calls: RunOptions[] = [];
    const check = checkStep(step, (_doc, options) => {
      calls.push(options);
      return report();
    });
    expect(calls).toEqual([
      { seed: 3, durationMs: 30_000, warmupMs: 5000, actions: step.actions },
      { seed: 3, durationMs: 20_000, warmupMs: 10_000, actions: [step.actions[0]] },
    ]);
    expect(check.results.map((r) => r.ok)).toEqual([true, true, true]);
  });
});
