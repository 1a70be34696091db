// How each kind of box is written as real configuration and read back from it: one row per
// kind, so everything Docker Compose and nginx know about a kind sits in one place (the
// compose export and import, the nginx export and import and the README all read it).
// docs/config-export.md is this table in words.

import { fieldSpec, KINDS } from '../../model/kinds.ts';
import type { Config, NodeKind, TopologyNode } from '../../model/types.ts';
import { clamp, duration, parseBytes } from './names.ts';

/** A Compose service as we write it (key order is the order in the file). */
export interface ComposeService {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: {
    test: string[];
    interval: string;
    timeout: string;
    retries: number;
    start_period?: string;
  };
  volumes?: string[];
  deploy?: { replicas: number };
}

/** What a kind's row gets to build its service. */
export interface ServiceContext {
  node: TopologyNode;
  /** This box's service name. */
  name: string;
  /** The services this box calls, with their kinds, for connection settings. */
  targets: { name: string; node: TopologyNode }[];
  /** The load balancer in front of this box, whose health checks it answers. */
  checkedBy?: TopologyNode;
  /** The nginx config file mounted into an nginx service (`nginx/nginx.conf`). */
  nginxConf?: string;
  /** A named volume for data (`db-data`). */
  volume: string;
}

/** A service from a compose file, normalized for the importers. */
export interface ServiceView {
  name: string;
  image?: string;
  /** The build context when the service is built from source. */
  build?: string;
  /** The command (and entrypoint) as one line of words. */
  command: string;
  environment: Record<string, string>;
  replicas?: number;
}

export interface ConfigKind {
  /** How it is written, one phrase for the README and the docs. */
  written: string;
  /** Kinds without a container of their own: why not (said in the README). */
  outside?: string;
  /** The port it listens on inside the network. */
  port?: number;
  /** The URL another service uses to reach it (an environment variable's value). */
  url?: (name: string, node: TopologyNode) => string;
  service?: (ctx: ServiceContext) => ComposeService;
  /** Real settings read back from a service into the box's config; notes say what. */
  read?: (service: ServiceView, config: Config, note: (text: string) => void) => void;
  /** Images that mean this kind on import. */
  images?: RegExp;
  /** How those images are named in a reason ("a PostgreSQL image"). */
  imageWhat?: string;
  /**
   * Words in a service's name that mean this kind when its image does not say (it is built
   * from source, or an image we do not know); for cron and workers also in its command.
   */
  names?: { words: RegExp; what: string };
  /** A command that means this kind whatever the name (a crontab line for cron). */
  command?: RegExp;
  /** Load balancers: the `upstream` method line of each strategy (null: none needed). */
  methods?: Record<string, string | null>;
}

