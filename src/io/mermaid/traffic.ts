// Stage 5 of the import: traffic where the diagram has none. When no box sends requests, a
// Users client is added (marked `addedBy: 'import'`, so the canvas shows it was added and
// it is easy to remove) that calls the diagram's entry boxes: the front-door boxes nothing
// flows into. And users, drawn or added, get requests that follow the routes the diagram
// draws: nginx arrows labelled `/user`, `/orders` get requests for those paths, so every
// route sees traffic instead of failing with no-route. Pure, on the document; the live
// view's "Add a client" uses it too.

import { KIND_DECLS } from '../../kinds/index.ts';
import { defaultConfig, KINDS } from '../../model/kinds.ts';
import { hasTraffic, runtimeLinks } from '../../model/links.ts';
import { prefixOf } from '../../model/routing.ts';
import {
  NODE_KINDS,
  type NodeKind,
  type Route,
  type TopologyDocument,
  type TopologyEdge,
  type TopologyNode,
} from '../../model/types.ts';
import { comfortableRate, MAX_IMPORT_RPS } from './capacity.ts';
import { listNames } from './text.ts';

/** Kinds a request from users can start at. */
const FRONT_DOORS: ReadonlySet<NodeKind> = new Set(['proxy', 'lb', 'cdn', 'app', 'queue', 'dns']);
/** Kinds that answer and never pass a request on. */
const ANSWERS_ONLY: ReadonlySet<NodeKind> = new Set(
  NODE_KINDS.filter((k) => KIND_DECLS[k].role === 'answers'),
);
/** Among them, the ones that are front doors by nature. */
const GATEWAYS: ReadonlySet<NodeKind> = new Set(['proxy', 'lb', 'cdn', 'dns']);

/**
 * The boxes added users call: boxes that can take requests and that nothing flows into,
 * with arrows of their own (DNS boxes the client then asks). Without any, the gateways
 * (nginx, load balancers, CDNs), else the first app server.
 */
export function entryBoxes(doc: TopologyDocument): string[] {
  const links = runtimeLinks(doc);
  const fed = new Set(links.map((l) => l.target));
  const sends = new Set(links.map((l) => l.source));
  const boxes = doc.nodes.filter((n) => FRONT_DOORS.has(n.kind));
  const sources = boxes.filter((n) => !fed.has(n.id) && (sends.has(n.id) || n.kind !== 'dns'));
  const connected = sources.filter((n) => sends.has(n.id));
  if (connected.length) return connected.map((n) => n.id);
  if (sources.length) return sources.map((n) => n.id);
  const gateways = boxes.filter((n) => GATEWAYS.has(n.kind) && n.kind !== 'dns');
  if (gateways.length) return gateways.map((n) => n.id);
  const app = boxes.find((n) => n.kind === 'app');
  return app ? [app.id] : [];
}

function freshId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  return id;
}

/**
 * Paths for users reaching the boxes from `clientId`: every way a request can be routed
 * by nginx arrows labelled with a path prefix (`/user`, `/api/*`, prefixes nested behind
 * each other) gets a GET and a POST for that path (three reads to one write), an nginx
 * default arrow gets `/`, a CDN in front gets its static files. Null when nothing on the
 * way routes by path (the import's usual requests do then).
 */
