// A database's read replicas (docs/engine.md, "Read replicas"): the box runs one primary
// and `readReplicas` replicas, each a server of its own (its own workers and queue, the
// database's service times). Writes go to the primary; a read goes to a replica with
// probability `share` (a replica drawn at random, so each one sees a Poisson share of the
// reads), otherwise to the primary. A committed write reaches the replicas `lag` later
// (drawn per write); a read a replica answers before the last write to its key has
// arrived there is a stale read. Keys are the ones the app drew from its cache's
// popularity; a query that names none (no cache in front) picks one of `rows` (Zipf).
//
// A crash takes the primary down: writes (and reads meant for it) fail with 'down' until
// the failover time has passed and an up replica is promoted; the box then runs with one
// replica fewer. The old primary comes back (a restart) as a replica; back before the
// promotion, it simply is the primary again.
//
// With no replicas the box is what it always was: one server, no picker, no draws.

import type { Engine } from '../engine.ts';
import { sample, Zipf } from '../rng.ts';
import { type Call, type NodeRt, OP_WRITE, type Server, type ServerPicker } from '../runtime.ts';

/** How reads choose between the replicas and the primary, and how replication lags. */
export interface ReplicaSettings {
  /** Replicas besides the primary. */
  replicas: number;
  /** Mean replication lag, ms. */
  lagMs: number;
  /** Distribution code of the lag (rng.ts distCode). */
  lagDist: number;
  /** Share of reads sent to the replicas, 0..1. */
  share: number;
  /** From the primary's crash to a replica's promotion, ms. */
  failoverMs: number;
  /** Rows a query without a key picks from (Zipf). */
  rows: number;
}

/** The popularity of rows for queries that name no key: a cache's default exponent. */
export const ROWS_ZIPF = 0.99;

export class ReplicaSet implements ServerPicker {
  private s: ReplicaSettings = {
    replicas: 0,
    lagMs: 0,
    lagDist: 0,
    share: 1,
    failoverMs: 0,
    rows: 1,
  };
  /** The server taking writes (down while a failover is under way). */
  primary: Server | null = null;
  /** Up servers other than the primary: where reads for the replicas go. */
  private readers: Server[] = [];
  /** The primary is down and a replica is about to be promoted. */
  promoting = false;
  /** The failover time has passed but no replica was up to promote. */
  private due = false;
  /** Names the pending promotion timer; a newer one voids it. */
  private gen = 0;
  /** When the primary was lost (for the gap until the next committed write). */
  private lostAt = -1;
  /** Key → when its last committed write has reached the replicas. */
  private readonly visibleAt = new Map<number, number>();
  private zipf = new Zipf(1, ROWS_ZIPF);
  // Figures since the last reset.
  replicaReads = 0;
  staleReads = 0;
  failovers = 0;
  /** From losing the primary to the next committed write, ms (the last failover's). */
  writeGapMs = 0;

  constructor(
    private readonly sim: Engine,
    private readonly node: NodeRt,
  ) {}

  get active(): boolean {
    return this.s.replicas > 0;
  }

  /** Settings (re)read; the node's servers already match 1 + replicas. */
  configure(s: ReplicaSettings): void {
    this.s = s;
    if (this.zipf.n !== Math.max(1, s.rows)) this.zipf = new Zipf(Math.max(1, s.rows), ROWS_ZIPF);
    const servers = this.node.servers;
    if (!this.active) {
      this.node.picker = null;
      this.primary = servers[0] ?? null;
      this.promoting = false;
      this.due = false;
      this.gen++;
      this.readers = [];
      return;
    }
    this.node.picker = this;
    if (this.primary === null || !servers.includes(this.primary)) {
      // First run, or the primary was taken away by an edit (its loss started a failover).
      if (this.primary === null) this.primary = servers[0]!;
      else if (!this.promoting) this.lose(this.primary);
    }
    if (this.promoting && this.primary.up && servers.includes(this.primary)) {
      // Back before a replica was promoted: it simply is the primary again.
      this.promoting = false;
      this.due = false;
      this.gen++;
    } else if (this.due) this.promote();
    this.rebuild();
  }