const num = (node: TopologyNode, key: string): number => {
  const v = node.config[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  const f = fieldSpec(node.kind, key);
  return f?.type === 'number' ? f.default : 0;
};

/** Sets a number setting read from a file, inside the field's range; says so when clamped. */
export function setNumber(
  kind: NodeKind,
  config: Config,
  key: string,
  value: number,
  what: string,
  note: (text: string) => void,
): void {
  const f = fieldSpec(kind, key);
  if (f?.type !== 'number' || !Number.isFinite(value)) return;
  let v = clamp(value, f.min, f.max);
  if (f.integer) v = Math.round(v);
  if (v !== value)
    note(`${what} is ${value}; the ${f.label.toLowerCase()} here is ${v} (${f.min}–${f.max}).`);
  config[key] = v;
}

const first = (env: Record<string, string>, names: readonly string[]): number | undefined => {
  for (const n of names) {
    const v = env[n];
    if (v !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  }
  return undefined;
};

const APP_PORT = 8080;

/** The health check a service answers, timed by the load balancer in front when there is one. */
function httpCheck(ctx: ServiceContext, port: number): ComposeService['healthcheck'] {
  const lb = ctx.checkedBy;
  return {
    test: ['CMD', 'wget', '-q', '-O', '/dev/null', `http://localhost:${port}/health`],
    interval: duration(lb ? num(lb, 'healthCheckIntervalMs') : 10_000),
    timeout: duration(lb ? num(lb, 'healthCheckTimeoutMs') : 2000),
    retries: lb ? num(lb, 'unhealthyThreshold') : 3,
  };
}

/** Connection settings for what a box calls: `DB_URL=postgres://…@db:5432/app`. */
function connections(ctx: ServiceContext): Record<string, string> {
  const env: Record<string, string> = {};
  for (const t of ctx.targets) {
    const row = CONFIG_KINDS[t.node.kind];
    if (!row.url) continue;
    const key = `${t.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_URL`;
    env[key] = row.url(t.name, t.node);
    if (t.node.kind === 'external') {
      env[key.replace(/_URL$/, '_TIMEOUT_MS')] = String(num(t.node, 'timeoutMs'));
    }
  }
  return env;
}

const isMysql = (node: TopologyNode) => /my\s*sql|maria/i.test(`${node.label} ${node.id}`);

const replicasOf = (service: ServiceView, config: Config, note: (t: string) => void) => {
  if (service.replicas !== undefined) {
    setNumber(
      'app',
      config,
      'replicas',
      service.replicas,
      `${service.name}: deploy.replicas`,
      note,
    );
  }
};

export const CONFIG_KINDS: Record<NodeKind, ConfigKind> = {
  client: {
    names: {
      words:
        /\b(load ?test(er|ing|s)?|load ?gen(erator)?|loadgen|user ?sim|simulator|locust|k6|siege|seed|client)\b/i,
      what: 'sends requests (a load generator or test client)',
    },
    written:
      'not a service: the users are outside the stack; nginx.conf gets their timeout (proxy_read_timeout)',
    outside: 'users are outside the stack (send traffic with a load tester such as k6, hey or wrk)',
    images: /(^|\/)(k6|locust|locustio|jmeter|vegeta|hey|wrk2?|artillery|gatling|siege|ab)(:|$)/,
    imageWhat: 'a load generator',
  },
  dns: {
    written: 'not a service: Docker’s own DNS finds services by name inside the stack',
    outside:
      'Docker’s own DNS answers service names inside the stack; public DNS points at your server',
    images: /(^|\/)(coredns|bind9?|dnsmasq|unbound|pihole|pi-hole|powerdns|pdns[\w-]*)(:|$)/,
    imageWhat: 'a DNS server',
  },
  cdn: {
    written: 'not a service: a CDN sits in front of the stack, on the internet',
    outside: 'a CDN sits in front of your server on the internet (point it at nginx)',
    images: /(^|\/)(varnish)(:|$)/,
    imageWhat: 'an HTTP cache in front (Varnish)',
  },
  proxy: {
    names: {
      words: /\b(nginx|proxy|gateway|router|ingress|traefik|caddy|envoy|edge)\b/i,
      what: 'is a reverse proxy',
    },
    written:
      'an `nginx` service with its nginx.conf mounted, publishing ports 80 (and 443 with TLS)',
    port: 80,
    url: (name) => `http://${name}`,
    service: (ctx) => {
      const volumes = [`./${ctx.nginxConf}:/etc/nginx/nginx.conf:ro`];
      if (ctx.node.config.serveStatic !== false) volumes.push('./static:/usr/share/nginx/html:ro');
      if (ctx.node.config.tls !== false) volumes.push('./certs:/etc/nginx/certs:ro');
      return { image: 'nginx:1.27-alpine', volumes };
    },
    images:
      /(^|\/)(nginx|openresty|nginx-proxy|nginx-proxy-manager|traefik|caddy|envoy|envoyproxy\/envoy|kong|httpd|apache2?|tengine|angie)([:@-]|$)/,
    imageWhat: 'a reverse proxy',
  },
  lb: {
    names: { words: /\b(lb|load ?balancer|balancer|haproxy)\b/i, what: 'is a load balancer' },
    methods: {
      'round-robin': null,
      weighted: null,
      'least-connections': 'least_conn',
      'ip-hash': 'ip_hash',
      random: 'random',
      p2c: 'random two least_conn',
    },
    written:
      'an `upstream` block (balancing method, max_fails/fail_timeout from the health checks) in the nginx.conf of the nginx in front; a load balancer that is itself the front door is an `nginx` service of its own',
    port: 80,
    url: (name) => `http://${name}`,
    service: (ctx) => ({
      image: 'nginx:1.27-alpine',
      volumes: [`./${ctx.nginxConf}:/etc/nginx/nginx.conf:ro`],
    }),
    images: /(^|\/)(haproxy|haproxytech\/haproxy[\w-]*|bitnami\/haproxy|seesaw|gobetween)(:|$)/,
    imageWhat: 'a load balancer',
  },
  app: {
    written:
      'a service built from `./app` (one image for every app server) with `deploy.replicas`, `WEB_CONCURRENCY` and its connections as `*_URL` variables',
    port: APP_PORT,
    url: (name) => `http://${name}:${APP_PORT}`,
    service: (ctx) => {
      const n = ctx.node;
      const env: Record<string, string> = {
        PORT: String(APP_PORT),
        WEB_CONCURRENCY: String(num(n, 'concurrency')),
        ...connections(ctx),
      };
      if (ctx.targets.some((t) => t.node.kind === 'db')) {
        env.DB_POOL_SIZE = String(num(n, 'poolSize'));
        env.DB_POOL_TIMEOUT_MS = String(num(n, 'poolTimeoutMs'));
      }
      return {
        build: './app',
        environment: env,
        healthcheck: httpCheck(ctx, APP_PORT),
        deploy: { replicas: num(n, 'replicas') },
      };
    },
    read: (s, config, note) => {
      replicasOf(s, config, note);
      const workers = first(s.environment, [
        'WEB_CONCURRENCY',
        'GUNICORN_WORKERS',
        'PUMA_WORKERS',
        'UVICORN_WORKERS',
        'WORKERS',
      ]);
      if (workers !== undefined) {
        setNumber('app', config, 'concurrency', workers, `${s.name}: WEB_CONCURRENCY`, note);
      }
      const pool = first(s.environment, [
        'DB_POOL_SIZE',
        'DATABASE_POOL_SIZE',
        'DB_POOL',
        'POOL_SIZE',
        'RAILS_MAX_THREADS',
      ]);
      if (pool !== undefined)
        setNumber('app', config, 'poolSize', pool, `${s.name}: DB_POOL_SIZE`, note);
      const wait = first(s.environment, ['DB_POOL_TIMEOUT_MS']);
      if (wait !== undefined) {
        setNumber('app', config, 'poolTimeoutMs', wait, `${s.name}: DB_POOL_TIMEOUT_MS`, note);
      }
    },
    images:
      /(^|\/)(node|python|ruby|php|golang|openjdk|eclipse-temurin|amazoncorretto|tomcat|jetty|dotnet|mcr\.microsoft\.com\/dotnet|wordpress|ghost|drupal|joomla|gitea|nextcloud|strapi|directus|keycloak|grafana|kibana|prometheus|adminer|phpmyadmin|pgadmin|dpage\/pgadmin4|redis-commander|mongo-express|whoami|traefik\/whoami|http-echo)(:|$|[/@-])/,
    imageWhat: 'an application image',
  },
  db: {
    names: {
      words:
        /\b(db|database|postgres|postgresql|pg|mysql|mariadb|mongo|mongodb|sql|cassandra|clickhouse)\b/i,
      what: 'is a database',
    },
    written:
      'a `postgres` service (or `mysql` when the box says MySQL/MariaDB) with `max_connections` from its settings, a data volume and a `pg_isready` health check',
    port: 5432,
    url: (name, node) =>
      isMysql(node) ? `mysql://app:app@${name}:3306/app` : `postgres://app:app@${name}:5432/app`,
    service: (ctx): ComposeService => {
      const max = String(num(ctx.node, 'maxConnections'));
      if (isMysql(ctx.node)) {
        return {
          image: 'mysql:8.4',
          command: [`--max-connections=${max}`],
          environment: {
            MYSQL_DATABASE: 'app',
            MYSQL_USER: 'app',
            MYSQL_PASSWORD: 'app',
            MYSQL_ROOT_PASSWORD: 'change-me',
          },
          healthcheck: {
            test: ['CMD', 'mysqladmin', 'ping', '-h', 'localhost'],
            interval: '5s',
            timeout: '3s',
            retries: 10,
          },
          volumes: [`${ctx.volume}:/var/lib/mysql`],
        };
      }
      return {
        image: 'postgres:16-alpine',
        command: ['postgres', '-c', `max_connections=${max}`],
        environment: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app', POSTGRES_DB: 'app' },
        healthcheck: {
          test: ['CMD-SHELL', 'pg_isready -U app -d app'],
          interval: '5s',
          timeout: '3s',
          retries: 10,
        },
        volumes: [`${ctx.volume}:/var/lib/postgresql/data`],
      };
    },
    read: (s, config, note) => {
      const m =
        /max[_-]connections[= ](\d+)/i.exec(s.command) ??
        /max[_-]connections[= ](\d+)/i.exec(Object.values(s.environment).join(' '));
      if (m)
        setNumber('db', config, 'maxConnections', Number(m[1]), `${s.name}: max_connections`, note);
    },
    images:
      /(^|\/)(postgres|postgis|postgresql|timescaledb[\w-]*|pgvector|supabase\/postgres|mysql|mysql-server|mariadb|percona[\w-]*|mongo|mongodb[\w-]*|cockroach|cockroachdb|cassandra|scylla|scylladb|clickhouse[\w-]*|couchdb|couchbase[\w-]*|neo4j|influxdb|elasticsearch|opensearch|mssql[\w-]*|mcr\.microsoft\.com\/mssql[\w/-]*|oracle[\w-]*|surrealdb|arangodb|rethinkdb|dynamodb-local|amazon\/dynamodb-local|questdb|yugabytedb)([:@/]|$)/,
    imageWhat: 'a database image',
  },
  cache: {
    names: { words: /\b(redis\w*|memcached?|cache|valkey)\b/i, what: 'is an in-memory store' },
    written:
      'a `redis` service with `--maxmemory` from its capacity (1 KB per entry) and `--maxmemory-policy allkeys-lru`, and a `redis-cli ping` health check',
    port: 6379,
    url: (name) => `redis://${name}:6379`,
    service: (ctx) => {
      const capacity = num(ctx.node, 'capacity');
      const command = ['redis-server'];
      if (capacity > 0) command.push('--maxmemory', `${capacity}kb`);
      command.push('--maxmemory-policy', 'allkeys-lru');
      return {
        image: 'redis:7-alpine',
        command,
        healthcheck: {
          test: ['CMD', 'redis-cli', 'ping'],
          interval: '5s',
          timeout: '3s',
          retries: 10,
        },
      };
    },
    read: (s, config, note) => {
      const m = /--maxmemory\s+(\S+)/i.exec(s.command);
      const bytes = m ? parseBytes(m[1]!) : null;
      if (bytes !== null && bytes > 0) {
        setNumber(
          'cache',
          config,
          'capacity',
          bytes / 1024,
          `${s.name}: --maxmemory ${m![1]} (1 KB per entry)`,
          note,
        );
      }
    },
    images:
      /(^|\/)(redis|redis-stack[\w-]*|bitnami\/redis|valkey|valkey\/valkey|memcached|keydb|eqalpha\/keydb|dragonfly|dragonflydb\/dragonfly|hazelcast[\w/-]*|garnet)([:@]|$)/,
    imageWhat: 'an in-memory store',
  },
  queue: {
    names: { words: /\b(rabbit\w*|kafka|nats|broker|mq)\b/i, what: 'is a message broker' },
    written:
      'a `rabbitmq` service (redelivery after `consumer_timeout`) with a health check; workers depend on it',
    port: 5672,
    url: (name) => `amqp://guest:guest@${name}:5672`,
    service: (ctx) => ({
      image: 'rabbitmq:3-management-alpine',
      environment: {
        RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: `-rabbit consumer_timeout ${num(ctx.node, 'visibilityTimeoutMs')}`,
      },
      healthcheck: {
        test: ['CMD', 'rabbitmq-diagnostics', '-q', 'ping'],
        interval: '10s',
        timeout: '5s',
        retries: 10,
      },
    }),
    read: (s, config, note) => {
      const m = /consumer_timeout\s+(\d+)/.exec(
        `${s.environment.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS ?? ''} ${s.command}`,
      );
      if (m) {
        setNumber(
          'queue',
          config,
          'visibilityTimeoutMs',
          Number(m[1]),
          `${s.name}: consumer_timeout`,
          note,
        );
      }
    },
    images:
      /(^|\/)(rabbitmq|bitnami\/rabbitmq|kafka|confluentinc\/cp-kafka|bitnami\/kafka|apache\/kafka|redpandadata\/redpanda|vectorized\/redpanda|redpanda|nats|nats-streaming|activemq[\w-]*|apache\/activemq[\w-]*|artemis|pulsar|apachepulsar\/pulsar|eclipse-mosquitto|emqx\/emqx|emqx|elasticmq|softwaremill\/elasticmq[\w-]*|beanstalkd|nsqio\/nsq)([:@]|$)/,
    imageWhat: 'a message broker',
  },
  worker: {
    names: {
      words:
        /\b(worker|workers|consumer|consumers|replacer|forwarder|async|celery|sidekiq|rq|resque|jobs?|bull|bullmq|horizon|delayed job|dramatiq|huey|faktory|queue|queues|listener|processor)\b/i,
      what: 'runs jobs',
    },
    written:
      'a service built from `./app` with `ROLE=worker`, `CONCURRENCY` and `deploy.replicas`, depending on its queue',
    service: (ctx) => ({
      build: './app',
      environment: {
        ROLE: 'worker',
        CONCURRENCY: String(num(ctx.node, 'concurrency')),
        ...connections(ctx),
      },
      deploy: { replicas: num(ctx.node, 'replicas') },
    }),
    read: (s, config, note) => {
      replicasOf(s, config, note);
      const env = first(s.environment, ['CONCURRENCY', 'WORKER_CONCURRENCY', 'CELERY_CONCURRENCY']);
      const flag = /(?:--concurrency[= ]|\s-c\s*)(\d+)/.exec(` ${s.command}`);
      const n = env ?? (flag ? Number(flag[1]) : undefined);
      if (n !== undefined)
        setNumber('worker', config, 'concurrency', n, `${s.name}: concurrency`, note);
    },
    images: /(^|\/)(celery|sidekiq|faktory|contribsys\/faktory)(:|$)/,
    imageWhat: 'a job runner',
  },
  cron: {
    names: {
      words: /\b(cron|crond|crontab|scheduler|schedule|beat|clock|periodic|timer|ofelia)\b/i,
      what: 'runs on a schedule',
    },
    // A crontab line: five time fields, then the job.
    command: /(^|[\s"'])([\d*/,-]+\s+){4}[\d*/,-]+\s+\S/,
    written: 'a service built from `./app` with `ROLE=cron`, `EVERY_SECONDS` and `JOBS_PER_RUN`',
    service: (ctx) => ({
      build: './app',
      environment: {
        ROLE: 'cron',
        EVERY_SECONDS: String(num(ctx.node, 'everyMs') / 1000),
        JOBS_PER_RUN: String(num(ctx.node, 'jobsPerRun')),
        ...connections(ctx),
      },
    }),
    read: (s, config, note) => {
      const every = first(s.environment, ['EVERY_SECONDS']);
      if (every !== undefined)
        setNumber('cron', config, 'everyMs', every * 1000, `${s.name}: EVERY_SECONDS`, note);
      const jobs = first(s.environment, ['JOBS_PER_RUN']);
      if (jobs !== undefined)
        setNumber('cron', config, 'jobsPerRun', jobs, `${s.name}: JOBS_PER_RUN`, note);
    },
    images:
      /(^|\/)(mcuadros\/ofelia|ofelia|crazymax\/swarm-cronjob|supercronic|willfarrell\/crontab|chadburn|premoweb\/chadburn)(:|$)/,
    imageWhat: 'a scheduler',
  },
  static: {
    written: 'a `minio` (S3-compatible) service with a data volume; nginx proxies its paths to it',
    port: 9000,
    url: (name) => `http://${name}:9000`,
    service: (ctx) => ({
      image: 'minio/minio:latest',
      command: ['server', '/data'],
      healthcheck: {
        test: ['CMD', 'mc', 'ready', 'local'],
        interval: '10s',
        timeout: '5s',
        retries: 5,
      },
      volumes: [`${ctx.volume}:/data`],
    }),
    images:
      /(^|\/)(minio|minio\/minio|bitnami\/minio|seaweedfs|chrislusf\/seaweedfs|localstack|localstack\/localstack|azurite|mcr\.microsoft\.com\/azure-storage\/azurite|fake-gcs-server|fsouza\/fake-gcs-server|zenko\/cloudserver|scality\/s3server)([:@]|$)/,
    imageWhat: 'an object store (S3)',
  },
  external: {
    names: {
      words: /\b(smtp|ldap|openldap|httpbin|stripe|paypal|payment ?(gateway|provider|api))\b/i,
      what: 'stands in for someone else’s service',
    },
    written:
      'not a service: the boxes that call it get `<NAME>_URL` (a placeholder address) and `<NAME>_TIMEOUT_MS`',
    outside:
      'someone else’s service: the boxes calling it get its address as a placeholder variable',
    // A label that is an address (`api.stripe.com`) is used as it is; else a placeholder.
    url: (name, node) =>
      /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?$/i.test(node.label.trim())
        ? `https://${node.label.trim().toLowerCase()}`
        : `https://${name}.example.com`,
    images:
      /(^|\/)(wiremock|wiremock\/wiremock|mockserver|mockserver\/mockserver|mailhog|mailhog\/mailhog|axllent\/mailpit|mailpit|maildev|maildev\/maildev|rnwood\/smtp4dev|smtp4dev|stripe\/stripe-mock|stripemock\/stripe-mock|mountebank|stoplight\/prism|httpbin|kennethreitz\/httpbin|kong\/httpbin|mccutchen\/go-httpbin|openldap|osixia\/openldap|bitnami\/openldap|bitnamilegacy\/openldap)([:@]|$)/,
    imageWhat: 'a stand-in for someone else’s service',
  },
  limiter: {
    written:
      'not a service: the stack gets no container for it (in production a rate limit is a setting of the proxy or gateway in front, such as nginx `limit_req`)',
    outside: 'a rate limit is a setting of the proxy or gateway in front, not a container',
  },
  group: {
    written:
      'a network; every box in the host joins it, and a box that calls into another host joins that host’s network too',
  },
};

/** The order images are tried on import: the most specific patterns first. */
export const IMAGE_ORDER: readonly NodeKind[] = [
  'lb',
  'db',
  'cache',
  'queue',
  'static',
  'external',
  'dns',
  'cdn',
  'client',
  'cron',
  'worker',
  'proxy',
  'app',
];

/** Kinds a service's name, command or role says, even with an application image. */
export const ROLE_ORDER: readonly NodeKind[] = ['cron', 'worker'];

/** Kinds a name says for a service built from source or from an image we do not know. */
export const NAME_ORDER: readonly NodeKind[] = [
  'client',
  'external',
  'lb',
  'proxy',
  'db',
  'cache',
  'queue',
];

/** The kind an image means, with the reason, or null for an image we do not know. */
export function kindOfImage(image: string): { kind: NodeKind; why: string } | null {
  const name = image
    .toLowerCase()
    .replace(/^(docker\.io\/|index\.docker\.io\/)/, '')
    .replace(/^library\//, '');
  for (const kind of IMAGE_ORDER) {
    const row = CONFIG_KINDS[kind];
    if (row.images?.test(name)) {
      return { kind, why: `image ${image} is ${row.imageWhat}` };
    }
  }
  return null;
}

/** The kind's title as people read it, for reasons and notes. */
export const kindTitle = (kind: NodeKind): string => KINDS[kind].title;

/** Boxes that never become a container. */
export function isOutside(kind: NodeKind): boolean {
  return CONFIG_KINDS[kind].outside !== undefined;
}
