import { describe, expect, it } from 'vitest';
import type { LiveNode } from '../../worker/liveProtocol.ts';
import { liveMetric } from './liveMetric.ts';

const node = (figures: Record<string, number>): LiveNode => ({
  kind: 'app',
  utilization: 0.5,
  queue: 3,
  inFlight: 4,
  rps: 50,
  errorsPerS: 0,
  errors: 0,
  completed: 10,
  replicas: 1,
  replicasUp: 1,
  slow: 1,
  errorRate: 0,
  figures,
});

describe('live values of the numbers to watch', () => {
  const window = {
    seconds: 10,
    throughput_rps: 120.3,
    errorRate: 0.021,
    latency_ms: { mean: 40, p50: 30, p95: 182.4, p99: 300 },
  };
  const nodes = { app3: node({ utilization: 0.997, meanQueue: 42.5 }) };

  it('reads run figures from the window and box figures since the start', () => {
    expect(liveMetric('p95', window, nodes)).toEqual({
      label: 'p95 latency',
      value: '182 ms',
      live: true,
    });
    expect(liveMetric('errorRate', window, nodes).value).toBe('2.1%');
    expect(liveMetric('nodes.app3.utilization', window, nodes, (id) => `Box ${id}`)).toEqual({
      label: 'utilization of Box app3',
      value: '99.7%',
      live: true,
    });
    expect(liveMetric('nodes.app3.meanQueue', window, nodes).value).toBe('42.5');
  });

  it('shows no value for what the live run does not carry, or before it starts', () => {
    expect(liveMetric('failedBy.down', window, nodes)).toMatchObject({ value: null, live: false });
    expect(liveMetric('routes.GET /api/items.p95', window, nodes).live).toBe(false);
    expect(liveMetric('completed', window, nodes).live).toBe(false);
    expect(liveMetric('nodes.app9.utilization', window, nodes).value).toBeNull();
    expect(liveMetric('p95', null, {}).value).toBeNull();
  });
});
