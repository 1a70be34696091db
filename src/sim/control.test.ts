// Control while running: determinism, live document edits, chaos actions, loops.

import { describe, expect, it } from 'vitest';
import { box, fullStackDoc, link, topology } from './fixtures.ts';
import { buildReport } from './report.ts';
import { simulate } from './simulate.ts';
import { Simulation } from './simulation.ts';

const get = [{ method: 'GET' as const, path: '/api/items', weight: 1 }];

function lbDoc(apps: string[], appConfig = {}) {
  return topology(
    [
      box('users', 'client', { rps: 300, routes: get, timeoutMs: 600_000 }),
      box('lb', 'lb'),
      ...apps.map((id) =>
        box(id, 'app', {
          concurrency: 1,
          serviceTimeMs: 5,
          serviceDist: 'constant',
          queueLimit: 100_000,
          dbQueries: 0,
          ...appConfig,
        }),
      ),
    ],
    [link('users', 'lb'), ...apps.map((a) => link('lb', a))],
  );
}

describe('determinism', () => {
  it('the same document, seed and actions give the same report, bit for bit', () => {
    const actions = [
      { atMs: 5000, action: { type: 'crash' as const, node: 'app2' } },
      { atMs: 9000, action: { type: 'restart' as const, node: 'app2' } },
      {
        atMs: 12_000,
        action: { type: 'spike' as const, node: 'users', factor: 3, durationMs: 2000 },
      },
    ];
    const run = (seed: number) =>
      JSON.stringify(
        simulate(fullStackDoc(400), { seed, durationMs: 20_000, warmupMs: 2000, actions }),
      );
    const a = run(7);
    expect(run(7)).toBe(a);
    expect(run(8)).not.toBe(a);
  });

  it('runUntil in small slices, looked at between slices, equals one long run', () => {
    const one = new Simulation(fullStackDoc(300), { seed: 3 });
    one.runUntil(10_000);
    const sliced = new Simulation(fullStackDoc(300), { seed: 3 });
    for (let t = 16; t <= 10_000; t += 16) {
      sliced.runUntil(t);
      if (t % 160 === 0) buildReport(sliced); // a live view reading figures
    }
    sliced.runUntil(10_000);
    expect(JSON.stringify(buildReport(sliced))).toBe(JSON.stringify(buildReport(one)));
  });
});

describe('live document updates', () => {
  it('adding a server behind the load balancer while running drains the queue', () => {
    // One server does 200/s against 300/s: its queue grows by ~100 a second.
    const sim = new Simulation(lbDoc(['app1']), { seed: 1 });
    sim.runUntil(10_000);
    const before = sim.series.latest()!.nodes.app1!.queue;
    expect(before).toBeGreaterThan(500);
    sim.applyDocument(lbDoc(['app1', 'app2']));
    sim.runUntil(40_000);
    const after = sim.series.latest()!;
    expect(after.nodes.app1!.queue).toBeLessThan(20);
    expect(after.nodes.app2!.rps).toBeGreaterThan(100);
    expect(buildReport(sim).requests.failed).toBe(0);
  });

  it('in-flight requests to a removed box fail cleanly and traffic moves on', () => {
    const sim = new Simulation(lbDoc(['app1', 'app2'], { concurrency: 4, serviceTimeMs: 50 }), {
      seed: 2,
    });
    sim.runUntil(5000);
    const doc = lbDoc(['app1']);
    sim.applyDocument(doc);
    sim.runUntil(15_000);
    const r = buildReport(sim);
    expect(r.nodes.app2).toBeUndefined();
    expect(r.requests.failedBy.down ?? 0).toBeGreaterThan(0);
    const last = sim.series.latest()!;
    expect(last.errors_rps).toBe(0);
    expect(last.throughput_rps).toBeGreaterThan(50);
  });

  it('editing traffic and config applies without a restart', () => {
    const sim = new Simulation(lbDoc(['app1', 'app2']), { seed: 5 });
    sim.runUntil(5000);
    const doc = lbDoc(['app1', 'app2']);
    doc.nodes[0]!.config.rps = 50;
    sim.applyDocument(doc);
    sim.runUntil(10_000);
    expect(sim.series.latest()!.throughput_rps).toBeLessThan(90);
    expect(sim.now).toBe(10_000);
  });
});

