// Small document builders for tests, the bench and examples (not used by the engine).

import { defaultConfig } from '../model/kinds.ts';
import type {
  Config,
  NodeKind,
  Route,
  TopologyDocument,
  TopologyEdge,
  TopologyNode,
} from '../model/types.ts';

export function box(
  id: string,
  kind: NodeKind,
  config: Config = {},
  parent?: string,
): TopologyNode {
  const n: TopologyNode = {
    id,
    kind,
    label: id,
    position: { x: 0, y: 0 },
    config: { ...defaultConfig(kind), ...config },
  };
  if (parent !== undefined) n.parent = parent;
  return n;
}

export function link(source: string, target: string, label?: string): TopologyEdge {
  const e: TopologyEdge = { id: `${source}->${target}`, source, target };
  if (label !== undefined) e.label = label;
  return e;
}

export function topology(nodes: TopologyNode[], edges: TopologyEdge[]): TopologyDocument {
  return { version: 1, title: 'test', nodes, edges };
}

/** client → app: a pure queue (c workers, given service distribution), for theory checks. */
export function queueDoc(
  rps: number,
  serviceMs: number,
  workers: number,
  dist: string,
): TopologyDocument {
  return topology(
    [
      box('users', 'client', {
        rps,
        timeoutMs: 600_000,
        users: 1000,
        routes: [{ method: 'GET', path: '/work', weight: 1 }],
      }),
      box('app', 'app', {
        concurrency: workers,
        serviceTimeMs: serviceMs,
        serviceDist: dist,
        queueLimit: 1_000_000,
        dbQueries: 0,
      }),
    ],
    [link('users', 'app')],
  );
}

/**
 * Every kind of box at once (15 nodes): users → DNS, CDN and nginx → LB → 4 apps → Redis,
 * PostgreSQL (pooled), a queue with 2 workers, a payment API; cron; static files.
 */
export function fullStackDoc(rps: number): TopologyDocument {
  const apps = ['app1', 'app2', 'app3', 'app4'];
  return topology(
    [
      box('users', 'client', {
        rps,
        timeoutMs: 5000,
        users: 100_000,
        routes: [
          { method: 'GET', path: '/api/items', weight: 8 },
          { method: 'POST', path: '/api/orders', weight: 1 },
          { method: 'GET', path: '/static/app.js', weight: 1 },
          { method: 'GET', path: '/images/logo.png', weight: 1 },
        ],
      }),
      box('dns', 'dns'),
      box('cdn', 'cdn', { staticPrefix: '/images' }),
      box('nginx', 'proxy', { concurrency: 8, maxConnections: 100_000 }),
      box('lb', 'lb', { strategy: 'least-connections' }),
      ...apps.map((id) =>
        box(id, 'app', { concurrency: 32, serviceTimeMs: 2, queueLimit: 1000, poolSize: 20 }),
      ),
      box('redis', 'cache', { keys: 100_000, capacity: 20_000 }),
      box('pg', 'db', { concurrency: 32, readMs: 2, writeMs: 4, maxConnections: 200 }),
      box('jobs', 'queue'),
      box('w1', 'worker', { concurrency: 8, serviceTimeMs: 20 }),
      box('w2', 'worker', { concurrency: 8, serviceTimeMs: 20 }),
      box('pay', 'external', { latencyMs: 50, errorRate: 0 }),
      box('files', 'static'),
      box('cron', 'cron', { everyMs: 5000, jobsPerRun: 5 }),
    ],
    [
      link('users', 'dns'),
      link('users', 'cdn'),
      link('users', 'nginx'),
      link('cdn', 'files'),
      link('nginx', 'lb', '/api'),
      ...apps.map((a) => link('lb', a)),
      ...apps.flatMap((a) => [link(a, 'redis'), link(a, 'pg'), link(a, 'jobs')]),
      link('jobs', 'w1'),
      link('jobs', 'w2'),
      link('w1', 'pay'),
      link('w2', 'pay'),
      link('cron', 'jobs'),
    ],
  );
}

/**
 * client → external API with `linkConfig` on the arrow (retries, timeout, breaker): the
 * API fails a share `errorRate` of calls and answers after `latencyMs` (constant, or the
 * given distribution). The user waits as long as it takes.
 */
export function guardedDoc(
  rps: number,
  errorRate: number,
  latencyMs: number,
  linkConfig: Config,
  latencyDist = 'constant',
  arrival = 'poisson',
): TopologyDocument {
  const e = link('users', 'api');
  e.config = linkConfig;
  return topology(
    [
      box('users', 'client', {
        rps,
        arrival,
        timeoutMs: 600_000,
        routes: [{ method: 'GET', path: '/x', weight: 1 }],
      }),
      box('api', 'external', { errorRate, latencyMs, latencyDist, timeoutMs: 600_000 }),
    ],
    [e],
  );
}

/** client (λ per second) → rate limiter (token bucket) → app with room for everything. */
export function limitedDoc(lambda: number, rate: number, burst: number): TopologyDocument {
  return topology(
    [
      box('users', 'client', {
        rps: lambda,
        timeoutMs: 600_000,
        routes: [{ method: 'GET', path: '/x', weight: 1 }],
      }),
      box('rl', 'limiter', { rate, burst }),
      box('app', 'app', { concurrency: 1024, serviceTimeMs: 1, serviceDist: 'constant' }),
    ],
    [link('users', 'rl'), link('rl', 'app')],
  );
}

/**
 * client (λ per second, a share `writes` of POSTs) → app with room for everything (one
 * query per request, a connection each) → database with the settings given (read
 * replicas, for theory checks).
 */
export function replicaDoc(
  rps: number,
  writes: number,
  db: Record<string, number | string>,
): TopologyDocument {
  const routes: Route[] = [];
  if (writes < 1) routes.push({ method: 'GET', path: '/item', weight: 1 - writes });
  if (writes > 0) routes.push({ method: 'POST', path: '/item', weight: writes });
  return topology(
    [
      box('users', 'client', { rps, timeoutMs: 600_000, routes }),
      box('app', 'app', {
        concurrency: 1024,
        queueLimit: 1_000_000,
        serviceTimeMs: 0,
        serviceDist: 'constant',
        dbQueries: 1,
        poolSize: 0,
        connectMs: 0,
      }),
      box('db', 'db', { maxConnections: 100_000, writeMs: 0, ...db }),
    ],
    [link('users', 'app'), link('app', 'db')],
  );
}

/**
 * client → load balancer → an autoscaled app (c workers of `serviceMs`, no cold start by
 * default), for the autoscaling theory check and the bench.
 */
export function autoscaleDoc(
  rps: number,
  serviceMs: number,
  workers: number,
  scale: Config = {},
): TopologyDocument {
  return topology(
    [
      box('users', 'client', {
        rps,
        timeoutMs: 600_000,
        users: 1000,
        routes: [{ method: 'GET', path: '/work', weight: 1 }],
      }),
      box('lb', 'lb', { strategy: 'least-connections' }),
      box('app', 'app', {
        concurrency: workers,
        serviceTimeMs: serviceMs,
        serviceDist: 'exponential',
        queueLimit: 1_000_000,
        dbQueries: 0,
        replicas: 1,
        autoscale: true,
        targetUtilizationPct: 70,
        minReplicas: 1,
        maxReplicas: 20,
        coldStartS: 5,
        cooldownS: 10,
        scaleEveryS: 10,
        ...scale,
      }),
    ],
    [link('users', 'lb'), link('lb', 'app')],
  );
}
