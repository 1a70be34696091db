// What the arrows of a document mean when requests run: the links between boxes that the
// engine uses, each travelling along one drawn arrow. One table for the engine, the live
// view's reachability and the Mermaid importer, so "where can a request go" means the same
// thing everywhere.
//
// - A plain arrow A → B is one link A → B.
// - A faint arrow (Mermaid's `A ~~~ B`) only places boxes: no link.
// - An arrow into a host goes to the host's *entry* boxes (those no box inside it feeds),
//   taking turns; an arrow out of a host leaves from its *exit* boxes (the boxes inside that
//   send, where the work inside ends). Hosts inside hosts resolve the same way.
// - A box with an arrow to DNS also gets links to the boxes DNS's arrows point at (what the
//   name resolves to), travelling along those arrows; DNS → DNS chains are followed. A
//   client looks the name up first (its link to DNS), any other box calls them directly.
// - A two-way arrow between a queue and a box that is not a queue is used both ways: the
//   box publishes to the queue and consumes its messages. Other two-way arrows carry
//   requests in the direction written (answers come back on their own).
//
// For a document with none of these, links are the arrows one for one, in order.

import { KIND_DECLS } from '../kinds/index.ts';
import {
  NODE_KINDS,
  type NodeKind,
  type TopologyDocument,
  type TopologyEdge,
  type TopologyNode,
} from './types.ts';

export interface Link {
  /** Index in `doc.edges` of the drawn arrow this link travels along. */
  edge: number;
  source: string;
  target: string;
  /** The request travels the drawn arrow backwards (target → source). */
  reversed: boolean;
  /**
   * Links sharing a turn number ≥ 0 came from one arrow that fans out (into a host, or
   * through DNS to several boxes): a box calls one of them per request, in turn. -1: none.
   */
  turn: number;
  /** The label that routes this link (nginx path prefixes): the first arrow's label. */
  label: string;
  /** How the link was made: drawn as is, through a host, through DNS, or a two-way arrow's way back. */
  via: 'drawn' | 'host' | 'dns' | 'back';
}

/** Kinds that never receive a request: they only send. */
const SENDS_ONLY: ReadonlySet<NodeKind> = new Set(
  NODE_KINDS.filter((k) => KIND_DECLS[k].role === 'sends'),
);
/** Kinds that only answer: they never send a request on. */
const ANSWERS_ONLY: ReadonlySet<NodeKind> = new Set(
  NODE_KINDS.filter((k) => KIND_DECLS[k].role === 'answers'),
);

/** The boxes (not hosts) inside a host, at any depth, in document order. */
export function hostMembers(doc: TopologyDocument, hostId: string): TopologyNode[] {
  return membersIndex(doc).boxes.get(hostId) ?? [];
}

interface MembersIndex {
  byId: Map<string, TopologyNode>;
  /** Host id → every box inside it, at any depth. */
  boxes: Map<string, TopologyNode[]>;
  /** Host id → every node inside it (boxes and hosts), at any depth. */
  inside: Map<string, Set<string>>;
}

function membersIndex(doc: TopologyDocument): MembersIndex {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const boxes = new Map<string, TopologyNode[]>();
  const inside = new Map<string, Set<string>>();
  for (const n of doc.nodes) if (n.kind === 'group') inside.set(n.id, new Set());
  for (const n of doc.nodes) {
    const seen = new Set<string>([n.id]);
    for (let p = n.parent; p !== undefined && !seen.has(p); p = byId.get(p)?.parent) {
      seen.add(p);
      const set = inside.get(p);
      if (!set) break;
      set.add(n.id);
      if (n.kind !== 'group') {
        const list = boxes.get(p) ?? [];
        list.push(n);
        boxes.set(p, list);
      }
    }
  }
  return { byId, boxes, inside };
}

/** True when `id` is `hostId` or sits inside it at any depth. */
function within(index: MembersIndex, id: string, hostId: string): boolean {
  return id === hostId || (index.inside.get(hostId)?.has(id) ?? false);
}

/**
 * The boxes a request entering a host goes to: boxes inside it that can receive and that
 * no arrow from inside the host feeds; the first box that can receive when every one is
 * fed (a loop).
 */
export function hostEntries(doc: TopologyDocument, hostId: string): string[] {
  return entriesOf(doc, membersIndex(doc), hostId);
}

/** The boxes a request leaves a host from: boxes inside that send and feed no sender inside. */
export function hostExits(doc: TopologyDocument, hostId: string): string[] {
  return exitsOf(doc, membersIndex(doc), hostId);
}

function entriesOf(doc: TopologyDocument, index: MembersIndex, hostId: string): string[] {
  const members = (index.boxes.get(hostId) ?? []).filter((n) => !SENDS_ONLY.has(n.kind));
  if (members.length === 0) return [];
  const fed = (box: TopologyNode) =>
    doc.edges.some(
      (e) =>
        !e.faint &&
        e.source !== hostId &&
        e.source !== box.id &&
        within(index, e.source, hostId) &&
        (e.target === box.id ||
          (index.byId.get(e.target)?.kind === 'group' &&
            e.target !== hostId &&
            within(index, e.target, hostId) &&
            within(index, box.id, e.target))),
    );
  const list = members.filter((n) => !fed(n));
  return (list.length ? list : members.slice(0, 1)).map((n) => n.id);
}

