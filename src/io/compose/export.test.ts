import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exampleDocument, node } from '../../model/example.ts';
import type { TopologyDocument } from '../../model/types.ts';
import { exportCompose } from './export.ts';

type Service = Record<string, unknown> & {
  depends_on?: Record<string, { condition: string }>;
  environment?: Record<string, string>;
  ports?: string[];
  networks?: string[];
};
const services = (doc: TopologyDocument) =>
  (parse(exportCompose(doc).text) as { services: Record<string, Service> }).services;

describe('exportCompose', () => {
  it('writes one service per box that runs as a container, nginx in front of the apps', () => {
    const s = services(exampleDocument());
    expect(Object.keys(s)).toEqual(['nginx', 'app1', 'app2', 'db']);
    expect(s.nginx).toMatchObject({
      image: 'nginx:1.27-alpine',
      ports: ['80:80', '443:443'],
      depends_on: {
        app1: { condition: 'service_healthy' },
        app2: { condition: 'service_healthy' },
      },
      volumes: [
        './nginx/nginx.conf:/etc/nginx/nginx.conf:ro',
        './static:/usr/share/nginx/html:ro',
        './certs:/etc/nginx/certs:ro',
      ],
    });
    expect(s.app1).toMatchObject({
      build: './app',
      image: 'my-first-backend-app',
      environment: {
        PORT: '8080',
        WEB_CONCURRENCY: '4',
        DB_URL: 'postgres://app:app@db:5432/app',
        DB_POOL_SIZE: '10',
      },
      healthcheck: { interval: '2s', timeout: '500ms', retries: 2 },
      deploy: { replicas: 1 },
    });
    expect(s.db).toMatchObject({
      image: 'postgres:16-alpine',
      command: ['postgres', '-c', 'max_connections=100'],
      healthcheck: { test: ['CMD-SHELL', 'pg_isready -U app -d app'] },
    });
    const { notes } = exportCompose(exampleDocument());
    expect(notes).toContain('Load balancer is the upstream block “lb” in the nginx.conf of nginx.');
  });

  it('writes the settings the images read: Redis maxmemory, MySQL max connections, RabbitMQ redelivery, outside URLs', () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'T',
      nodes: [
        node('api', 'app', 'API', 0, 0, { replicas: 3, poolSize: 25 }),
        node('sql', 'db', 'MySQL', 0, 0, { maxConnections: 60 }),
        node('redis', 'cache', 'Redis', 0, 0, { capacity: 5000 }),
        node('jobs', 'queue', 'Jobs', 0, 0, { visibilityTimeoutMs: 45_000 }),
        node('mailer', 'worker', 'Mailer', 0, 0, { concurrency: 3 }),
        node('stripe', 'external', 'api.stripe.com', 0, 0, { timeoutMs: 1500 }),
        node('maps', 'external', 'Maps', 0, 0),
        node('users', 'client', 'Users', 0, 0),
      ],
      edges: [
        { id: 'a', source: 'users', target: 'api' },
        { id: 'b', source: 'api', target: 'sql' },
        { id: 'c', source: 'api', target: 'redis' },
        { id: 'd', source: 'api', target: 'jobs' },
        { id: 'e', source: 'jobs', target: 'mailer' },
        { id: 'f', source: 'api', target: 'stripe' },
        { id: 'g', source: 'mailer', target: 'maps' },
      ],
    };
    const s = services(doc);
    expect(Object.keys(s)).toEqual(['api', 'sql', 'redis', 'jobs', 'mailer']);
    expect(s.api!.environment).toMatchObject({
      SQL_URL: 'mysql://app:app@sql:3306/app',
      REDIS_URL: 'redis://redis:6379',
      JOBS_URL: 'amqp://guest:guest@jobs:5672',
      STRIPE_URL: 'https://api.stripe.com',
      STRIPE_TIMEOUT_MS: '1500',
      DB_POOL_SIZE: '25',
    });
    // Three replicas cannot share one host port: only the container port is published.
    expect(s.api!.ports).toEqual(['8080']);
    expect(s.sql).toMatchObject({ image: 'mysql:8.4', command: ['--max-connections=60'] });
    expect(s.redis!.command).toEqual([
      'redis-server',
      '--maxmemory',
      '5000kb',
      '--maxmemory-policy',
      'allkeys-lru',
    ]);
    expect(s.jobs!.environment).toEqual({
      RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-rabbit consumer_timeout 45000',
    });
    // Jobs flow queue → worker; the worker depends on (starts after) its queue.
    expect(s.mailer).toMatchObject({
      environment: { ROLE: 'worker', CONCURRENCY: '3', MAPS_URL: 'https://maps.example.com' },
      depends_on: { jobs: { condition: 'service_healthy' } },
    });
    expect(s.jobs!.depends_on).toBeUndefined();
  });

  it('makes hosts networks; a box calling into another host joins its network', () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'T',
      nodes: [
        node('edge', 'group', 'Edge', 0, 0),
        node('core', 'group', 'Core', 0, 0),
        {
          ...node('web', 'proxy', 'nginx', 0, 0, { tls: false, serveStatic: false }),
          parent: 'edge',
        },
        { ...node('api', 'app', 'API', 0, 0), parent: 'core' },
        node('db', 'db', 'DB', 0, 0),
      ],
      edges: [
        { id: 'a', source: 'web', target: 'api' },
        { id: 'b', source: 'api', target: 'db' },
      ],
    };
    const text = exportCompose(doc).text;
    const file = parse(text) as {
      networks: Record<string, unknown>;
      services: Record<string, Service>;
    };
    expect(Object.keys(file.networks)).toEqual(['edge', 'core']);
    expect(file.services.web!.networks).toEqual(['edge', 'core']);
    expect(file.services.api!.networks).toEqual(['core', 'default']);
    expect(file.services.db!.networks).toEqual(['default']);
    // No users: the nginx nobody calls is the front door.
    expect(file.services.web!.ports).toEqual(['80:80']);
  });

  it('leaves out a depends_on that would close a circle, and says so', () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'T',
      nodes: [node('a', 'app', 'A', 0, 0), node('b', 'app', 'B', 0, 0)],
      edges: [
        { id: 'x', source: 'a', target: 'b' },
        { id: 'y', source: 'b', target: 'a' },
      ],
    };
    const r = exportCompose(doc);
    expect(r.notes).toContain('B → A is not a depends_on: Compose refuses circular dependencies.');
    const s = parse(r.text).services as Record<string, Service>;
    expect(s.a!.depends_on).toEqual({ b: { condition: 'service_healthy' } });
    expect(s.b!.depends_on).toBeUndefined();
  });

  it('comments each service with its box and keeps the diagram in x-playground', () => {
    const text = exportCompose(exampleDocument()).text;
    expect(text).toMatch(
      /^# compose\.yaml for “My first backend”, written by Backend Playground\./,
    );
    expect(text).toContain('  # App 1: App server\n  app1:\n');
    expect(text).toContain('    - { id: e-nginx-lb, source: nginx, target: lb, label: /api }');
  });
});
