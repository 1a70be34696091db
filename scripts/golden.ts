// `npm run golden`: records the engine's golden runs (src/sim/golden/run.ts) into
// src/sim/golden/*.json, which golden.test.ts replays. Run it only when the engine is meant
// to change what users see, and say so in the commit: the files are the evidence that a
// refactor changed nothing.
//
// What is recorded, each with a fixed seed:
// - scenarios.json: every step of every scenario (scenarios/*.json through the story
//   loader), once per run its claims are checked on (the step's run and each window), as
//   the story checker runs them; and each step again with chaos and live edits.
// - examples.json: the example diagram a first visit opens, and the engine's own fixtures
//   (src/sim/fixtures.ts: the theory queues, the 15-box stack, the cache under Zipf).
// - random.json: random documents of every kind wired any way (as the fuzz test makes
//   them), with chaos and live edits.
// "With chaos" means a fixed list of actions derived from the document (crash, restart,
// slow, error rate, cut and restore, rolling restart, spike, traffic change, an unknown
// id), a one-way network delay of 1 ms, one request in 3 animated, live figures read
// every 500 ms, and two live edits (more workers and a box removed, then the original back).

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS } from '../src/model/kinds.ts';
import { exampleDocument } from '../src/model/example.ts';
import { restoreDocument } from '../src/model/restore.ts';
import { NODE_KINDS, type NodeKind, type TopologyDocument } from '../src/model/types.ts';
import type { ChaosAction, TimedAction } from '../src/sim/api.ts';
import { box, fullStackDoc, link, queueDoc, topology } from '../src/sim/fixtures.ts';
import {
  type GoldenCase,
  type GoldenFile,
  type GoldenRun,
  plain,
  runGolden,
} from '../src/sim/golden/run.ts';
import { Rng } from '../src/sim/rng.ts';
import { runOptionsFor } from '../src/story/expect.ts';
import { loadScenario } from '../src/story/player.ts';
import { formatIssue } from '../src/story/schema.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'src/sim/golden');

class Recorder {
  readonly file: GoldenFile = { docs: {}, cases: [] };

  doc(id: string, doc: TopologyDocument): string {
    this.file.docs[id] = plain(doc);
    return id;
  }

  run(name: string, doc: string, run: GoldenRun): void {
    const { report, digest } = runGolden(this.file.docs, doc, run);
    const c: GoldenCase = { name, doc, run, report, digest };
    this.file.cases.push(c);
  }

  /** The document's plain run, as simulate() does it, and the same with chaos and edits. */
  both(name: string, id: string, run: Partial<GoldenRun> = {}): void {
    this.run(name, id, {
      seed: 1,
      durationMs: 30_000,
      warmupMs: 5000,
      networkMs: 0,
      traceEvery: 0,
      sliceMs: 0,
      actions: [],
      edits: [],
      ...run,
    });
    this.chaos(`${name}, with chaos`, id);
  }

  chaos(name: string, id: string): void {
    const doc = this.file.docs[id]!;
    const edited = this.doc(`${id} (edited)`, editOf(doc));
    this.run(name, id, {
      seed: 7,
      durationMs: 10_000,
      warmupMs: 1000,
      networkMs: 1,
      traceEvery: 3,
      sliceMs: 500,
      actions: chaosFor(doc),
      edits: [
        { atMs: 4200, doc: edited },
        { atMs: 8200, doc: id },
      ],
    });
  }

  /** One document and one run per line, so a diff shows which run changed. */
  write(name: string): void {
    const docs = Object.entries(this.file.docs).map(
      ([id, d]) => `    ${JSON.stringify(id)}: ${JSON.stringify(d)}`,
    );
    const cases = this.file.cases.map((c) => `    ${JSON.stringify(c)}`);
    const text = `{\n  "docs": {\n${docs.join(',\n')}\n  },\n  "cases": [\n${cases.join(',\n')}\n  ]\n}\n`;
    writeFileSync(join(out, name), text);
    const bytes = text.length;
    console.log(`${name}: ${this.file.cases.length} runs, ${(bytes / 1024).toFixed(0)} KB`);
  }
}

