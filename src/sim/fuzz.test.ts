// Any document the editor can produce, wired any way, with chaos and live edits thrown in,
// runs without throwing, reaches the time it was asked to, and keeps its books balanced:
// at every box, every call that arrived has been answered (completed or failed) or is
// still in flight, and none of its resources counts below zero.

import { describe, expect, it } from 'vitest';
import { KINDS } from '../model/kinds.ts';
import { restoreDocument } from '../model/restore.ts';
import { NODE_KINDS, type NodeKind, type TopologyDocument } from '../model/types.ts';
import type { ChaosAction } from './api.ts';
import { buildReport } from './report.ts';
import { Rng } from './rng.ts';
import { Simulation } from './simulation.ts';

function randomDoc(rng: Rng): TopologyDocument {
  const n = 2 + rng.int(12);
  const nodes: unknown[] = [];
  const ids: string[] = [];
  const groups: string[] = [];
  for (let i = 0; i < n; i++) {
    const kind: NodeKind = i === 0 ? 'client' : NODE_KINDS[rng.int(NODE_KINDS.length)]!;
    const id = `n${i}`;
    const config: Record<string, unknown> = {};
    for (const f of KINDS[kind].fields) {
      if (rng.next() < 0.5) continue;
      if (f.type === 'number') {
        // Small values keep runs short: traffic and times near the low end of the range.
        const hi = Math.min(f.max, f.key === 'rps' ? 300 : f.key.endsWith('Ms') ? 200 : 50);
        const v = f.min + rng.next() * Math.max(0, hi - f.min);
        config[f.key] = f.integer ? Math.round(v) : v;
      } else if (f.type === 'enum') config[f.key] = f.options[rng.int(f.options.length)]!.value;
      else if (f.type === 'boolean') config[f.key] = rng.next() < 0.5;
    }
    const node: Record<string, unknown> = { id, kind, label: id, position: { x: 0, y: 0 }, config };
    if (groups.length > 0 && kind !== 'group' && rng.next() < 0.4)
      node.parent = groups[rng.int(groups.length)];
    if (kind === 'group') groups.push(id);
    nodes.push(node);
    ids.push(id);
  }
  const edges: unknown[] = [];
  const m = rng.int(n * 2);
  for (let i = 0; i < m; i++) {
    const source = ids[rng.int(n)]!;
    const target = ids[rng.int(n)]!;
    const label = rng.next() < 0.3 ? ['/api', '/static', 'api/*', 'HTTP'][rng.int(4)] : undefined;
    // Two-way arrows (a queue's consumers) and faint ones (no traffic) too.
    const way = rng.next();
    edges.push({ id: `e${i}`, source, target, label, twoWay: way < 0.15, faint: way > 0.95 });
  }
  const restored = restoreDocument({ version: 1, title: 'fuzz', nodes, edges });
  if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
  return restored.doc;
}

function randomAction(rng: Rng, doc: TopologyDocument): ChaosAction {
  const node = doc.nodes[rng.int(doc.nodes.length)]!.id;
  const edge = doc.edges.length > 0 ? doc.edges[rng.int(doc.edges.length)]!.id : 'none';
  const actions: ChaosAction[] = [
    { type: 'crash', node },
    { type: 'restart', node },
    { type: 'slow', node, factor: 1 + rng.next() * 4 },
    { type: 'errorRate', node, rate: rng.next() },
    { type: 'cut', edge },
    { type: 'restore', edge },
    { type: 'rollingRestart', node, downMs: 500 },
    { type: 'setRps', node, rps: rng.next() * 200 },
    { type: 'spike', node, factor: 3, durationMs: 1000 },
  ];
  return actions[rng.int(actions.length)]!;
}

/** Every box's books: what arrived was answered or is still in flight; nothing below zero. */
function books(sim: Simulation, at: string): string[] {
  const wrong: string[] = [];
  for (const rt of sim.nodes) {
    const answered = rt.completed + rt.errors;
    if (rt.arrivals !== answered + rt.inFlight || rt.inFlight < 0) {
      wrong.push(
        `${at}: ${rt.id} (${rt.kind}) arrivals ${rt.arrivals} ≠ completed ${rt.completed} + failed ${rt.errors} + in flight ${rt.inFlight}`,
      );
    }
    for (const s of rt.servers) {
      const w = s.workers;
      if (w !== null && (w.busy < 0 || w.waiting < 0)) {
        wrong.push(`${at}: ${rt.id} server ${s.index} has ${w.busy} busy, ${w.waiting} waiting`);
      }
    }
    const cores = rt.cores;
    if (cores !== null && (cores.busy < 0 || cores.waiting < 0)) {
      wrong.push(`${at}: host ${rt.id} has ${cores.busy} cores busy, ${cores.waiting} waiting`);
    }
  }
  return wrong;
}

describe('random topologies', () => {
  it('never throw, reach the time asked for, and balance their books', () => {
    const rng = new Rng(2024);
    const wrong: string[] = [];
    for (let i = 0; i < 50; i++) {
      const doc = randomDoc(rng);
      const sim = new Simulation(doc, { seed: i, networkMs: i % 3 === 0 ? 1 : 0 });
      for (let t = 1000; t <= 6000; t += 1000) {
        sim.inject(randomAction(rng, doc));
        if (t === 3000) sim.applyDocument(rng.next() < 0.5 ? randomDoc(rng) : doc);
        sim.runUntil(t, 2_000_000);
        if (sim.now !== t) wrong.push(`run ${i}: stopped at ${sim.now} ms of ${t} ms`);
        wrong.push(...books(sim, `run ${i} at ${t} ms`));
      }
      const r = buildReport(sim);
      expect(Number.isFinite(r.latency_ms.p99)).toBe(true);
      for (const node of Object.values(r.nodes)) {
        expect(node.utilization).toBeGreaterThanOrEqual(0);
        expect(node.utilization).toBeLessThanOrEqual(1 + 1e-9);
      }
    }
    expect(wrong).toEqual([]);
  });
});
