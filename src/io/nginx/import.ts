// nginx.conf → diagram. The nginx becomes an nginx box (TLS when it listens with ssl,
// worker_processes and worker_connections as its settings), each `upstream` a load
// balancer with its balancing method and health-check settings (max_fails, fail_timeout),
// each upstream server a box behind it, and each `location` that proxies a link labelled
// with its path; `root`/`alias` locations are the static files nginx serves itself. Users
// are added in front, asking for the paths the locations answer. Never throws.

import type {
  HttpMethod,
  NodeKind,
  Route,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
} from '../../model/types.ts';
import { setNumber } from '../config/kinds.ts';
import { parseDuration, plural, unique } from '../config/names.ts';
import {
  addUsers,
  box,
  type ConfigImportResult,
  finish,
  MAX_CONFIG_LENGTH,
} from '../config/result.ts';
import { type Directive, parseNginx } from './parse.ts';

/** Balancing method → the load balancer's strategy. */
function strategyOf(
  d: Directive | undefined,
  weighted: boolean,
): { strategy: string; note?: string } {
  if (!d) return { strategy: weighted ? 'weighted' : 'round-robin' };
  const args = d.args.join(' ');
  switch (d.name) {
    case 'least_conn':
      return { strategy: 'least-connections' };
    case 'ip_hash':
      return { strategy: 'ip-hash' };
    case 'hash':
      return {
        strategy: 'ip-hash',
        note: `hash ${args} sends each key to the same server, like IP hash: imported as IP hash.`,
      };
    case 'random':
      if (/\btwo\b/.test(args)) {
        return {
          strategy: 'p2c',
          ...(/least_time/.test(args)
            ? {
                note: 'random two least_time is taken as power of two choices (least connections).',
              }
            : {}),
        };
      }
      return { strategy: 'random' };
    case 'least_time':
      return {
        strategy: 'least-connections',
        note: 'least_time (NGINX Plus) is taken as least connections.',
      };
    default:
      return { strategy: weighted ? 'weighted' : 'round-robin' };
  }
}

const METHOD_DIRECTIVES = new Set(['least_conn', 'ip_hash', 'hash', 'random', 'least_time']);
const PASS = new Set([
  'proxy_pass',
  'fastcgi_pass',
  'uwsgi_pass',
  'grpc_pass',
  'scgi_pass',
  'memcached_pass',
]);
/** Directives read somewhere below; everything else is listed as not mapped. */
const READ = new Set([
  'http',
  'events',
  'server',
  'upstream',
  'location',
  'listen',
  'server_name',
  'worker_processes',
  'worker_connections',
  'ssl_certificate',
  'ssl_certificate_key',
  'ssl',
  'root',
  'alias',
  'try_files',
  'index',
  'return',
  'internal',
  'proxy_read_timeout',
  'proxy_connect_timeout',
  'resolver',
  ...PASS,
  ...METHOD_DIRECTIVES,
]);

interface Location {
  path: string;
  modifier: string;
  line: number;
  pass?: { directive: string; target: string; line: number };
  static: boolean;
  returns?: string;
  connectTimeout?: number;
  /** `internal;`: only nginx's own redirects and subrequests reach it. */
  internal?: boolean;
  /** `try_files … @name`: the named location asked when no file is found. */
  fallback?: { name: string; files: string[] };
}

interface Server {
  line: number;
  names: string[];
  tls: boolean;
  redirectOnly: boolean;
  locations: Location[];
  readTimeout?: number;
  connectTimeout?: number;
  /** A `root` in the server (or the http block) its locations inherit. */
  root: boolean;
}

const find = (list: Directive[] | undefined, name: string) => list?.find((d) => d.name === name);

