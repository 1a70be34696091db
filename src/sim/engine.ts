// What a behaviour sees of the engine, and what the engine asks of a behaviour. Behaviours
// never see the Simulation class or the kernel's own: they get an Engine, and talk to the
// boxes around them through capabilities (capabilities.ts).

import type { Capabilities } from './capabilities.ts';
import type { Resource } from './resource.ts';
import type { Rng } from './rng.ts';
import type { Call, EdgeRt, NodeRt, Server } from './runtime.ts';

export interface Engine {
  /** Virtual time, ms. */
  readonly now: number;
  /** The run's one random stream: draw in a fixed order and runs repeat bit for bit. */
  readonly rng: Rng;
  /** Requests that start before this are not measured. */
  readonly warmupMs: number;
  /** When measurement (re)started: 0, or the end of warmup. */
  readonly statsStart: number;

  // ---- calls -------------------------------------------------------------------------
  /**
   * Sends a child call from `parent` along `link` (to `server`, or the target's replicas in
   * turn); the parent's behaviour hears back in childDone. The child may already be
   * answered and recycled when this returns.
   */
  send(parent: Call, link: EdgeRt, op: number, server?: Server | null): void;
  /** Puts a call with no parent (a job, a cron run) on its link; its owner hears back. */
  sendRoot(call: Call, from: NodeRt): void;
  /** The call succeeded at its box. */
  respond(call: Call): void;
  /** The call failed at its box, for `cause` (counted here). */
  fail(call: Call, cause: number): void;
  /** The call failed because something it needed failed (counted where it happened). */
  propagate(call: Call, cause: number): void;

  // ---- resources and time -------------------------------------------------------------
  /**
   * Takes a worker of the call's server, or queues for one, or rejects (503). With a
   * worker, the behaviour's resume runs with state S_QUEUED.
   */
  admit(call: Call): void;
  /** Gives the call's worker back; the next queued call gets it. Call before answering. */
  releaseWorker(call: Call): void;
  /** Starts queued calls while workers are free (after the workers were resized). */
  startQueued(workers: Resource<Call>): void;
  /** CPU work of `ms` (× the box's slow factor); on a host it also needs a free core. */
  work(call: Call, ms: number): void;
  /** A pure wait (× the slow factor): someone else's latency, a lookup, a round trip. */
  delay(call: Call, ms: number): void;
  /** A timer for the call that cancelTimers voids (a wait limit). */
  timeout(call: Call, ms: number): void;
  cancelTimers(call: Call): void;
  /** Runs `fn` at virtual time `t` (rare events). */
  at(t: number, fn: () => void): void;
  /** The node's behaviour's timer(code) runs at `t`. */
  nodeTimer(node: NodeRt, t: number, code: number): void;

  // ---- requests and measurement -------------------------------------------------------
  newReqId(): number;
  /** Should a new request with this id be animated? */
  traced(id: number): boolean;
  /** Each client gets an index so user keys of different clients never collide. */
  newClientIndex(): number;
  /** The route index of "METHOD path" (per-route figures). */
  routeFor(method: string, path: string): number;
  /** A request ended at its client. */
  completeRequest(
    route: number,
    start: number,
    measured: boolean,
    ok: boolean,
    cause: number,
  ): void;
  /** State every box of a kind shares within one run (an app's in-memory sessions). */
  shared<T>(key: string, make: () => T): T;
}

/** A behaviour: the rules of one kind of box, as a state machine over calls. */
export interface Behaviour {
  /** What this box offers the boxes linked to it. */
  readonly caps: Capabilities;
  /** How many servers (replicas) the box runs, from its settings. */
  replicas(): number;
  /** (Re)reads the node's config and links; called on load, every live edit and restart. */
  configure(): void;
  arrive(call: Call): void;
  resume(call: Call): void;
  childDone(call: Call, child: Call): void;
  timer(code: number): void;
  /** The servers a crash of this box takes down (all of them; a database: its primary). */
  crashes(): readonly Server[];
  /** A server of this node crashed: drop what it held in memory. */
  serverDown(server: Server): void;
  /** Kind-specific report figures. */
  figures(out: Record<string, number | string>): void;
  /** Measurement restarts (warmup ends). */
  resetStats(): void;
  /** What waits at this box right now (queued requests, jobs, pool waiters). */
  queueLength(): number;
}

/** Whoever sent a root call (no parent) hears its answer here. */
export interface RootOwner {
  rootDone(call: Call): void;
}

export type BehaviourClass = new (engine: Engine, node: NodeRt) => Behaviour;
