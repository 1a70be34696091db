// What an nginx.conf routes, in a form two files can be compared by: its upstreams (name,
// balancing method, servers) and its locations (path → where proxy_pass sends it). The
// round-trip tests compare files by it.

import { type Directive, parseNginx } from './parse.ts';

export interface NginxSummary {
  upstreams: Record<string, { method: string; servers: string[] }>;
  locations: Record<string, string>;
  tls: boolean;
}

export function summarizeNginx(text: string): NginxSummary | null {
  const parsed = parseNginx(text);
  if (!parsed.ok) return null;
  const out: NginxSummary = { upstreams: {}, locations: {}, tls: false };
  const walk = (list: Directive[]) => {
    for (const d of list) {
      if (d.name === 'upstream') {
        const method =
          d.block?.find((x) =>
            ['least_conn', 'ip_hash', 'hash', 'random', 'least_time'].includes(x.name),
          ) ?? null;
        out.upstreams[d.args[0] ?? ''] = {
          method: method ? [method.name, ...method.args].join(' ') : 'round_robin',
          servers: (d.block ?? []).filter((x) => x.name === 'server').map((x) => x.args[0] ?? ''),
        };
        continue;
      }
      if (d.name === 'location') {
        const pass = d.block?.find((x) => /_pass$/.test(x.name));
        const files = d.block?.some((x) => x.name === 'root' || x.name === 'alias');
        const set = d.block?.find((x) => x.name === 'set' && x.args[0] === pass?.args[0]);
        const target = set ? (set.args[1] ?? '') : (pass?.args[0] ?? '');
        out.locations[d.args.join(' ')] = pass ? target : files ? '(files)' : '(other)';
      }
      if (d.name === 'listen' && d.args.includes('ssl')) out.tls = true;
      if (d.block) walk(d.block);
    }
  };
  walk(parsed.directives);
  return out;
}