  /** The server of a query that names none: writes to the primary, reads mostly to replicas. */
  pick(call: Call): Server {
    const primary = this.primary!;
    if (call.op === OP_WRITE) return primary;
    const readers = this.readers;
    const n = readers.length;
    const share = this.s.share;
    if (n === 0 || share <= 0) return primary;
    if (share >= 1) return n === 1 ? readers[0]! : readers[Math.floor(this.sim.rng.next() * n)]!;
    const u = this.sim.rng.next();
    if (u >= share) return primary;
    return readers[Math.min(n - 1, Math.floor((u / share) * n))]!;
  }

  /** The key a query is about: the app's, or one of the rows. */
  keyOf(call: Call): number {
    if (call.key === 0) call.key = this.zipf.sample(this.sim.rng);
    return call.key;
  }

  /** A write committed on the primary: it reaches the replicas after the lag. */
  committed(call: Call): void {
    const now = this.sim.now;
    const key = this.keyOf(call);
    const at = now + sample(this.sim.rng, this.s.lagDist, this.s.lagMs);
    const was = this.visibleAt.get(key);
    // Replication applies writes in order: a later write is never seen before an earlier one.
    if (was === undefined || at > was) this.visibleAt.set(key, at);
    if (this.lostAt >= 0) {
      this.writeGapMs = now - this.lostAt;
      this.lostAt = -1;
    }
  }

  /** A read answered: stale when a replica answers it before its key's last write arrived. */
  answered(call: Call): void {
    if (call.server === this.primary) return;
    const key = this.keyOf(call);
    this.replicaReads++;
    const at = this.visibleAt.get(key);
    if (at !== undefined && this.sim.now < at) this.staleReads++;
  }

  /** A server went down: the primary's loss starts a failover; a replica stops taking reads. */
  serverDown(server: Server): void {
    if (!this.active) return;
    if (server === this.primary && !this.promoting) this.lose(server);
    this.rebuild();
  }

  /** What a crash takes down: the primary (while there is one up). */
  crashes(): readonly Server[] {
    if (!this.active) return this.node.servers;
    return this.primary?.up ? [this.primary] : [];
  }

  /** The failover timer fired (`code` names it). */
  timer(code: number): void {
    if (code !== this.gen || !this.promoting) return;
    this.promote();
    this.rebuild();
  }

  private lose(server: Server): void {
    this.promoting = true;
    this.due = false;
    this.lostAt = this.sim.now;
    this.primary = server;
    const gen = ++this.gen;
    if (this.s.failoverMs <= 0) {
      this.promote();
      return;
    }
    this.sim.nodeTimer(this.node, this.sim.now + this.s.failoverMs, gen);
  }

  /** The first up server becomes the primary; with none up, the first to come back will. */
  private promote(): void {
    const next = this.node.servers.find((x) => x.up);
    if (next === undefined) {
      this.due = true;
      return;
    }
    this.primary = next;
    this.promoting = false;
    this.due = false;
    this.gen++;
    this.failovers++;
  }

  private rebuild(): void {
    const readers: Server[] = [];
    for (const x of this.node.servers) if (x.up && x !== this.primary) readers.push(x);
    this.readers = readers;
  }

  figures(out: Record<string, number | string>): void {
    if (!this.active) return;
    out.readReplicas = this.readers.length;
    out.primaryUp = this.primary?.up === true && !this.promoting ? 1 : 0;
    out.promoting = this.promoting ? 1 : 0;
    out.replicaReads = this.replicaReads;
    out.staleReads = this.staleReads;
    out.staleShare = this.replicaReads > 0 ? this.staleReads / this.replicaReads : 0;
    out.failovers = this.failovers;
    out.writeGapMs = this.writeGapMs;
  }

  resetStats(): void {
    this.replicaReads = 0;
    this.staleReads = 0;
    this.failovers = 0;
  }
}
