import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../model/schema.ts';
import type { TopologyDocument } from '../../model/types.ts';
import type { ConfigImportSuccess } from '../config/result.ts';
import { importNginx, regexPrefix } from './import.ts';

async function ok(text: string): Promise<ConfigImportSuccess> {
  const r = await importNginx(text);
  if (!r.ok) throw new Error(r.error.message);
  expect(validateDocument(r.doc)).toEqual([]);
  return r;
}
const byId = (doc: TopologyDocument) => new Map(doc.nodes.map((n) => [n.id, n]));

// The article's nginx: a server block, a location for the API and an upstream.
const ARTICLE = `user nginx;
worker_processes 8;
events { worker_connections 4096; }
http {
  gzip on;
  upstream app_servers {
    least_conn;
    server 10.0.0.11:3000 max_fails=3 fail_timeout=10s;
    server 10.0.0.12:3000;
    server 10.0.0.13:3000 backup;
    keepalive 32;
  }
  server {
    listen 80;
    server_name shop.example;
    return 301 https://$host$request_uri;
  }
  server {
    listen 443 ssl http2;
    server_name shop.example;
    ssl_certificate /etc/ssl/shop.pem;
    proxy_read_timeout 30s;
    location /api/ {
      proxy_pass http://app_servers;
      proxy_connect_timeout 2s;
      proxy_set_header Host $host;
    }
    location /static/ { root /var/www; }
    location ~ \\.php$ { fastcgi_pass php:9000; }
    location = /health { return 200 ok; }
  }
}
`;

