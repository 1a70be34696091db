// compose.yaml → diagram. Services become boxes by their image (postgres → database,
// redis → cache, rabbitmq/kafka/nats → queue, nginx/traefik → nginx, haproxy → load
// balancer, anything built from source → app server, or worker/cron when its name or
// command says so), depends_on, links and addresses in the environment become arrows,
// deploy.replicas becomes replicas, networks become hosts. Our own export's x-playground
// block gives back ids, labels, kinds, settings and positions exactly. Never throws.

import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type YAMLMap,
} from 'yaml';
import type { NodeKind, TopologyDocument, TopologyEdge, TopologyNode } from '../../model/types.ts';
import { configFromData, DATA_KEY, decodeData, type PlaygroundData } from '../config/data.ts';
import {
  CONFIG_KINDS,
  kindOfImage,
  NAME_ORDER,
  ROLE_ORDER,
  type ServiceView,
} from '../config/kinds.ts';
import { plural, unique } from '../config/names.ts';
import {
  addUsers,
  box,
  type ConfigImportResult,
  type ConfigImportSuccess,
  finish,
  MAX_CONFIG_LENGTH,
} from '../config/result.ts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Service keys whose meaning the diagram takes (or that change nothing in it). */
const MAPPED_KEYS = new Set([
  'image',
  'build',
  'command',
  'entrypoint',
  'environment',
  'depends_on',
  'links',
  'networks',
  'deploy',
  'scale',
  'ports',
  'expose',
  'healthcheck',
  'container_name',
  'hostname',
  'restart',
  'profiles',
  'labels',
  'working_dir',
  'user',
  'stdin_open',
  'tty',
  'init',
  'platform',
  'pull_policy',
  DATA_KEY,
]);

const WHY_UNMAPPED: Record<string, string> = {
  volumes: 'data on disk is not simulated',
  env_file: 'the files are not read here',
  secrets: 'secrets change nothing in the simulation',
  configs: 'mounted configs are not read here',
  logging: 'logs are not simulated',
  ulimits: 'limits of the container are not simulated',
  extends: 'the other file is not read here',
  network_mode: 'the network is not simulated',
  cap_add: 'capabilities are not simulated',
  sysctls: 'kernel settings are not simulated',
};

function words(text: string): string {
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\-./:=]+/g, ' ');
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

function commandOf(raw: Record<string, unknown>): string {
  const part = (v: unknown) =>
    Array.isArray(v) ? v.map((x) => str(x) ?? '').join(' ') : (str(v) ?? '');
  return `${part(raw.entrypoint)} ${part(raw.command)}`.trim();
}

function environmentOf(raw: unknown): Record<string, string> {
  const env: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const s = str(item);
      if (s === undefined) continue;
      const i = s.indexOf('=');
      if (i > 0) env[s.slice(0, i)] = s.slice(i + 1);
      else env[s] = '';
    }
  } else if (isObject(raw)) {
    for (const [k, v] of Object.entries(raw)) env[k] = str(v) ?? '';
  }
  return env;
}

function view(name: string, raw: Record<string, unknown>): ServiceView {
  const v: ServiceView = {
    name,
    command: commandOf(raw),
    environment: environmentOf(raw.environment),
  };
  const image = str(raw.image);
  if (image) v.image = image;
  if (typeof raw.build === 'string') v.build = raw.build;
  else if (isObject(raw.build)) v.build = str(raw.build.context) ?? '.';
  const deploy = isObject(raw.deploy) ? raw.deploy : {};
  if (typeof deploy.replicas === 'number') v.replicas = deploy.replicas;
  else if (typeof raw.scale === 'number') v.replicas = raw.scale;
  return v;
}

