// Rewinding (checkpoint.ts): rewinding to t and playing on gives the same run as never
// having rewound, bit for bit, whatever slices the live run was computed in.

import { describe, expect, it } from 'vitest';
import { RunLog } from './checkpoint.ts';
import { fullStackDoc } from './fixtures.ts';
import { buildReport } from './report.ts';
import type { Simulation } from './simulation.ts';

const doc = fullStackDoc(300);
const inputs = {
  doc,
  seed: 5,
  actions: [{ atMs: 4_000, action: { type: 'slow' as const, node: 'app1', factor: 2 } }],
};

/** Runs `sim` to `t` in uneven slices, as the live view does (a budget of events per tick). */
function play(sim: Simulation, t: number): void {
  let k = 0;
  while (sim.now < t) {
    const target = Math.min(t, sim.now + 37 + (k % 5) * 11);
    while (sim.now < target) {
      const n = sim.runUntil(target, 150 + (k % 7) * 40);
      if (n < 150) break;
    }
    k++;
  }
}

const report = (sim: Simulation) => JSON.stringify(buildReport(sim));

describe('rewind', () => {
  it('rewinding to t and playing on gives the same report as never having rewound', () => {
    const edited = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'app2' ? { ...n, config: { ...n.config, concurrency: 2 } } : n,
      ),
    };

    // Never rewound: a crash at ~6 s and a live edit at ~8 s, then on to 20 s.
    const logA = new RunLog(inputs);
    const a = logA.begin();
    play(a, 6_000);
    a.inject({ type: 'crash', node: 'app3' });
    logA.inject(a, { type: 'crash', node: 'app3' });
    play(a, 8_000);
    a.applyDocument(edited);
    logA.update(a, edited);
    play(a, 20_000);

    // The same, but the user also cut a link at 12 s and played to 15 s, then rewound to 10 s.
    const logB = new RunLog(inputs);
    const b0 = logB.begin();
    play(b0, 6_000);
    b0.inject({ type: 'crash', node: 'app3' });
    logB.inject(b0, { type: 'crash', node: 'app3' });
    play(b0, 8_000);
    b0.applyDocument(edited);
    logB.update(b0, edited);
    play(b0, 12_000);
    b0.inject({ type: 'restart', node: 'app3' });
    logB.inject(b0, { type: 'restart', node: 'app3' });
    play(b0, 15_000);

    const replay = logB.replay(10_000);
    // In slices, as the Worker does it (progress in between).
    let slices = 0;
    while (!replay.advance(2_000)) slices++;
    expect(slices).toBeGreaterThan(2);
    logB.truncate(10_000);
    expect(logB.length).toBe(2);
    const b = replay.sim;
    expect(b.now).toBe(10_000);
    play(b, 20_000);
    expect(report(b)).toBe(report(a));
    // And the moment itself is the moment as it was: a run stopped at 10 s.
    const c = logA.replay(10_000);
    c.advance();
    const d = logB.replay(10_000);
    d.advance();
    expect(report(c.sim)).toBe(report(d.sim));
  });

  it('a rewind before any action replays the start alone', () => {
    const log = new RunLog(inputs);
    const live = log.begin();
    play(live, 3_000);
    live.inject({ type: 'crash', node: 'db' });
    log.inject(live, { type: 'crash', node: 'db' });
    play(live, 5_000);
    const r = log.replay(2_000);
    r.advance();
    const plain = log.begin();
    plain.runUntil(2_000);
    expect(report(r.sim)).toBe(report(plain));
  });
});