/** A fixed set of chaos actions, aimed at the boxes this document has. */
function chaosFor(doc: TopologyDocument): TimedAction[] {
  const first = (...kinds: NodeKind[]) =>
    doc.nodes.find((n) => kinds.includes(n.kind))?.id ?? doc.nodes[doc.nodes.length - 1]!.id;
  const client = first('client');
  const handler = first('app', 'worker');
  const store = first('db', 'cache');
  const front = first('lb', 'proxy', 'cdn');
  const host = first('group', 'queue');
  const edge = doc.edges[Math.floor(doc.edges.length / 2)]?.id ?? 'no-such-link';
  const rps = doc.nodes.find((n) => n.id === client)?.config.rps;
  const at = (atMs: number, action: ChaosAction): TimedAction => ({ atMs, action });
  return [
    at(1000, { type: 'crash', node: 'no-such-box' }),
    at(1500, { type: 'slow', node: handler, factor: 3 }),
    at(2000, { type: 'spike', node: client, factor: 2, durationMs: 1500 }),
    at(2500, { type: 'errorRate', node: front, rate: 0.1 }),
    at(3000, { type: 'crash', node: store }),
    at(3500, { type: 'cut', edge }),
    at(4000, { type: 'rollingRestart', node: handler, downMs: 800 }),
    at(4500, { type: 'restart', node: store }),
    at(5000, { type: 'restore', edge }),
    at(5500, { type: 'crash', node: host }),
    at(6000, { type: 'setRps', node: client, rps: typeof rps === 'number' ? rps / 2 : 10 }),
    at(6500, { type: 'spike', node: store, factor: 2, durationMs: 500 }),
    at(7000, { type: 'restart', node: host }),
    at(8000, { type: 'slow', node: handler, factor: 1 }),
    at(8500, { type: 'errorRate', node: front, rate: 0 }),
  ];
}

/** A live edit: every handler gets one more worker and the last box that is not a client goes. */
function editOf(doc: TopologyDocument): TopologyDocument {
  const next = plain(doc);
  for (const n of next.nodes) {
    const c = n.config.concurrency;
    if ((n.kind === 'app' || n.kind === 'worker') && typeof c === 'number')
      n.config.concurrency = c + 1;
  }
  const gone = [...next.nodes].reverse().find((n) => n.kind !== 'client' && n.kind !== 'group');
  if (gone) {
    next.nodes = next.nodes.filter((n) => n !== gone);
    next.edges = next.edges.filter((e) => e.source !== gone.id && e.target !== gone.id);
  }
  return next;
}

function scenarios(): Recorder {
  const rec = new Recorder();
  const dir = join(root, 'scenarios');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const name = file.replace(/\.json$/, '');
    const loaded = loadScenario(JSON.parse(readFileSync(join(dir, file), 'utf8')), name);
    if (!loaded.ok) throw new Error(loaded.issues.map(formatIssue).join('\n'));
    for (const step of loaded.scenario.steps) {
      const label = `${name} step ${step.index + 1}`;
      const id = rec.doc(label, step.doc);
      const runs = new Map<string, ReturnType<typeof runOptionsFor>>();
      for (const o of [runOptionsFor(step), ...step.expect.map((e) => runOptionsFor(step, e))])
        runs.set(`${o.warmupMs}/${o.durationMs}`, o);
      for (const o of runs.values()) {
        rec.run(`${label} (${(o.warmupMs ?? 0) / 1000}-${o.durationMs / 1000} s)`, id, {
          seed: o.seed,
          durationMs: o.durationMs,
          warmupMs: o.warmupMs ?? 0,
          networkMs: 0,
          traceEvery: 0,
          sliceMs: 0,
          actions: o.actions ?? [],
          edits: [],
        });
      }
      rec.chaos(`${label}, with chaos`, id);
    }
  }
  return rec;
}