function locationsOf(block: Directive[], out: Location[], unmapped: (d: Directive) => void): void {
  for (const d of block) {
    if (d.name !== 'location') continue;
    const [a, b] = d.args;
    let modifier = b !== undefined ? a! : '';
    let path = (b !== undefined ? b : a) ?? '/';
    // `location @name` is a named location (a fallback for try_files), not a path.
    if (modifier === '' && path.startsWith('@')) {
      modifier = '@';
      path = path.slice(1);
    }
    // `location ~/api` and `location =/x` write the modifier against the path.
    const glued = modifier === '' ? /^(=|\^~|~\*|~)(\/.*)$/.exec(path) : null;
    if (glued) {
      modifier = glued[1]!;
      path = glued[2]!;
    }
    const loc: Location = { path, modifier, line: d.line, static: false };
    // `set $target https://…; proxy_pass $target;` (a variable makes nginx resolve at run time).
    const vars = new Map<string, string>();
    for (const x of d.block ?? [])
      if (x.name === 'set' && x.args[0] && x.args[1]) vars.set(x.args[0], x.args[1]);
    for (const x of d.block ?? []) {
      if (x.name === 'set' && vars.has(x.args[0] ?? '')) continue;
      if (PASS.has(x.name) && x.args[0] && vars.has(x.args[0])) {
        loc.pass = { directive: x.name, target: vars.get(x.args[0])!, line: x.line };
        continue;
      }
      if (PASS.has(x.name) && x.args[0])
        loc.pass = { directive: x.name, target: x.args[0], line: x.line };
      else if (x.name === 'root' || x.name === 'alias' || x.name === 'try_files') {
        loc.static = true;
        const last = x.args[x.args.length - 1];
        if (x.name === 'try_files' && last?.startsWith('@') && last.length > 1)
          loc.fallback = { name: last.slice(1), files: x.args.slice(0, -1) };
      } else if (x.name === 'return') loc.returns = x.args.join(' ');
      else if (x.name === 'internal') loc.internal = true;
      else if (x.name === 'proxy_connect_timeout')
        loc.connectTimeout = parseDuration(x.args[0] ?? '') ?? undefined;
      else if (x.name !== 'location') unmapped(x);
    }
    if (loc.pass) loc.static = false;
    out.push(loc);
    // Nested locations answer paths inside this one: read them as their own.
    locationsOf(d.block ?? [], out, unmapped);
  }
}

/**
 * `try_files /dev/null @api` (or any file list that does not depend on the request) finds
 * no file of the request's own, so every request goes to the named location: this
 * location answers with its proxy_pass. A list with `$uri` serves files first and stays
 * files (a note names the fallback).
 */
function throughNamed(locations: Location[], note: (t: string) => void): void {
  for (const loc of locations) {
    if (!loc.fallback || loc.pass || loc.modifier === '@' || loc.internal) continue;
    const named = locations.find((l) => l.modifier === '@' && l.path === loc.fallback!.name);
    if (!named?.pass) continue;
    const where = `location ${loc.modifier ? `${loc.modifier} ` : ''}${loc.path} (line ${loc.line})`;
    if (loc.fallback.files.some((f) => f.includes('$'))) {
      note(
        `${where} serves files and sends what it does not find to @${named.path} (${named.pass.directive} ${named.pass.target}); imported as files.`,
      );
      continue;
    }
    loc.pass = named.pass;
    loc.static = false;
    note(
      `${where}: try_files ${loc.fallback.files.join(' ')} names no file of the request, so every request goes to @${named.path}: imported as its ${named.pass.directive} ${named.pass.target}.`,
    );
  }
}

/** `http://app1:8080/api/` → `app1:8080`; `unix:/run/app.sock` stays as it is. */
function passAddress(target: string): { address: string; scheme: string } | null {
  const m = /^(?:(https?|grpcs?):\/\/)?([^/]+)/i.exec(target);
  if (!m) return null;
  return { address: m[2]!, scheme: (m[1] ?? '').toLowerCase() };
}

function hostKind(host: string, scheme: string): NodeKind {
  const name = host.replace(/:\d+$/, '');
  if (/(minio|s3|bucket|static|files|assets|storage|media)/i.test(name)) return 'static';
  const dotted =
    /\.[a-z]{2,}$/i.test(name) && !/\.(local|internal|lan|svc|cluster\.local|docker)$/i.test(name);
  if (dotted || scheme === 'https') return 'external';
  return 'app';
}

