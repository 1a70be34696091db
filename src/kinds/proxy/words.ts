// nginx: its Mermaid shape, words and tie rank, and its rows of docs/engine.md.
// Only Mermaid import and export and the docs test read them (src/kinds/words.ts lists
// them), so they are not on the first page or in the simulation Worker.

import { defineWords } from '../spec.ts';

export default defineWords({
  mermaid: {
    shape: { open: '{{', close: '}}', name: 'hexagon' },
    tieRank: 6,
    evidence: {
      strong: [
        'proxy',
        'reverse proxy',
        'gateway',
        'api gateway',
        'apigateway',
        'api gw',
        'apigw',
        'api management',
        'apim',
        'ingress',
        'ingress controller',
        'edge router',
        'front door',
        'web server',
        'proxy server',
        'firewall',
        'waf',
        'web application firewall',
        'ssl termination',
        'tls termination',
        'rate limiting',
        'rate limiter',
        'throttling',
        'connection pooler',
        'pooler',
      ],
      heads: ['router', 'edge'],
      words: [
        'nginx',
        'envoy',
        'traefik',
        'caddy',
        'httpd',
        'apache',
        'kong',
        'istio',
        'zuul',
        'tyk',
        'krakend',
        'openresty',
        'iis',
        'pgbouncer',
        'pgpool',
        'proxysql',
        'odyssey',
        'cloudflare tunnel',
        'ingress nginx',
      ],
      icons: ['shield-alt', 'door-open', 'route'],
      shapes: [],
      groups: ['gateway', 'ingress', 'proxy', 'api gateway', 'dmz'],
    },
  },
  docs: [
    [
      'proxy (nginx)',
      '`inFlight > maxConnections` → `rejected`. TLS costs `tlsMs` of CPU (one of `concurrency` worker processes) when `tls`; with `serveStatic`, paths under `staticPrefix` are answered from disk (`staticMs`). Other paths are routed by edge label as a path prefix, longest first (`/api`, `api/*` → `/api`); labels that are not paths and unlabeled edges are the default; several edges for one prefix take turns. Nothing matches → `no-route`. With no arrow out at all, nginx is a plain web server: it answers every request itself (`staticMs`).',
    ],
  ],
});
