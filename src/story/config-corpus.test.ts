// Real files from public repositories (src/io/corpus, with SOURCES.md and hand-written
// expected answers) import into diagrams that run, with the kinds, arrows, replicas and
// upstreams the expected answers give.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCompose } from '../io/compose/import.ts';
import { importNginx } from '../io/nginx/import.ts';
import { validateDocument } from '../model/schema.ts';
import type { TopologyDocument } from '../model/types.ts';
import { simulate } from '../sim/index.ts';

const corpus = (kind: string) => new URL(`../io/corpus/${kind}/`, import.meta.url);
const read = (dir: URL, name: string) => readFileSync(new URL(name, dir), 'utf8');

function runs(doc: TopologyDocument): number {
  return simulate(doc, { seed: 1, durationMs: 5000 }).requests.completed;
}

interface ExpectedService {
  kind: string;
  replicas: number;
  alt?: string[];
}
interface ExpectedCompose {
  services: Record<string, ExpectedService>;
  arrows: [string, string][];
}

describe('real compose files', () => {
  const dir = corpus('compose');
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  const expected = JSON.parse(read(dir, 'expected.json')) as Record<string, ExpectedCompose>;
  const sources = read(dir, 'SOURCES.md');

  it('has at least 15, each in SOURCES.md with an expected answer', () => {
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const f of files) {
      expect(sources, f).toContain(`| ${f}`);
      expect(expected[f], f).toBeDefined();
    }
  });

  it.each(files)(
    '%s: the kinds, replicas and arrows expected, in a diagram that runs',
    async (f) => {
      const r = await importCompose(read(dir, f));
      if (!r.ok) expect.fail(r.error.message);
      expect(validateDocument(r.doc)).toEqual([]);
      const want = expected[f]!;
      const by = new Map(r.doc.nodes.map((n) => [n.id, n]));
      for (const [name, s] of Object.entries(want.services)) {
        const n = by.get(name);
        expect(n, name).toBeDefined();
        if (s.kind !== 'skip')
          expect([s.kind, ...(s.alt ?? [])], `${name}: ${r.reasons[name]}`).toContain(n!.kind);
        if (typeof n!.config.replicas === 'number')
          expect(n!.config.replicas, `${name} replicas`).toBe(s.replicas);
      }
      const read_ = (r.dependencies ?? [])
        .filter((d) => d.via !== 'environment')
        .map((d) => `${d.from}>${d.to}`);
      expect(read_.sort()).toEqual(want.arrows.map(([a, b]) => `${a}>${b}`).sort());
      // Each becomes an arrow; a worker's dependency on its queue turns round (jobs flow to it).
      for (const [a, b] of want.arrows) {
        const has = (s: string, t: string) =>
          r.doc.edges.some((e) => e.source === s && e.target === t);
        expect(has(a, b) || has(b, a), `${a} → ${b}`).toBe(true);
      }
      expect(runs(r.doc)).toBeGreaterThan(0);
    },
  );
});

interface ExpectedLocation {
  path: string;
  modifier: string;
  action: string;
  target?: string;
  upstream?: string | null;
  nested?: ExpectedLocation[];
}
interface ExpectedNginx {
  malformed?: boolean;
  upstreams: {
    name: string;
    method: string;
    servers: { address: string; weight: number; backup: boolean }[];
  }[];
  servers: { tls: boolean; locations: ExpectedLocation[] }[];
}

const STRATEGY: Record<string, string> = {
  'round-robin': 'round-robin',
  least_conn: 'least-connections',
  ip_hash: 'ip-hash',
  'random-two-least-conn': 'p2c',
  hash: 'ip-hash',
};

describe('real nginx configs', () => {
  const dir = corpus('nginx');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.conf'))
    .sort();
  const expected = JSON.parse(read(dir, 'expected.json')) as Record<string, ExpectedNginx>;
  const sources = read(dir, 'SOURCES.md');

  it('has at least 10, each in SOURCES.md with an expected answer', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      expect(sources, f).toContain(`| ${f}`);
      expect(expected[f], f).toBeDefined();
    }
  });

  it.each(files)('%s: its upstreams, methods and routes, in a diagram that runs', async (f) => {
    const want = expected[f]!;
    const r = await importNginx(read(dir, f));
    if (want.malformed) {
      // Broken on purpose: reported with its line, never guessed at.
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.line).toBeGreaterThan(0);
      return;
    }
    if (want.servers.length === 0) {
      // Only includes and maps, no server of its own: nothing listens, and the error says so.
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/no `server` block/);
      return;
    }
    if (!r.ok) expect.fail(r.error.message);
    expect(validateDocument(r.doc)).toEqual([]);
    const by = new Map(r.doc.nodes.map((n) => [n.id, n]));
    const nginx = r.doc.nodes.find((n) => n.kind === 'proxy')!;
    const lbOf = (name: string) => r.doc.nodes.find((n) => n.kind === 'lb' && n.label === name);
    for (const u of want.upstreams) {
      const lb = lbOf(u.name);
      expect(lb, `upstream ${u.name}`).toBeDefined();
      const weighted = u.servers.some((s) => s.weight !== 1);
      expect(lb!.config.strategy, u.name).toBe(
        weighted && u.method === 'round-robin' ? 'weighted' : STRATEGY[u.method],
      );
      const servers = r.doc.edges
        .filter((e) => e.source === lb!.id)
        .map((e) => by.get(e.target)!.label);
      expect(servers, u.name).toEqual(u.servers.filter((s) => !s.backup).map((s) => s.address));
    }
    const flat = (list: ExpectedLocation[]): ExpectedLocation[] =>
      list.flatMap((l) => [l, ...flat(l.nested ?? [])]);
    const locations = flat(want.servers.flatMap((s) => s.locations));
    for (const loc of locations) {
      if (loc.action !== 'proxy_pass' || !['', '^~', '='].includes(loc.modifier)) continue;
      const label = loc.path === '/' ? undefined : loc.path;
      const arrows = r.doc.edges.filter((e) => e.source === nginx.id && e.label === label);
      const targets = arrows.map((e) => by.get(e.target)!);
      const host = (loc.target ?? '').replace(/^[a-z]+:\/\//, '').replace(/\/.*$/, '');
      const ok = targets.some((t) =>
        loc.upstream ? t.kind === 'lb' && t.label === loc.upstream : t.label === host,
      );
      expect(ok, `location ${loc.modifier} ${loc.path} → ${loc.target}`).toBe(true);
    }
    expect(nginx.config.tls, 'tls').toBe(want.servers.some((s) => s.tls));
    const files_ = locations.some((l) => l.action === 'static');
    if (files_) expect(nginx.config.serveStatic, 'serves files').toBe(true);
    expect(runs(r.doc)).toBeGreaterThan(0);
  });
});
