// How a db box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import {
  type ComposeService,
  type ConfigKind,
  isMysql,
  num,
  setNumber,
} from '../../io/config/rows.ts';

export const compose: ConfigKind = {
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
  imageRank: 1,
  nameRank: 4,
};
