// Journeys and rewind (issue 13): what following requests costs the engine, and what
// rewinding keeps in memory.
//
// - trace overhead: events per CPU-second of the 15-box stack at 2,000 req/s with the
//   live view's animated sample traced (hops and journeys, one request in 3) against
//   nothing traced, trials alternating. Budget: at most 10% slower.
// - rewind memory: a live run of the 15-box stack at 1,000 req/s for 5 virtual minutes,
//   its frames kept as the page keeps them (one snapshot per virtual second) and the
//   run's log of user actions; the heap they hold. And how long computing those 5 minutes
//   again takes (what "Play from here" costs at worst for that run).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fullStackDoc } from '../src/sim/fixtures.ts';
import { Simulation } from '../src/sim/index.ts';
import { History } from '../src/state/rewindHistory.ts';
import type { LiveFrame } from '../src/worker/liveProtocol.ts';
import { DOTS_PER_SECOND, LiveRun } from '../src/worker/liveRun.ts';
import type { BenchModule, BenchRow } from './run.ts';

function gcNow(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

function traceRow(): BenchRow {
  const rps = 2000;
  const every = Math.ceil(rps / DOTS_PER_SECOND);
  const plain = new Simulation(fullStackDoc(rps), { seed: 1 });
  const traced = new Simulation(fullStackDoc(rps), { seed: 1, traceEvery: every });
  plain.runUntil(10_000);
  traced.runUntil(10_000);
  traced.drainHops();
  const trial = (sim: Simulation) => {
    const e0 = sim.eventsProcessed;
    const t0 = cpuMs();
    const end = sim.now + 20_000;
    // In the live view's rhythm: a slice, then the hops are drained for the page.
    while (sim.now < end) {
      sim.runUntil(Math.min(end, sim.now + 500));
      sim.drainHops();
    }
    return ((sim.eventsProcessed - e0) / (cpuMs() - t0)) * 1000;
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 7; i++) {
    if (i % 2 === 0) {
      a.push(trial(plain));
      b.push(trial(traced));
    } else {
      b.push(trial(traced));
      a.push(trial(plain));
    }
  }
  const without = Math.max(...a);
  const withT = Math.max(...b);
  const slower = 1 - withT / without;
  return {
    figure: `trace overhead: events/CPU-s, 1 in ${every} traced vs none (15 boxes, ${fmt(rps)} req/s)`,
    value: `${fmt(withT)} vs ${fmt(without)} (${(slower * 100).toFixed(1)}% slower)`,
    budget: '≤ 10% slower',
    ok: slower <= 0.1,
  };
}

function rewindRows(): BenchRow[] {
  const frames: LiveFrame[] = [];
  const run = new LiveRun({
    now: () => performance.now(),
    setTimer: () => null,
    clearTimer: () => {},
    send: (f) => frames.push(f),
  });
  const doc = fullStackDoc(1000);
  gcNow();
  const before = process.memoryUsage().heapUsed;
  const history = new History();
  run.start(doc, { runId: 1, seed: 3, speed: 1, play: false });
  // A user who does things now and then: a crash and a restart every minute.
  for (let s = 1; s <= 300; s++) {
    run.step(1000);
    if (s % 60 === 20) run.inject({ type: 'crash', node: 'app2' });
    if (s % 60 === 40) run.inject({ type: 'restart', node: 'app2' });
    for (const f of frames.splice(0)) {
      if (f.nodes && f.window) {
        history.add({
          t: f.t,
          nodes: f.nodes,
          edgeRps: f.edgeRps ?? {},
          window: f.window,
          callout: null,
        });
      }
    }
  }
  gcNow();
  const withHistory = process.memoryUsage().heapUsed;
  history.clear();
  run.stop();
  gcNow();
  const after = process.memoryUsage().heapUsed;
  const keptMb = (withHistory - after) / 2 ** 20;
  // What computing the 5 minutes again takes ("Play from here" at the start of that run).
  const sim = new Simulation(doc, { seed: 3 });
  const t0 = cpuMs();
  sim.runUntil(300_000);
  const replayS = (cpuMs() - t0) / 1000;
  return [
    {
      figure: 'rewind memory, 5 min at 1,000 req/s (snapshots + run log + engine)',
      value: `${keptMb.toFixed(1)} MB (heap ${(before / 2 ** 20).toFixed(0)} → ${(withHistory / 2 ** 20).toFixed(0)} MB)`,
      budget: '≤ 25 MB',
      ok: keptMb <= 25,
    },
    {
      figure: 'rewind: computing those 5 min again',
      value: `${replayS.toFixed(1)} CPU-s`,
      budget: 'info',
      ok: true,
    },
  ];
}

export const bench: BenchModule = {
  name: 'journey',
  async run() {
    return [traceRow(), ...rewindRows()];
  },
};
