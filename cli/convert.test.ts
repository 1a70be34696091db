import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDocument } from '../src/model/example.ts';
import type { TopologyDocument } from '../src/model/types.ts';
import { simulate } from '../src/sim/index.ts';
import { composeConfig, nginxTest } from '../scripts/config-tools.ts';
import { main } from './convert.ts';

const dir = mkdtempSync(join(tmpdir(), 'bp-convert-cli-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const COMPOSE = `services:
  web:
    build: .
    ports: ["8000:8000"]
    environment:
      DATABASE_URL: postgres://u:p@db:5432/app
    depends_on: [db, cache]
  db:
    image: postgres:16
  cache:
    image: redis:7
`;

const NGINX = `events {}
http {
  upstream app_servers {
    least_conn;
    server app1:3000;
    server app2:3000;
  }
  server {
    listen 80;
    location /api/ { proxy_pass http://app_servers; }
    location /static/ { root /srv; }
  }
}
`;

describe('convert CLI', () => {
  it('turns a compose file into a diagram that runs', async () => {
    const r = await main([file('compose.yaml', COMPOSE), '--to', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as TopologyDocument;
    expect(doc.nodes.map((n) => `${n.id}:${n.kind}`).sort()).toEqual([
      'cache:cache',
      'db:db',
      'users:client',
      'web:app',
    ]);
    expect(simulate(doc, { seed: 1, durationMs: 3000 }).requests.completed).toBeGreaterThan(0);
    expect(r.err).toMatch(/^note: Users were added in front of web/m);
  });

  it('turns an nginx.conf into a diagram, and back into an nginx.conf with the same upstream', async () => {
    const json = await main([file('nginx.conf', NGINX), '--to', 'json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.out) as TopologyDocument;
    expect(doc.nodes.find((n) => n.kind === 'lb')?.config.strategy).toBe('least-connections');
    const back = await main([file('doc.json', json.out), '--to', 'nginx']);
    expect(back.code).toBe(0);
    expect(back.out).toMatch(
      /upstream app_servers \{\n(\s+#.*\n)?\s+least_conn;\n\s+server app1:8080/,
    );
    expect(back.out).toContain('location /api/ {');
    expect((await nginxTest(back.out)).ok).toBe(true);
  });

  it('writes the whole stack with --out, and docker-compose accepts it', async () => {
    const json = file('example.json', JSON.stringify(exampleDocument()));
    const out = join(dir, 'stack');
    const r = await main([json, '--to', 'compose', '--out', out]);
    expect(r.code).toBe(0);
    expect(
      r.out
        .split('\n')
        .filter(Boolean)
        .map((p) => p.slice(out.length + 1)),
    ).toEqual(['compose.yaml', 'nginx/nginx.conf', 'app/Dockerfile', 'README.md']);
    const files = ['compose.yaml', 'nginx/nginx.conf', 'app/Dockerfile', 'README.md'].map(
      (path) => ({
        path,
        text: readFileSync(join(out, path), 'utf8'),
      }),
    );
    expect((await composeConfig(files)).ok).toBe(true);
    // compose → mermaid → json: every route between the formats works.
    const mmd = await main([join(out, 'compose.yaml'), '--to', 'mermaid']);
    expect(mmd.code).toBe(0);
    const again = await main([file('again.mmd', mmd.out), '--to', 'json']);
    expect(JSON.parse(again.out)).toEqual(exampleDocument());
  });

  it('converts a story step, and says which step it took', async () => {
    const story = join(import.meta.dirname, '../scenarios/system-4.json');
    const first = await main([story, '--to', 'compose']);
    expect(first.code).toBe(0);
    expect(first.err).toMatch(/is a story with 4 steps; converting step 1/);
    const two = await main([story, '--step', '4', '--to', 'nginx']);
    expect(two.code).toBe(2);
    expect(two.err).toMatch(
      /the diagram has 2 nginx \(fwd: Forward proxy, rev: .*\): choose one with --node ID/,
    );
    const rev = await main([story, '--step', '4', '--to', 'nginx', '--node', 'rev']);
    expect(rev.code).toBe(0);
    expect(rev.out).toContain('listen 443 ssl;');
  });

  it('exits 2 with the line and column of a YAML error, and the line of an nginx error', async () => {
    const yaml = await main([
      file('bad.yaml', 'services:\n  web:\n    image: [nginx\n'),
      '--to',
      'json',
    ]);
    expect(yaml).toMatchObject({ code: 2, out: '' });
    expect(yaml.err).toMatch(/bad\.yaml:\d+:\d+: YAML error on line \d+, column \d+/);
    const conf = await main([
      file('bad.conf', 'http {\n  server {\n    listen 80\n  }\n}\n'),
      '--to',
      'json',
    ]);
    expect(conf).toMatchObject({ code: 2, out: '' });
    expect(conf.err).toMatch(
      /^.*bad\.conf:3:14: nginx\.conf line 3: unexpected "}": directive "listen" on line 3 is not terminated by ";"/,
    );
  });

  it('exits 2 on bad arguments and prints usage for --help', async () => {
    expect(await main(['--help'])).toMatchObject({ code: 0, err: '' });
    expect((await main(['--help'])).out).toMatch(
      /^usage:\n {2}npm run convert -- FILE --to compose\|nginx\|mermaid\|json/,
    );
    const compose = file('c.yaml', COMPOSE);
    for (const bad of [
      [compose],
      [compose, '--to', 'xml'],
      [compose, '--to'],
      ['--to', 'json'],
      [compose, '--frob', '--to', 'json'],
      [join(dir, 'missing.yaml'), '--to', 'json'],
      [compose, '--to', 'json', '--out', dir],
      [compose, '--step', '2', '--to', 'json'],
    ]) {
      const r = await main(bad);
      expect(r.code, bad.join(' ')).toBe(2);
      expect(r.out).toBe('');
    }
    const none = await main([file('plain.txt', 'hello'), '--to', 'json']);
    expect(none.err).toMatch(/cannot tell what this is/);
  });
});
