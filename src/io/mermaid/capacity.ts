// How much traffic an imported diagram takes comfortably, estimated on paper (the import
// cannot run the engine): follow one request from the users through the links (how often
// each box is visited), estimate how long each box holds a worker for a visit (its own
// work plus the calls it waits for), and so how many visits per second it can serve.
// The users then send what keeps the busiest box at about half its capacity, so an
// imported diagram starts healthy and the learner can turn the traffic up to find the
// bottleneck. Rough on purpose: queueing, caches and pools are left out.

import { booleanOf, type NumberKey, numberOf } from '../../model/kinds.ts';
import { type Link, runtimeLinks } from '../../model/links.ts';
import { prefixOf } from '../../model/routing.ts';
import type { NodeKind, TopologyDocument, TopologyNode } from '../../model/types.ts';

/** The most an imported diagram's users send, in all (the kind's own default). */
export const MAX_IMPORT_RPS = 20;
/** The busiest box runs at about this share of its capacity. */
const TARGET_UTILIZATION = 0.5;
/** Share of requests that write (the routes fitted to a diagram: one POST to three GETs). */
const WRITE_SHARE = 0.25;
const MAX_DEPTH = 24;

const HANDLERS = new Set(['app', 'worker']);
const NEVER_CALLED = new Set(['client', 'cron', 'dns', 'group']);

/** Links leaving each box, links of one fanned-out arrow grouped (one of them is taken). */
function choices(links: readonly Link[]): Map<string, Link[][]> {
  const out = new Map<string, Link[][]>();
  for (const l of links) {
    const list = out.get(l.source) ?? [];
    const same = l.turn >= 0 ? list.find((g) => g[0]!.turn === l.turn) : undefined;
    if (same) same.push(l);
    else list.push([l]);
    out.set(l.source, list);
  }
  return out;
}

/**
 * Requests per second the given clients can send together while every box stays at
 * about half its capacity, at most MAX_IMPORT_RPS.
 */
export function comfortableRate(doc: TopologyDocument, clients: readonly string[]): number {
  if (clients.length === 0) return MAX_IMPORT_RPS;
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = choices(runtimeLinks(doc));
  const node = (id: string) => byId.get(id);

  // How long a visit to a box takes, as its caller waits for it (ms).
  const times = new Map<string, number>();
  const time = (id: string, depth = 0): number => {
    const cached = times.get(id);
    if (cached !== undefined) return cached;
    const n = node(id);
    if (!n || depth > MAX_DEPTH) return 0;
    times.set(id, 0); // a loop adds nothing more
    const t = ownTime(n) + waits(n, depth);
    times.set(id, t);
    return t;
  };
  const waits = (n: TopologyNode, depth: number): number => {
    const groups = out.get(n.id) ?? [];
    const avg = (g: Link[]) => g.reduce((s, l) => s + time(l.target, depth + 1), 0) / g.length;
    switch (n.kind) {
      case 'app':
      case 'worker':
        // Calls to everything but queues (a publish does not wait for its job).
        return groups
          .filter((g) => node(g[0]!.target)?.kind !== 'queue')
          .reduce((s, g) => s + avg(g), 0);
      case 'proxy':
      case 'lb':
      case 'cdn': {
        const all = groups.flat();
        return all.length ? all.reduce((s, l) => s + time(l.target, depth + 1), 0) / all.length : 0;
      }
      default:
        return 0;
    }
  };

  // Visits per request sent, by box: the requests spread level by level along the links
  // (how each kind passes them on), all paths of one length at once.
  const calls = new Map<string, Set<string>>();
  for (const [id, groups] of out) calls.set(id, new Set(groups.flat().map((l) => l.target)));
  const shares = (id: string): [string, number][] => {
    const n = node(id);
    if (!n) return [];
    // Nothing flows into clients, cron or DNS; no box calls back the one calling it.
    const groups = (out.get(id) ?? []).filter((g) => {
      const t = node(g[0]!.target);
      if (t === undefined || NEVER_CALLED.has(t.kind)) return false;
      return !(HANDLERS.has(n.kind) && calls.get(g[0]!.target)?.has(id));
    });
    if (groups.length === 0) return [];
    const result: [string, number][] = [];
    const spread = (g: Link[], share: number) => {
      for (const l of g) result.push([l.target, share / g.length]);
    };
    switch (n.kind) {
      case 'client':
      case 'lb':
      case 'queue': {
        // One of the ways, in turn (a queue: one consumer per message).
        const all = groups.flat();
        for (const l of all) result.push([l.target, 1 / all.length]);
        break;
      }
      case 'proxy': {
        // Routes by path: the diagram's routes share the requests.
        const routes = new Map<string, Link[]>();
        for (const l of groups.flat()) {
          const key = prefixOf(l.label) ?? '';
          routes.set(key, [...(routes.get(key) ?? []), l]);
        }
        for (const g of routes.values()) spread(g, 1 / routes.size);
        break;
      }
      case 'cdn':
        for (const g of groups) spread(g, 1 / 2 / groups.length);
        break;
      case 'app':
      case 'worker':
        for (const g of groups) {
          const target = node(g[0]!.target);
          spread(g, target?.kind === 'queue' ? WRITE_SHARE : 1);
        }
        break;
      default:
        break;
    }
    return result;
  };
  const shareOf = new Map<string, [string, number][]>();
  const visits = new Map<string, number>();
  let frontier = new Map<string, number>(clients.map((c) => [c, 1 / clients.length]));
  for (let depth = 0; depth <= MAX_DEPTH && frontier.size > 0; depth++) {
    const next = new Map<string, number>();
    for (const [id, amount] of frontier) {
      visits.set(id, (visits.get(id) ?? 0) + amount);
      const list = shareOf.get(id) ?? shares(id);
      shareOf.set(id, list);
      for (const [t, f] of list) {
        const v = amount * f;
        if (v >= 1e-6) next.set(t, (next.get(t) ?? 0) + v);
      }
    }
    frontier = next;
  }

  let best = Number.POSITIVE_INFINITY;
  for (const [id, v] of visits) {
    const n = node(id);
    if (!n || v <= 0) continue;
    const cap = capacity(n, time(id), ownTime(n));
    if (Number.isFinite(cap)) best = Math.min(best, cap / v);
  }
  const rate = Math.min(MAX_IMPORT_RPS, best * TARGET_UTILIZATION);
  return niceRate(rate);
}

