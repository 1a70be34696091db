// What arrows mean to the engine beyond A → B (src/model/links.ts): faint arrows, arrows
// into and out of hosts, DNS's arrows, queues that app servers consume, two-way arrows.

import { describe, expect, it } from 'vitest';
import type { Route, TopologyEdge } from '../model/types.ts';
import { box, link, topology } from './fixtures.ts';
import { simulate } from './simulate.ts';
import { Simulation } from './simulation.ts';

const get = (path = '/api/items'): Route[] => [{ method: 'GET', path, weight: 1 }];
const mixed: Route[] = [
  { method: 'GET', path: '/api/items', weight: 3 },
  { method: 'POST', path: '/api/orders', weight: 1 },
];
const run = (doc: ReturnType<typeof topology>, durationMs = 20_000, seed = 1) =>
  simulate(doc, { seed, durationMs });
const arrow = (source: string, target: string, extra: Partial<TopologyEdge> = {}) => ({
  ...link(source, target),
  ...extra,
});

/** Every hop of a traced run: [edge index as recorded, outcome]. */
function hops(doc: ReturnType<typeof topology>, ms = 3000): [number, number][] {
  const sim = new Simulation(doc, { seed: 3, traceEvery: 1 });
  sim.runUntil(ms);
  const b = sim.drainHops();
  const out: [number, number][] = [];
  for (let i = 0; i < b.count; i++) out.push([b.ints[4 * i]!, b.ints[4 * i + 3]!]);
  return out;
}

describe('faint arrows', () => {
  it('carry no traffic and are never animated', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 50, routes: get() }),
        box('a', 'app', { dbQueries: 0 }),
        box('b', 'app'),
      ],
      [link('users', 'a'), arrow('a', 'b', { faint: true })],
    );
    const r = run(doc);
    expect(r.nodes.a!.arrivals).toBeGreaterThan(500);
    expect(r.nodes.b!.arrivals).toBe(0);
    expect(r.requests.failed).toBe(0);
    expect(hops(doc).every(([edge]) => edge === 0)).toBe(true);
  });
});

describe('arrows into and out of a host', () => {
  const hostDoc = () =>
    topology(
      [
        box('users', 'client', { rps: 100, routes: get() }),
        box('S', 'group', { cores: 8 }),
        box('a', 'app', { dbQueries: 1 }, 'S'),
        box('b', 'app', { dbQueries: 1 }, 'S'),
        box('db', 'db'),
      ],
      [link('users', 'S'), link('S', 'db')],
    );

  it('send each request to one entry box in turn, and leave from the box that handled it', () => {
    const r = run(hostDoc());
    expect(r.requests.failed).toBe(0);
    expect(r.requests.completed).toBeGreaterThan(1500);
    expect(r.nodes.a!.arrivals + r.nodes.b!.arrivals).toBe(r.nodes.users!.arrivals);
    expect(Math.abs(r.nodes.a!.arrivals - r.nodes.b!.arrivals)).toBeLessThanOrEqual(1);
    // Every request queries the database once, from a or b.
    expect(r.nodes.db!.arrivals).toBe(r.nodes.users!.arrivals);
    expect(r.nodes.S!.arrivals).toBe(0);
  });

  it('animate along the arrow drawn to the host', () => {
    const all = hops(hostDoc());
    expect(new Set(all.map(([edge]) => edge))).toEqual(new Set([0, 1]));
  });

  it('are cut as one: every link along a cut arrow fails', () => {
    const r = simulate(hostDoc(), {
      seed: 1,
      durationMs: 10_000,
      actions: [{ atMs: 0, action: { type: 'cut', edge: 'users->S' } }],
    });
    expect(r.requests.completed).toBe(0);
    expect(r.requests.failedBy['edge-cut']).toBeGreaterThan(500);
  });

  it('from an app to a host of services takes turns instead of calling each', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 60, routes: get() }),
          box('api', 'app', { dbQueries: 0 }),
          box('svc', 'group'),
          box('s1', 'app', { dbQueries: 0 }, 'svc'),
          box('s2', 'app', { dbQueries: 0 }, 'svc'),
          box('s3', 'app', { dbQueries: 0 }, 'svc'),
        ],
        [link('users', 'api'), link('api', 'svc')],
      ),
    );
    const calls = r.nodes.s1!.arrivals + r.nodes.s2!.arrivals + r.nodes.s3!.arrivals;
    // One call per request (a few are still on their way when the run ends).
    expect(calls).toBeLessThanOrEqual(r.nodes.api!.arrivals);
    expect(calls).toBeGreaterThan(r.nodes.api!.arrivals - 10);
    expect(r.nodes.s3!.arrivals).toBeGreaterThan(calls / 4);
  });

  it('from a queue to a host of workers feeds every worker', () => {
    const r = run(
      topology(
        [
          box('users', 'client', {
            rps: 40,
            routes: [{ method: 'POST', path: '/jobs', weight: 1 }],
          }),
          box('api', 'app', { dbQueries: 0 }),
          box('q', 'queue'),
          box('pool', 'group'),
          box('w1', 'worker', { concurrency: 1, serviceTimeMs: 40 }, 'pool'),
          box('w2', 'worker', { concurrency: 1, serviceTimeMs: 40 }, 'pool'),
        ],
        [link('users', 'api'), link('api', 'q'), link('q', 'pool')],
      ),
    );
    expect(r.nodes.w1!.arrivals).toBeGreaterThan(200);
    expect(r.nodes.w2!.arrivals).toBeGreaterThan(200);
    expect(r.nodes.q!.acked).toBeGreaterThan(700);
  });
});

