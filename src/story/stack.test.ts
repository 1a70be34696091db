// Every story step and the example diagram as a real stack: the files pass the real tools
// (Debian's `nginx -t`, `docker-compose config`), import back exactly with their
// x-playground data, keep boxes, kinds, arrows and replicas from the compose structure
// alone, and every nginx.conf keeps its upstreams, methods and locations through a round
// trip. The imported diagrams run.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeConfigAll, haveTools, nginxTest } from '../../scripts/config-tools.ts';
import { exportCompose } from '../io/compose/export.ts';
import { importCompose } from '../io/compose/import.ts';
import { exportStack } from '../io/config/bundle.ts';
import { makePlan } from '../io/config/plan.ts';
import { exportNginx } from '../io/nginx/export.ts';
import { importNginx } from '../io/nginx/import.ts';
import { summarizeNginx } from '../io/nginx/summary.ts';
import { exampleDocument } from '../model/example.ts';
import type { TopologyDocument } from '../model/types.ts';
import { simulate } from '../sim/index.ts';
import { loadScenario } from './player.ts';

const dir = new URL('../../scenarios/', import.meta.url);
const cases: { name: string; doc: TopologyDocument }[] = [
  { name: 'example', doc: exampleDocument() },
];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const id = file.replace(/\.json$/, '');
  const loaded = loadScenario(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), id);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  for (const step of loaded.scenario.steps)
    cases.push({ name: `${id} step ${step.index + 1}`, doc: step.doc });
}

const stripData = (text: string) => text.replace(/\nx-playground:[\s\S]*$/, '\n');

/** The arrows the compose structure says: the diagram's, with folded load balancers skipped. */
function structuralArrows(doc: TopologyDocument): string[] {
  const plan = makePlan(doc);
  const services = new Set(plan.services.map((s) => s.id));
  const name = (id: string) => plan.name.get(id)!;
  const out = new Set<string>();
  for (const e of doc.edges) {
    if (!services.has(e.source)) continue;
    if (plan.folded.has(e.target)) {
      for (const b of plan.out.get(e.target) ?? []) out.add(`${name(e.source)}>${name(b.target)}`);
    } else if (services.has(e.target)) out.add(`${name(e.source)}>${name(e.target)}`);
  }
  return [...out].sort();
}

describe('every story step as a stack', () => {
  it('covers the example and every step of every story', () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)('$name: compose → diagram gives back exactly the diagram', async ({ doc }) => {
    const r = await importCompose(exportCompose(doc).text);
    if (!r.ok) expect.fail(r.error.message);
    expect(r.doc).toEqual(doc);
    expect(r.exact).toBe(true);
  });

  it.each(cases)(
    '$name: the compose structure alone keeps boxes, kinds, arrows, replicas',
    async ({ doc }) => {
      const plan = makePlan(doc);
      const r = await importCompose(stripData(exportCompose(doc).text));
      if (!r.ok) expect.fail(r.error.message);
      const got = new Map(r.doc.nodes.map((n) => [n.id, n]));
      for (const s of plan.services) {
        const n = got.get(plan.name.get(s.id)!);
        expect(n?.kind, `${s.id}`).toBe(s.kind);
        if (s.kind === 'app' || s.kind === 'worker')
          expect(n!.config.replicas).toBe(s.config.replicas ?? 1);
      }
      const users = r.doc.nodes.find((n) => n.kind === 'client')!.id;
      const arrows = r.doc.edges
        .filter((e) => e.source !== users)
        .map((e) => `${e.source}>${e.target}`)
        .sort();
      expect(arrows).toEqual(structuralArrows(doc));
      const run = simulate(r.doc, { seed: 1, durationMs: 3000 });
      expect(run.requests.completed).toBeGreaterThan(0);
    },
  );

  it.each(cases)(
    '$name: nginx.conf → diagram → nginx.conf keeps upstreams, methods, locations',
    async ({ doc }) => {
      for (const f of exportNginx(doc).files) {
        if (f.node.kind !== 'proxy') continue;
        const r = await importNginx(f.text);
        if (!r.ok) expect.fail(r.error.message);
        const again = exportNginx(r.doc).files.find((x) => x.node.kind === 'proxy')!;
        const [a, b] = [summarizeNginx(f.text)!, summarizeNginx(again.text)!];
        expect(Object.keys(b.upstreams).sort()).toEqual(Object.keys(a.upstreams).sort());
        for (const [name, up] of Object.entries(a.upstreams)) {
          expect(b.upstreams[name]!.method).toBe(up.method);
          expect(b.upstreams[name]!.servers.map((s) => s.split(':')[0])).toEqual(
            up.servers.map((s) => s.split(':')[0]),
          );
        }
        expect(b.locations).toEqual(a.locations);
        expect(b.tls).toBe(a.tls);
        expect(simulate(r.doc, { seed: 1, durationMs: 3000 }).requests.completed).toBeGreaterThan(
          0,
        );
      }
    },
  );
});

describe('the real tools accept every exported file', () => {
  const tools = haveTools();
  it('has nginx and docker-compose (`.ci/run` installs them: apt-get install nginx docker-compose)', () => {
    expect(tools).toEqual({ nginx: true, compose: true });
  });

  // Steps that share a topology write the same files: check each distinct file once.
  const stacks = cases.map((c) => ({ ...c, stack: exportStack(c.doc) }));
  const confs = new Map<string, string>();
  const composes = new Map<string, (typeof stacks)[number]>();
  for (const s of stacks) {
    for (const f of s.stack.nginx)
      if (!confs.has(f.text)) confs.set(f.text, `${s.name}: ${f.path}`);
    if (!composes.has(s.stack.compose)) composes.set(s.stack.compose, s);
  }

  it(`nginx -t passes on every nginx.conf (${confs.size} distinct files)`, async () => {
    expect(confs.size).toBeGreaterThan(5);
    const failed: string[] = [];
    for (const [text, where] of confs) {
      const r = await nginxTest(text);
      if (!r.ok) failed.push(`${where}\n${r.output}`);
    }
    expect(failed).toEqual([]);
  });

  it(`docker-compose config passes on every compose file (${composes.size} distinct files)`, async () => {
    const list = [...composes.values()];
    const results = await composeConfigAll(list.map((s) => s.stack.files));
    const failed = results.flatMap((r, i) => (r.ok ? [] : [`${list[i]!.name}\n${r.output}`]));
    expect(results).toHaveLength(list.length);
    expect(failed).toEqual([]);
  }, 300_000);

  it('the tools refuse a broken file, so the checks above mean something', async () => {
    const files = exportStack(exampleDocument()).files.map((f) =>
      f.path === 'compose.yaml'
        ? { ...f, text: f.text.replace('replicas: 1', 'replicas: one') }
        : f,
    );
    const [broken, fine] = await composeConfigAll([files, exportStack(exampleDocument()).files]);
    expect(broken!.ok).toBe(false);
    expect(broken!.output).toMatch(/replicas/);
    expect(fine!.ok).toBe(true);
    const conf = exportStack(exampleDocument()).nginx[0]!.text;
    // The mistake the export once made: nginx counts fail_timeout in whole seconds.
    const bad = await nginxTest(conf.replace('fail_timeout=2s', 'fail_timeout=500ms'));
    expect(bad.ok).toBe(false);
    expect(bad.output).toMatch(/invalid parameter "fail_timeout=500ms"/);
  });
});