describe('chaos', () => {
  it('crash fails requests with "down" until restart', () => {
    const doc = topology(
      [box('users', 'client', { rps: 100, routes: get }), box('app', 'app', { dbQueries: 0 })],
      [link('users', 'app')],
    );
    const r = simulate(doc, {
      seed: 1,
      durationMs: 20_000,
      actions: [
        { atMs: 5000, action: { type: 'crash', node: 'app' } },
        { atMs: 10_000, action: { type: 'restart', node: 'app' } },
      ],
    });
    const failed = r.requests.failedBy.down ?? 0;
    expect(failed).toBeGreaterThan(400);
    expect(failed).toBeLessThan(600);
    expect(r.requests.completed).toBeGreaterThan(1400);
  });

  it('cut and restore a link; error rate; slow down', () => {
    const doc = topology(
      [box('users', 'client', { rps: 100, routes: get }), box('app', 'app', { dbQueries: 0 })],
      [link('users', 'app')],
    );
    const sim = new Simulation(doc, { seed: 4 });
    sim.inject({ type: 'cut', edge: 'users->app' });
    sim.runUntil(2000);
    sim.inject({ type: 'restore', edge: 'users->app' });
    sim.inject({ type: 'errorRate', node: 'app', rate: 0.5 });
    sim.runUntil(12_000);
    sim.inject({ type: 'errorRate', node: 'app', rate: 0 });
    const r = buildReport(sim);
    expect(r.requests.failedBy['edge-cut']).toBeGreaterThan(150);
    const injected = r.requests.failedBy['injected-error']!;
    expect(injected / 1000).toBeGreaterThan(0.42);
    expect(injected / 1000).toBeLessThan(0.58);
    const base = sim.series.latest()!.latency_ms.mean;
    sim.inject({ type: 'slow', node: 'app', factor: 5 });
    sim.runUntil(20_000);
    expect(sim.series.latest()!.latency_ms.mean).toBeGreaterThan(base * 3);
    const markers = sim.drainEvents().map((e) => e.text);
    expect(markers).toContain('cut link users->app');
    expect(markers).toContain('slow app ×5');
  });

  it('setRps and spike change the traffic', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 100, routes: get }),
        box('app', 'app', { concurrency: 64, dbQueries: 0 }),
      ],
      [link('users', 'app')],
    );
    const sim = new Simulation(doc, { seed: 9 });
    sim.runUntil(5000);
    sim.inject({ type: 'setRps', node: 'users', rps: 400 });
    sim.runUntil(10_000);
    expect(sim.series.latest()!.nodes.app!.rps).toBeGreaterThan(330);
    sim.inject({ type: 'spike', node: 'users', factor: 3, durationMs: 3000 });
    sim.runUntil(13_000);
    expect(sim.series.latest()!.nodes.app!.rps).toBeGreaterThan(1000);
    sim.runUntil(18_000);
    expect(sim.series.latest()!.nodes.app!.rps).toBeLessThan(500);
  });

  it('a rolling restart behind a health-checked LB loses few requests; replicas come back', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 100, routes: get }),
        box('lb', 'lb', { healthCheckIntervalMs: 500, unhealthyThreshold: 1 }),
        box('app', 'app', { replicas: 3, dbQueries: 0 }),
      ],
      [link('users', 'lb'), link('lb', 'app')],
    );
    const sim = new Simulation(doc, { seed: 3 });
    sim.runUntil(2000);
    sim.inject({ type: 'rollingRestart', node: 'app', downMs: 5000 });
    sim.runUntil(8000);
    expect(buildReport(sim).nodes.app!.replicasUp).toBe(2);
    sim.runUntil(30_000);
    const r = buildReport(sim);
    expect(r.nodes.app!.replicasUp).toBe(3);
    expect(r.requests.failed).toBeLessThan(r.requests.completed * 0.05);
    expect(r.requests.failedBy.down ?? 0).toBeGreaterThan(0);
  });

  it('a crashed worker’s unacknowledged job is delivered again', () => {
    const doc = topology(
      [
        box('cron', 'cron', { everyMs: 1000, jobsPerRun: 1 }),
        box('jobs', 'queue'),
        box('w', 'worker', {
          concurrency: 1,
          serviceTimeMs: 400,
          serviceDist: 'constant',
          replicas: 2,
        }),
      ],
      [link('cron', 'jobs'), link('jobs', 'w')],
    );
    const sim = new Simulation(doc, { seed: 1 });
    sim.runUntil(1200); // the first job is being worked on
    sim.inject({ type: 'crash', node: 'w' });
    sim.runUntil(1500);
    sim.inject({ type: 'restart', node: 'w' });
    sim.runUntil(10_000);
    const jobs = buildReport(sim).nodes.jobs!;
    expect(jobs.redelivered).toBeGreaterThanOrEqual(1);
    expect(jobs.acked).toBeGreaterThanOrEqual(9);
  });

  it('unknown ids are reported, never thrown', () => {
    const sim = new Simulation(lbDoc(['app1']), { seed: 1 });
    expect(() => sim.inject({ type: 'crash', node: 'nope' })).not.toThrow();
    expect(sim.drainEvents()[0]!.text).toMatch(/no box "nope"/);
  });
});