describe("DNS's arrows", () => {
  it('say where the name leads: the client looks it up, then calls that box', () => {
    const r = run(
      topology(
        [
          box('web', 'client', { rps: 50, routes: get(), users: 20 }),
          box('dns', 'dns', { ttlS: 5 }),
          box('lb', 'lb'),
          box('app', 'app', { dbQueries: 0 }),
        ],
        [link('web', 'dns'), link('dns', 'lb'), link('lb', 'app')],
      ),
    );
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.lb!.arrivals).toBe(r.nodes.web!.arrivals);
    // Each of the 20 users asks again once its answer is older than the TTL.
    expect(r.nodes.dns!.arrivals).toBeGreaterThan(20);
    expect(r.nodes.dns!.arrivals).toBeLessThan(120);
  });

  it('let a box that is not a client call what DNS points at, without a lookup', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 30, routes: get() }),
          box('api', 'app', { dbQueries: 0 }),
          box('dns', 'dns'),
          box('pay', 'external', { errorRate: 0, latencyMs: 5, latencyDist: 'constant' }),
        ],
        [link('users', 'api'), link('api', 'dns'), link('dns', 'pay')],
      ),
    );
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.pay!.arrivals).toBeGreaterThan(r.nodes.api!.arrivals - 5);
    expect(r.nodes.dns!.arrivals).toBe(0);
  });
});

describe('queues consumed by app servers', () => {
  const eventDoc = (twoWay: boolean) =>
    topology(
      [
        box('users', 'client', { rps: 80, routes: mixed }),
        box('nginx', 'proxy'),
        box('orders', 'app', { dbQueries: 0 }),
        box('billing', 'app', { dbQueries: 0 }),
        box('bus', 'queue'),
      ],
      twoWay
        ? [
            link('users', 'nginx'),
            link('nginx', 'orders'),
            arrow('orders', 'bus', { twoWay: true }),
            arrow('billing', 'bus', { twoWay: true }),
          ]
        : [
            link('users', 'nginx'),
            link('nginx', 'orders'),
            link('orders', 'bus'),
            link('bus', 'billing'),
          ],
    );

  it('an arrow from a queue to an app means the app consumes its messages', () => {
    const r = run(eventDoc(false));
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.bus!.published).toBeGreaterThan(300);
    expect(r.nodes.billing!.arrivals).toBeGreaterThan(300);
    expect(r.nodes.bus!.acked).toBe(r.nodes.billing!.completed);
  });

  it('a two-way arrow to a queue publishes one way and consumes the other, without echoes', () => {
    const r = run(eventDoc(true));
    expect(r.requests.failed).toBe(0);
    const bus = r.nodes.bus as Record<string, number>;
    const posts = bus.published!;
    expect(posts).toBeGreaterThan(300);
    // Messages reach both services; one taken from the bus is not published back to it.
    expect(r.nodes.billing!.arrivals).toBeGreaterThan(50);
    expect(r.nodes.orders!.arrivals).toBeGreaterThan(r.nodes.nginx!.arrivals);
    expect(bus.acked! + bus.depth! + bus.unacked!).toBeLessThanOrEqual(posts);
    expect(bus.failedJobs).toBe(0);
  });

  it('draws a message going the other way along a two-way arrow backwards', () => {
    const all = hops(eventDoc(true));
    // billing <-> bus is edge 3: its messages travel bus → billing, recorded as ~3.
    expect(all.some(([edge, outcome]) => edge === ~3 && outcome === 0)).toBe(true);
    expect(all.some(([edge, outcome]) => edge === 3 && outcome === 0)).toBe(false);
  });

  it('stays deterministic', () => {
    expect(run(eventDoc(true), 8000, 7)).toEqual(run(eventDoc(true), 8000, 7));
  });
});