export function routesFor(doc: TopologyDocument, clientId: string): Route[] | null {
  const links = runtimeLinks(doc);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = new Map<string, typeof links>();
  for (const l of links) out.set(l.source, [...(out.get(l.source) ?? []), l]);
  const paths: string[] = [];
  let routed = false;
  let staticPrefix: string | null = null;
  const seen = new Set<string>();
  // `base`: the path prefix the requests on this way have ('' = any path).
  const walk = (id: string, base: string, depth: number) => {
    const key = `${id}\u0000${base}`;
    if (seen.has(key) || depth > 32) return;
    seen.add(key);
    const node = byId.get(id);
    const mine = (out.get(id) ?? []).filter((l) => byId.get(l.target)?.kind !== 'client');
    if (node?.kind === 'proxy' && mine.length) {
      const prefixes = mine.map((l) => prefixOf(l.label)).filter((p): p is string => p !== null);
      if (prefixes.length) routed = true;
      for (const l of mine) {
        const p = prefixOf(l.label);
        if (p === null) {
          // The default way: paths that none of the prefixes take.
          walk(l.target, base === '' ? '/' : base, depth + 1);
        } else if (base === '' || base === '/' || p.startsWith(base)) {
          walk(l.target, p, depth + 1);
        } else if (base.startsWith(p)) walk(l.target, base, depth + 1);
      }
      return;
    }
    if (mine.length === 0 || (node?.kind !== 'client' && !PASSES_ON.has(node?.kind ?? 'app'))) {
      if (base !== '' && !paths.includes(base)) paths.push(base);
      return;
    }
    for (const l of mine) {
      const t = byId.get(l.target);
      if (id === clientId && t?.kind === 'cdn' && staticPrefix === null) {
        const sp = t.config.staticPrefix;
        staticPrefix = typeof sp === 'string' && sp.startsWith('/') ? sp : '/static';
      }
      walk(l.target, base, depth + 1);
    }
  };
  walk(clientId, '', 0);
  if (!routed || paths.length === 0) return null;
  const routes: Route[] = [];
  for (const p of paths) {
    routes.push({ method: 'GET', path: p, weight: 3 });
    routes.push({ method: 'POST', path: p, weight: 1 });
  }
  if (staticPrefix !== null) {
    routes.push({
      method: 'GET',
      path: `${(staticPrefix as string).replace(/\/$/, '')}/app.js`,
      weight: 1,
    });
  }
  return routes;
}

/** Kinds whose requests go on to the boxes they point at. */
const PASSES_ON: ReadonlySet<NodeKind> = new Set(['client', 'proxy', 'lb', 'cdn', 'app', 'worker']);

/**
 * "Route 53 → CloudFront → ALB": entries of a diagram that enters at DNS or a CDN passing
 * requests on to servers. A client sends a CDN only its static files and everything else
 * to its other front doors (docs/engine.md), so added Users calling another entry as well
 * would take every request but the files away from the CDN and the servers behind it:
 * they call the DNS and CDN entries only. Returns the entries kept and those left out.
 */
export function throughTheDoor(
  doc: TopologyDocument,
  entries: readonly string[],
): { keep: string[]; left: string[] } {
  const links = runtimeLinks(doc);
  const kindOf = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  const targets = (id: string) => links.filter((l) => l.source === id).map((l) => l.target);
  const forwards = (cdn: string) =>
    targets(cdn).some((t) => kindOf.get(t) !== 'static' && kindOf.get(t) !== 'cdn');
  const doors = entries.flatMap((e) =>
    kindOf.get(e) === 'dns' ? targets(e) : kindOf.get(e) === 'cdn' ? [e] : [],
  );
  const all = [...entries];
  if (!doors.some((d) => kindOf.get(d) === 'cdn' && forwards(d))) return { keep: all, left: [] };
  const isDoor = (e: string) => kindOf.get(e) === 'dns' || kindOf.get(e) === 'cdn';
  return { keep: all.filter(isDoor), left: all.filter((e) => !isDoor(e)) };
}

/** Requests of imported users where the diagram routes nothing by path. */
export const IMPORT_ROUTES: readonly Route[] = [
  { method: 'GET', path: '/api/items', weight: 6 },
  { method: 'POST', path: '/api/orders', weight: 2 },
  { method: 'GET', path: '/static/app.js', weight: 1 },
];

/** Labels saying the box puts messages in, not that it takes them out. */
const WRITES = /\b(publish|produce|send|push|enqueue|emit|write|post|put)/i;

/**
 * "Log Consumer → Kafka": a worker that nothing hands work to (no arrow leads into it)
 * drawn pointing at a queue takes that queue's messages; the arrow is made two-way (the
 * engine's publish-and-consume, see docs/engine.md) so the worker gets its jobs. An arrow
 * labelled as a write ("publishes") is left as drawn.
 */
