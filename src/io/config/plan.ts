// The shape of the stack a diagram becomes, shared by the Compose and nginx exports: which
// boxes run as containers and under which service names, which load balancers are written
// as `upstream` blocks inside the nginx in front of them, which hosts become networks, and
// what each nginx routes where.

import type { TopologyDocument, TopologyEdge, TopologyNode } from '../../model/types.ts';
import { isOutside } from './kinds.ts';
import { serviceName, slug, unique } from './names.ts';

/**
 * An edge label as the engine's nginx reads it (src/sim/behaviours/proxy.ts `prefixOf`):
 * "/api", "api/*" → "/api"; a label that is not a path → null (the default route).
 */
export function routePrefix(label: string | undefined): string | null {
  let p = (label ?? '').trim();
  if (p === '') return null;
  if (p.endsWith('*')) p = p.slice(0, -1);
  if (!p.startsWith('/')) return null;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** One `location` of an nginx: the path as written and the boxes it sends requests to. */
export interface Route {
  /** The engine's prefix; null for the default route (`location /`). */
  prefix: string | null;
  /** The path as the label wrote it (`/api/`), or `/` for the default route. */
  path: string;
  targets: TopologyNode[];
}

export interface Plan {
  doc: TopologyDocument;
  /** The project name: the title as a Compose project name. */
  project: string;
  byId: Map<string, TopologyNode>;
  /** A name for every box (hosts excepted): its service name, upstream name or variable. */
  name: Map<string, string>;
  /** Boxes that run as containers, in document order. */
  services: TopologyNode[];
  /** Load balancers written inside the nginx in front of them: lb id → those proxies. */
  folded: Map<string, TopologyNode[]>;
  /** Boxes that get an nginx.conf of their own (proxies, load balancers that are services). */
  nginx: TopologyNode[];
  /** The conf file of each of those, relative to the bundle (`nginx/nginx.conf`). */
  conf: Map<string, string>;
  /** Host id → network name. */
  network: Map<string, string>;
  out: Map<string, TopologyEdge[]>;
  in: Map<string, TopologyEdge[]>;
}

export function innermostHost(plan: Plan, id: string): TopologyNode | undefined {
  const node = plan.byId.get(id);
  const parent = node?.parent ? plan.byId.get(node.parent) : undefined;
  return parent?.kind === 'group' ? parent : undefined;
}

/** An nginx's routes, longest prefix first and the default last, as the engine routes. */
export function routesOf(plan: Plan, proxy: TopologyNode): Route[] {
  const byPrefix = new Map<string | null, Route>();
  for (const e of plan.out.get(proxy.id) ?? []) {
    const target = plan.byId.get(e.target);
    if (!target || target.kind === 'group') continue;
    const prefix = routePrefix(e.label);
    let r = byPrefix.get(prefix);
    if (!r) {
      const written = (e.label ?? '').trim().replace(/\*$/, '');
      r = { prefix, path: prefix === null ? '/' : written, targets: [] };
      byPrefix.set(prefix, r);
    }
    if (!r.targets.includes(target)) r.targets.push(target);
  }
  return [...byPrefix.values()].sort((a, b) => {
    if (a.prefix === null) return 1;
    if (b.prefix === null) return -1;
    return b.prefix.length - a.prefix.length || a.prefix.localeCompare(b.prefix);
  });
}

export function makePlan(doc: TopologyDocument): Plan {
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  const out = new Map<string, TopologyEdge[]>();
  const inn = new Map<string, TopologyEdge[]>();
  for (const e of doc.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    out.set(e.source, [...(out.get(e.source) ?? []), e]);
    inn.set(e.target, [...(inn.get(e.target) ?? []), e]);
  }
  const plan: Plan = {
    doc,
    project: slug(doc.title, 'stack'),
    byId,
    name: new Map(),
    services: [],
    folded: new Map(),
    nginx: [],
    conf: new Map(),
    network: new Map(),
    out,
    in: inn,
  };
  const used = new Set<string>();
  const usedNets = new Set<string>(['default']);
  for (const n of doc.nodes) {
    if (n.kind === 'group') plan.network.set(n.id, unique(slug(n.id, 'net'), usedNets));
    else plan.name.set(n.id, unique(serviceName(n.id), used));
  }

  // A load balancer that only nginx boxes call, each sending it a path of its own, is what
  // nginx itself does with an `upstream`: it goes inside their nginx.conf.
  for (const lb of doc.nodes) {
    if (lb.kind !== 'lb') continue;
    const callers = (inn.get(lb.id) ?? []).map((e) => byId.get(e.source)!);
    if (callers.length === 0 || callers.some((c) => c.kind !== 'proxy')) continue;
    const alone = callers.every((p) =>
      routesOf(plan, p).every((r) => !r.targets.includes(lb) || r.targets.length === 1),
    );
    const backends = (out.get(lb.id) ?? []).map((e) => byId.get(e.target)!);
    // An upstream lists servers: boxes that run as containers of their own.
    const servers =
      backends.length > 0 && backends.every((b) => !isOutside(b.kind) && b.kind !== 'lb');
    if (alone && servers) plan.folded.set(lb.id, [...new Set(callers)]);
  }

  for (const n of doc.nodes) {
    if (n.kind === 'group' || isOutside(n.kind) || plan.folded.has(n.id)) continue;
    plan.services.push(n);
    if (n.kind === 'proxy' || n.kind === 'lb') plan.nginx.push(n);
  }
  const single = plan.nginx.length === 1;
  for (const n of plan.nginx) {
    plan.conf.set(n.id, single ? 'nginx/nginx.conf' : `nginx/${plan.name.get(n.id)}.conf`);
  }
  return plan;
}