/**
 * The literal path an anchored regular expression starts with, up to its last `/`
 * (`^/static/(a|b)/` → `/static/`, `^/(assets/|robots.txt)` → `/`); null when it is not
 * anchored at a path (`\.php$` matches anywhere).
 */
export function regexPrefix(regex: string): string | null {
  const m = /^\^(\/[^\\()[\]{}.*+?|$]*)/.exec(regex);
  if (!m) return null;
  return m[1]!.slice(0, m[1]!.lastIndexOf('/') + 1);
}

/** A request path users can ask for that this location answers. */
function requestPath(path: string): string {
  if (path === '/') return '/';
  return path.endsWith('/') ? `${path}index` : path;
}

export async function importNginx(text: string): Promise<ConfigImportResult> {
  try {
    return await importUnsafe(text);
  } catch (err) {
    return {
      ok: false,
      format: 'nginx',
      error: {
        message: `The nginx.conf could not be imported: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
  }
}

async function importUnsafe(text: string): Promise<ConfigImportResult> {
  const fail = (message: string, line?: number, column?: number): ConfigImportResult => ({
    ok: false,
    format: 'nginx',
    error: {
      message,
      ...(line !== undefined ? { line } : {}),
      ...(column !== undefined ? { column } : {}),
    },
  });
  if (typeof text !== 'string' || text.trim() === '') {
    return fail('There is nothing to import: paste an nginx.conf (with `server { … }` blocks).');
  }
  if (text.length > MAX_CONFIG_LENGTH) {
    return fail(
      `The text is too long to be an nginx.conf (${text.length.toLocaleString('en')} characters).`,
    );
  }
  const parsed = parseNginx(text);
  if (!parsed.ok)
    return fail(`nginx.conf line ${parsed.line}: ${parsed.message}.`, parsed.line, parsed.column);

  const notes: string[] = [];
  const unmappedByName = new Map<string, number[]>();
  const unmapped = (d: Directive) => {
    if (READ.has(d.name)) return;
    unmappedByName.set(d.name, [...(unmappedByName.get(d.name) ?? []), d.line]);
  };
  const top = parsed.directives;
  const http = find(top, 'http');
  let context: Directive[];
  if (http) context = http.block ?? [];
  else if (top.some((d) => d.name === 'server' || d.name === 'upstream')) context = top;
  else if (top.some((d) => d.name === 'location')) {
    context = [{ name: 'server', args: [], line: 1, block: top }];
    notes.push('The text has locations but no server block: read as the inside of one server.');
  } else {
    return fail(
      'This nginx.conf has no `http`, `server` or `upstream` block, so there is nothing to import (nginx with only `stream` or `mail` proxies TCP, which is not simulated).',
    );
  }
  // Main-context directives; without an http block they are the http context, read below.
  if (context !== top) for (const d of top) if (d !== http && d.name !== 'events') unmapped(d);
  for (const d of find(top, 'events')?.block ?? []) unmapped(d);

  // Upstreams.
  interface Up {
    name: string;
    line: number;
    method?: Directive;
    servers: { address: string; params: Record<string, string>; flags: string[]; line: number }[];
  }
  const upstreams = new Map<string, Up>();
  for (const d of context) {
    if (d.name !== 'upstream') continue;
    const name = d.args[0] ?? 'upstream';
    const up: Up = { name, line: d.line, servers: [] };
    for (const x of d.block ?? []) {
      if (x.name === 'server' && x.args[0]) {
        const params: Record<string, string> = {};
        const flags: string[] = [];
        for (const a of x.args.slice(1)) {
          const i = a.indexOf('=');
          if (i > 0) params[a.slice(0, i)] = a.slice(i + 1);
          else flags.push(a);
        }
        up.servers.push({ address: x.args[0], params, flags, line: x.line });
      } else if (METHOD_DIRECTIVES.has(x.name)) up.method = x;
      else unmapped(x);
    }
    upstreams.set(name, up);
  }

  // Servers.
  const servers: Server[] = [];
  const httpRoot = context.some((d) => d.name === 'root');
  let httpRead: number | undefined;
  let httpConnect: number | undefined;
  for (const d of context) {
    if (d.name === 'proxy_read_timeout') httpRead = parseDuration(d.args[0] ?? '') ?? undefined;
    else if (d.name === 'proxy_connect_timeout')
      httpConnect = parseDuration(d.args[0] ?? '') ?? undefined;
    else if (d.name !== 'server' && d.name !== 'upstream') unmapped(d);
    if (d.name !== 'server') continue;
    const block = d.block ?? [];
    const s: Server = {
      line: d.line,
      names: [],
      tls: false,
      redirectOnly: false,
      locations: [],
      root: httpRoot || block.some((x) => x.name === 'root'),
    };
    for (const x of block) {
      if (
        x.name === 'listen' &&
        x.args.some((a) => a === 'ssl' || a === 'quic' || /(^|:)443$/.test(a))
      )
        s.tls = true;
      else if (x.name === 'ssl_certificate' || (x.name === 'ssl' && x.args[0] === 'on'))
        s.tls = true;
      else if (x.name === 'server_name')
        s.names.push(...x.args.filter((a) => a !== '_' && a !== '""' && a !== ''));
      else if (x.name === 'proxy_read_timeout')
        s.readTimeout = parseDuration(x.args[0] ?? '') ?? undefined;
      else if (x.name === 'proxy_connect_timeout')
        s.connectTimeout = parseDuration(x.args[0] ?? '') ?? undefined;
      else if (x.name !== 'location') unmapped(x);
    }
    locationsOf(block, s.locations, unmapped);
    throughNamed(s.locations, (t) => notes.push(t));
    // Server-level proxy_pass / root act like `location /`.
    const rootPass = block.find((x) => PASS.has(x.name));
    if (rootPass?.args[0] && !s.locations.some((l) => l.path === '/' && l.modifier === '')) {
      s.locations.push({
        path: '/',
        modifier: '',
        line: rootPass.line,
        static: false,
        pass: { directive: rootPass.name, target: rootPass.args[0], line: rootPass.line },
      });
    } else if (block.some((x) => x.name === 'root') && !s.locations.some((l) => l.path === '/')) {
      s.locations.push({ path: '/', modifier: '', line: d.line, static: true });
    }
    const ret = block.find((x) => x.name === 'return');
    s.redirectOnly =
      s.locations.length === 0 &&
      ret !== undefined &&
      /^30[1278]$/.test(ret.args[0] ?? '') &&
      /^https:/.test(ret.args[1] ?? '');
    servers.push(s);
  }
  if (!servers.length) {
    const includes = context.filter((d) => d.name === 'include').map((d) => d.args.join(' '));
    return fail(
      includes.length
        ? `This nginx.conf has no \`server\` block of its own: its sites come from \`include ${includes.slice(-1)[0]}\` (${includes.length === 1 ? 'a file' : 'files'} not read here). Import the site file instead.`
        : 'This nginx.conf has no `server` block: nginx listens nowhere, so there is nothing to import.',
    );
  }

  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const reasons: Record<string, string> = {};
  const usedIds = new Set<string>();
  const edgeIds = new Set<string>();
  const link = (from: TopologyNode, to: TopologyNode, label?: string) => {
    const e: TopologyEdge = {
      id: unique(`e-${from.id}-${to.id}`, edgeIds),
      source: from.id,
      target: to.id,
    };
    if (label !== undefined) e.label = label;
    edges.push(e);
  };
  const nginx = box(unique('nginx', usedIds), 'proxy', 'nginx');
  nodes.push(nginx);
  const names = [...new Set(servers.flatMap((s) => s.names))];
  reasons[nginx.id] =
    `the ${servers.length === 1 ? 'server block' : plural(servers.length, 'server block')} of this nginx.conf${names.length ? ` (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})` : ''}`;
  nginx.config.tls = servers.some((s) => s.tls);
  const note = (t: string) => notes.push(t);
  const wp = find(top, 'worker_processes');
  if (wp?.args[0] && /^\d+$/.test(wp.args[0]))
    setNumber('proxy', nginx.config, 'concurrency', Number(wp.args[0]), 'worker_processes', note);
  const wc = find(find(top, 'events')?.block, 'worker_connections');
  if (wc?.args[0] && /^\d+$/.test(wc.args[0]))
    setNumber(
      'proxy',
      nginx.config,
      'maxConnections',
      Number(wc.args[0]),
      'worker_connections',
      note,
    );
  if (servers.filter((s) => !s.redirectOnly).length > 1) {
    notes.push(
      `${plural(servers.length, 'server block')} are one nginx: their locations are read together.`,
    );
  }
  if (servers.some((s) => s.redirectOnly))
    notes.push('A server that only redirects to https:// means TLS: the nginx terminates TLS.');

  // Backends, one box per address, shared by upstreams and direct proxy_pass.
  const backends = new Map<string, TopologyNode>();
  const backend = (address: string, scheme: string, why: string): TopologyNode => {
    let b = backends.get(address);
    if (b) return b;
    const socket = address.startsWith('unix:');
    // A unix socket is a server on the same machine: name it by the socket's file.
    const host = socket ? address.replace(/^.*\//, '') : address.replace(/:\d+$/, '');
    const kind = socket ? 'app' : hostKind(address, scheme);
    const taken = [...backends.keys()].some((a) => a.replace(/:\d+$/, '') === host);
    b = box(unique((taken ? address : host).slice(0, 190) || 'server', usedIds), kind, address);
    reasons[b.id] =
      why +
      (kind === 'static'
        ? '; its name says files'
        : kind === 'external'
          ? '; a public address, so someone else’s service'
          : '');
    backends.set(address, b);
    nodes.push(b);
    return b;
  };
  const lbs = new Map<string, TopologyNode>();
  const lbOf = (up: Up): TopologyNode => {
    let lb = lbs.get(up.name);
    if (lb) return lb;
    const weighted = up.servers.some((s) => s.params.weight !== undefined);
    const st = strategyOf(up.method, weighted);
    lb = box(unique(up.name.slice(0, 190), usedIds), 'lb', up.name);
    lb.config.strategy = st.strategy;
    if (st.note) notes.push(`upstream ${up.name}: ${st.note}`);
    reasons[lb.id] =
      `upstream ${up.name} (line ${up.line}), ${up.method ? up.method.name.replace('_', ' ') : weighted ? 'weighted round robin' : 'round robin'}`;
    const firstWith = (key: string) =>
      up.servers.find((s) => s.params[key] !== undefined)?.params[key];
    const maxFails = firstWith('max_fails');
    if (maxFails && /^\d+$/.test(maxFails) && Number(maxFails) > 0) {
      setNumber(
        'lb',
        lb.config,
        'unhealthyThreshold',
        Number(maxFails),
        `upstream ${up.name}: max_fails`,
        note,
      );
    }
    const failTimeout = firstWith('fail_timeout');
    const ft = failTimeout ? parseDuration(failTimeout) : null;
    if (ft !== null && ft > 0)
      setNumber(
        'lb',
        lb.config,
        'healthCheckIntervalMs',
        ft,
        `upstream ${up.name}: fail_timeout`,
        note,
      );
    nodes.push(lb);
    lbs.set(up.name, lb);
    return lb;
  };

  /** The upstream's servers behind its load balancer, after the arrow that reaches it. */
  const wired = new Set<string>();
  const wire = (up: Up, lb: TopologyNode) => {
    if (wired.has(up.name)) return;
    wired.add(up.name);
    for (const s of up.servers) {
      if (s.flags.includes('backup') || s.flags.includes('down')) {
        notes.push(
          `upstream ${up.name}: server ${s.address} is ${s.flags.includes('down') ? 'marked down' : 'a backup'}; it is left out.`,
        );
        continue;
      }
      const b = backend(
        s.address,
        '',
        `server ${s.address} of upstream ${up.name} (line ${s.line})`,
      );
      if (s.params.weight !== undefined && /^\d+$/.test(s.params.weight)) {
        setNumber(
          b.kind,
          b.config,
          'weight',
          Number(s.params.weight),
          `${s.address}: weight`,
          note,
        );
      }
      const extra = Object.keys(s.params).filter(
        (k) => !['weight', 'max_fails', 'fail_timeout'].includes(k),
      );
      if (extra.length) unmappedByName.set(`server … ${extra.join(' ')}`, [s.line]);
      if (!edges.some((e) => e.source === lb.id && e.target === b.id)) link(lb, b);
    }
  };

  // Locations.
  let staticPrefix: string | null = null;
  let staticFrom = 'location /';
  const regexFiles: { loc: Location; prefix: string }[] = [];
  const routes: Route[] = [];
  const seenPaths = new Set<string>();
  let readTimeout = httpRead;
  for (const s of servers) {
    if (s.readTimeout !== undefined) readTimeout = Math.max(readTimeout ?? 0, s.readTimeout);
    for (const loc of s.locations) {
      if (loc.modifier === '~' || loc.modifier === '~*') {
        // Files from its own root/alias/try_files, or from the inherited root when it hands
        // the request nowhere else (`location ~ ^/assets/ { expires max; }`).
        const files =
          loc.static || (s.root && !loc.pass && loc.returns === undefined && !loc.internal);
        const prefix = files ? regexPrefix(loc.path) : null;
        if (prefix !== null) regexFiles.push({ loc, prefix });
        else
          notes.push(
            `location ${loc.modifier} ${loc.path} (line ${loc.line}) is a regular expression; links route by path prefix here, so it is left out.`,
          );
        continue;
      }
      if (loc.modifier === '@') continue;
      if (loc.internal) {
        notes.push(
          `location ${loc.modifier ? `${loc.modifier} ` : ''}${loc.path} (line ${loc.line}) is internal (only nginx's own redirects reach it): not one of the users' requests.`,
        );
        continue;
      }
      if (loc.modifier === '=')
        notes.push(
          `location = ${loc.path} (line ${loc.line}) matches one path exactly; imported as a prefix.`,
        );
      const key = loc.path;
      if (seenPaths.has(key) && !loc.pass && !loc.static) continue;
      if (loc.pass) {
        const label = loc.path === '/' ? undefined : loc.path;
        const target = passAddress(loc.pass.target);
        if (!target) {
          notes.push(
            `location ${loc.path} (line ${loc.pass.line}): ${loc.pass.directive} ${loc.pass.target} is not an address; it is left out.`,
          );
          continue;
        }
        if (target.address.includes('$') && !backends.has(target.address)) {
          notes.push(
            `${loc.pass.directive} ${loc.pass.target} (line ${loc.pass.line}) names its server through a variable, filled in when nginx starts (envsubst) or per request: imported as one server, ${target.address}.`,
          );
        }
        const up = upstreams.get(target.address);
        const to = up
          ? lbOf(up)
          : backend(
              target.address,
              target.scheme,
              `${loc.pass.directive} ${loc.pass.target} (line ${loc.pass.line})`,
            );
        if (
          seenPaths.has(key) &&
          edges.some((e) => e.source === nginx.id && e.target === to.id && e.label === label)
        )
          continue;
        link(nginx, to, label);
        if (up) wire(up, to);
        seenPaths.add(key);
        if (loc.path.startsWith('/'))
          routes.push({ method: 'GET', path: requestPath(loc.path), weight: 1 });
        const connect = loc.connectTimeout ?? s.connectTimeout ?? httpConnect;
        if (up && connect !== undefined && connect > 0) {
          setNumber(
            'lb',
            to.config,
            'healthCheckTimeoutMs',
            connect,
            `location ${loc.path}: proxy_connect_timeout`,
            note,
          );
        }
      } else if (loc.static) {
        seenPaths.add(key);
        if (staticPrefix === null) {
          staticPrefix = loc.path;
          routes.push({
            method: 'GET',
            path: requestPath(loc.path === '/' ? '/index.html' : loc.path),
            weight: 1,
          });
        } else
          notes.push(
            `location ${loc.path} (line ${loc.line}) also serves files; nginx here serves files under one path (${staticPrefix}).`,
          );
      } else if (loc.returns !== undefined) {
        notes.push(
          `location ${loc.path} (line ${loc.line}) answers “return ${loc.returns}” itself; not mapped.`,
        );
      }
    }
  }
  // Only regular expressions serve files: nginx serves them under the first one's literal
  // start (`^/static/(thumbnails|avatars)/` → /static/).
  const firstFiles = regexFiles[0];
  if (staticPrefix === null && firstFiles) {
    const { loc, prefix } = firstFiles;
    staticPrefix = prefix;
    staticFrom = `location ${loc.modifier} ${loc.path} (line ${loc.line})`;
    routes.push({
      method: 'GET',
      path: requestPath(prefix === '/' ? '/index.html' : prefix),
      weight: 1,
    });
    notes.push(
      `${staticFrom} serves files: nginx here serves files under ${prefix}, where the expression starts${regexFiles.length > 1 ? ` (${plural(regexFiles.length - 1, 'more such expression')} not mapped)` : ''}.`,
    );
  } else if (regexFiles.length) {
    notes.push(
      `${plural(regexFiles.length, 'regular-expression location')} also ${regexFiles.length === 1 ? 'serves' : 'serve'} files; nginx here serves files under one path (${staticPrefix}).`,
    );
  }
  // Files under "/" with other locations proxied would swallow every path: the engine's
  // nginx serves files before routing. Keep the routes and serve files under /static.
  if (staticPrefix === '/' && edges.some((e) => e.source === nginx.id)) {
    notes.push(
      `${staticFrom} serves files while other locations proxy: nginx here serves files under /static, so the proxied paths still route.`,
    );
    staticPrefix = '/static';
    const r = routes.find((x) => x.path === '/index.html');
    if (r) r.path = '/static/index.html';
  }
  nginx.config.serveStatic = staticPrefix !== null;
  if (staticPrefix !== null) nginx.config.staticPrefix = staticPrefix;
  for (const [name, up] of upstreams) {
    if (!lbs.has(name))
      notes.push(`upstream ${name} (line ${up.line}) is not used by any location; it is left out.`);
  }
  if (!edges.length && staticPrefix === null) {
    notes.push(
      'No location proxies anywhere or serves files: requests to this nginx get no answer.',
    );
  }

  const mix = dedupeRoutes(routes);
  addUsers(nodes, edges, nginx, 'it is the front door', reasons, notes, {
    ...(mix.length ? { routes: mix } : {}),
    ...(readTimeout !== undefined && readTimeout > 0
      ? { timeoutMs: Math.min(600_000, Math.max(1, readTimeout)) }
      : {}),
  });

  const unmappedList = [...unmappedByName]
    .sort((a, b) => a[1][0]! - b[1][0]!)
    .map(
      ([name, lines]) =>
        `${name} (line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 6).join(', ')}${lines.length > 6 ? ', …' : ''})`,
    );
  let doc: TopologyDocument = {
    version: 1,
    title: names[0] ?? 'Imported nginx.conf',
    direction: 'LR',
    nodes,
    edges,
  };
  const laid = await finish(doc, true);
  doc = laid.doc;
  return {
    ok: true,
    format: 'nginx',
    doc,
    reasons,
    unmapped: unmappedList,
    notes,
    inferred: nodes.map((n) => n.id),
    exact: false,
    laidOut: true,
  };
}

function dedupeRoutes(routes: Route[]): Route[] {
  const out: Route[] = [];
  for (const r of routes) {
    const path = r.path.slice(0, 500);
    if (!out.some((o) => o.path === path))
      out.push({ method: 'GET' as HttpMethod, path, weight: 1 });
  }
  return out.slice(0, 50);
}
