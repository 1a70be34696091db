// Stage 5 of the import: traffic where the diagram has none. When no box sends requests, a
// Users client is added (marked `addedBy: 'import'`, so the canvas shows it was added and
// it is easy to remove) that calls the diagram's entry boxes: the front-door boxes nothing
// flows into. And users, drawn or added, get requests that follow the routes the diagram
// draws: nginx arrows labelled `/user`, `/orders` get requests for those paths, so every
// route sees traffic instead of failing with no-route. Pure, on the document; the live
// view's "Add a client" uses it too.

import { defaultConfig, KINDS } from '../../model/kinds.ts';
import { runtimeLinks } from '../../model/links.ts';
import { prefixOf } from '../../model/routing.ts';
import type {
  NodeKind,
  Route,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
} from '../../model/types.ts';
import { listNames } from './text.ts';

/** Kinds a request from users can start at. */
const FRONT_DOORS: ReadonlySet<NodeKind> = new Set(['proxy', 'lb', 'cdn', 'app', 'queue', 'dns']);
/** Among them, the ones that are front doors by nature. */
const GATEWAYS: ReadonlySet<NodeKind> = new Set(['proxy', 'lb', 'cdn', 'dns']);

/** Does any box send requests? (A client with somewhere to send them.) */
export function hasTraffic(doc: TopologyDocument): boolean {
  const clients = new Set(doc.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  if (clients.size === 0) return false;
  return runtimeLinks(doc).some((l) => clients.has(l.source));
}

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
 * Paths for users reaching the boxes from `clientId`: nginx arrows labelled with a path
 * prefix get GET and POST requests for that path (three reads to one write), an nginx
 * that also has a default arrow gets `/` too, a CDN in front gets its static files. Null
 * when no nginx on the way routes by path (the kind's usual requests do then).
 */
export function routesFor(doc: TopologyDocument, clientId: string): Route[] | null {
  const links = runtimeLinks(doc);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = new Map<string, typeof links>();
  for (const l of links) {
    const list = out.get(l.source) ?? [];
    list.push(l);
    out.set(l.source, list);
  }
  const prefixes: string[] = [];
  let fallback = false;
  let staticPrefix: string | null = null;
  const seen = new Set([clientId]);
  const queue = [clientId];
  while (queue.length) {
    const id = queue.shift()!;
    const node = byId.get(id);
    const mine = out.get(id) ?? [];
    if (node?.kind === 'proxy') {
      for (const l of mine) {
        const p = prefixOf(l.label);
        if (p === null) fallback = true;
        else if (!prefixes.includes(p)) prefixes.push(p);
      }
    }
    for (const l of mine) {
      const t = byId.get(l.target);
      if (id === clientId && t?.kind === 'cdn' && staticPrefix === null) {
        const sp = t.config.staticPrefix;
        staticPrefix = typeof sp === 'string' && sp.startsWith('/') ? sp : '/static';
      }
      if (!seen.has(l.target)) {
        seen.add(l.target);
        queue.push(l.target);
      }
    }
  }
  if (prefixes.length === 0) return null;
  const routes: Route[] = [];
  if (fallback && !prefixes.includes('/')) prefixes.push('/');
  for (const p of prefixes) {
    routes.push({ method: 'GET', path: p, weight: 3 });
    routes.push({ method: 'POST', path: p, weight: 1 });
  }
  if (staticPrefix !== null) {
    routes.push({ method: 'GET', path: `${staticPrefix.replace(/\/$/, '')}/app.js`, weight: 1 });
  }
  return routes;
}

export interface Traffic {
  doc: TopologyDocument;
  /** The Users box added, if one was. */
  added: TopologyNode | null;
  /** What was done, in plain words (empty when nothing was). */
  notes: string[];
}

/**
 * Adds a Users client calling the entry boxes when nothing sends requests (and `add` is
 * not false); gives `fit` clients (and the added one) requests that follow the diagram's
 * routes. Returns the same document when there is nothing to do.
 */
export function withTraffic(
  doc: TopologyDocument,
  opts: { add?: boolean; fit?: readonly string[] } = {},
): Traffic {
  const notes: string[] = [];
  let next = doc;
  let added: TopologyNode | null = null;
  const name = (id: string) => {
    const n = doc.nodes.find((x) => x.id === id);
    return n ? n.label || n.id : id;
  };
  if (opts.add !== false && !hasTraffic(doc)) {
    const entries = entryBoxes(doc);
    if (entries.length) {
      const ids = new Set(doc.nodes.map((n) => n.id));
      const id = freshId('users', ids);
      added = {
        id,
        kind: 'client',
        label: KINDS.client.defaultLabel,
        position: { x: 0, y: 0 },
        config: defaultConfig('client'),
        addedBy: 'import',
      };
      const edgeIds = new Set(doc.edges.map((e) => e.id));
      const edges: TopologyEdge[] = entries.map((t) => {
        const eid = freshId(`e-${id}-${t}`, edgeIds);
        edgeIds.add(eid);
        return { id: eid, source: id, target: t };
      });
      next = { ...doc, nodes: [added, ...doc.nodes], edges: [...edges, ...doc.edges] };
      notes.push(
        `Nothing in the diagram sends requests, so a Users box was added that calls ${listNames(entries.map(name))}, so that it runs. Remove it if your diagram gets its traffic elsewhere.`,
      );
    }
  }
  const fit = [...(opts.fit ?? []), ...(added ? [added.id] : [])];
  for (const id of fit) {
    const routes = routesFor(next, id);
    const node = next.nodes.find((n) => n.id === id);
    if (!routes || node?.kind !== 'client') continue;
    next = {
      ...next,
      nodes: next.nodes.map((n) => (n.id === id ? { ...n, config: { ...n.config, routes } } : n)),
    };
    if (id === added?.id) continue;
    const paths = routes.filter((r) => r.method === 'GET').map((r) => r.path);
    notes.push(`${name(id)} asks for ${listNames(paths)}: the paths the diagram routes.`);
  }
  if (added) added = next.nodes.find((n) => n.id === added!.id) ?? added;
  return { doc: next, added, notes };
}
