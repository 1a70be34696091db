// Golden runs: a document, a seed, chaos actions and live edits, run the way the CLI, the
// story checker and the live view run the engine, boiled down to what a user could see
// (the report in full; digests of every hop, chaos marker, series point and live figure).
// `npm run golden` records them in src/sim/golden/*.json; golden.test.ts replays them and
// asserts the engine still gives the same, bit for bit.

import type { TopologyDocument } from '../../model/types.ts';
import type { Report, TimedAction } from '../api.ts';
import { buildReport, lbHealth, nodeReport } from '../report.ts';
import { Simulation } from '../simulation.ts';

export interface GoldenRun {
  seed: number;
  durationMs: number;
  warmupMs: number;
  networkMs: number;
  /** Animate one request in this many (0 = off, as simulate() runs). */
  traceEvery: number;
  /** runUntil in slices of this many ms, reading live figures between them (0 = one go). */
  sliceMs: number;
  actions: TimedAction[];
  /** Live edits: at `atMs` the document becomes `docs[doc]`. */
  edits: { atMs: number; doc: string }[];
}

export interface GoldenDigest {
  eventsProcessed: number;
  hops: number;
  hopsHash: string;
  eventsHash: string;
  seriesHash: string;
  /** Live figures (nodeReport of every box, LB health) read between slices. */
  liveHash: string;
}

export interface GoldenCase {
  name: string;
  doc: string;
  run: GoldenRun;
  report: Report;
  digest: GoldenDigest;
}

export interface GoldenFile {
  /** Documents by id, shared by the cases that run them. */
  docs: Record<string, TopologyDocument>;
  cases: GoldenCase[];
}

/** Two independent 32-bit hashes over 32-bit words (FNV-1a and a Murmur-style mix). */
class Digest {
  private a = 0x811c9dc5;
  private b = 0x9747b28c;
  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Uint32Array(this.f64.buffer);

  word(w: number): void {
    this.a = Math.imul(this.a ^ (w | 0), 0x01000193);
    let k = Math.imul(w | 0, 0x5bd1e995);
    k ^= k >>> 24;
    this.b = Math.imul(this.b, 0x5bd1e995) ^ Math.imul(k, 0x5bd1e995);
  }

  num(x: number): void {
    this.f64[0] = x;
    this.word(this.u32[0]!);
    this.word(this.u32[1]!);
  }

  text(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
  }

  hex(): string {
    const h = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
    return h(this.a) + h(this.b);
  }
}

/** JSON as the golden files keep it (so -0 and 0, undefined and missing, compare alike). */
export function plain<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export function runGolden(
  docs: Record<string, TopologyDocument>,
  docId: string,
  run: GoldenRun,
): { report: Report; digest: GoldenDigest } {
  const doc = docs[docId];
  if (!doc) throw new Error(`golden: no document "${docId}"`);
  const sim = new Simulation(doc, {
    seed: run.seed,
    warmupMs: run.warmupMs,
    networkMs: run.networkMs,
    traceEvery: run.traceEvery,
    actions: run.actions,
  });
  const hops = new Digest();
  const events = new Digest();
  const live = new Digest();
  let hopCount = 0;
  const edits = [...run.edits].sort((a, b) => a.atMs - b.atMs);
  let nextEdit = 0;
  const drain = () => {
    const batch = sim.drainHops();
    hopCount += batch.count;
    hops.word(batch.count);
    hops.word(batch.dropped);
    for (let i = 0; i < batch.count * 2; i++) hops.num(batch.times[i]!);
    for (let i = 0; i < batch.count * 4; i++) hops.word(batch.ints[i]!);
    for (const e of sim.drainEvents()) {
      events.num(e.t);
      events.text(e.text);
      events.text(JSON.stringify(e.action ?? null));
    }
  };
  const look = () => {
    live.num(sim.now);
    for (const rt of sim.nodes) {
      live.text(JSON.stringify(nodeReport(sim, rt)));
      live.text(JSON.stringify(lbHealth(rt)));
    }
    live.text(JSON.stringify(sim.all.window(sim.now % 1000)));
  };
  const advance = (to: number) => {
    if (run.sliceMs <= 0) {
      sim.runUntil(to);
      drain();
      return;
    }
    while (sim.now < to) {
      sim.runUntil(Math.min(to, sim.now + run.sliceMs));
      drain();
      look();
    }
  };
  while (nextEdit < edits.length && edits[nextEdit]!.atMs < run.durationMs) {
    const edit = edits[nextEdit++]!;
    advance(edit.atMs);
    const next = docs[edit.doc];
    if (!next) throw new Error(`golden: no document "${edit.doc}"`);
    sim.applyDocument(next);
  }
  advance(run.durationMs);
  const series = new Digest();
  series.text(JSON.stringify(sim.series.toArray()));
  return {
    report: plain(buildReport(sim)),
    digest: {
      eventsProcessed: sim.eventsProcessed,
      hops: hopCount,
      hopsHash: hops.hex(),
      eventsHash: events.hex(),
      seriesHash: series.hex(),
      liveHash: live.hex(),
    },
  };
}
