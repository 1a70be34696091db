import { describe, expect, it } from 'vitest';
import type { TopologyNode } from '../model/types.ts';
import type { SeriesPoint } from '../sim/index.ts';
import type { LiveNode } from '../worker/liveProtocol.ts';
import { findBottleneck, queueGrowth } from './liveBottleneck.ts';

const nodes = [
  { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, config: {} },
  { id: 'app1', kind: 'app', label: 'App 1', position: { x: 0, y: 0 }, config: {} },
  { id: 'db', kind: 'db', label: 'Database', position: { x: 0, y: 0 }, config: {} },
] as TopologyNode[];

function live(kind: string, over: Partial<LiveNode> = {}): LiveNode {
  return {
    kind,
    utilization: 0.2,
    queue: 0,
    inFlight: 0,
    rps: 10,
    errorsPerS: 0,
    errors: 0,
    completed: 0,
    replicas: 1,
    replicasUp: 1,
    slow: 1,
    errorRate: 0,
    figures: {},
    ...over,
  };
}

function point(t: number, queue: number): SeriesPoint {
  return {
    t,
    throughput_rps: 0,
    errors_rps: 0,
    errorRate: 0,
    latency_ms: { mean: 0, p50: 0, p95: 0, p99: 0 },
    nodes: { app1: { utilization: 1, queue, inFlight: 0, rps: 0 } },
  };
}

describe('findBottleneck', () => {
  it('names a saturated box and how fast its queue grows', () => {
    const series = [point(1, 0), point(2, 40), point(3, 80), point(4, 120)];
    expect(queueGrowth(series, 'app1')).toBe(40);
    const c = findBottleneck(
      nodes,
      { users: live('client'), app1: live('app', { utilization: 1, queue: 120 }), db: live('db') },
      series,
    );
    expect(c).toEqual({
      nodeId: 'app1',
      text: 'App 1 is at 100%: its queue grows by 40 req/s.',
      tone: 'bad',
    });
  });

  it('says a full queue turns requests away', () => {
    const c = findBottleneck(
      nodes,
      { app1: live('app', { utilization: 0.99, queue: 50, errorsPerS: 12 }) },
      [point(1, 50), point(2, 50)],
    );
    expect(c?.text).toBe('App 1 is at 99% and its queue is full: it turns away 12 req/s.');
  });

  it('a box that is down comes first', () => {
    const c = findBottleneck(
      nodes,
      { app1: live('app', { replicasUp: 0, errorsPerS: 40 }), db: live('db', { utilization: 1 }) },
      [],
    );
    expect(c).toMatchObject({ nodeId: 'app1', text: 'App 1 is down: 40 req/s fail there.' });
  });

  it('a full connection pool with waiters', () => {
    const c = findBottleneck(
      nodes,
      { app1: live('app', { queue: 7, figures: { poolSize: 10, poolInUse: 10 } }) },
      [],
    );
    expect(c?.text).toBe('App 1 uses all 10 database connections: 7 requests wait for one.');
  });

  it('no bottleneck: the busiest box and its utilization', () => {
    const c = findBottleneck(
      nodes,
      { users: live('client'), app1: live('app', { utilization: 0.42 }) },
      [],
    );
    expect(c).toEqual({
      nodeId: null,
      text: 'No bottleneck: the busiest box, App 1, is at 42%.',
      tone: 'ok',
    });
  });
});

describe('findBottleneck with a box routed around', () => {
  it('prefers the saturated survivors over a down box that gets no traffic', () => {
    const c = findBottleneck(
      nodes,
      {
        app1: live('app', { utilization: 1, queue: 90 }),
        db: live('db', { replicasUp: 0, errorsPerS: 0 }),
      },
      [point(1, 10), point(2, 50), point(3, 90)],
    );
    expect(c?.nodeId).toBe('app1');
  });
});

describe('findBottleneck with a worker behind a queue', () => {
  const queued = [
    { id: 'jobs', kind: 'queue', label: 'Email queue', position: { x: 0, y: 0 }, config: {} },
    { id: 'mailer', kind: 'worker', label: 'Email worker', position: { x: 0, y: 0 }, config: {} },
  ] as TopologyNode[];
  const edges = [{ id: 'e', source: 'jobs', target: 'mailer' }];
  const at = (t: number, depth: number): SeriesPoint => ({
    ...point(t, 0),
    nodes: {
      jobs: { utilization: 0, queue: depth, inFlight: 0, rps: 0 },
      mailer: { utilization: 1, queue: 0, inFlight: 16, rps: 0 },
    },
  });

  it('says the jobs pile up in the queue box, not in the worker', () => {
    const c = findBottleneck(
      queued,
      { jobs: live('queue', { queue: 90 }), mailer: live('worker', { utilization: 1 }) },
      [at(1, 30), at(2, 60), at(3, 90)],
      edges,
    );
    expect(c).toEqual({
      nodeId: 'mailer',
      text: 'Email worker is at 100%: Email queue grows by 30 jobs/s.',
      tone: 'bad',
    });
  });

  it('a busy worker keeping up says how many jobs wait', () => {
    const c = findBottleneck(
      queued,
      { jobs: live('queue', { queue: 3 }), mailer: live('worker', { utilization: 0.97 }) },
      [at(1, 3), at(2, 3), at(3, 3)],
      edges,
    );
    expect(c?.text).toBe('Email worker is at 97%: jobs wait in Email queue (3 now).');
    expect(c?.tone).toBe('warn');
  });
});

