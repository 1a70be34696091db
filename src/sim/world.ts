// The world a run takes place in: the document's boxes (nodes with their replicas and
// behaviours), the links requests take (src/model/links.ts), and the hosts whose cores
// the boxes inside share. A live edit (applyDocument) matches boxes and links by id, so
// survivors keep their state; crashing and restarting a server live here too, for chaos
// and for boxes that a live edit removes.

import { linkGuarded } from '../model/linkSettings.ts';
import { runtimeLinks } from '../model/links.ts';
import type { TopologyDocument } from '../model/types.ts';
import { makeBehaviour } from './behaviours/index.ts';
import type { CallEngine } from './calls.ts';
import { capabilities } from './capabilities.ts';
import { C_DOWN } from './causes.ts';
import type { BehaviourClass } from './engine.ts';
import { LinkPolicy } from './resilience/policy.ts';
import { Resource } from './resource.ts';
import { type Call, EdgeRt, NodeRt, Server } from './runtime.ts';

export class World {
  doc!: TopologyDocument;
  nodes: NodeRt[] = [];
  readonly byId = new Map<string, NodeRt>();
  links: EdgeRt[] = [];
  /** Drawn arrow id → the links travelling along it. */
  private linksByArrow = new Map<string, EdgeRt[]>();
  /** Link identity (arrow, ends, way) → its runtime, so a live edit keeps its state. */
  private linkByKey = new Map<string, EdgeRt>();
  private nextServerUid = 1;
  /** Drawn arrow id → its retries, timeout and breaker (only arrows that have some). */
  readonly policies = new Map<string, LinkPolicy>();

  constructor(
    private readonly engine: CallEngine,
    /** Behaviours for kinds beyond the built-in ones (tests, new kinds). */
    private readonly kinds: Readonly<Record<string, BehaviourClass>> = {},
  ) {}

  /** The links along drawn arrow `id` (chaos cuts them all), or undefined for no arrow. */
  linksOf(id: string): EdgeRt[] | undefined {
    return this.linksByArrow.get(id);
  }

  /** Applies a (new version of the) document without restarting. */
  applyDocument(doc: TopologyDocument): void {
    const now = this.engine.now;
    this.doc = doc;
    const keep = new Set(doc.nodes.map((n) => n.id));
    for (const rt of this.nodes) {
      const next = doc.nodes.find((n) => n.id === rt.id);
      if (!keep.has(rt.id) || (next && next.kind !== rt.kind)) this.removeNode(rt);
    }
    const nodes: NodeRt[] = [];
    for (const n of doc.nodes) {
      let rt = this.byId.get(n.id);
      if (!rt) {
        rt = new NodeRt(n.id, n.kind, n.label, n.config);
        rt.since = now;
        rt.behaviour = makeBehaviour(this.engine, rt, this.kinds);
        rt.caps = capabilities(rt.behaviour.caps);
        this.byId.set(n.id, rt);
      }
      rt.label = n.label;
      rt.config = n.config;
      nodes.push(rt);
    }
    this.nodes = nodes;
    // Hosts: the boxes inside share the host's cores.
    for (const rt of nodes) {
      const host = rt.caps.hostsBoxes;
      if (host === undefined) continue;
      const cores = host.cores();
      if (rt.cores === null) rt.cores = new Resource<Call>(cores, Number.POSITIVE_INFINITY);
      rt.cores.mark(now);
      rt.cores.cap = cores;
    }
    for (const n of doc.nodes) {
      const rt = this.byId.get(n.id)!;
      const parent = n.parent === undefined ? undefined : this.byId.get(n.parent);
      rt.host = rt.cores === null && parent?.cores ? parent.cores : null;
    }
    this.link(doc);
    // Replicas.
    for (const rt of nodes) {
      const want = rt.behaviour.replicas();
      while (rt.servers.length < want) {
        // A scaled box may have replicas booting or draining: their indices are taken.
        const s = new Server(rt, rt.scale?.freeIndex() ?? rt.servers.length);
        s.uid = this.nextServerUid++;
        rt.servers.push(s);
      }
      while (rt.servers.length > want) this.crashServer(rt.servers.pop()!);
    }
    for (const rt of nodes) rt.behaviour.configure();
  }

