// Journeys and rewind (issue 13): what following requests costs the engine, and what
// rewinding keeps in memory.
//
// - trace overhead: events per CPU-second of the 15-box stack at 2,000 req/s with the
//   live view's animated sample at 1× speed traced (LiveRun's own traceEveryFor, the rule
//   the app uses: one request in ⌈rate × speed / DOTS_PER_SECOND⌉, so 1 in 7 here; hops
//   drained every frame, each one's journey recorded, since every dot can be clicked)
//   against nothing traced, in pairs back to back. Budget: at most 10% slower (the median
//   of the pairs).
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
import { DOTS_PER_SECOND, LiveRun, TICK_MS, traceEveryFor } from '../src/worker/liveRun.ts';
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

/** Virtual ms between two frames of the live view at 1× (it drains the hops every frame). */
const FRAME_MS = TICK_MS;
const PAIRS = 9;
const TRIAL_MS = 10_000;

function traceRow(): BenchRow {
  const rps = 2000;
  // The live view's own sample at 1× speed (LiveRun.retrace): every request it animates is
  // a dot that can be clicked, so each one's journey is recorded.
  const every = traceEveryFor(rps, 1);
  const plain = new Simulation(fullStackDoc(rps), { seed: 1 });
  const traced = new Simulation(fullStackDoc(rps), { seed: 1, traceEvery: every });
  plain.runUntil(10_000);
  traced.runUntil(10_000);
  traced.drainHops();
  let journeys = 0;
  const trial = (sim: Simulation) => {
    const e0 = sim.eventsProcessed;
    const t0 = cpuMs();
    const end = sim.now + TRIAL_MS;
    // In the live view's rhythm: a frame's worth of virtual time, then the hops are drained
    // for the page.
    while (sim.now < end) {
      sim.runUntil(Math.min(end, sim.now + FRAME_MS));
      sim.drainHops();
    }
    const rate = ((sim.eventsProcessed - e0) / (cpuMs() - t0)) * 1000;
    if (sim === traced) journeys = sim.engine.tracer.size.kept;
    return rate;
  };
  const a: number[] = [];
  const b: number[] = [];
  // Pairs back to back, alternating which goes first, so a busy machine slows both alike;
  // judged on the median of the pairs' ratios.
  for (let i = 0; i < PAIRS; i++) {
    if (i % 2 === 0) {
      a.push(trial(plain));
      b.push(trial(traced));
    } else {
      b.push(trial(traced));
      a.push(trial(plain));
    }
  }
  const ratios = b.map((x, i) => x / a[i]!).sort((x, y) => x - y);
  const slower = 1 - ratios[Math.floor(ratios.length / 2)]!;
  const kept = traced.engine.tracer.footprint;
  return {
    figure: `trace overhead: events/CPU-s with the live view's sample at 1× (the app's rule, ⌈req/s × speed / ${DOTS_PER_SECOND}⌉: 1 in ${every}, hops and journeys) vs none, median of ${PAIRS} pairs (15 boxes, ${fmt(rps)} req/s; ${fmt(journeys)} journeys kept in ${(kept.bytes / 2 ** 20).toFixed(1)} MB)`,
    value: `${fmt(Math.max(...b))} vs ${fmt(Math.max(...a))} (${(slower * 100).toFixed(1)}% slower)`,
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