export function consumersOfQueues(doc: TopologyDocument): {
  doc: TopologyDocument;
  notes: string[];
} {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const fed = new Set(runtimeLinks(doc).map((l) => l.target));
  const turned: string[] = [];
  const edges = doc.edges.map((e) => {
    const s = byId.get(e.source);
    if (
      e.faint ||
      e.twoWay ||
      s?.kind !== 'worker' ||
      byId.get(e.target)?.kind !== 'queue' ||
      fed.has(s.id) ||
      WRITES.test(e.label ?? '')
    ) {
      return e;
    }
    turned.push(`${s.label || s.id} → ${byId.get(e.target)!.label || e.target}`);
    return { ...e, twoWay: true };
  });
  if (turned.length === 0) return { doc, notes: [] };
  return {
    doc: { ...doc, edges },
    notes: [
      `Nothing hands ${turned.length > 1 ? 'these workers' : 'this worker'} jobs, so ${listNames(turned)} ${turned.length > 1 ? 'are' : 'is'} read as taking the queue's messages (made two-way).`,
    ],
  };
}

export interface Traffic {
  doc: TopologyDocument;
  /** The Users box added, if one was. */
  added: TopologyNode | null;
  /** What was done, in plain words (empty when nothing was). */
  notes: string[];
}

/**
 * Boxes no request from `clients` can reach that start a part of the diagram of their
 * own: front-door boxes nothing flows into (Prometheus scraping its exporters, a service
 * drawn alone). Added users call them so that those parts run too.
 */
export function unreachedEntries(doc: TopologyDocument, clients: readonly string[]): string[] {
  const links = runtimeLinks(doc);
  const kindOf = new Map(doc.nodes.map((n) => [n.id, n.kind]));
  // Requests travel only from boxes that pass them on; DNS's arrows say what the clients
  // asking it call next.
  const sending = links.filter(
    (l) => kindOf.get(l.source) === 'dns' || !ANSWERS_ONLY.has(kindOf.get(l.source)!),
  );
  const next = new Map<string, string[]>();
  for (const l of sending) next.set(l.source, [...(next.get(l.source) ?? []), l.target]);
  const reached = new Set<string>(clients);
  const queue = [...clients];
  while (queue.length) {
    for (const t of next.get(queue.shift()!) ?? []) {
      if (!reached.has(t)) {
        reached.add(t);
        queue.push(t);
      }
    }
  }
  // Arrows from boxes that never pass a request on (a database "feeding" Grafana, an
  // external API drawn in the path) bring nothing.
  const fed = new Set(sending.map((l) => l.target));
  return doc.nodes
    .filter(
      (n) => FRONT_DOORS.has(n.kind) && n.kind !== 'dns' && !reached.has(n.id) && !fed.has(n.id),
    )
    .map((n) => n.id);
}

export interface TrafficOptions {
  /** Add Users when nothing sends requests, or some parts get none (default true). */
  add?: boolean;
  /** Clients (by id) whose requests and rate the import sets: those it inferred. */
  fit?: readonly string[];
}

/**
 * Adds a Users client (marked `addedBy: 'import'`) calling the entry boxes when nothing
 * sends requests, and the starts of the parts no client reaches; gives the `fit` clients
 * and the added one requests that follow the diagram's routes, at a rate the diagram takes
 * comfortably (capacity.ts). Returns the same document when there is nothing to do.
 */
