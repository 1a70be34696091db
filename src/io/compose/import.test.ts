import { describe, expect, it } from 'vitest';
import { exampleDocument, node } from '../../model/example.ts';
import { validateDocument } from '../../model/schema.ts';
import type { TopologyDocument } from '../../model/types.ts';
import type { ConfigImportSuccess } from '../config/result.ts';
import { exportCompose } from './export.ts';
import { envHosts, importCompose, redisAsQueue, serviceKind } from './import.ts';

async function ok(text: string): Promise<ConfigImportSuccess> {
  const r = await importCompose(text);
  if (!r.ok) throw new Error(r.error.message);
  expect(validateDocument(r.doc)).toEqual([]);
  return r;
}

const kinds = (doc: TopologyDocument) => Object.fromEntries(doc.nodes.map((n) => [n.id, n.kind]));
const arrows = (doc: TopologyDocument) => doc.edges.map((e) => `${e.source}>${e.target}`).sort();

const SHOP = `services:
  proxy:
    image: nginx:1.27
    ports: ["80:80"]
    depends_on: [api]
  api:
    build: ./api
    deploy:
      replicas: 3
    environment:
      DATABASE_URL: postgres://shop:secret@db:5432/shop
      REDIS_HOST: cache
      WEB_CONCURRENCY: 8
    networks: [back, front]
  worker:
    build: ./api
    command: celery -A shop worker --concurrency=6
    depends_on:
      broker:
        condition: service_healthy
  beat:
    build: ./api
    command: celery -A shop beat
    links: ["broker:rabbit"]
  db:
    image: postgres:16
    command: postgres -c max_connections=250
    volumes: [pg:/var/lib/postgresql/data]
    networks: [back]
  cache:
    image: redis:7-alpine
    command: ["redis-server", "--maxmemory", "64mb"]
    networks: [back]
  broker:
    image: rabbitmq:3-management
  mail:
    image: mailhog/mailhog
  metrics:
    image: someone/thing:1.0
    env_file: .env
networks:
  back: {}
  front: {}
volumes:
  pg: {}
`;

describe('importCompose: services become boxes by their image', () => {
  it('maps images, builds, commands and names to kinds, with reasons', async () => {
    const r = await ok(SHOP);
    expect(kinds(r.doc)).toMatchObject({
      proxy: 'proxy',
      api: 'app',
      worker: 'worker',
      beat: 'cron',
      db: 'db',
      cache: 'cache',
      broker: 'queue',
      mail: 'external',
      metrics: 'app',
      users: 'client',
    });
    expect(r.reasons.db).toBe('service db: image postgres:16 is a database image');
    expect(r.reasons.api).toBe('service api: built from source (./api)');
    expect(r.reasons.worker).toMatch(
      /built from source \(\.\/api\); its name or command says it runs jobs/,
    );
    expect(r.reasons.beat).toMatch(/runs on a schedule/);
    expect(r.notes).toContain(
      'metrics: image someone/thing:1.0 is not one we know: taken as an app server.',
    );
    expect(r.exact).toBe(false);
  });

  it('turns depends_on, links and addresses in the environment into arrows; a worker takes jobs from its queue', async () => {
    const r = await ok(SHOP);
    expect(arrows(r.doc)).toEqual([
      'api>cache',
      'api>db',
      'beat>broker',
      'broker>worker',
      'proxy>api',
      'users>proxy',
    ]);
    expect(r.notes.join('\n')).toMatch(/1 worker depending on a queue takes jobs from it/);
    expect(r.notes.join('\n')).toMatch(/2 arrows come from addresses in environment variables/);
  });

  it('reads replicas and the settings those images read', async () => {
    const r = await ok(SHOP);
    const by = new Map(r.doc.nodes.map((n) => [n.id, n]));
    expect(by.get('api')!.config).toMatchObject({ replicas: 3, concurrency: 8 });
    expect(by.get('worker')!.config.concurrency).toBe(6);
    expect(by.get('db')!.config.maxConnections).toBe(250);
    expect(by.get('cache')!.config.capacity).toBe(65_536);
  });

  it('makes networks hosts (a box in the host of its first network) and lists what it cannot map', async () => {
    const r = await ok(SHOP);
    const back = r.doc.nodes.find((n) => n.kind === 'group' && n.label === 'back')!;
    expect(back).toBeDefined();
    expect(
      r.doc.nodes
        .filter((n) => n.parent === back.id)
        .map((n) => n.id)
        .sort(),
    ).toEqual(['api', 'cache', 'db']);
    expect(r.notes.join('\n')).toMatch(/api is on several networks/);
    expect(r.unmapped).toEqual([
      'volumes (db): data on disk is not simulated',
      'env_file (metrics): the files are not read here',
      'volumes (pg): data on disk is not simulated',
    ]);
  });

  it('adds Users in front of the service that publishes a port, so the diagram runs', async () => {
    const r = await ok(SHOP);
    expect(r.doc.edges.find((e) => e.source === 'users')!.target).toBe('proxy');
    expect(r.notes).toContain(
      'Users were added in front of proxy (it publishes a port) so the diagram runs.',
    );
  });

  it('reads scale, v1 files, list environments and merge keys', async () => {
    const r = await ok(`x-app: &app
  build: .
  environment:
    - WEB_CONCURRENCY=2
web:
  <<: *app
  links: [redis]
redis:
  image: redis
`);
    expect(r.notes[0]).toMatch(/version 1 compose file/);
    expect(kinds(r.doc)).toMatchObject({ web: 'app', redis: 'cache' });
    // `build: .` is a folder, not a number (as YAML 1.1 would have it).
    expect(r.reasons.web).toBe('service web: built from source (.)');
    const v2 = await ok(
      'version: "2"\nservices:\n  web:\n    image: node:20\n    scale: 4\n    environment: [WEB_CONCURRENCY=2]\n',
    );
    expect(v2.doc.nodes.find((n) => n.id === 'web')!.config).toMatchObject({
      replicas: 4,
      concurrency: 2,
    });
  });

  it('clamps settings to what the playground allows and says so', async () => {
    const r = await ok('services:\n  web:\n    build: .\n    deploy: { replicas: 500 }\n');
    expect(r.doc.nodes.find((n) => n.id === 'web')!.config.replicas).toBe(64);
    expect(r.notes.join('\n')).toMatch(
      /web: deploy.replicas is 500; the replicas here is 64 \(1–64\)/,
    );
  });
});

