// A simulation: the pieces of the engine put together behind one object for the Worker,
// the CLI, the story checker, tests and the bench. The kernel and the rules of calls
// (kernel.ts, calls.ts), the world (world.ts), chaos (chaos.ts) and measurement
// (measurement.ts) each know only what they need of the others; behaviours see none of
// them, only the Engine interface (engine.ts).

import type { TopologyDocument } from '../model/types.ts';
import type { ChaosAction, TimedAction } from './api.ts';
import { CallEngine } from './calls.ts';
import { Chaos, type SimEvent } from './chaos.ts';
import type { BehaviourClass } from './engine.ts';
import type { HopBatch } from './hops.ts';
import type { KernelOptions } from './kernel.ts';
import { Measurement } from './measurement.ts';
import type { SeriesRing, Stream } from './metrics.ts';
import type { Rng } from './rng.ts';
import type { NodeRt } from './runtime.ts';
import type { Journey, JourneySummary } from './trace.ts';
import { World } from './world.ts';

export type { SimEvent };

export interface SimOptions extends KernelOptions {
  /** Requests that start before this are not measured; node figures restart then. */
  warmupMs?: number;
  actions?: TimedAction[];
  /** Behaviours for kinds the engine does not know (a test's throwaway kind). */
  kinds?: Readonly<Record<string, BehaviourClass>>;
}

export class Simulation {
  readonly engine: CallEngine;
  readonly world: World;
  readonly measure = new Measurement();
  readonly chaos: Chaos;

  constructor(doc: TopologyDocument, options: SimOptions) {
    this.engine = new CallEngine(options, this.measure);
    this.world = new World(this.engine, options.kinds);
    this.chaos = new Chaos(this.engine, this.world);
    this.world.applyDocument(doc);
    this.engine.everySecond = () =>
      this.measure.tick(this.engine.now, this.world.nodes, this.world.policies);
    this.engine.startClock();
    const warmupMs = this.engine.warmupMs;
    if (warmupMs > 0) this.engine.at(warmupMs, () => this.resetStats());
    for (const a of options.actions ?? []) this.chaos.schedule(a.atMs, a.action);
  }

  // ---- running ------------------------------------------------------------------------

  /** Virtual time, ms. */
  get now(): number {
    return this.engine.now;
  }

  get rng(): Rng {
    return this.engine.rng;
  }

  get eventsProcessed(): number {
    return this.engine.eventsProcessed;
  }

  /** Animate one request in this many (0 = none); the live view adjusts it. */
  get traceEvery(): number {
    return this.engine.traceEvery;
  }

  set traceEvery(n: number) {
    this.engine.traceEvery = n;
  }

  /** Processes every event up to `tMs` (or until `maxEvents`), then sets the clock there. */
  runUntil(tMs: number, maxEvents = Number.POSITIVE_INFINITY): number {
    return this.engine.runUntil(tMs, maxEvents);
  }

  /** Processes the next event; false when there is none. */
  step(): boolean {
    return this.engine.step();
  }

  // ---- the world ----------------------------------------------------------------------

  get doc(): TopologyDocument {
    return this.world.doc;
  }

  get nodes(): NodeRt[] {
    return this.world.nodes;
  }

  /** Applies a (new version of the) document without restarting. */
  applyDocument(doc: TopologyDocument): void {
    this.world.applyDocument(doc);
  }

  /** The brief's name for applyDocument: a live edit of the running system. */
  updateDocument(doc: TopologyDocument): void {
    this.world.applyDocument(doc);
  }

  // ---- chaos --------------------------------------------------------------------------

  /** Applies a chaos action now. Unknown ids are reported as an event, never thrown. */
  inject(action: ChaosAction): void {
    this.chaos.inject(action);
  }

  /** Applies `action` at virtual time `atMs` (now if that has passed). */
  schedule(atMs: number, action: ChaosAction): void {
    this.chaos.schedule(atMs, action);
  }

  /** Chaos markers and notes since the last call. */
  drainEvents(): SimEvent[] {
    return this.chaos.drain();
  }

  // ---- measurement --------------------------------------------------------------------

  get all(): Stream {
    return this.measure.all;
  }

  get routes(): Stream[] {
    return this.measure.routes;
  }

  get routeKeys(): string[] {
    return this.measure.routeKeys;
  }

  get series(): SeriesRing {
    return this.measure.series;
  }

  get statsStart(): number {
    return this.measure.statsStart;
  }

  /** The journey of traced request `id` (finished, or as far as it got), if still kept. */
  journey(id: number): Journey | null {
    return this.engine.tracer.journey(id, this.engine.now);
  }

  /** The slowest and the failed traced requests of the last 10 virtual seconds. */
  notableJourneys(): JourneySummary[] {
    return this.engine.tracer.notableSince(this.engine.now);
  }

  /**
   * Calls sent along each drawn arrow so far (index in the current document's edges),
   * every request's, not only the animated sample's: link rates are exact.
   */
  linkSends(): Float64Array {
    const out = new Float64Array(this.world.doc.edges.length);
    for (const l of this.world.links) {
      if (l.index >= 0 && l.index < out.length) out[l.index]! += l.sent;
    }
    return out;
  }

  drainHops(): HopBatch {
    return this.engine.hops.drain();
  }

  /** Warmup is over: node figures and measured totals start from zero. */
  resetStats(): void {
    this.measure.resetStats(this.engine.now, this.world.nodes);
    for (const p of this.world.policies.values()) p.resetStats(this.engine.now);
  }

  /** Busy worker-ms, worker capacity and queue-ms of a node up to now (reads only). */
  busyOf(rt: NodeRt): { busy: number; cap: number; queueArea: number } {
    return this.measure.busyOf(rt, this.engine.now);
  }
}
