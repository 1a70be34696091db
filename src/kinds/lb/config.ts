// How a lb box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
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
  imageRank: 0,
  nameRank: 2,
};