describe('importCompose: bad input', () => {
  it('gives YAML errors with line and column', async () => {
    const r = await importCompose('services:\n  web:\n    image: nginx\n   ports: [80]\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ line: 4 });
    expect(r.error.message).toMatch(/^YAML error on line 4, column \d+: /);
    const tab = await importCompose('services:\n\tweb:\n    image: x\n');
    expect(tab.ok || tab.error.line).toBe(2);
    const dup = await importCompose('services:\n  web:\n    image: a\n    image: b\n');
    expect(dup.ok || dup.error.message).toMatch(/line 4, column 5: Map keys must be unique/);
  });

  it('says which alias has no anchor, and which merge key is not given a map, with the line', async () => {
    const alias = await importCompose('services:\n  web:\n    image: a\n    environment: *env\n');
    expect(alias).toMatchObject({
      ok: false,
      error: {
        line: 4,
        message: 'YAML error on line 4, column 18: the alias *env has no anchor &env before it.',
      },
    });
    const merge = await importCompose(
      'x-a: &a just text\nservices:\n  web:\n    <<: *a\n    image: nginx\n',
    );
    expect(merge).toMatchObject({ ok: false, error: { line: 4 } });
    if (!merge.ok)
      expect(merge.error.message).toMatch(/^YAML error on line 4, column 5: `<<:` merges a map/);
    // A list of maps merges fine.
    const list = await importCompose(
      'x-a: &a {image: nginx}\nx-b: &b {ports: [80]}\nservices:\n  web:\n    <<: [*a, *b]\n',
    );
    expect(list.ok).toBe(true);
  });

  it('says what is wrong with YAML that is not a compose file', async () => {
    const messages = await Promise.all(
      [
        '',
        '   ',
        '- a\n- b\n',
        'just text',
        'name: shop\nfoo: 1\n',
        'services: 3\n',
        'services: {}\n',
      ].map(async (t) => {
        const r = await importCompose(t);
        return r.ok ? 'ok' : r.error.message;
      }),
    );
    expect(messages).toEqual([
      'There is nothing to import: paste a compose.yaml (it has a `services:` map).',
      'There is nothing to import: paste a compose.yaml (it has a `services:` map).',
      'This is not a Docker Compose file: it should be a map with `services:` at the top.',
      'This is not a Docker Compose file: it should be a map with `services:` at the top.',
      'There is no `services:` map, so this is not a Docker Compose file (or it is one we cannot read).',
      '`services:` should be a map of service names to their settings.',
      'There are no services to import: `services:` is empty.',
    ]);
  });
});

describe('importCompose: our own export', () => {
  it('gives back exactly the diagram, hosts, outside boxes and labels included', async () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'Shop: “v2” #1',
      direction: 'TB',
      nodes: [
        { ...node('site', 'group', 'Data centre', 200, 0), size: { width: 700, height: 500 } },
        node('users', 'client', 'Users', 0, 0, { rps: 120 }),
        node('cdn', 'cdn', 'CDN', 100, 0),
        { ...node('web', 'proxy', 'nginx: front', 20, 40, { tls: false }), parent: 'site' },
        {
          ...node('api', 'app', 'API', 240, 40, { replicas: 3, serviceTimeMs: 35 }),
          parent: 'site',
        },
        { ...node('pay', 'external', 'api.stripe.com', 600, 0) },
        {
          ...node('orders', 'db', 'MySQL orders', 240, 200, { maxConnections: 40 }),
          parent: 'site',
        },
        { ...node('q', 'queue', 'Jobs', 400, 200), parent: 'site' },
        { ...node('mailer', 'worker', 'Mailer', 500, 200, { replicas: 2 }), parent: 'site' },
      ],
      edges: [
        { id: 'a', source: 'users', target: 'cdn' },
        { id: 'b', source: 'cdn', target: 'web' },
        { id: 'c', source: 'web', target: 'api', label: '/api/' },
        { id: 'd', source: 'api', target: 'orders' },
        { id: 'e', source: 'api', target: 'pay', label: 'charge' },
        { id: 'f', source: 'api', target: 'q' },
        { id: 'g', source: 'q', target: 'mailer' },
      ],
    };
    const r = await ok(exportCompose(doc).text);
    expect(r.doc).toEqual(doc);
    expect(r.exact).toBe(true);
    expect(r.laidOut).toBe(false);
  });

  it('honours hand edits: a deleted service is gone, a new one is guessed, edited replicas are read', async () => {
    const text = exportCompose(exampleDocument())
      .text.replace(/ {2}# App 2[\s\S]*?(?= {2}# Database)/, '')
      .replace('replicas: 1', 'replicas: 5')
      .replace('services:\n', 'services:\n  cache:\n    image: valkey/valkey:8\n  ')
      .replace(/\n {2}# nginx/, '\n  # nginx');
    const r = await ok(text);
    const ids = r.doc.nodes.map((n) => n.id);
    expect(ids).not.toContain('app2');
    expect(ids).toContain('cache');
    expect(r.inferred).toEqual(['cache']);
    expect(r.doc.nodes.find((n) => n.id === 'app1')!.config.replicas).toBe(5);
    expect(r.notes).toContain(
      'App 2 is not in the file any more (service app2), so it is left out.',
    );
    expect(r.laidOut).toBe(true);
  });
});

describe('a Redis that holds job queues', () => {
  const jobs = (extra = '', redis = 'redis:7') => `services:
  web:
    build: .
    depends_on: [redis]
  worker:
    build: .
    command: celery -A app worker
    environment:
      BROKER_URL: redis://redis:6379/0
  redis:
    image: ${redis}
${extra}`;

  it('is a queue when a worker takes jobs from it and the file has no other broker', async () => {
    const r = await ok(jobs());
    expect(kinds(r.doc).redis).toBe('queue');
    expect(r.reasons.redis).toMatch(/worker worker takes its jobs from it/);
    // The worker's address of it becomes the queue handing it jobs.
    expect(arrows(r.doc)).toContain('redis>worker');
  });

  it('stays a cache beside another broker, when it evicts keys, or when its name says cache', async () => {
    const rabbit = await ok(jobs('  mq:\n    image: rabbitmq:3\n'));
    expect(kinds(rabbit.doc).redis).toBe('cache');
    const lru = await ok(
      jobs('    command: redis-server --maxmemory 64mb --maxmemory-policy allkeys-lru\n'),
    );
    expect(kinds(lru.doc).redis).toBe('cache');
    const memcached = await ok(jobs('', 'memcached:1.6'));
    expect(kinds(memcached.doc).redis).toBe('cache');
    expect(
      redisAsQueue(
        'redis-cache',
        'valkey/valkey:8',
        '',
        [{ name: 'w', targets: new Set(['redis-cache']) }],
        false,
      ),
    ).toBeNull();
  });

  it('is a queue when its name says broker, worker or not', () => {
    expect(redisAsQueue('broker', 'docker.io/valkey/valkey:9-alpine', '', [], false)).toBe(
      'its name says job queue',
    );
    expect(redisAsQueue('broker', 'postgres:16', '', [], false)).toBeNull();
  });
});

describe('serviceKind and envHosts', () => {
  it('knows the usual images, and names that say load balancer', () => {
    const k = (image: string, name = 'x') =>
      serviceKind({ name, image, command: '', environment: {} }).kind;
    expect(k('bitnami/postgresql:16')).toBe('db');
    expect(k('mongo:7')).toBe('db');
    expect(k('confluentinc/cp-kafka:7.6.0')).toBe('queue');
    expect(k('nats:2')).toBe('queue');
    expect(k('traefik:v3.0')).toBe('proxy');
    expect(k('haproxy:2.9')).toBe('lb');
    expect(k('nginx:alpine', 'lb')).toBe('lb');
    expect(k('memcached:1.6')).toBe('cache');
    expect(k('minio/minio')).toBe('static');
    expect(k('traefik/whoami')).toBe('app');
    expect(k('grafana/k6')).toBe('client');
    expect(k('python:3.12', 'celery-worker')).toBe('worker');
    expect(k('docker.io/netboxcommunity/netbox:v4', 'netbox-housekeeping')).toBe('cron');
  });

  it('finds hosts in URLs and *_HOST variables only', () => {
    expect(
      [
        ...envHosts({
          DATABASE_URL: 'postgres://app:app@db:5432/app',
          POSTGRES_USER: 'app',
          REDIS_HOST: 'cache',
          KAFKA_BROKERS: 'k1:9092,k2:9092',
        }),
      ].sort(),
    ).toEqual(['cache', 'db', 'k1', 'k2']);
  });
});