describe('importNginx', () => {
  it('makes the nginx, the load balancer of the upstream and its servers, and the routes', async () => {
    const r = await ok(ARTICLE);
    const n = byId(r.doc);
    expect(n.get('nginx')!.config).toMatchObject({
      tls: true,
      concurrency: 8,
      maxConnections: 4096,
      serveStatic: true,
      staticPrefix: '/static/',
    });
    expect(n.get('app_servers')!.kind).toBe('lb');
    expect(n.get('app_servers')!.config).toMatchObject({
      strategy: 'least-connections',
      unhealthyThreshold: 3,
      healthCheckIntervalMs: 10_000,
      healthCheckTimeoutMs: 2000,
    });
    expect(
      r.doc.edges.map((e) => `${e.source}>${e.target}${e.label ? ` ${e.label}` : ''}`),
    ).toEqual([
      'users>nginx',
      'nginx>app_servers /api/',
      'app_servers>10.0.0.11',
      'app_servers>10.0.0.12',
    ]);
    expect(n.get('10.0.0.11')!.label).toBe('10.0.0.11:3000');
    expect(n.get('users')!.config).toMatchObject({
      timeoutMs: 30_000,
      routes: [
        { method: 'GET', path: '/api/index', weight: 1 },
        { method: 'GET', path: '/static/index', weight: 1 },
      ],
    });
    expect(r.reasons.app_servers).toBe('upstream app_servers (line 6), least conn');
    expect(r.unmapped).toEqual([
      'user (line 1)',
      'gzip (line 5)',
      'keepalive (line 11)',
      'proxy_set_header (line 26)',
    ]);
    expect(r.notes).toEqual(
      expect.arrayContaining([
        'upstream app_servers: server 10.0.0.13:3000 is a backup; it is left out.',
        'location ~ \\.php$ (line 29) is a regular expression; links route by path prefix here, so it is left out.',
        'location = /health (line 30) matches one path exactly; imported as a prefix.',
        'location /health (line 30) answers “return 200 ok” itself; not mapped.',
        'A server that only redirects to https:// means TLS: the nginx terminates TLS.',
      ]),
    );
  });

  it('reads every balancing method', async () => {
    const strategy = async (lines: string) => {
      const r = await ok(
        `upstream u { ${lines} server a:1; server b:1; }\nserver { location / { proxy_pass http://u; } }`,
      );
      return byId(r.doc).get('u')!.config.strategy;
    };
    expect(await strategy('')).toBe('round-robin');
    expect(await strategy('least_conn;')).toBe('least-connections');
    expect(await strategy('ip_hash;')).toBe('ip-hash');
    expect(await strategy('hash $request_uri consistent;')).toBe('ip-hash');
    expect(await strategy('random;')).toBe('random');
    expect(await strategy('random two least_conn;')).toBe('p2c');
    const weighted = await ok(
      'upstream u { server a:1 weight=3; server b:1; }\nserver { location / { proxy_pass http://u; } }',
    );
    expect(byId(weighted.doc).get('u')!.config.strategy).toBe('weighted');
    expect(byId(weighted.doc).get('a')!.config.weight).toBe(3);
  });

  it('reads a conf.d file (no http block), direct proxy_pass, outside addresses and file servers', async () => {
    const r = await ok(`server {
  listen 8080;
  location / { root /usr/share/nginx/html; try_files $uri /index.html; }
  location /api { proxy_pass http://backend:5000/; }
  location /pay { proxy_pass https://api.stripe.com; }
  location /files { proxy_pass http://minio:9000; }
}`);
    const n = byId(r.doc);
    expect(n.get('backend')!.kind).toBe('app');
    expect(n.get('api.stripe.com')!.kind).toBe('external');
    expect(n.get('minio')!.kind).toBe('static');
    expect(n.get('nginx')!.config).toMatchObject({
      tls: false,
      serveStatic: true,
      staticPrefix: '/static',
    });
    expect(r.notes).toContain(
      'location / serves files while other locations proxy: nginx here serves files under /static, so the proxied paths still route.',
    );
  });

  it('follows try_files to a named location when no file of the request can match', async () => {
    const r = await ok(`upstream backend { server app:9000; }
server {
  listen 80;
  root /srv/storage;
  location @api { proxy_pass http://backend; }
  location / { try_files /dev/null @api; }
  location /socket.io { try_files /dev/null @api; }
  location /files/ { try_files $uri @api; }
  location = /check-auth { internal; try_files /dev/null @api; }
}
`);
    const n = byId(r.doc);
    const lb = r.doc.nodes.find((x) => x.kind === 'lb' && x.label === 'backend')!;
    const toLb = r.doc.edges.filter((e) => e.source === 'nginx' && e.target === lb.id);
    // `/` and /socket.io answer as @api; /files/ serves files first; /check-auth is internal.
    expect(toLb.map((e) => e.label ?? '/').sort()).toEqual(['/', '/socket.io']);
    expect(n.get('nginx')!.config).toMatchObject({ serveStatic: true, staticPrefix: '/files/' });
    expect(r.notes).toContain(
      'location / (line 6): try_files /dev/null names no file of the request, so every request goes to @api: imported as its proxy_pass http://backend.',
    );
    expect(
      r.notes.some((x) => x.startsWith('location /files/ (line 8) serves files and sends')),
    ).toBe(true);
    expect(r.notes).toContain(
      "location = /check-auth (line 9) is internal (only nginx's own redirects reach it): not one of the users' requests.",
    );
    const users = r.doc.nodes.find((x) => x.kind === 'client')!;
    const paths = (users.config.routes as { path: string }[]).map((x) => x.path);
    expect(paths).not.toContain('/check-auth');
  });

  it('serves files from a regular-expression location under the path it starts with', async () => {
    const r = await ok(`upstream rails { server 127.0.0.1:3000; }
server {
  listen 80;
  root /opt/app/public;
  location ~ ^/assets/(css|js)/ { expires max; }
  location ~ \\.php$ { fastcgi_pass php:9000; }
  location / { proxy_pass http://rails; }
}
`);
    expect(byId(r.doc).get('nginx')!.config).toMatchObject({
      serveStatic: true,
      staticPrefix: '/assets/',
    });
    expect(r.notes).toContain(
      'location ~ ^/assets/(css|js)/ (line 5) serves files: nginx here serves files under /assets/, where the expression starts.',
    );
    expect(regexPrefix('^/(assets/|robots.txt)')).toBe('/');
    expect(regexPrefix('^/static/(thumbnails|avatars)/')).toBe('/static/');
    expect(regexPrefix('\\.(png|jpg)$')).toBeNull();
    expect(regexPrefix('/api/v[0-9]+/websocket$')).toBeNull();
  });

  it('says the line of a syntax error, and what is missing when nothing can be imported', async () => {
    const bad = await importNginx(
      'http {\n  server {\n    location / {\n      proxy_pass http://a\n    }\n  }\n}\n',
    );
    expect(bad).toMatchObject({
      ok: false,
      error: {
        line: 4,
        message:
          'nginx.conf line 4: unexpected "}": directive "proxy_pass" on line 4 is not terminated by ";".',
      },
    });
    const none = await importNginx('events {}\nstream { server { listen 53 udp; } }\n');
    expect(none.ok || none.error.message).toMatch(/no `http`, `server` or `upstream` block/);
    const empty = await importNginx('');
    expect(empty.ok || empty.error.message).toMatch(/There is nothing to import/);
  });
});