describe('findBottleneck names where requests fail, not who sees it', () => {
  it('a server failing requests is named, not the client that counts them', () => {
    const c = findBottleneck(
      nodes,
      {
        users: live('client', { errorsPerS: 82 }),
        app1: live('app', { utilization: 0.4, errorsPerS: 80 }),
        db: live('db'),
      },
      [],
    );
    expect(c).toEqual({ nodeId: 'app1', text: 'App 1 fails 80 req/s.', tone: 'bad' });
  });

  it('failures only at the client are users giving up', () => {
    const c = findBottleneck(
      nodes,
      { users: live('client', { errorsPerS: 12 }), app1: live('app'), db: live('db') },
      [],
    );
    expect(c?.nodeId).toBe('users');
    expect(c?.text).toBe('12 req/s from Users fail: answers too slow to wait for, or none at all.');
  });

  it('a full queue turning requests away wins over a queue still creeping up', () => {
    const c = findBottleneck(
      nodes,
      { users: live('client'), app1: live('app', { utilization: 1, queue: 100, errorsPerS: 18 }) },
      [point(1, 99), point(2, 99.5), point(3, 100)],
    );
    expect(c?.text).toBe('App 1 is at 100% and its queue is full: it turns away 18 req/s.');
  });
});

describe('an honest call-out when nothing flows', () => {
  const idle = (kind: string) => live(kind, { rps: 0, inFlight: 0, utilization: 0 });
  const box = (id: string, kind: string, config = {}) =>
    ({ id, kind, label: id, position: { x: 0, y: 0 }, config }) as TopologyNode;

  it('says the diagram has no client, and offers to add one', () => {
    const c = findBottleneck(
      [box('nginx', 'proxy'), box('api', 'app')],
      {
        nginx: idle('proxy'),
        api: idle('app'),
      },
      [],
      [{ id: 'e', source: 'nginx', target: 'api' }],
    );
    expect(c).toEqual({
      nodeId: null,
      text: 'Nothing sends requests: the diagram has no client, so every box stays idle.',
      tone: 'warn',
      action: 'add-client',
    });
  });

  it('says when the clients have nowhere to send, or send nothing', () => {
    const nowhere = findBottleneck(
      [box('web', 'client', { rps: 20 }), box('api', 'app')],
      {
        web: idle('client'),
        api: idle('app'),
      },
      [],
    );
    expect(nowhere?.text).toBe(
      'Nothing sends requests: no arrow leaves web, so it has nowhere to send them.',
    );
    expect(nowhere?.action).toBe('add-client');
    const zero = findBottleneck(
      [box('web', 'client', { rps: 0 }), box('api', 'app')],
      { web: idle('client'), api: idle('app') },
      [],
      [{ id: 'e', source: 'web', target: 'api' }],
    );
    expect(zero?.text).toBe(
      'Nothing sends requests: web sends 0 requests/s. Raise the traffic in the inspector.',
    );
  });

  it('names the boxes no request can reach', () => {
    const c = findBottleneck(
      [box('web', 'client'), box('api', 'app'), box('admin', 'app'), box('db', 'db')],
      {
        web: live('client'),
        api: live('app', { utilization: 0.3 }),
        admin: idle('app'),
        db: idle('db'),
      },
      [],
      [
        { id: 'a', source: 'web', target: 'api' },
        { id: 'b', source: 'admin', target: 'db' },
      ],
    );
    expect(c?.text).toBe('No bottleneck: the busiest box, api, is at 30%.');
    expect(c?.detail).toBe('No arrow leads here from a client: admin and db get no requests.');
  });

  it('explains no-route: the paths nginx could not route and what fixes it', () => {
    const c = findBottleneck(
      [
        box('web', 'client', {
          routes: [
            { method: 'GET', path: '/api/items', weight: 1 },
            { method: 'GET', path: '/admin', weight: 1 },
          ],
        }),
        box('nginx', 'proxy'),
        box('api', 'app'),
      ],
      {
        web: live('client', { errorsPerS: 10 }),
        nginx: live('proxy', { errorsPerS: 10, figures: { 'failed.no-route': 120 } }),
        api: live('app'),
      },
      [],
      [
        { id: 'a', source: 'web', target: 'nginx' },
        { id: 'b', source: 'nginx', target: 'api', label: '/api' },
      ],
    );
    expect(c).toEqual({
      nodeId: 'nginx',
      text: 'nginx cannot route 10 req/s (no-route): no arrow takes /admin (its arrows take /api). Add an arrow without a label (the default route), or one labelled /admin.',
      tone: 'bad',
    });
  });
});