  /** Links (src/model/links.ts), keeping runtime state (a cut) for links that survive. */
  private link(doc: TopologyDocument): void {
    const links: EdgeRt[] = [];
    const byKey = new Map<string, EdgeRt>();
    const byArrow = new Map<string, EdgeRt[]>();
    for (const rt of this.nodes) {
      rt.out = [];
      rt.inn = [];
    }
    // Every drawn arrow can be cut, even one that carries nothing (faint, to an empty host).
    for (const e of doc.edges) if (!byArrow.has(e.id)) byArrow.set(e.id, []);
    // Retries, timeouts and breakers, per drawn arrow (a live edit keeps their state).
    const guarded = new Set<string>();
    for (const e of doc.edges) {
      if (!linkGuarded(e)) continue;
      guarded.add(e.id);
      let policy = this.policies.get(e.id);
      if (policy === undefined) {
        policy = new LinkPolicy(e.id);
        this.policies.set(e.id, policy);
      }
      policy.configure(e.config);
    }
    for (const id of [...this.policies.keys()]) if (!guarded.has(id)) this.policies.delete(id);
    for (const l of runtimeLinks(doc)) {
      const e = doc.edges[l.edge]!;
      const source = this.byId.get(l.source);
      const target = this.byId.get(l.target);
      if (!source || !target || source.removed || target.removed) continue;
      const key = keyOf(e.id, l.source, l.target, l.reversed);
      if (byKey.has(key)) continue;
      let rt = this.linkByKey.get(key);
      if (!rt || rt.source !== source || rt.target !== target) {
        rt = new EdgeRt(e.id, l.edge, source, target, l.label);
        // A new link made along an arrow that is cut (a box added to a host) is cut too.
        if (l.via !== 'drawn') rt.cut = this.linksByArrow.get(e.id)?.some((x) => x.cut) ?? false;
      }
      rt.index = l.edge;
      rt.hop = l.reversed ? ~l.edge : l.edge;
      rt.reversed = l.reversed;
      rt.turn = l.turn;
      rt.label = l.label;
      rt.policy = this.policies.get(e.id) ?? null;
      links.push(rt);
      byKey.set(key, rt);
      byArrow.get(e.id)!.push(rt);
      source.out.push(rt);
      target.inn.push(rt);
    }
    for (const old of this.links) {
      if (byKey.get(keyOf(old.id, old.source.id, old.target.id, old.reversed)) !== old) {
        old.index = -1;
      }
    }
    this.links = links;
    this.linksByArrow = byArrow;
    this.linkByKey = byKey;
  }

  private removeNode(rt: NodeRt): void {
    for (const s of rt.servers) this.crashServer(s);
    rt.removed = true;
    this.byId.delete(rt.id);
  }

  /** A server goes down: its queue fails with 'down' and its box forgets what it held. */
  crashServer(s: Server): void {
    if (!s.up) return;
    s.up = false;
    s.epoch++;
    const w = s.workers;
    let queued: Call[] = [];
    if (w !== null) {
      w.mark(this.engine.now);
      w.releaseAll();
      queued = w.clear();
    }
    s.node.behaviour.serverDown(s);
    for (const c of queued) {
      c.holdsWorker = false;
      this.engine.fail(c, C_DOWN);
    }
  }

  /** A crashed server comes back empty (its box re-reads its settings). */
  restartServer(s: Server): void {
    if (s.up || s.node.removed || !s.node.servers.includes(s)) return;
    s.up = true;
    s.workers?.mark(this.engine.now);
    s.node.behaviour.configure();
  }

  /** A node and, for a host, every box inside it (crashing a machine stops what runs on it). */
  withContents(node: NodeRt): NodeRt[] {
    if (node.caps.hostsBoxes === undefined) return [node];
    const inside = new Set<string>([node.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const n of this.doc.nodes) {
        if (n.parent !== undefined && inside.has(n.parent) && !inside.has(n.id)) {
          inside.add(n.id);
          grew = true;
        }
      }
    }
    return this.nodes.filter((n) => inside.has(n.id));
  }
}

function keyOf(arrow: string, source: string, target: string, reversed: boolean): string {
  return `${arrow}\u0000${source}\u0000${target}\u0000${reversed ? 1 : 0}`;
}
