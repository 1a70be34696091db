// How a proxy box is written as Docker Compose (and nginx) configuration and read back from
// it (io layer): its row of io/config/kinds.ts, which says what each field means.

import type { ConfigKind } from '../../io/config/rows.ts';

export const compose: ConfigKind = {
  names: {
    words: /\b(nginx|proxy|gateway|router|ingress|traefik|caddy|envoy|edge)\b/i,
    what: 'is a reverse proxy',
  },
  written: 'an `nginx` service with its nginx.conf mounted, publishing ports 80 (and 443 with TLS)',
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
  imageRank: 11,
  nameRank: 3,
};
