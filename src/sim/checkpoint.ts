// Rewinding a run: a run is its document, seed and timed actions plus what the user did
// while it ran (chaos injected, live edits), each at the virtual time and after the number
// of events at which it happened. Same inputs, same run, bit for bit, so any earlier
// moment can be computed again: `RunLog.replay(t)` builds a fresh Simulation and replays
// the recorded inputs up to t. Playing on from there gives the same run as if the user had
// done nothing after t (tested: src/sim/checkpoint.test.ts).
//
// Memory: the log holds one entry per user action (a live edit keeps its document), never
// anything per request or per event. The cost of a rewind is re-computing the run up to
// the moment chosen, which `Replay` does in slices so a caller can show progress.

import type { TopologyDocument } from '../model/types.ts';
import type { ChaosAction, TimedAction } from './api.ts';
import { Simulation } from './simulation.ts';

export type LogEntry =
  | { t: number; events: number; type: 'inject'; action: ChaosAction }
  | { t: number; events: number; type: 'update'; doc: TopologyDocument };

export interface RunInputs {
  doc: TopologyDocument;
  seed: number;
  actions: TimedAction[];
  networkMs?: number;
}

export class RunLog {
  private entries: LogEntry[] = [];

  constructor(readonly inputs: RunInputs) {}

  /** A fresh simulation of the run's start. */
  begin(): Simulation {
    const { doc, seed, actions, networkMs } = this.inputs;
    const options: ConstructorParameters<typeof Simulation>[1] = { seed, actions };
    if (networkMs !== undefined) options.networkMs = networkMs;
    return new Simulation(doc, options);
  }

  /** The user injected `action` into `sim` just now (call after applying it). */
  inject(sim: Simulation, action: ChaosAction): void {
    this.entries.push({ t: sim.now, events: sim.eventsProcessed, type: 'inject', action });
  }

  /** The user edited the document live (call after applying it). */
  update(sim: Simulation, doc: TopologyDocument): void {
    this.entries.push({ t: sim.now, events: sim.eventsProcessed, type: 'update', doc });
  }

  get length(): number {
    return this.entries.length;
  }

  /** What the user did, in order (chaos marks on a timeline). */
  get log(): readonly LogEntry[] {
    return this.entries;
  }

  /** Starts re-computing the run up to `t`; drive it with `Replay.advance`. */
  replay(t: number): Replay {
    return new Replay(this, this.begin(), t, this.entries);
  }

  /** After a rewind to `t`, what the user did later never happened. */
  truncate(t: number): void {
    this.entries = this.entries.filter((e) => e.t <= t);
  }
}

export class Replay {
  private next = 0;

  constructor(
    private readonly log: RunLog,
    readonly sim: Simulation,
    readonly target: number,
    private readonly entries: readonly LogEntry[],
  ) {}

  get done(): boolean {
    return this.sim.now >= this.target && this.pending() === null;
  }

  /** Processes at most `maxEvents` events; true once the simulation stands at the target. */
  advance(maxEvents = Number.POSITIVE_INFINITY): boolean {
    const sim = this.sim;
    let budget = maxEvents;
    for (;;) {
      const e = this.pending();
      if (e === null) {
        if (sim.now >= this.target) return true;
        const before = sim.eventsProcessed;
        sim.runUntil(this.target, budget);
        budget -= sim.eventsProcessed - before;
        if (sim.now >= this.target) return true;
        if (budget <= 0) return false;
        continue;
      }
      // Exactly as many events as had run when the user acted, then the action.
      const left = e.events - sim.eventsProcessed;
      if (left > 0) {
        const n = Math.min(left, budget);
        const before = sim.eventsProcessed;
        sim.runUntil(e.t, n);
        budget -= sim.eventsProcessed - before;
        if (sim.eventsProcessed < e.events) {
          if (budget <= 0) return false;
          // Fewer events before e.t than recorded: cannot happen in a faithful replay.
          throw new Error('rewind: the run did not replay as recorded');
        }
      }
      // No event was left before e.t when the user acted: the clock stood at e.t.
      if (sim.now < e.t) sim.runUntil(e.t, 0);
      if (e.type === 'inject') sim.inject(e.action);
      else sim.applyDocument(e.doc);
      this.next++;
    }
  }

  /** Progress, 0–1 of virtual time. */
  get progress(): number {
    return this.target > 0 ? Math.min(1, this.sim.now / this.target) : 1;
  }

  /** The run log this replay belongs to. */
  get of(): RunLog {
    return this.log;
  }

  private pending(): LogEntry | null {
    const e = this.entries[this.next];
    return e !== undefined && e.t <= this.target ? e : null;
  }
}
