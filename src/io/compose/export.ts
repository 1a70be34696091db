// Diagram → compose.yaml: one service per box that runs as a container (app servers and
// workers from one image built from ./app, with deploy.replicas; Postgres or MySQL, Redis,
// RabbitMQ, MinIO; nginx with its nginx.conf mounted), arrows as depends_on, hosts as
// networks, health checks where the kind has them, and the settings those images really
// read. The `x-playground` block keeps what Compose cannot say, so it imports back exactly.
// Every file passes `docker-compose config` (tested with docker-compose 1.29).

import { Document, isMap, isScalar, type YAMLMap } from 'yaml';
import { KINDS } from '../../model/kinds.ts';
import type { TopologyDocument, TopologyNode } from '../../model/types.ts';
import { encodeData, DATA_KEY } from '../config/data.ts';
import { CONFIG_KINDS, type ComposeService, connections } from '../config/kinds.ts';
import { innermostHost, makePlan, type Plan } from '../config/plan.ts';
import { backendsOf } from '../nginx/export.ts';

export interface ComposeExport {
  text: string;
  plan: Plan;
  /** Things the file could not say, for the README and the dialog. */
  notes: string[];
}

interface Dependency {
  id: string;
  name: string;
  healthy: boolean;
}

/** Who each service depends on: the boxes it calls (a worker: the queue it takes jobs from). */
function dependencies(plan: Plan, notes: string[]): Map<string, Dependency[]> {
  const deps = new Map<string, Dependency[]>();
  const services = new Set(plan.services.map((s) => s.id));
  const reaches = (from: string, to: string): boolean => {
    const seen = new Set<string>();
    const stack = [from];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === to) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const d of deps.get(id) ?? []) stack.push(d.id);
    }
    return false;
  };
  const add = (from: TopologyNode, to: TopologyNode) => {
    if (from.id === to.id || !services.has(from.id) || !services.has(to.id)) return;
    const list = deps.get(from.id) ?? [];
    const name = plan.name.get(to.id)!;
    if (list.some((d) => d.name === name)) return;
    // Compose refuses a circle of depends_on; the link stays in the x-playground data.
    if (reaches(to.id, from.id)) {
      notes.push(
        `${from.label || from.id} → ${to.label || to.id} is not a depends_on: Compose refuses circular dependencies.`,
      );
      return;
    }
    list.push({
      id: to.id,
      name,
      healthy: CONFIG_KINDS[to.kind].service?.(context(plan, to)).healthcheck !== undefined,
    });
    deps.set(from.id, list);
  };
  for (const e of plan.doc.edges) {
    const s = plan.byId.get(e.source);
    const t = plan.byId.get(e.target);
    if (!s || !t) continue;
    if (s.kind === 'queue' && t.kind === 'worker') add(t, s);
    else if (plan.folded.has(t.id)) for (const b of backendsOf(plan, t)) add(s, b);
    else add(s, t);
  }
  return deps;
}

/** Everything a kind's row needs to write its service. */
function context(plan: Plan, node: TopologyNode) {
  const name = plan.name.get(node.id)!;
  const targets = (plan.out.get(node.id) ?? [])
    .map((e) => plan.byId.get(e.target)!)
    .filter((t) => t.kind !== 'group')
    .map((t) => ({ name: plan.name.get(t.id)!, node: t }));
  const checkedBy = (plan.in.get(node.id) ?? [])
    .map((e) => plan.byId.get(e.source)!)
    .find((s) => s.kind === 'lb');
  return {
    node,
    name,
    targets,
    connections: connections({ targets }),
    ...(checkedBy ? { checkedBy } : {}),
    ...(plan.conf.has(node.id) ? { nginxConf: plan.conf.get(node.id)! } : {}),
    volume: `${name}-data`,
  };
}

/** Services reached from outside the stack (users, a CDN) publish their ports. */
function published(plan: Plan, node: TopologyNode): boolean {
  const callers = (plan.in.get(node.id) ?? []).map((e) => plan.byId.get(e.source)!);
  if (callers.some((c) => c.kind === 'client' || c.kind === 'cdn' || c.kind === 'dns')) return true;
  const hasClients = plan.doc.nodes.some((n) => n.kind === 'client');
  return !hasClients && callers.length === 0 && (node.kind === 'proxy' || node.kind === 'lb');
}

const said = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 120);

