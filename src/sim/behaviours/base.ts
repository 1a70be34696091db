// What every behaviour starts from: the engine and its node, typed config readers, workers
// (a station) per server, and the defaults (one server, answer at once, pass a child's
// outcome up, offer nothing to neighbours).

import {
  booleanOf,
  KINDS,
  numberOf,
  type SharedBooleanKey,
  type SharedNumberKey,
  type SharedRoutesKey,
  type SharedStringKey,
  type NumberKey,
  type StringKey,
  type BooleanKey,
  stringOf,
} from '../../model/kinds.ts';
import type { NodeKind, Route } from '../../model/types.ts';
import type { Capabilities } from '../capabilities.ts';
import type { Behaviour, Engine } from '../engine.ts';
import { Resource } from '../resource.ts';
import type { Call, NodeRt, Server } from '../runtime.ts';

/** Settings already checked against the kinds table (src/model/kinds.ts), as kind.key. */
const checked = new Set<string>();

/**
 * A behaviour may only read settings its kind declares, with the declared type: a
 * misspelt key throws in every test that runs the kind instead of reading a silent 0.
 */
function declared(
  kind: NodeKind,
  key: string,
  type: 'number' | 'string' | 'boolean' | 'routes',
): void {
  const id = `${kind}.${key}`;
  if (checked.has(id)) return;
  const f = KINDS[kind]?.fields.find((x) => x.key === key);
  const is = f?.type === 'enum' || f?.type === 'text' ? 'string' : f?.type;
  if (is !== type) throw new Error(`engine: ${kind} declares no ${type} setting "${key}"`);
  checked.add(id);
}

/**
 * `K` is the kind (or kinds, for a base several share) whose settings it reads: `num`,
 * `str`, `bool` and `routes` take only keys those kinds declare, so a misspelt key does not
 * compile (and, for a behaviour typed loosely, still throws when it runs).
 */
export abstract class BaseBehaviour<K extends NodeKind = NodeKind> implements Behaviour {
  /** What this box offers the boxes linked to it (capabilities.ts); nothing by default. */
  readonly caps: Capabilities = {};

  constructor(
    protected readonly sim: Engine,
    protected readonly node: NodeRt,
  ) {}

  replicas(): number {
    return 1;
  }

  configure(): void {}

  arrive(call: Call): void {
    this.sim.respond(call);
  }

  resume(call: Call): void {
    this.sim.respond(call);
  }

  childDone(call: Call, child: Call): void {
    if (child.ok) this.sim.respond(call);
    else this.sim.propagate(call, child.cause);
  }

  timer(_code: number): void {}

  crashes(): readonly Server[] {
    return this.node.servers;
  }

  serverDown(_server: Server): void {}

  figures(_out: Record<string, number | string>): void {}

  resetStats(): void {}

  queueLength(): number {
    let n = 0;
    for (const s of this.node.servers) if (s.workers !== null) n += s.workers.waiting;
    return n;
  }

  /** A number setting of this kind (its default when the document lacks it). */
  protected num(key: SharedNumberKey<K> & string): number {
    declared(this.node.kind, key, 'number');
    return numberOf<NodeKind>(this.node.kind, this.node.config, key as NumberKey<NodeKind>);
  }

  /** An enum or text setting of this kind. */
  protected str(key: SharedStringKey<K> & string): string {
    declared(this.node.kind, key, 'string');
    return stringOf<NodeKind>(this.node.kind, this.node.config, key as StringKey<NodeKind>);
  }

  /** A boolean setting of this kind. */
  protected bool(key: SharedBooleanKey<K> & string): boolean {
    declared(this.node.kind, key, 'boolean');
    return booleanOf<NodeKind>(this.node.kind, this.node.config, key as BooleanKey<NodeKind>);
  }

  /** A list of routes setting of this kind (a client's traffic mix); none when missing. */
  protected routes(key: SharedRoutesKey<K> & string): readonly Route[] {
    declared(this.node.kind, key, 'routes');
    const raw = this.node.config[key];
    return Array.isArray(raw) ? (raw as Route[]) : [];
  }

  /** Gives every server its workers and their queue, resized to the current config. */
  protected stations(cap: number, limit: number): void {
    for (const s of this.node.servers) {
      if (s.workers === null) {
        s.workers = new Resource<Call>(cap, limit);
        s.workers.last = this.sim.now;
      } else {
        s.workers.mark(this.sim.now);
        s.workers.cap = cap;
        s.workers.limit = limit;
        if (s.up) this.sim.startQueued(s.workers);
      }
    }
  }
}
