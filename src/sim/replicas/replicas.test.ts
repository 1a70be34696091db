// Read replicas against theory and their failover (src/sim/replicas/replicaSet.ts): read
// capacity grows with the replicas (each an M/M/c of its own, reads spread at random),
// the stale-read share follows 1 − e^(−λ_key · lag) over the keys, and writes fail for the
// failover time after the primary crashes.

import { describe, expect, it } from 'vitest';
import type { TimedAction } from '../api.ts';
import { box, link, replicaDoc } from '../fixtures.ts';
import { Simulation } from '../simulation.ts';
import { simulate } from '../simulate.ts';
import { buildReport } from '../report.ts';
import { mmcResponseMs, staleReadShare } from '../theory.ts';

const relErr = (got: number, want: number) => Math.abs(got - want) / want;

describe('read replicas', () => {
  it('each replica is an M/M/c of its own: reads wait as Erlang C says at λ / replicas', () => {
    // c = 2 workers of 10 ms each (μ = 100/s), 600 reads/s over 4 replicas: ρ = 0.75.
    const doc = replicaDoc(600, 0, {
      concurrency: 2,
      readMs: 10,
      serviceDist: 'exponential',
      queueLimit: 100_000,
      readReplicas: 4,
    });
    const r = simulate(doc, { seed: 4, durationMs: 600_000, warmupMs: 10_000 });
    const db = r.nodes.db!;
    expect(relErr(db.meanResponseMs, mmcResponseMs(2, 150, 100))).toBeLessThan(0.03);
    expect(relErr(db.completed / r.duration_s, 600)).toBeLessThan(0.03);
    expect(db.replicaReads).toBe(db.completed); // every read went to a replica
  });

  it('read throughput grows with the replicas until it meets the offered load', () => {
    // Each replica answers at most c · μ = 200 reads/s; 700/s are offered.
    const through = [1, 2, 3, 5].map((replicas) => {
      const doc = replicaDoc(700, 0, {
        concurrency: 2,
        readMs: 10,
        serviceDist: 'exponential',
        queueLimit: 50,
        readReplicas: replicas,
      });
      const r = simulate(doc, { seed: 8, durationMs: 200_000, warmupMs: 10_000 });
      return r.nodes.db!.completed / r.duration_s;
    });
    const want = [200, 400, 600, 700];
    for (const [i, t] of through.entries()) expect(relErr(t, want[i]!)).toBeLessThan(0.03);
  });

  for (const lagDist of ['constant', 'exponential'] as const) {
    it(`stale reads: Σ p_k (1 − e^(−λ_w p_k lag)) over Zipf keys (${lagDist} lag)`, () => {
      // 1000 req/s, 20% writes (200/s), 1000 rows, 50 ms mean lag.
      const doc = replicaDoc(1000, 0.2, {
        concurrency: 1024,
        readMs: 1,
        serviceDist: 'constant',
        readReplicas: 2,
        replicationLagMs: 50,
        lagDist,
        rows: 1000,
      });
      const r = simulate(doc, { seed: 6, durationMs: 300_000, warmupMs: 10_000 });
      const db = r.nodes.db!;
      const want = staleReadShare(1000, 0.99, 200, 50);
      expect(want).toBeGreaterThan(0.05);
      expect(relErr(db.staleShare as number, want)).toBeLessThan(0.03);
    });
  }

  it('keys come from the cache in front: a cache miss reads from a replica', () => {
    const doc = replicaDoc(500, 0.2, { readReplicas: 1, replicationLagMs: 200 });
    doc.nodes.push(box('redis', 'cache', { keys: 100, capacity: 1000, ttlMs: 0, opMs: 0 }));
    doc.edges.unshift(link('app', 'redis'));
    const r = simulate(doc, { seed: 3, durationMs: 60_000, warmupMs: 5000 });
    const db = r.nodes.db!;
    expect(db.replicaReads).toBeGreaterThan(0);
    expect(db.staleReads).toBeGreaterThan(0);
  });

  it('no reads to replicas: nothing is stale; half: half the reads reach a replica', () => {
    const base = { readReplicas: 2, replicationLagMs: 1000, readMs: 1 };
    const none = simulate(replicaDoc(400, 0.5, { ...base, replicaReadShare: 0 }), {
      seed: 2,
      durationMs: 30_000,
    });
    expect(none.nodes.db!.replicaReads).toBe(0);
    expect(none.nodes.db!.staleReads).toBe(0);
    const half = simulate(replicaDoc(400, 0.5, { ...base, replicaReadShare: 50 }), {
      seed: 2,
      durationMs: 100_000,
    });
    const reads = half.routes['GET /item']!.completed;
    expect(relErr(half.nodes.db!.replicaReads as number, reads / 2)).toBeLessThan(0.03);
  });

  it('failover: writes fail for the failover time, reads go on, one replica fewer after', () => {
    // 500 writes/s; the primary crashes at 20 s and a replica is promoted 10 s later.
    const doc = replicaDoc(1000, 0.5, { readReplicas: 2, failoverS: 10, readMs: 1 });
    const actions: TimedAction[] = [{ atMs: 20_000, action: { type: 'crash', node: 'db' } }];
    const sim = new Simulation(doc, { seed: 9, warmupMs: 5000, actions });
    sim.runUntil(25_000);
    let db = buildReport(sim).nodes.db!;
    expect(db.promoting).toBe(1);
    expect(db.primaryUp).toBe(0);
    expect(db.replicasUp).toBe(2);
    sim.runUntil(60_000);
    const r = buildReport(sim);
    db = r.nodes.db!;
    expect(db.promoting).toBe(0);
    expect(db.primaryUp).toBe(1);
    expect(db.readReplicas).toBe(1);
    expect(db.failovers).toBe(1);
    // The gap and the writes lost in it: failover time, and λ_w · failover time.
    expect(relErr(db.writeGapMs as number, 10_000)).toBeLessThan(0.03);
    expect(relErr(db.failedBy.down ?? 0, 500 * 10)).toBeLessThan(0.03);
    expect(r.routes['GET /item']!.failed).toBe(0);
    expect(relErr(r.routes['POST /item']!.failed, 5000)).toBeLessThan(0.03);
  });

  it('the old primary comes back as a replica; back before the promotion, it is the primary', () => {
    const doc = replicaDoc(200, 0.5, { readReplicas: 1, failoverS: 5 });
    const late = new Simulation(doc, {
      seed: 1,
      actions: [
        { atMs: 2000, action: { type: 'crash', node: 'db' } },
        { atMs: 10_000, action: { type: 'restart', node: 'db' } },
      ],
    });
    late.runUntil(12_000);
    let db = buildReport(late).nodes.db!;
    expect(db.failovers).toBe(1);
    expect(db.readReplicas).toBe(1); // the old primary reads now
    expect(db.replicasUp).toBe(2);
    const early = new Simulation(doc, {
      seed: 1,
      actions: [
        { atMs: 2000, action: { type: 'crash', node: 'db' } },
        { atMs: 4000, action: { type: 'restart', node: 'db' } },
      ],
    });
    early.runUntil(12_000);
    db = buildReport(early).nodes.db!;
    expect(db.failovers).toBe(0);
    expect(db.promoting).toBe(0);
    expect(db.primaryUp).toBe(1);
    expect(db.readReplicas).toBe(1);
  });

  it('a second crash fails over again; with no replica up, writes wait for a restart', () => {
    const doc = replicaDoc(200, 0.5, { readReplicas: 1, failoverS: 1 });
    const sim = new Simulation(doc, {
      seed: 5,
      actions: [
        { atMs: 1000, action: { type: 'crash', node: 'db' } },
        { atMs: 3000, action: { type: 'crash', node: 'db' } },
      ],
    });
    sim.runUntil(6000);
    let db = buildReport(sim).nodes.db!;
    expect(db.failovers).toBe(1);
    expect(db.replicasUp).toBe(0);
    expect(db.primaryUp).toBe(0);
    sim.inject({ type: 'restart', node: 'db' });
    sim.runUntil(8000);
    db = buildReport(sim).nodes.db!;
    expect(db.primaryUp).toBe(1);
    expect(db.replicasUp).toBe(2);
  });

  it('replicas added and removed live keep the cluster whole', () => {
    const doc = replicaDoc(300, 0.3, { readReplicas: 3, failoverS: 2 });
    const sim = new Simulation(doc, { seed: 7 });
    sim.runUntil(3000);
    const db = doc.nodes.find((n) => n.id === 'db')!;
    sim.updateDocument({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n === db ? { ...n, config: { ...n.config, readReplicas: 1 } } : n,
      ),
    });
    sim.runUntil(6000);
    let rep = buildReport(sim).nodes.db!;
    expect(rep.replicas).toBe(2);
    expect(rep.readReplicas).toBe(1);
    sim.updateDocument({
      ...doc,
      nodes: doc.nodes.map((n) =>
        n === db ? { ...n, config: { ...n.config, readReplicas: 0 } } : n,
      ),
    });
    sim.runUntil(9000);
    rep = buildReport(sim).nodes.db!;
    expect(rep.replicas).toBe(1);
    expect(rep.readReplicas).toBeUndefined();
    expect(rep.errors).toBe(0);
  });

  it('the same document and seed give the same report', () => {
    const doc = replicaDoc(500, 0.3, { readReplicas: 2, lagDist: 'lognormal' });
    const actions: TimedAction[] = [{ atMs: 5000, action: { type: 'crash', node: 'db' } }];
    const a = simulate(doc, { seed: 12, durationMs: 40_000, actions });
    const b = simulate(doc, { seed: 12, durationMs: 40_000, actions });
    expect(a).toEqual(b);
  });
});