/** The kind a service is, and why. */
export function serviceKind(v: ServiceView): { kind: NodeKind; why: string; unknown?: boolean } {
  const byImage = v.image ? kindOfImage(v.image) : null;
  const said = words(`${v.name} ${v.command} ${v.environment.ROLE ?? ''} ${v.build ?? ''}`);
  if (byImage && byImage.kind !== 'app' && byImage.kind !== 'proxy') return byImage;
  if (byImage?.kind === 'proxy') {
    if (CONFIG_KINDS.lb.names!.words.test(words(v.name))) {
      return { kind: 'lb', why: `${byImage.why}, and its name says load balancer` };
    }
    return byImage;
  }
  const from =
    v.build !== undefined ? `built from source (${v.build})` : byImage ? byImage.why : '';
  const base = from || (v.image ? `image ${v.image}` : 'no image');
  for (const kind of ROLE_ORDER) {
    const row = CONFIG_KINDS[kind];
    if (row.names!.words.test(said) || row.command?.test(v.command)) {
      return { kind, why: `${base}; its name or command says it ${row.names!.what}` };
    }
  }
  // Built from source or an image we do not know: its name may still say what it is.
  if (!byImage) {
    // A built service's image is only the tag it gets; its name and folder say what it is.
    const image =
      v.image && v.build === undefined ? v.image.replace(/^.*\//, '').replace(/[:@].*$/, '') : '';
    const named = words(`${v.name} ${image} ${v.build ?? ''}`);
    for (const kind of NAME_ORDER) {
      const rule = CONFIG_KINDS[kind].names!;
      if (rule.words.test(named)) return { kind, why: `${base}; its name says it ${rule.what}` };
    }
  }
  if (from) return { kind: 'app', why: from };
  if (v.image) {
    return {
      kind: 'app',
      why: `image ${v.image} is not one we know: taken as an app server`,
      unknown: true,
    };
  }
  return { kind: 'app', why: 'no image or build: taken as an app server', unknown: true };
}

/** Redis and its look-alikes: a cache by default, but also the broker of job queues. */
const REDIS_FAMILY =
  /(^|\/)(redis|redis-stack[\w-]*|bitnami\/redis|valkey|keydb|dragonfly)([:@]|$)/i;

/**
 * A Redis-family store that is a job queue rather than a cache: its name says broker or
 * queue (`broker: valkey`), or, in a file with no other broker, a worker depends on it or
 * points at it (Celery, RQ, Sidekiq, BullMQ all keep their jobs there), unless its name
 * says cache or it evicts keys (`--maxmemory-policy allkeys-lru`: jobs would be lost).
 * Null when it stays a cache.
 */
export function redisAsQueue(
  name: string,
  image: string | undefined,
  command: string,
  workers: { name: string; targets: Set<string> }[],
  otherBroker: boolean,
): string | null {
  if (!image || !REDIS_FAMILY.test(image.toLowerCase())) return null;
  const said = words(name);
  if (/\b(broker|queue|queues|mq|jobs?)\b/i.test(said)) return 'its name says job queue';
  if (otherBroker || /\b(cache|caching|session|sessions)\b/i.test(said)) return null;
  if (/maxmemory-policy\s+(allkeys|volatile)-/i.test(command)) return null;
  const worker = workers.find((w) => w.targets.has(name));
  return worker ? `worker ${worker.name} takes its jobs from it` : null;
}

/** Service names a service's depends_on and links name. */
function named(raw: Record<string, unknown>): { name: string; via: 'depends_on' | 'links' }[] {
  const out: { name: string; via: 'depends_on' | 'links' }[] = [];
  const add = (name: string, via: 'depends_on' | 'links') => {
    if (!out.some((o) => o.name === name)) out.push({ name, via });
  };
  const deps = raw.depends_on;
  if (Array.isArray(deps)) for (const d of deps) if (typeof d === 'string') add(d, 'depends_on');
  if (isObject(deps)) for (const d of Object.keys(deps)) add(d, 'depends_on');
  if (Array.isArray(raw.links)) {
    for (const l of raw.links) if (typeof l === 'string') add(l.split(':')[0]!, 'links');
  }
  return out;
}

function networksOf(raw: Record<string, unknown>): string[] {
  if (Array.isArray(raw.networks))
    return raw.networks.filter((n): n is string => typeof n === 'string');
  if (isObject(raw.networks)) return Object.keys(raw.networks);
  return [];
}

const HOST_KEY =
  /(HOST|HOSTNAME|HOSTS|ADDR|ADDRESS|SERVER|SERVERS|BROKER|BROKERS|ENDPOINT|NODES)$/i;

/**
 * Host names a service's environment points at: the host of every URL
 * (`postgres://u:p@db:5432/x` → db) and the value of *_HOST-like variables (`REDIS_HOST=cache`).
 */
export function envHosts(env: Record<string, string>): Set<string> {
  const hosts = new Set<string>();
  for (const [key, value] of Object.entries(env)) {
    for (const m of value.matchAll(/[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^:/?#,\s]+)/gi))
      hosts.add(m[1]!);
    if (!value.includes('://') && HOST_KEY.test(key)) {
      for (const part of value.split(/[,\s]+/)) {
        const m = /^([A-Za-z0-9_.-]+)(:\d+)?$/.exec(part);
        if (m) hosts.add(m[1]!);
      }
    }
  }
  return hosts;
}

function yamlError(message: string, line?: number, column?: number): ConfigImportResult {
  const error: { message: string; line?: number; column?: number } = { message };
  if (line !== undefined) error.line = line;
  if (column !== undefined) error.column = column;
  return { ok: false, format: 'compose', error };
}

/** Reads a Docker Compose file. Never throws. */
export async function importCompose(text: string): Promise<ConfigImportResult> {
  try {
    return await importUnsafe(text);
  } catch (err) {
    return yamlError(
      `The compose file could not be imported: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

async function importUnsafe(text: string): Promise<ConfigImportResult> {
  if (typeof text !== 'string' || text.trim() === '') {
    return yamlError(
      'There is nothing to import: paste a compose.yaml (it has a `services:` map).',
    );
  }
  if (text.length > MAX_CONFIG_LENGTH) {
    return yamlError(
      `The text is too long to be a compose file (${text.length.toLocaleString('en')} characters; the limit is ${MAX_CONFIG_LENGTH.toLocaleString('en')}).`,
    );
  }
  const lc = new LineCounter();
  // YAML 1.2 with merge keys (`<<:`): it reads compose files as docker-compose does, where
  // this package's YAML 1.1 would take `build: .` for a number.
  const ydoc = parseDocument(text, {
    lineCounter: lc,
    merge: true,
    prettyErrors: false,
  });
  const problem = ydoc.errors[0];
  if (problem) {
    const at = { ...(problem.linePos?.[0] ?? lc.linePos(problem.pos[0])) };
    // The parser points at the start of a badly indented line: point at what is there.
    const lineText = text.split(/\r?\n/)[at.line - 1] ?? '';
    while (at.col <= lineText.length && /\s/.test(lineText[at.col - 1] ?? '')) at.col++;
    const detail = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return yamlError(`YAML error on line ${at.line}, column ${at.col}: ${detail}`, at.line, at.col);
  }
  const alias = aliasProblem(ydoc, lc);
  if (alias) return yamlError(alias.message, alias.line, alias.col);
  const root: unknown = ydoc.toJS({ maxAliasCount: 10_000 });
  if (!isObject(root)) {
    return yamlError(
      'This is not a Docker Compose file: it should be a map with `services:` at the top.',
    );
  }
  const notes: string[] = [];
  const unmapped: string[] = [];
  let servicesRaw: unknown = root.services;
  if (servicesRaw === undefined) {
    const looksV1 =
      Object.keys(root).length > 0 &&
      Object.values(root).every((v) => isObject(v) && ('image' in v || 'build' in v));
    if (!looksV1) {
      return yamlError(
        'There is no `services:` map, so this is not a Docker Compose file (or it is one we cannot read).',
      );
    }
    servicesRaw = root;
    notes.push('This is a version 1 compose file (services at the top level); read as such.');
  }
  if (!isObject(servicesRaw)) {
    const line = lineOf(ydoc.contents as YAMLMap, 'services', lc);
    return yamlError('`services:` should be a map of service names to their settings.', line);
  }
  const entries = Object.entries(servicesRaw).filter(([name, raw]) => {
    if (isObject(raw)) return true;
    unmapped.push(`${name}: not a service definition (${raw === null ? 'empty' : typeof raw})`);
    return false;
  }) as [string, Record<string, unknown>][];
  if (!entries.length) return yamlError('There are no services to import: `services:` is empty.');

  const notesData: string[] = [];
  const data: PlaygroundData | null =
    servicesRaw === root || root[DATA_KEY] === undefined
      ? null
      : decodeData(root[DATA_KEY], notesData);
  notes.push(...notesData);

  const reasons: Record<string, string> = {};
  const inferred: string[] = [];
  const nodes: TopologyNode[] = [];
  const usedIds = new Set<string>((data?.nodes ?? []).map((n) => n.id));
  const nodeOf = new Map<string, TopologyNode>();
  const views = new Map<string, ServiceView>();
  const unknownKeys = new Map<string, string[]>();
  let missingPosition = false;
  const note = (t: string) => notes.push(t);

  // Kinds first: whether a Redis is a cache or a queue depends on the other services.
  const kinds = new Map<string, ReturnType<typeof serviceKind>>();
  for (const [name, raw] of entries) {
    const v = view(name, raw);
    views.set(name, v);
    kinds.set(name, serviceKind(v));
  }
  const otherBroker = [...kinds.values()].some((k) => k.kind === 'queue');
  const workers = entries
    .filter(([name]) => kinds.get(name)!.kind === 'worker')
    .map(([name, raw]) => ({
      name,
      targets: new Set([
        ...named(raw).map((t) => t.name),
        ...envHosts(views.get(name)!.environment),
      ]),
    }));
  for (const [name, k] of kinds) {
    if (k.kind !== 'cache') continue;
    const v = views.get(name)!;
    const why = redisAsQueue(name, v.image, v.command, workers, otherBroker);
    if (why) kinds.set(name, { kind: 'queue', why: `${k.why}, and ${why}` });
  }

  for (const [name, raw] of entries) {
    const v = views.get(name)!;
    for (const key of Object.keys(raw)) {
      if (MAPPED_KEYS.has(key)) continue;
      unknownKeys.set(key, [...(unknownKeys.get(key) ?? []), name]);
    }
    const saved = data?.nodes.find((n) => n.service === name && n.kind !== 'group');
    let node: TopologyNode;
    if (saved) {
      node = {
        id: saved.id,
        kind: saved.kind,
        label: saved.label,
        position: saved.position,
        config: configFromData(saved, notes),
      };
      if (saved.parent !== undefined) node.parent = saved.parent;
      reasons[node.id] = `service ${name}, as exported (x-playground)`;
    } else {
      const k = kinds.get(name)!;
      node = box(unique(name.slice(0, 190), usedIds), k.kind, name);
      reasons[node.id] = `service ${name}: ${k.why}`;
      inferred.push(node.id);
      missingPosition = true;
      if (k.unknown) notes.push(`${name}: ${k.why}.`);
    }
    CONFIG_KINDS[node.kind].read?.(v, node.config, note);
    nodeOf.set(name, node);
    nodes.push(node);
  }

  // Boxes our export keeps only in its data: users, DNS, CDN, external APIs, load balancers
  // written inside nginx.conf, and the hosts.
  const dataOnly = new Set<string>();
  if (data) {
    const present = new Set(nodes.map((n) => n.id));
    for (const saved of data.nodes) {
      if (saved.service !== undefined || present.has(saved.id)) {
        if (saved.service !== undefined && !nodeOf.has(saved.service)) {
          notes.push(
            `${saved.label || saved.id} is not in the file any more (service ${saved.service}), so it is left out.`,
          );
        }
        continue;
      }
      const node: TopologyNode = {
        id: saved.id,
        kind: saved.kind,
        label: saved.label,
        position: saved.position,
        config: configFromData(saved, notes),
      };
      if (saved.parent !== undefined) node.parent = saved.parent;
      if (saved.size) node.size = saved.size;
      reasons[node.id] =
        saved.kind === 'group'
          ? 'host, as exported (x-playground)'
          : `${CONFIG_KINDS[saved.kind].outside ? 'outside the stack' : 'inside nginx.conf'}, as exported (x-playground)`;
      dataOnly.add(node.id);
      nodes.push(node);
    }
    // Keep the document's order: the export wrote the nodes in it.
    const order = new Map(data.nodes.map((n, i) => [n.id, i]));
    nodes.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
    const ids = new Set(nodes.map((n) => n.id));
    for (const n of nodes) if (n.parent !== undefined && !ids.has(n.parent)) delete n.parent;
  }

  // Arrows.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges: TopologyEdge[] = [];
  const edgeIds = new Set<string>();
  const has = (s: string, t: string) => edges.some((e) => e.source === s && e.target === t);
  if (data) {
    for (const e of data.edges) {
      if (!byId.has(e.source) || !byId.has(e.target) || has(e.source, e.target)) continue;
      edges.push({ ...e });
      edgeIds.add(e.id);
    }
  }
  const explained = (s: TopologyNode, t: TopologyNode): boolean => {
    if (has(s.id, t.id) || has(t.id, s.id)) return true;
    // nginx → a load balancer in its nginx.conf → this server.
    return edges.some(
      (e) =>
        e.source === s.id &&
        byId.get(e.target)?.kind === 'lb' &&
        dataOnly.has(e.target) &&
        has(e.target, t.id),
    );
  };
  const dependencies: NonNullable<ConfigImportSuccess['dependencies']> = [];
  let turned = 0;
  let fromEnv = 0;
  let added = 0;
  for (const [name, raw] of entries) {
    const s = nodeOf.get(name)!;
    const targets: { name: string; via: 'depends_on' | 'links' | 'environment' }[] = named(raw);
    const env = views.get(name)!.environment;
    const hosts = envHosts(env);
    for (const other of nodeOf.keys()) {
      if (other === name || targets.some((t) => t.name === other)) continue;
      if (hosts.has(other)) targets.push({ name: other, via: 'environment' });
    }
    for (const target of targets) {
      const t = nodeOf.get(target.name);
      if (!t || t === s) {
        if (!t) notes.push(`${name} depends on ${target.name}, which is not a service here.`);
        continue;
      }
      if (!dependencies.some((d) => d.from === name && d.to === target.name)) {
        dependencies.push({ from: name, to: target.name, via: target.via });
      }
      if (data && explained(s, t)) continue;
      // A worker depends on its queue, but jobs flow from the queue to the worker.
      const [from, to] = s.kind === 'worker' && t.kind === 'queue' ? [t, s] : [s, t];
      if (from !== s) turned++;
      if (has(from.id, to.id)) continue;
      if (target.via === 'environment') fromEnv++;
      if (data) added++;
      edges.push({ id: unique(`e-${from.id}-${to.id}`, edgeIds), source: from.id, target: to.id });
    }
  }
  if (turned) {
    notes.push(
      `${plural(turned, 'worker')} depending on a queue ${turned === 1 ? 'takes' : 'take'} jobs from it: the arrow goes from the queue to the worker.`,
    );
  }
  if (fromEnv) {
    notes.push(
      `${plural(fromEnv, 'arrow')} ${fromEnv === 1 ? 'comes' : 'come'} from addresses in environment variables (such as DATABASE_URL=…@db:5432).`,
    );
  }
  if (added)
    notes.push(
      `${plural(added, 'arrow')} new in the file (not in its x-playground data) ${added === 1 ? 'was' : 'were'} added.`,
    );

  // Networks become hosts (only without our data, which keeps the hosts exactly).
  if (!data) {
    const groups = new Map<string, TopologyNode>();
    for (const [name, raw] of entries) {
      const net = networksOf(raw).find((n) => n !== 'default');
      if (!net) continue;
      let g = groups.get(net);
      if (!g) {
        g = box(unique(`net-${net}`.slice(0, 190), usedIdsOf(nodes)), 'group', net);
        groups.set(net, g);
        reasons[g.id] = `network ${net}`;
      }
      nodeOf.get(name)!.parent = g.id;
    }
    nodes.unshift(...groups.values());
    if (groups.size) {
      const several = [...entries].filter(
        ([, raw]) => networksOf(raw).filter((n) => n !== 'default').length > 1,
      );
      if (several.length) {
        notes.push(
          `${several.map(([n]) => n).join(', ')} ${several.length === 1 ? 'is' : 'are'} on several networks; each box sits in the host of its first network.`,
        );
      }
    }
  }

  // Users.
  const idle = nodes.filter((n) => n.kind === 'client' && !edges.some((e) => e.source === n.id));
  if (!nodes.some((n) => n.kind === 'client') || idle.length) {
    const called = new Set(edges.map((e) => e.target));
    const score = (n: TopologyNode, raw: Record<string, unknown> | undefined): number => {
      if (n.kind === 'group') return -1;
      const ports = raw && raw.ports !== undefined ? 4 : 0;
      const front =
        n.kind === 'proxy' || n.kind === 'lb' || n.kind === 'cdn'
          ? 3
          : n.kind === 'app'
            ? 2
            : n.kind === 'static'
              ? 1
              : 0;
      const free = called.has(n.id) ? 0 : 8;
      return front > 0 ? free + ports + front : ports ? 0.5 : 0;
    };
    let best: TopologyNode | undefined;
    let bestScore = 0;
    for (const [name, raw] of entries) {
      const n = nodeOf.get(name)!;
      const s = score(n, raw);
      if (s > bestScore) {
        best = n;
        bestScore = s;
      }
    }
    best ??= nodes.find((n) => n.kind !== 'group' && n.kind !== 'client');
    if (best && idle.length) {
      // A load generator the file does not wire (it finds its target by URL): it calls the front door.
      for (const c of idle) {
        edges.push({ id: unique(`e-${c.id}-${best.id}`, edgeIds), source: c.id, target: best.id });
      }
      notes.push(
        `${idle.map((c) => c.label || c.id).join(', ')} ${idle.length === 1 ? 'sends' : 'send'} requests to ${best.label || best.id}, the front door (the file does not say where).`,
      );
    } else if (best) {
      const raw = servicesRaw[best.id] as Record<string, unknown> | undefined;
      const why =
        raw?.ports !== undefined
          ? 'it publishes a port'
          : called.has(best.id)
            ? 'the first server'
            : 'nothing else calls it';
      addUsers(nodes, edges, best, why, reasons, notes);
      inferred.push(nodes[0]!.id);
      missingPosition = true;
    }
  }

  // What the file says that the diagram has no place for.
  for (const [key, list] of unknownKeys) {
    const why = WHY_UNMAPPED[key] ?? 'not part of the simulation';
    unmapped.push(`${key} (${list.join(', ')}): ${why}`);
  }
  for (const key of Object.keys(root)) {
    if (servicesRaw === root) break;
    if (['services', 'version', 'name', 'networks', DATA_KEY].includes(key)) continue;
    if (key === 'volumes')
      unmapped.push(
        `volumes (${Object.keys(isObject(root.volumes) ? root.volumes : {}).join(', ') || 'none'}): data on disk is not simulated`,
      );
    else if (key.startsWith('x-')) unmapped.push(`${key}: an extension field, not read here`);
    else unmapped.push(`${key}: ${WHY_UNMAPPED[key] ?? 'not part of the simulation'}`);
  }

  const title =
    data?.title ??
    (typeof root.name === 'string' && root.name.trim()
      ? root.name.trim().slice(0, 500)
      : 'Imported stack');
  let doc: TopologyDocument = {
    version: 1,
    title,
    direction: data?.direction ?? 'LR',
    nodes,
    edges,
  };
  if (data && data.direction === undefined) delete doc.direction;
  const laid = await finish(doc, missingPosition);
  doc = laid.doc;
  if (data && data.direction === undefined) delete doc.direction;
  return {
    ok: true,
    format: 'compose',
    doc,
    reasons,
    unmapped,
    notes,
    inferred,
    exact: data !== null,
    laidOut: laid.laidOut,
    dependencies,
  };
}

/**
 * What the parser only finds while it builds values, said with its line: an alias with no
 * anchor before it (`*backend` without `&backend`), and a merge key (`<<:`) given
 * something other than a map or a list of maps.
 */
function aliasProblem(
  ydoc: Document,
  lc: LineCounter,
): { message: string; line: number; col: number } | null {
  let found: { message: string; line: number; col: number } | null = null;
  const at = (offset: number | undefined) => lc.linePos(offset ?? 0);
  visit(ydoc, {
    Alias(_, node) {
      if (node.resolve(ydoc) !== undefined) return;
      const { line, col } = at(node.range?.[0]);
      found = {
        message: `YAML error on line ${line}, column ${col}: the alias *${node.source} has no anchor &${node.source} before it.`,
        line,
        col,
      };
      return visit.BREAK;
    },
    Pair(_, pair) {
      // With merge keys on, the parser gives `<<` as a symbol.
      if (!isScalar(pair.key)) return;
      const key = pair.key.value;
      if (key !== '<<' && !(typeof key === 'symbol' && key.description === '<<')) return;
      const value = isAlias(pair.value) ? pair.value.resolve(ydoc) : pair.value;
      if (value === undefined) return; // reported as an alias
      const merges = (v: unknown) => isMap(isAlias(v) ? v.resolve(ydoc) : v);
      if (isMap(value) || (isSeq(value) && value.items.every(merges))) return;
      const { line, col } = at(pair.key.range?.[0]);
      found = {
        message: `YAML error on line ${line}, column ${col}: \`<<:\` merges a map (or a list of maps) into this one, and this is not one.`,
        line,
        col,
      };
      return visit.BREAK;
    },
  });
  return found;
}

function usedIdsOf(nodes: TopologyNode[]): Set<string> {
  return new Set(nodes.map((n) => n.id));
}

function lineOf(map: YAMLMap | null, key: string, lc: LineCounter): number | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return lc.linePos(pair.key.range[0]).line;
    }
  }
  return undefined;
}