function examples(): Recorder {
  const rec = new Recorder();
  rec.both('example diagram', rec.doc('example', exampleDocument()));
  rec.both('full stack at 2,000 req/s', rec.doc('full stack', fullStackDoc(2000)), {
    durationMs: 20_000,
    warmupMs: 2000,
  });
  rec.both('full stack at 400 req/s, traced', rec.doc('full stack 400', fullStackDoc(400)), {
    traceEvery: 5,
    sliceMs: 250,
  });
  rec.both('M/M/1 at 0.8', rec.doc('mm1', queueDoc(800, 1, 1, 'exponential')), {
    durationMs: 60_000,
    warmupMs: 10_000,
  });
  rec.both('M/M/4 at 0.85', rec.doc('mm4', queueDoc(340, 10, 4, 'exponential')));
  rec.both('M/D/1 at 0.9', rec.doc('md1', queueDoc(900, 1, 1, 'constant')));
  rec.both('M/G/4 lognormal', rec.doc('mg4', queueDoc(300, 10, 4, 'lognormal')));
  const cache = topology(
    [
      box('users', 'client', {
        rps: 1000,
        timeoutMs: 600_000,
        routes: [{ method: 'GET', path: '/item', weight: 1 }],
      }),
      box('app', 'app', { concurrency: 1024, serviceTimeMs: 0, serviceDist: 'constant' }),
      box('redis', 'cache', { keys: 5000, zipf: 0.8, capacity: 500, ttlMs: 0, opMs: 0 }),
    ],
    [link('users', 'app'), link('app', 'redis')],
  );
  rec.both('cache under Zipf', rec.doc('cache', cache));
  return rec;
}

/** Random documents as the fuzz test makes them: any kind, any wiring, hosts, labels. */
function randomDoc(rng: Rng, i: number): TopologyDocument {
  const n = 2 + rng.int(12);
  const nodes: unknown[] = [];
  const ids: string[] = [];
  const groups: string[] = [];
  for (let k = 0; k < n; k++) {
    const kind: NodeKind = k === 0 ? 'client' : NODE_KINDS[rng.int(NODE_KINDS.length)]!;
    const id = `n${k}`;
    const config: Record<string, unknown> = {};
    for (const f of KINDS[kind].fields) {
      if (rng.next() < 0.5) continue;
      if (f.type === 'number') {
        const hi = Math.min(f.max, f.key === 'rps' ? 300 : f.key.endsWith('Ms') ? 200 : 50);
        const v = f.min + rng.next() * Math.max(0, hi - f.min);
        config[f.key] = f.integer ? Math.round(v) : v;
      } else if (f.type === 'enum') config[f.key] = f.options[rng.int(f.options.length)]!.value;
      else if (f.type === 'boolean') config[f.key] = rng.next() < 0.5;
    }
    const node: Record<string, unknown> = { id, kind, label: id, position: { x: 0, y: 0 }, config };
    if (groups.length > 0 && kind !== 'group' && rng.next() < 0.4)
      node.parent = groups[rng.int(groups.length)];
    if (kind === 'group') groups.push(id);
    nodes.push(node);
    ids.push(id);
  }
  const edges: unknown[] = [];
  const m = n + rng.int(n * 2);
  for (let k = 0; k < m; k++) {
    // The client's first arrow goes somewhere, so most documents carry traffic.
    const source = k === 0 ? ids[0]! : ids[rng.int(n)]!;
    const target = ids[rng.int(n)]!;
    const label = rng.next() < 0.3 ? ['/api', '/static', 'api/*', 'HTTP'][rng.int(4)] : undefined;
    const edge: Record<string, unknown> = { id: `e${k}`, source, target, label };
    if (rng.next() < 0.15) edge.twoWay = true;
    if (rng.next() < 0.05) edge.faint = true;
    edges.push(edge);
  }
  const restored = restoreDocument({ version: 1, title: `random ${i}`, nodes, edges });
  if (!restored.ok) throw new Error(JSON.stringify(restored.errors));
  return restored.doc;
}

function random(): Recorder {
  const rec = new Recorder();
  const rng = new Rng(2025);
  for (let i = 0; i < 60; i++) {
    const id = rec.doc(`random ${i}`, randomDoc(rng, i));
    rec.run(`random ${i}`, id, {
      seed: i,
      durationMs: 8000,
      warmupMs: 1000,
      networkMs: i % 3 === 0 ? 1 : 0,
      traceEvery: i % 2,
      sliceMs: i % 4 === 0 ? 0 : 700,
      actions: [],
      edits: [],
    });
    rec.chaos(`random ${i}, with chaos`, id);
  }
  return rec;
}

scenarios().write('scenarios.json');
examples().write('examples.json');
random().write('random.json');