function exitsOf(doc: TopologyDocument, index: MembersIndex, hostId: string): string[] {
  const senders = (index.boxes.get(hostId) ?? []).filter((n) => !ANSWERS_ONLY.has(n.kind));
  if (senders.length === 0) return [];
  const senderIds = new Set(senders.map((n) => n.id));
  const feedsSender = (box: TopologyNode) =>
    doc.edges.some((e) => {
      if (e.faint || e.source !== box.id || e.target === box.id) return false;
      if (senderIds.has(e.target)) return true;
      // An arrow to a host inside this one feeds the senders inside that host.
      const t = index.byId.get(e.target);
      return (
        t?.kind === 'group' &&
        e.target !== hostId &&
        within(index, e.target, hostId) &&
        (index.boxes.get(e.target) ?? []).some((m) => senderIds.has(m.id) && m.id !== box.id)
      );
    });
  const list = senders.filter((n) => !feedsSender(n));
  return (list.length ? list : senders).map((n) => n.id);
}

/**
 * Does any box send requests? (A client with somewhere to send them.) The live view asks
 * on every figures update, the Mermaid import before it adds users.
 */
export function hasTraffic(doc: TopologyDocument): boolean {
  const clients = new Set(doc.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  if (clients.size === 0) return false;
  return runtimeLinks(doc).some((l) => clients.has(l.source));
}

/** Every link the engine uses, in the order of the arrows they travel along. */
export function runtimeLinks(doc: TopologyDocument): Link[] {
  const index = membersIndex(doc);
  const kindOf = (id: string) => index.byId.get(id)?.kind;
  const isHost = (id: string) => kindOf(id) === 'group';
  const cached = (cache: Map<string, string[]>, find: typeof entriesOf) => (id: string) => {
    const hit = cache.get(id);
    if (hit) return hit;
    const list = find(doc, index, id);
    cache.set(id, list);
    return list;
  };
  const entries = cached(new Map(), entriesOf);
  const exits = cached(new Map(), exitsOf);

  // 1. Arrows as drawn, hosts resolved into the boxes inside.
  const base: Link[] = [];
  doc.edges.forEach((e, i) => {
    if (e.faint || !index.byId.has(e.source) || !index.byId.has(e.target)) return;
    const sources = isHost(e.source) ? exits(e.source) : [e.source];
    const targetIsHost = isHost(e.target);
    const viaHost = targetIsHost || isHost(e.source);
    for (const s of sources) {
      // A box pointing at the host it sits in would point at itself, or into a loop.
      const targets = targetIsHost
        ? entries(e.target).filter((t) => t !== s && !within(index, s, e.target))
        : [e.target];
      const turn = targets.length > 1 ? i : -1;
      for (const t of targets) {
        if (s === t && viaHost) continue;
        base.push(link(e, i, s, t, false, turn, viaHost ? 'host' : 'drawn'));
      }
    }
  });

  // 2. Through DNS: a box with a link to DNS also reaches what DNS's arrows point at.
  const outOf = new Map<string, Link[]>();
  for (const l of base) {
    const list = outOf.get(l.source) ?? [];
    list.push(l);
    outOf.set(l.source, list);
  }
  const resolves = (dns: string): Link[] => {
    const out: Link[] = [];
    const seen = new Set<string>();
    const visit = (d: string) => {
      if (seen.has(d)) return;
      seen.add(d);
      for (const l of outOf.get(d) ?? []) {
        const k = kindOf(l.target);
        if (k === 'dns') visit(l.target);
        else if (k !== undefined && !SENDS_ONLY.has(k) && !out.some((x) => x.target === l.target)) {
          out.push(l);
        }
      }
    };
    visit(dns);
    return out;
  };
  const withDns: Link[] = [];
  const pairs = new Set(base.map((l) => `${l.source}\u0000${l.target}`));
  for (const l of base) {
    withDns.push(l);
    if (kindOf(l.target) !== 'dns' || kindOf(l.source) === 'dns') continue;
    const resolved = resolves(l.target).filter((r) => r.target !== l.source);
    const turn = resolved.length > 1 ? l.edge : -1;
    for (const r of resolved) {
      const key = `${l.source}\u0000${r.target}`;
      if (pairs.has(key)) continue;
      pairs.add(key);
      withDns.push({
        edge: r.edge,
        source: l.source,
        target: r.target,
        reversed: false,
        turn,
        label: l.label || r.label,
        via: 'dns',
      });
    }
  }

  // 3. Two-way arrows with a queue at one end: the other end also consumes its messages.
  const out: Link[] = [];
  for (const l of withDns) {
    out.push(l);
    const e = doc.edges[l.edge]!;
    if (!e.twoWay || l.via === 'dns') continue;
    const sk = kindOf(l.source);
    const tk = kindOf(l.target);
    if ((sk === 'queue') === (tk === 'queue')) continue;
    out.push({ ...l, source: l.target, target: l.source, reversed: true, turn: -1, via: 'back' });
  }
  return out;
}

function link(
  e: TopologyEdge,
  i: number,
  source: string,
  target: string,
  reversed: boolean,
  turn: number,
  via: Link['via'],
): Link {
  return { edge: i, source, target, reversed, turn, label: e.label ?? '', via };
}
