// Autoscaling (autoscale.ts): the controller settles where theory says, within its
// bounds; cold start, cooldown and draining mean what their help says; off, nothing changes.

import { describe, expect, it } from 'vitest';
import { autoscaleDoc, box, link, topology } from './fixtures.ts';
import { simulate } from './simulate.ts';
import { Simulation } from './simulation.ts';
import { buildReport } from './report.ts';
import { autoscaleReplicas } from './theory.ts';

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

describe('autoscaling', () => {
  it('settles at ceil(λ / (μ·c·target)) replicas and brings utilization to λ / (n·μ·c)', () => {
    // λ = 600/s, S = 20 ms (μ = 50/s), c = 4, target 70%: 600 / 140 = 4.29 → 5 replicas,
    // each busy 600 / (5 · 200) = 60% of the time.
    const want = autoscaleReplicas(600, 50, 4, 0.7, 1, 20);
    expect(want).toBe(5);
    const r = simulate(autoscaleDoc(600, 20, 4), {
      seed: 4,
      durationMs: 600_000,
      warmupMs: 120_000,
    });
    const app = r.nodes.app!;
    expect(app.replicas).toBe(want);
    expect(relErr(app.meanReplicas as number, want)).toBeLessThan(0.03);
    expect(relErr(app.utilization, 600 / (want * 200))).toBeLessThan(0.03);
    expect(r.requests.failed).toBe(0);
  });

  it('from above it scales in to the same count, and stays within min and max', () => {
    const from10 = simulate(autoscaleDoc(600, 20, 4, { replicas: 10 }), {
      seed: 8,
      durationMs: 200_000,
      warmupMs: 100_000,
    });
    expect(from10.nodes.app!.replicas).toBe(5);
    expect(from10.nodes.app!.scaleIns).toBe(0); // settled before measurement began
    const capped = simulate(autoscaleDoc(600, 20, 4, { maxReplicas: 3 }), {
      seed: 8,
      durationMs: 120_000,
      warmupMs: 60_000,
    });
    expect(capped.nodes.app!.replicas).toBe(3);
    const floor = simulate(autoscaleDoc(20, 20, 4, { minReplicas: 2 }), {
      seed: 8,
      durationMs: 120_000,
      warmupMs: 60_000,
    });
    expect(floor.nodes.app!.replicas).toBe(2);
  });

  it('a new replica takes traffic only after its cold start; actions wait for the cooldown', () => {
    const doc = autoscaleDoc(600, 20, 4, { coldStartS: 30, cooldownS: 60, scaleEveryS: 10 });
    const sim = new Simulation(doc, { seed: 3 });
    const app = () => buildReport(sim).nodes.app!;
    // The first look at t = 10 s finds one saturated replica: it asks for ceil(1 · 1 / 0.7) = 2.
    sim.runUntil(10_001);
    expect(app().replicas).toBe(1);
    expect(app().replicasStarting).toBe(1);
    sim.runUntil(39_999);
    expect(app().replicas).toBe(1); // still booting
    sim.runUntil(40_001);
    expect(app().replicas).toBe(2);
    expect(app().replicasStarting).toBe(0);
    // The cooldown: no action before t = 70 s.
    sim.runUntil(69_999);
    expect(app().scaleOuts).toBe(1);
    sim.runUntil(70_001);
    expect(app().scaleOuts).toBe(2);
  });

  it('scaling in drains: a replica finishes what it holds, nothing fails', () => {
    // Long requests (2 s) and a drop in traffic: replicas drain while requests are in flight.
    const doc = autoscaleDoc(40, 2000, 4, { replicas: 30, maxReplicas: 30, cooldownS: 0 });
    const sim = new Simulation(doc, { seed: 6 });
    sim.runUntil(10_001);
    const at = buildReport(sim).nodes.app!;
    expect(at.replicas).toBeLessThan(30);
    expect((at.replicasDraining as number) > 0).toBe(true);
    sim.runUntil(120_000);
    const r = buildReport(sim);
    expect(r.nodes.app!.replicasDraining).toBe(0);
    expect(r.requests.failed).toBe(0);
    expect(r.nodes.app!.failedBy).toEqual({});
  });

  it('a crash while replicas drain: the draining ones go down too, and go at the next look', () => {
    // 10/s of 2 s on 4 workers wants 8 replicas: from 30 it lets 22 go at the first look,
    // the idle ones at once, the others once their requests are done.
    const doc = autoscaleDoc(10, 2000, 4, { replicas: 30, maxReplicas: 30, cooldownS: 60 });
    const sim = new Simulation(doc, { seed: 6 });
    sim.runUntil(10_001);
    const first = buildReport(sim).nodes.app!;
    const draining = first.replicasDraining as number;
    const serving = first.replicas;
    expect(draining).toBeGreaterThan(0);
    expect(serving).toBeLessThan(10);
    sim.inject({ type: 'crash', node: 'app' });
    sim.inject({ type: 'restart', node: 'app' });
    sim.runUntil(10_002);
    expect(buildReport(sim).nodes.app!.replicasDraining).toBe(draining); // down, not yet gone
    sim.runUntil(20_001);
    const app = buildReport(sim).nodes.app!;
    expect(app.replicasDraining).toBe(0);
    expect(app.replicas).toBe(serving); // the cooldown holds the count until 70 s
    expect(app.replicasUp).toBe(app.replicas);
  });

  it('on queue depth, workers scale to the backlog of the queue feeding them', () => {
    // 50 jobs/s of 200 ms on one slot per replica: each replica does 5/s, so it takes 10.
    const doc = topology(
      [
        box('users', 'client', {
          rps: 50,
          timeoutMs: 600_000,
          routes: [{ method: 'POST', path: '/job', weight: 1 }],
        }),
        box('api', 'app', { concurrency: 64, serviceTimeMs: 1, dbQueries: 0 }),
        box('q', 'queue', { capacity: 1_000_000 }),
        box('w', 'worker', {
          concurrency: 1,
          serviceTimeMs: 200,
          autoscale: true,
          scaleOn: 'queue',
          targetQueue: 5,
          minReplicas: 1,
          maxReplicas: 20,
          coldStartS: 5,
          cooldownS: 20,
        }),
      ],
      [link('users', 'api'), link('api', 'q'), link('q', 'w')],
    );
    const r = simulate(doc, { seed: 2, durationMs: 400_000, warmupMs: 100_000 });
    const w = r.nodes.w!;
    expect(w.meanReplicas as number).toBeGreaterThan(9);
    expect(w.meanReplicas as number).toBeLessThan(20);
    expect(relErr(w.completed / r.duration_s, 50)).toBeLessThan(0.05);
  });

  it('off (the default) runs exactly as the same box with fixed replicas', () => {
    const on = autoscaleDoc(600, 20, 4, { autoscale: false, replicas: 5 });
    const fixed = topology(
      on.nodes.map((n) => {
        if (n.id !== 'app') return n;
        const config = { ...n.config };
        for (const k of [
          'autoscale',
          'scaleOn',
          'targetUtilizationPct',
          'targetQueue',
          'minReplicas',
          'maxReplicas',
          'coldStartS',
          'cooldownS',
          'scaleEveryS',
        ]) {
          delete config[k];
        }
        return { ...n, config };
      }),
      on.edges,
    );
    const a = simulate(on, { seed: 1, durationMs: 30_000, warmupMs: 5_000 });
    const b = simulate(fixed, { seed: 1, durationMs: 30_000, warmupMs: 5_000 });
    expect(a).toEqual(b);
    expect(a.nodes.app!.meanReplicas).toBeUndefined();
  });

  it('is deterministic: same document and seed, same report, in slices or at once', () => {
    const doc = autoscaleDoc(600, 20, 4);
    const once = simulate(doc, { seed: 9, durationMs: 60_000, warmupMs: 0 });
    const sim = new Simulation(doc, { seed: 9 });
    for (let t = 777; t < 60_000; t += 777) sim.runUntil(t);
    sim.runUntil(60_000);
    expect(buildReport(sim)).toEqual(once);
  });

  it('a live edit keeps the scaled count; turning it off goes back to the set replicas', () => {
    const doc = autoscaleDoc(600, 20, 4, { coldStartS: 0 });
    const sim = new Simulation(doc, { seed: 5 });
    sim.runUntil(200_000);
    expect(buildReport(sim).nodes.app!.replicas).toBe(5);
    const edit = (config: Record<string, unknown>) => ({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'app' ? { ...n, config: { ...n.config, ...config } } : n,
      ),
    });
    sim.applyDocument(edit({ serviceTimeMs: 20 }) as typeof doc);
    sim.runUntil(200_001);
    expect(buildReport(sim).nodes.app!.replicas).toBe(5);
    sim.applyDocument(edit({ autoscale: false, replicas: 7 }) as typeof doc);
    sim.runUntil(260_000);
    const r = buildReport(sim).nodes.app!;
    expect(r.replicas).toBe(7);
    expect(r.meanReplicas).toBeUndefined();
  });
});