describe('loops', () => {
  it('a loop between services ends with hop-limit, never a hang', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 50, routes: get }),
        // Enough workers that the loop is not first stopped by thread starvation.
        box('a', 'app', { dbQueries: 0, serviceTimeMs: 0, concurrency: 1024 }),
        box('b', 'app', { dbQueries: 0, serviceTimeMs: 0, concurrency: 1024 }),
        box('lb', 'lb'),
      ],
      [link('users', 'a'), link('a', 'b'), link('b', 'lb'), link('lb', 'a')],
    );
    const r = simulate(doc, { seed: 1, durationMs: 5000 });
    expect(r.requests.completed).toBe(0);
    expect(r.requests.failedBy['hop-limit']).toBeGreaterThan(200);
  });
});

describe('hop batches', () => {
  it('record each traced hop: edge, times, request, route and outcome', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 10, routes: get }),
        box('app', 'app', { dbQueries: 0 }),
        box('down', 'external', { errorRate: 1 }),
      ],
      [link('users', 'app'), link('app', 'down')],
    );
    const sim = new Simulation(doc, { seed: 1, traceEvery: 1, networkMs: 2 });
    sim.runUntil(5000);
    const batch = sim.drainHops();
    expect(batch.count).toBeGreaterThan(100);
    const outcomes = new Set<string>();
    for (let i = 0; i < batch.count; i++) {
      const edge = batch.ints[4 * i]!;
      const outcome = batch.ints[4 * i + 3]!;
      expect(batch.times[2 * i + 1]! - batch.times[2 * i]!).toBe(2);
      expect(batch.ints[4 * i + 2]).toBe(0); // the only route
      outcomes.add(`${doc.edges[edge]!.id}:${outcome}`);
    }
    // Requests go out (0); the API fails (2 + index of 'external-error'), and so does the app.
    expect([...outcomes].sort()).toEqual(
      ['app->down:0', 'app->down:9', 'users->app:0', 'users->app:9'].sort(),
    );
    expect(sim.drainHops().count).toBe(0);
  });
});

describe('hosts and chaos', () => {
  it('crashing a host crashes every box on it', () => {
    const doc = topology(
      [
        box('users', 'client', { rps: 100, routes: get }),
        box('lb', 'lb'),
        box('h1', 'group'),
        box('a', 'app', { dbQueries: 0 }, 'h1'),
        box('b', 'app', { dbQueries: 0 }),
      ],
      [link('users', 'lb'), link('lb', 'a'), link('lb', 'b')],
    );
    const sim = new Simulation(doc, { seed: 1 });
    sim.runUntil(1000);
    sim.inject({ type: 'crash', node: 'h1' });
    sim.runUntil(2000);
    const r = buildReport(sim);
    expect(r.nodes.a!.replicasUp).toBe(0);
    expect(r.nodes.b!.replicasUp).toBe(1);
    sim.updateDocument(doc);
    sim.inject({ type: 'restart', node: 'h1' });
    expect(buildReport(sim).nodes.a!.replicasUp).toBe(1);
  });
});