export function withTraffic(doc: TopologyDocument, opts: TrafficOptions = {}): Traffic {
  const notes: string[] = [];
  let next = doc;
  let added: TopologyNode | null = null;
  const name = (id: string) => {
    const n = doc.nodes.find((x) => x.id === id);
    return n ? n.label || n.id : id;
  };
  const addUsers = (entries: string[]) => {
    const ids = new Set(next.nodes.map((n) => n.id));
    const id = freshId('users', ids);
    added = {
      id,
      kind: 'client',
      label: KINDS.client.defaultLabel,
      position: { x: 0, y: 0 },
      config: defaultConfig('client'),
      addedBy: 'import',
    };
    const edgeIds = new Set(next.edges.map((e) => e.id));
    const edges: TopologyEdge[] = entries.map((t) => {
      const eid = freshId(`e-${id}-${t}`, edgeIds);
      edgeIds.add(eid);
      return { id: eid, source: id, target: t };
    });
    next = { ...next, nodes: [added, ...next.nodes], edges: [...edges, ...next.edges] };
  };
  if (opts.add !== false) {
    if (!hasTraffic(doc)) {
      const found = entryBoxes(doc);
      const calls = [...found, ...unreachedEntries(doc, found).filter((e) => !found.includes(e))];
      const { keep, left } = throughTheDoor(doc, calls);
      const named = keep.filter((e) => found.includes(e));
      const entries = named.length ? named : keep;
      if (keep.length) {
        addUsers(keep);
        notes.push(
          `Nothing in the diagram sends requests, so a Users box was added that calls ${listNames(entries.map(name))}, so that it runs. Remove it if your diagram gets its traffic elsewhere.`,
        );
      }
      if (left.length) {
        notes.push(
          `The added Users enter through the CDN, so they do not call ${listNames(left.map(name))}: a client sends a CDN only its static files and everything else to its other front doors.`,
        );
      }
    } else {
      const clients = doc.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
      const islands = unreachedEntries(doc, clients);
      if (islands.length) {
        addUsers(islands);
        notes.push(
          `No request from the diagram's clients reaches ${listNames(islands.map(name))}, so a Users box was added that calls ${islands.length > 1 ? 'them' : 'it'}. Remove it to see only the drawn traffic.`,
        );
      }
    }
  }
  const addedId = (added as TopologyNode | null)?.id;
  const fit = [...(opts.fit ?? []), ...(addedId ? [addedId] : [])];
  const setConfig = (id: string, patch: TopologyNode['config']) => {
    next = {
      ...next,
      nodes: next.nodes.map((n) => (n.id === id ? { ...n, config: { ...n.config, ...patch } } : n)),
    };
  };
  for (const id of fit) {
    const node = next.nodes.find((n) => n.id === id);
    if (node?.kind !== 'client') continue;
    const routes = routesFor(next, id);
    if (!routes) {
      // No path routing on the way: the usual requests, one write to three reads, so what
      // writes do (publishing to queues, database writes) shows too.
      setConfig(id, { routes: IMPORT_ROUTES.map((r) => ({ ...r })) });
      continue;
    }
    setConfig(id, { routes });
    if (id === addedId) continue;
    const paths = routes.filter((r) => r.method === 'GET').map((r) => r.path);
    notes.push(`${name(id)} asks for ${listNames(paths)}: the paths the diagram routes.`);
  }
  // A rate every box keeps up with, shared by the clients the import sets; a client with
  // no arrow has nowhere to send and sends nothing.
  const linked = new Set(runtimeLinks(next).map((l) => l.source));
  for (const id of fit) {
    if (!linked.has(id) && next.nodes.some((n) => n.id === id && n.kind === 'client')) {
      setConfig(id, { rps: 0 });
      notes.push(`${name(id)} sends nothing: no arrow leaves it.`);
    }
  }
  const senders = fit.filter(
    (id) => linked.has(id) && next.nodes.some((n) => n.id === id && n.kind === 'client'),
  );
  if (senders.length) {
    const total = comfortableRate(next, senders);
    const each = Math.max(0.1, Math.round((total / senders.length) * 10) / 10);
    for (const id of senders) setConfig(id, { rps: each });
    if (total < MAX_IMPORT_RPS) {
      notes.push(
        `The users send ${formatRate(each * senders.length)} requests/s in all, about half of what the busiest box can take, so the diagram starts healthy: raise the traffic to find its bottleneck.`,
      );
    }
  }
  if (addedId) added = next.nodes.find((n) => n.id === addedId) ?? null;
  return { doc: next, added, notes };
}

function formatRate(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}
