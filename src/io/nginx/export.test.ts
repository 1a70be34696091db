import { describe, expect, it } from 'vitest';
import { exampleDocument, node } from '../../model/example.ts';
import type { TopologyDocument } from '../../model/types.ts';
import { exportNginx, word } from './export.ts';
import { summarizeNginx } from './summary.ts';

const withStrategy = (strategy: string): TopologyDocument => {
  const doc = exampleDocument();
  doc.nodes = doc.nodes.map((n) =>
    n.kind === 'lb' ? { ...n, config: { ...n.config, strategy } } : n,
  );
  return doc;
};

describe('exportNginx', () => {
  it('writes the load balancer behind nginx as an upstream with its balancing method', () => {
    const method = (strategy: string) =>
      summarizeNginx(exportNginx(withStrategy(strategy)).files[0]!.text)!.upstreams.lb!.method;
    expect(method('round-robin')).toBe('round_robin');
    expect(method('least-connections')).toBe('least_conn');
    expect(method('ip-hash')).toBe('ip_hash');
    expect(method('random')).toBe('random');
    expect(method('p2c')).toBe('random two least_conn');
    const weighted = withStrategy('weighted');
    weighted.nodes = weighted.nodes.map((n) =>
      n.id === 'app2' ? { ...n, config: { ...n.config, weight: 3 } } : n,
    );
    const text = exportNginx(weighted).files[0]!.text;
    expect(text).toContain('server app1:8080 weight=1 max_fails=2 fail_timeout=2s;');
    expect(text).toContain('server app2:8080 weight=3 max_fails=2 fail_timeout=2s;');
  });

  it('routes link labels as locations, serves static files from root, and terminates TLS on 443', () => {
    const s = summarizeNginx(exportNginx(exampleDocument()).files[0]!.text)!;
    expect(s.locations).toEqual({ '/static': '(files)', '/api': 'http://lb' });
    expect(s.tls).toBe(true);
    const text = exportNginx(exampleDocument()).files[0]!.text;
    expect(text).toContain('    return 301 https://$host$request_uri;');
    expect(text).toContain('    ssl_certificate certs/fullchain.pem;');
    expect(text).toContain('    proxy_read_timeout 5s;');
    expect(text).toContain('      proxy_connect_timeout 500ms;');
    expect(text).toContain('worker_processes 4;');
    expect(text).toContain('  worker_connections 1024;');
  });

  it('takes turns between several boxes on one path, quotes odd paths, proxies outside boxes through a variable', () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'T',
      nodes: [
        node('users', 'client', 'Users', 0, 0),
        node('web', 'proxy', 'nginx', 0, 0, {
          tls: false,
          serveStatic: true,
          staticPrefix: '/static',
        }),
        node('a', 'app', 'A', 0, 0),
        node('b', 'app', 'B', 0, 0),
        node('maps', 'external', 'maps.example.org', 0, 0),
        node('cdn', 'cdn', 'CDN', 0, 0),
      ],
      edges: [
        { id: '1', source: 'users', target: 'web' },
        { id: '2', source: 'web', target: 'a', label: '/api v2' },
        { id: '3', source: 'web', target: 'b', label: '/api v2' },
        { id: '4', source: 'web', target: 'maps', label: '/maps' },
        { id: '5', source: 'web', target: 'a', label: '/static' },
        { id: '6', source: 'web', target: 'cdn' },
      ],
    };
    const { files, notes } = exportNginx(doc);
    const text = files[0]!.text;
    expect(text).toContain('  upstream web-api-v2 {\n    server a:8080;\n    server b:8080;\n  }');
    expect(text).toContain('    location "/api v2" {\n      proxy_pass http://web-api-v2;');
    expect(text).toContain(
      '      set $maps_url https://maps.example.org;\n      proxy_pass $maps_url;',
    );
    expect(text).toContain('  resolver 127.0.0.11 valid=30s;');
    expect(notes).toEqual([
      'nginx: /static is served from disk (static files), so its link is not a location.',
      'nginx → CDN: a box outside the stack cannot be proxied to; left out of nginx.conf.',
    ]);
  });

  it('gives a load balancer that is the front door an nginx.conf of its own', () => {
    const doc: TopologyDocument = {
      version: 1,
      title: 'T',
      nodes: [
        node('users', 'client', 'Users', 0, 0),
        node('lb', 'lb', 'LB', 0, 0, { strategy: 'ip-hash' }),
        node('a', 'app', 'A', 0, 0),
        node('b', 'app', 'B', 0, 0),
      ],
      edges: [
        { id: '1', source: 'users', target: 'lb' },
        { id: '2', source: 'lb', target: 'a' },
        { id: '3', source: 'lb', target: 'b' },
      ],
    };
    const { files } = exportNginx(doc);
    expect(files.map((f) => f.path)).toEqual(['nginx/nginx.conf']);
    const s = summarizeNginx(files[0]!.text)!;
    expect(s.upstreams).toEqual({ lb: { method: 'ip_hash', servers: ['a:8080', 'b:8080'] } });
    expect(s.locations).toEqual({ '/': 'http://lb' });
  });

  it('quotes words nginx would misread', () => {
    expect(word('/api/v1')).toBe('/api/v1');
    expect(word('/a b')).toBe('"/a b"');
    expect(word('/x;{"}')).toBe('"/x;{\\"}"');
  });
});