/** Work a box does itself per visit (ms), besides waiting for its calls. */
function ownTime(n: TopologyNode): number {
  const num = (key: NumberKey<NodeKind>) => numberOf(n.kind, n.config, key);
  switch (n.kind) {
    case 'app':
    case 'worker':
      return num('serviceTimeMs');
    case 'proxy':
      return booleanOf('proxy', n.config, 'tls') ? num('tlsMs') : 0;
    case 'db':
      return num('readMs') * (1 - WRITE_SHARE) + num('writeMs') * WRITE_SHARE;
    case 'cache':
      return num('opMs');
    case 'static':
      return num('readMs');
    case 'external':
      return num('latencyMs');
    case 'dns':
      return 0;
    case 'queue':
      return num('publishMs');
    case 'cdn':
      return num('hitMs');
    default:
      return 0;
  }
}

/** Visits per second a box serves at full use, or Infinity when nothing bounds it. */
function capacity(n: TopologyNode, holdMs: number, ownMs: number): number {
  const num = (key: NumberKey<NodeKind>) => numberOf(n.kind, n.config, key);
  if (HANDLERS.has(n.kind)) {
    const workers = num('concurrency') * Math.max(1, num('replicas'));
    return holdMs > 0 ? (workers * 1000) / holdMs : Number.POSITIVE_INFINITY;
  }
  if (n.kind === 'db' || n.kind === 'static') {
    return holdMs > 0 ? (num('concurrency') * 1000) / holdMs : Number.POSITIVE_INFINITY;
  }
  // nginx holds a worker only for its own work (TLS), not while the upstream answers.
  if (n.kind === 'proxy' && ownMs > 0) return (num('concurrency') * 1000) / ownMs;
  return Number.POSITIVE_INFINITY;
}

/** A round figure a person would pick: 20, 15, 10, 8, 5, 4, 3, 2, 1, 0.5, 0.2, 0.1. */
export function niceRate(rate: number): number {
  for (const r of [20, 15, 10, 8, 5, 4, 3, 2, 1, 0.5, 0.2]) if (rate >= r) return r;
  return 0.1;
}
