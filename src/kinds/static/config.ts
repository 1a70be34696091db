// How a static box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
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
  imageRank: 4,
};
