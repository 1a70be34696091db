// Diagram → nginx.conf: one file per nginx (a proxy box, or a load balancer that is a
// service of its own). Link labels become `location` blocks, load balancers behind the
// nginx become `upstream` blocks with their balancing method, static files are served
// from `root`, TLS listens on 443 with placeholder certificate paths, and the timeouts
// come from the settings. Every file passes `nginx -t` (tested with Debian's nginx).

import { fieldSpec, numberOf, stringOf } from '../../model/kinds.ts';
import type { TopologyDocument, TopologyNode } from '../../model/types.ts';
import { CONFIG_KINDS } from '../config/kinds.ts';
import { duration } from '../config/names.ts';
import { makePlan, type Plan, type Route, routePrefix, routesOf } from '../config/plan.ts';

export interface NginxFile {
  /** The box this file configures. */
  node: TopologyNode;
  /** Its path in the bundle: `nginx/nginx.conf`, or `nginx/<service>.conf` with several. */
  path: string;
  text: string;
}

/** The balancing method line of an upstream, by the load balancer's strategy. */
export const METHODS = CONFIG_KINDS.lb.methods!;

/** A word as nginx reads it: bare when safe, else double-quoted. */
export function word(text: string): string {
  if (/^[A-Za-z0-9_\-./~%:@+,=]+$/.test(text)) return text;
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** One line of a comment, whatever the label holds. */
const said = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').slice(0, 120);

/** Where requests for `target` go: an upstream, a service's address, or an outside URL. */
function address(plan: Plan, target: TopologyNode): string | null {
  const name = plan.name.get(target.id)!;
  if (plan.folded.has(target.id)) return `http://${name}`;
  if (target.kind === 'external') return `$${name.replace(/-/g, '_')}_url`;
  const row = CONFIG_KINDS[target.kind];
  if (row.outside !== undefined || row.port === undefined) return null;
  return row.port === 80 ? `http://${name}` : `http://${name}:${row.port}`;
}

function serverLine(plan: Plan, backend: TopologyNode, lb: TopologyNode | null): string | null {
  const row = CONFIG_KINDS[backend.kind];
  if (row.outside !== undefined || row.port === undefined || plan.folded.has(backend.id))
    return null;
  let line = `server ${plan.name.get(backend.id)}:${row.port}`;
  if (lb) {
    if (stringOf('lb', lb.config, 'strategy') === 'weighted') {
      const w = backend.config.weight;
      line += ` weight=${Math.max(1, Math.round(typeof w === 'number' ? w : 1))}`;
    }
    line += ` max_fails=${numberOf('lb', lb.config, 'unhealthyThreshold')}`;
    // fail_timeout counts whole seconds.
    line += ` fail_timeout=${Math.max(1, Math.round(numberOf('lb', lb.config, 'healthCheckIntervalMs') / 1000))}s`;
  }
  return `${line};`;
}

/** `upstream name { method; server …; }`, or null when no backend can be listed. */
function upstream(
  plan: Plan,
  name: string,
  backends: TopologyNode[],
  lb: TopologyNode | null,
  notes: string[],
): string[] | null {
  const servers: string[] = [];
  for (const b of backends) {
    const line = serverLine(plan, b, lb);
    if (line) servers.push(`    ${line}`);
    else
      notes.push(`${b.label || b.id} cannot be an upstream server (it is not a container here).`);
  }
  if (!servers.length) return null;
  const lines = [`  upstream ${name} {`];
  if (lb) {
    const strategy = stringOf('lb', lb.config, 'strategy');
    const field = fieldSpec('lb', 'strategy');
    const title =
      field?.type === 'enum' ? field.options.find((o) => o.value === strategy)?.label : undefined;
    lines.push(`    # ${said(lb.label || lb.id)}: ${(title ?? strategy).toLowerCase()}`);
    const method = METHODS[stringOf('lb', lb.config, 'strategy')];
    if (method) lines.push(`    ${method};`);
  }
  lines.push(...servers, '  }');
  return lines;
}

/** The longest time a user waits for an answer through this nginx (clients, or via a CDN). */
function clientTimeout(plan: Plan, node: TopologyNode): number | null {
  let best: number | null = null;
  const seen = new Set<string>();
  const visit = (id: string, depth: number) => {
    for (const e of plan.in.get(id) ?? []) {
      const src = plan.byId.get(e.source);
      if (!src || seen.has(src.id)) continue;
      seen.add(src.id);
      if (src.kind === 'client') {
        const t = numberOf('client', src.config, 'timeoutMs');
        best = best === null ? t : Math.max(best, t);
      } else if ((src.kind === 'cdn' || src.kind === 'dns') && depth < 3) visit(src.id, depth + 1);
    }
  };
  visit(node.id, 0);
  return best;
}

/** The nginx.conf of one proxy, or of a load balancer that is its own service. */
export function nginxConf(plan: Plan, node: TopologyNode): { text: string; notes: string[] } {
  const notes: string[] = [];
  const name = plan.name.get(node.id)!;
  const isProxy = node.kind === 'proxy';
  const tls = isProxy && node.config.tls !== false;
  const upstreams: string[][] = [];
  const locations: string[][] = [];
  let outsideUrls = false;
  const emitted = new Set<string>();

  const routes: Route[] = isProxy
    ? routesOf(plan, node)
    : [
        {
          prefix: null,
          path: '/',
          targets: (plan.out.get(node.id) ?? []).map((e) => plan.byId.get(e.target)!),
        },
      ];
  const staticOn = isProxy && node.config.serveStatic !== false;
  const staticPath = staticOn ? stringOf('proxy', node.config, 'staticPrefix') || '/static' : '';
  const staticPrefix = staticOn ? (routePrefix(staticPath) ?? '/') : null;
  if (staticOn) {
    locations.push([
      `    location ${word(staticPath)} {`,
      '      # Static files: put them in ./static (mounted at /usr/share/nginx/html).',
      '      root /usr/share/nginx/html;',
      '    }',
    ]);
  }

  for (const r of routes) {
    if (staticPrefix !== null && (r.prefix ?? '/') === staticPrefix) {
      notes.push(
        `${node.label || node.id}: ${r.path} is served from disk (static files), so its link is not a location.`,
      );
      continue;
    }
    const body: string[] = [];
    if (!isProxy) {
      // A load balancer on its own: its backends are the upstream named after it.
      const lines = upstream(plan, name, r.targets, node, notes);
      if (!lines) continue;
      upstreams.push(lines);
      body.push(`      proxy_pass http://${name};`);
      body.push(
        `      proxy_connect_timeout ${duration(numberOf('lb', node.config, 'healthCheckTimeoutMs'))};`,
      );
    } else if (r.targets.length === 1) {
      const t = r.targets[0]!;
      const to = address(plan, t);
      if (to === null) {
        notes.push(
          `${node.label || node.id} → ${t.label || t.id}: a ${CONFIG_KINDS[t.kind].outside ? 'box outside the stack' : 'box'} cannot be proxied to; left out of nginx.conf.`,
        );
        continue;
      }
      if (plan.folded.has(t.id)) {
        const up = plan.name.get(t.id)!;
        if (!emitted.has(up)) {
          emitted.add(up);
          upstreams.push(upstream(plan, up, backendsOf(plan, t), t, notes)!);
        }
        body.push(`      proxy_pass ${to};`);
        body.push(
          `      proxy_connect_timeout ${duration(numberOf('lb', t.config, 'healthCheckTimeoutMs'))};`,
        );
      } else if (t.kind === 'external') {
        outsideUrls = true;
        body.push(
          `      # ${said(t.label || t.id)} is outside the stack: its address is a placeholder.`,
        );
        body.push(`      set ${to} ${CONFIG_KINDS.external.url!(plan.name.get(t.id)!, t)};`);
        body.push(`      proxy_pass ${to};`);
      } else body.push(`      proxy_pass ${to};`);
    } else {
      // Several boxes for one path: nginx takes turns between them, as the engine does.
      const up = `${name}-${r.prefix === null ? 'default' : r.prefix.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'root'}`;
      const lines = upstream(plan, up, r.targets, null, notes);
      if (!lines) continue;
      upstreams.push(lines);
      body.push(`      proxy_pass http://${up};`);
    }
    locations.push([`    location ${word(r.path)} {`, ...body, '    }']);
  }

  const timeout = isProxy ? clientTimeout(plan, node) : null;
  const serverHead: string[] = [];
  if (tls) {
    serverHead.push(
      '    listen 443 ssl;',
      '    server_name _;',
      '    # Placeholders: put your certificate and key in ./certs (see README.md).',
      '    ssl_certificate certs/fullchain.pem;',
      '    ssl_certificate_key certs/privkey.pem;',
    );
  } else serverHead.push('    listen 80;', '    server_name _;');
  serverHead.push(
    '    proxy_set_header Host $host;',
    '    proxy_set_header X-Real-IP $remote_addr;',
    '    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
    '    proxy_set_header X-Forwarded-Proto $scheme;',
  );
  if (timeout !== null) serverHead.push(`    proxy_read_timeout ${duration(timeout)};`);

  const workers = isProxy ? String(numberOf('proxy', node.config, 'concurrency')) : 'auto';
  const connections = isProxy ? numberOf('proxy', node.config, 'maxConnections') : 1024;
  const title = said(plan.doc.title);
  const lines: string[] = [
    `# nginx.conf of “${said(node.label || node.id)}” (${isProxy ? 'nginx' : 'load balancer'}) in “${title}”, written by Backend Playground.`,
    '# Check it with `nginx -t`; README.md says what is mapped and what is a placeholder.',
    `worker_processes ${workers};`,
    '',
    'events {',
    `  worker_connections ${connections};`,
    '}',
    '',
    'http {',
    '  include mime.types;',
    '  default_type application/octet-stream;',
    '  sendfile on;',
  ];
  if (outsideUrls) {
    lines.push('  # Docker’s DNS, for the outside addresses set in locations below.');
    lines.push('  resolver 127.0.0.11 valid=30s;');
  }
  for (const u of upstreams) lines.push('', ...u);
  if (tls) {
    lines.push(
      '',
      '  server {',
      '    listen 80;',
      '    server_name _;',
      '    return 301 https://$host$request_uri;',
      '  }',
    );
  }
  lines.push('', '  server {', ...serverHead);
  for (const l of locations) lines.push('', ...l);
  lines.push('  }', '}', '');
  return { text: lines.join('\n'), notes };
}

export function backendsOf(plan: Plan, lb: TopologyNode): TopologyNode[] {
  return (plan.out.get(lb.id) ?? []).map((e) => plan.byId.get(e.target)!).filter(Boolean);
}

/** Every nginx.conf of a diagram (none when it has no nginx or load balancer service). */
export function exportNginx(
  doc: TopologyDocument,
  plan = makePlan(doc),
): { files: NginxFile[]; notes: string[] } {
  const notes: string[] = [];
  const files: NginxFile[] = [];
  for (const node of plan.nginx) {
    const r = nginxConf(plan, node);
    files.push({ node, path: plan.conf.get(node.id)!, text: r.text });
    notes.push(...r.notes);
  }
  return { files, notes };
}