describe('a queue pointing at another queue', () => {
  it('passes its messages on, and their consumers take them from there', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 30, routes: [{ method: 'POST', path: '/e', weight: 1 }] }),
          box('api', 'app', { dbQueries: 0 }),
          box('kafka', 'queue'),
          box('topic', 'queue'),
          box('w', 'worker', { concurrency: 4, serviceTimeMs: 10 }),
        ],
        [link('users', 'api'), link('api', 'kafka'), link('kafka', 'topic'), link('topic', 'w')],
      ),
    );
    expect(r.requests.failed).toBe(0);
    const kafka = r.nodes.kafka as Record<string, number>;
    const topic = r.nodes.topic as Record<string, number>;
    expect(topic.published).toBeGreaterThan(kafka.published! - 5);
    expect(r.nodes.w!.arrivals).toBeGreaterThan(kafka.published! - 10);
  });
});

describe('queues pointing at each other, or at themselves', () => {
  it('never multiply messages: each moves on once, and a loop ends', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 20, routes: [{ method: 'POST', path: '/e', weight: 1 }] }),
          box('api', 'app', { dbQueries: 0 }),
          box('a', 'queue', { publishMs: 120, visibilityTimeoutMs: 100 }),
          box('b', 'queue', { publishMs: 120, visibilityTimeoutMs: 100 }),
        ],
        [link('users', 'api'), link('api', 'a'), link('a', 'b'), link('b', 'a'), link('a', 'a')],
      ),
      10_000,
    );
    const a = r.nodes.a as Record<string, number>;
    const b = r.nodes.b as Record<string, number>;
    // A message moves a → b → a … until its hop limit: no redelivered copies pile up.
    expect(a.redelivered).toBe(0);
    expect(b.redelivered).toBe(0);
    expect(a.published! + b.published!).toBeLessThan(r.nodes.users!.arrivals * 70);
  });
});

describe('arrows drawn both ways between services', () => {
  it('an arrow back to the caller is its answer: no call, no loop', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 40, routes: get() }),
          box('a', 'app', { dbQueries: 0 }),
          box('b', 'app', { dbQueries: 0 }),
          box('c', 'app', { dbQueries: 0 }),
        ],
        [link('users', 'a'), link('a', 'b'), link('b', 'a'), link('c', 'a')],
      ),
    );
    expect(r.requests.failed).toBe(0);
    // b never calls a back for a's requests; a is only called by users.
    expect(r.nodes.a!.arrivals).toBe(r.nodes.users!.arrivals);
    expect(r.nodes.b!.arrivals).toBeGreaterThan(r.nodes.users!.arrivals - 5);
  });

  it('but a box called by someone else still calls along that arrow', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 40, routes: get() }),
          box('a', 'app', { dbQueries: 0 }),
          box('b', 'app', { dbQueries: 0 }),
        ],
        [link('users', 'b'), link('a', 'b'), link('b', 'a')],
      ),
    );
    // users → b → a (b's arrow to a), then a → b is the answer to b: not called.
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.a!.arrivals).toBeGreaterThan(r.nodes.users!.arrivals - 5);
  });
});

describe('nginx with nothing behind it', () => {
  it('answers every request itself, as a web server', () => {
    const r = run(
      topology(
        [box('users', 'client', { rps: 50, routes: get() }), box('nginx', 'proxy')],
        [link('users', 'nginx')],
      ),
    );
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.nginx!.servedStatic).toBeGreaterThan(r.nodes.users!.arrivals - 5);
  });

  it('but with arrows out, a path none of them takes still fails with no-route', () => {
    const r = run(
      topology(
        [
          box('users', 'client', { rps: 50, routes: get('/admin') }),
          box('nginx', 'proxy'),
          box('api', 'app', { dbQueries: 0 }),
        ],
        [link('users', 'nginx'), link('nginx', 'api', '/api')],
      ),
    );
    expect(r.requests.completed).toBe(0);
    expect(r.requests.failedBy['no-route']).toBeGreaterThan(500);
  });
});