export function exportCompose(doc: TopologyDocument, plan = makePlan(doc)): ComposeExport {
  const notes: string[] = [];
  const deps = dependencies(plan, notes);
  const hostPorts = new Set<number>();
  const hostPort = (want: number) => {
    let p = want;
    if (hostPorts.has(p)) for (p = want < 1024 ? 8000 + want : want + 1; hostPorts.has(p); p++);
    hostPorts.add(p);
    return p;
  };
  const grouped = plan.network.size > 0;
  const services: Record<string, unknown> = {};
  const volumes: Record<string, Record<string, never>> = {};
  const comments = new Map<string, string>();

  for (const node of plan.services) {
    const row = CONFIG_KINDS[node.kind];
    const ctx = context(plan, node);
    const base: ComposeService = row.service!(ctx);
    const service: Record<string, unknown> = {};
    if (base.image) service.image = base.image;
    if (base.build) {
      service.build = base.build;
      service.image = `${plan.project}-app`;
    }
    if (base.command) service.command = base.command;
    if (base.environment && Object.keys(base.environment).length)
      service.environment = base.environment;
    if (published(plan, node) && row.port !== undefined) {
      const replicas = base.deploy?.replicas ?? 1;
      const container = [row.port];
      if (node.kind === 'proxy' && node.config.tls !== false) container.push(443);
      service.ports = container.map((p) => (replicas > 1 ? `${p}` : `${hostPort(p)}:${p}`));
    }
    const d = deps.get(node.id);
    if (d?.length) {
      service.depends_on = Object.fromEntries(
        d.map((x) => [x.name, { condition: x.healthy ? 'service_healthy' : 'service_started' }]),
      );
    }
    if (grouped) {
      const nets: string[] = [];
      const join = (n: TopologyNode) => {
        const host = innermostHost(plan, n.id);
        const net = host ? plan.network.get(host.id)! : 'default';
        if (!nets.includes(net)) nets.push(net);
      };
      join(node);
      for (const x of d ?? []) join(plan.byId.get(x.id)!);
      service.networks = nets;
    }
    if (base.healthcheck) service.healthcheck = base.healthcheck;
    if (base.volumes) {
      service.volumes = base.volumes;
      for (const v of base.volumes) if (!v.startsWith('.')) volumes[v.split(':')[0]!] = {};
    }
    if (base.deploy) service.deploy = base.deploy;
    const name = ctx.name;
    services[name] = service;
    const replicas = base.deploy?.replicas ?? 1;
    comments.set(
      name,
      `${said(node.label || node.id)}${node.label === KINDS[node.kind].title ? '' : `: ${KINDS[node.kind].title}`}${replicas > 1 ? `, ${replicas} replicas` : ''}`,
    );
  }

  for (const n of doc.nodes) {
    const why = CONFIG_KINDS[n.kind].outside;
    if (why) notes.push(`${n.label || n.id} is not a service: ${why}.`);
    const proxies = plan.folded.get(n.id);
    if (proxies) {
      notes.push(
        `${n.label || n.id} is the upstream block “${plan.name.get(n.id)}” in the nginx.conf of ${proxies.map((p) => p.label || p.id).join(' and ')}.`,
      );
    }
  }

  const file: Record<string, unknown> = { services };
  if (grouped) {
    file.networks = Object.fromEntries([...plan.network.values()].map((net) => [net, {}]));
  }
  if (Object.keys(volumes).length) file.volumes = volumes;
  file[DATA_KEY] = encodeData(doc, (n) =>
    plan.services.includes(n) ? plan.name.get(n.id) : undefined,
  );

  // YAML 1.1, as docker-compose reads it: strings such as `22:22` or `no` get quotes.
  const yaml = new Document(file, { version: '1.1' });
  yaml.commentBefore = [
    ` compose.yaml for “${said(doc.title)}”, written by Backend Playground.`,
    ' Start it with `docker compose up --build`; README.md says what each service is,',
    ' what was mapped from the diagram and what is only a placeholder.',
    ` ${DATA_KEY} at the end keeps the diagram (labels, positions, settings) for re-import.`,
  ].join('\n');
  const root = yaml.contents as YAMLMap;
  const svcMap = root.get('services', true);
  if (isMap(svcMap)) {
    for (const pair of svcMap.items) {
      if (isScalar(pair.key))
        pair.key.commentBefore = ` ${comments.get(String(pair.key.value)) ?? ''}`;
    }
  }
  for (const pair of isMap(svcMap) ? svcMap.items : []) {
    const svc = pair.value;
    if (!isMap(svc)) continue;
    const flow = (node: unknown) => {
      if (node && typeof node === 'object' && 'items' in node)
        (node as { flow?: boolean }).flow = true;
    };
    flow(svc.get('command', true));
    const check = svc.get('healthcheck', true);
    if (isMap(check)) flow(check.get('test', true));
  }
  const data = root.get(DATA_KEY, true);
  if (isMap(data)) {
    for (const key of ['nodes', 'edges']) {
      const seq = data.get(key, true) as { items?: { flow?: boolean }[] } | undefined;
      for (const item of seq?.items ?? []) item.flow = true;
    }
  }
  const text = yaml.toString({ lineWidth: 0, flowCollectionPadding: true });
  return { text, plan, notes };
}
