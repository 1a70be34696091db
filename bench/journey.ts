// Journeys and rewind (issue 13): what following requests costs the engine, and what
// rewinding keeps in memory.
//
// - trace overhead: events per second of the 15-box stack at 2,000 req/s with the live
//   view's animated sample at 1× speed (LiveRun's own traceEveryFor, the rule the app
//   uses: one request in ⌈rate × speed / DOTS_PER_SECOND⌉, so 1 in 7 here; hops drained
//   every frame) and each one's journey recorded, since every dot can be clicked, against
//   the same sample animated without journeys (the live view before issue 13), the runs
//   taking turns frame by frame. Budget: at most 10% slower (the median of 8 blocks). The
//   dots and journeys together against nothing animated are printed beside it.
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
/** Frames before measuring (both simulations warmed up, the journey store filled). */
const WARMUP_FRAMES = 1200;
/** Measured frames of each simulation: 8 blocks of 100 virtual seconds. */
const BLOCKS = 8;
const BLOCK_FRAMES = 3000;

function median(xs: readonly number[]): number {
  const s = xs.slice().sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function traceRows(): BenchRow[] {
  const rps = 2000;
  // The live view's own sample at 1× speed (LiveRun.retrace): every request it animates is
  // a dot that can be clicked, so each one's journey is recorded.
  const every = traceEveryFor(rps, 1);
  // Three runs of the same requests (the Tracer only reads, so they are the same run):
  // nothing animated; the live view's sample animated as it was before journeys existed
  // (hops only); and as the app runs it now (hops and every one's journey). What recording
  // journeys costs is the third against the second; the dots themselves are older than
  // journeys and are shown against nothing as a figure of its own.
  const none = new Simulation(fullStackDoc(rps), { seed: 1 });
  const dots = new Simulation(fullStackDoc(rps), { seed: 1, traceEvery: every, journeys: false });
  const traced = new Simulation(fullStackDoc(rps), { seed: 1, traceEvery: every });
  // Frame by frame, in the live view's rhythm (a frame's worth of virtual time, then the
  // hops are drained for the page), the simulations take turns, the order rotating each
  // frame, each frame's time added to its own account. Trials of whole seconds back to back
  // were at the mercy of whatever the machine did during one of them (pairs ranged from 30%
  // faster to 38% slower); interleaved at a frame's grain, anything the machine does falls
  // on all alike, and two identical simulations measured so differ by under 1%. Time on
  // the clock, not CPU time: the process's CPU time counts V8's helper threads (GC,
  // compiling) against whichever frame is running, which made the blocks noisier.
  const sims = [none, dots, traced] as const;
  const ms = [0, 0, 0];
  const frame = (k: number, count: boolean) => {
    const sim = sims[k]!;
    const t0 = performance.now();
    sim.runUntil(sim.now + FRAME_MS);
    sim.drainHops();
    if (count) ms[k]! += performance.now() - t0;
  };
  for (let i = 0; i < WARMUP_FRAMES; i++) for (let k = 0; k < 3; k++) frame(k, false);
  const journeyRatios: number[] = [];
  const allRatios: number[] = [];
  const rates: number[][] = [];
  const extraMs: number[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    ms.fill(0);
    const e0 = sims.map((s) => s.eventsProcessed);
    for (let i = 0; i < BLOCK_FRAMES; i++) for (let j = 0; j < 3; j++) frame((i + j) % 3, true);
    const rate = sims.map((s, k) => ((s.eventsProcessed - e0[k]!) / ms[k]!) * 1000);
    rates.push(rate);
    journeyRatios.push(rate[2]! / rate[1]!);
    allRatios.push(rate[2]! / rate[0]!);
    // Per virtual second, what the app's run took more than one with nothing animated.
    extraMs.push((ms[2]! - ms[0]!) / ((BLOCK_FRAMES * FRAME_MS) / 1000));
  }
  const spread = (ratios: number[]) => {
    const sorted = ratios.slice().sort((x, y) => x - y);
    return `${((1 - sorted.at(-1)!) * 100).toFixed(1)}–${((1 - sorted[0]!) * 100).toFixed(1)}%`;
  };
  const best = (k: number) => Math.max(...rates.map((r) => r[k]!));
  const journeysSlower = 1 - median(journeyRatios);
  const allSlower = 1 - median(allRatios);
  const journeys = traced.engine.tracer.size.kept;
  const kept = traced.engine.tracer.footprint;
  const sample = `the live view's sample at 1× (the app's rule, ⌈req/s × speed / ${DOTS_PER_SECOND}⌉: 1 in ${every})`;
  const blocks = `median of ${BLOCKS} blocks of ${(BLOCK_FRAMES * FRAME_MS) / 1000} virtual s`;
  return [
    {
      figure: `trace overhead: events/s with ${sample} animated and every one's journey recorded vs animated only (as before journeys), interleaved frame by frame, ${blocks} (blocks ${spread(journeyRatios)}; 15 boxes, ${fmt(rps)} req/s; ${fmt(journeys)} journeys kept in ${(kept.bytes / 2 ** 20).toFixed(1)} MB)`,
      value: `${fmt(best(2))} vs ${fmt(best(1))} (${(journeysSlower * 100).toFixed(1)}% slower)`,
      budget: '≤ 10% slower',
      ok: journeysSlower <= 0.1,
    },
    {
      figure: `  dots and journeys together vs nothing animated, the same frames (blocks ${spread(allRatios)})`,
      value: `${fmt(best(2))} vs ${fmt(best(0))} (${(allSlower * 100).toFixed(1)}% slower)`,
      budget: 'info',
      ok: true,
    },
    {
      figure: '  the same, as engine time a second of play at 1× (what the Worker spends on it)',
      value: `${median(extraMs).toFixed(2)} ms/s`,
      budget: 'info',
      ok: true,
    },
  ];
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
    return [...traceRows(), ...rewindRows()];
  },
};
