// How a app box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import {
  type ConfigKind,
  first,
  httpCheck,
  num,
  replicasOf,
  setNumber,
} from '../../io/config/rows.ts';

const APP_PORT = 8080;

export const compose: ConfigKind = {
  written:
    'a service built from `./app` (one image for every app server) with `deploy.replicas`, `WEB_CONCURRENCY` and its connections as `*_URL` variables',
  port: APP_PORT,
  url: (name) => `http://${name}:${APP_PORT}`,
  service: (ctx) => {
    const n = ctx.node;
    const env: Record<string, string> = {
      PORT: String(APP_PORT),
      WEB_CONCURRENCY: String(num(n, 'concurrency')),
      ...ctx.connections,
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
  imageRank: 12,
};
