// Mermaid figures for `npm run bench`: importing a large flowchart (parse, kind inference
// and layout), exporting one, and proof that Mermaid stays out of the first page load.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportMermaid } from '../src/io/mermaid/export.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { loadMermaid } from '../src/io/mermaid/load.ts';
import type { BenchModule, BenchRow } from './run.ts';

const IMPORT_BUDGET_MS = 1500;
const EXPORT_BUDGET_MS = 50;
/** The first page's own JS, gzip not counted: generous, but far below Mermaid's size. */
const ENTRY_BUDGET_KB = 900;

/**
 * A flowchart shaped like a big real system: 300 boxes in tiers (clients, proxies, load
 * balancers, app servers in 10 host subgraphs, caches, databases, queues, workers) and 500
 * arrows, each from one tier to the next, so the layout has honest work to do.
 */
export function largeFlowchart(): string {
  const tiers: [string, string, number][] = [
    ['client', 'Users', 10],
    ['proxy', 'nginx', 10],
    ['lb', 'Load balancer', 10],
    ['app', 'API server', 150],
    ['cache', 'Redis', 20],
    ['db', 'Postgres', 30],
    ['queue', 'RabbitMQ', 20],
    ['worker', 'Worker', 50],
  ];
  const ids: string[][] = tiers.map(([prefix, , n]) =>
    Array.from({ length: n }, (_, i) => `${prefix}${i}`),
  );
  const lines = ['flowchart LR'];
  tiers.forEach(([prefix, label, n], t) => {
    if (prefix === 'app') {
      for (let h = 0; h < 10; h++) {
        lines.push(`  subgraph host${h} ["Host ${h}"]`);
        for (let i = h * 15; i < (h + 1) * 15; i++) lines.push(`    app${i}[${label} ${i}]`);
        lines.push('  end');
      }
    } else {
      for (let i = 0; i < n; i++) {
        const shape = prefix === 'db' ? `[(${label} ${i})]` : `[${label} ${i}]`;
        lines.push(`  ${ids[t]![i]}${shape}`);
      }
    }
  });
  // Tier to tier: client→proxy→lb→app→{cache,db,queue}, queue→worker.
  const links: [number, number][] = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4],
    [3, 5],
    [3, 6],
    [6, 7],
  ];
  let edges = 0;
  let round = 0;
  while (edges < 500) {
    for (const [from, to] of links) {
      const a = ids[from]!;
      const b = ids[to]!;
      const count = Math.max(a.length, b.length);
      const i = (round * 7) % count;
      if (edges >= 500) break;
      lines.push(`  ${a[i % a.length]} --> ${b[(i * 3 + round) % b.length]}`);
      edges++;
    }
    round++;
  }
  return `${lines.join('\n')}\n`;
}

/** CPU time (user + system) of this process so far, in ms. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The main entry chunk of a build, as its index.html loads it. */
function entryChunk(
  dist: string,
): { file: string; bytes: number; hasMermaid: boolean } | undefined {
  const html = join(dist, 'index.html');
  if (!existsSync(html)) return undefined;
  const m = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(readFileSync(html, 'utf8'));
  if (!m) return undefined;
  const file = join(dist, m[1]!.replace(/^\.?\//, ''));
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  // Strings only Mermaid's own code carries (its config and its flowchart detector); our
  // importer's messages and calls do not contain them.
  const hasMermaid = /themeVariables|flowchart-v2/.test(text);
  return { file, bytes: statSync(file).size, hasMermaid };
}

/** The newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path);
    newest = Math.max(newest, st.isDirectory() ? newestMtime(path) : st.mtimeMs);
  }
  return newest;
}

/**
 * A production build to measure: the browser bench's (same run) when it is newer than the
 * sources, else a fresh one of our own.
 */
async function builtDist(root: string): Promise<string> {
  const shared = join(root, 'node_modules/.bench-dist');
  const sources = Math.max(
    newestMtime(join(root, 'src')),
    statSync(join(root, 'index.html')).mtimeMs,
  );
  const index = join(shared, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > sources) return shared;
  const outDir = join(root, 'node_modules/.bench-mermaid-dist');
  const { build } = await import('vite');
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const text = largeFlowchart();
  await loadMermaid();
  // The first import in a process also compiles Mermaid's parser and ELK (GWT-compiled
  // Java) in the JIT: it is shown on its own line, then two more warm-up runs.
  const c0 = cpuMs();
  const warm = await importMermaid(text);
  const coldMs = cpuMs() - c0;
  if (!warm.ok) throw new Error(`bench flowchart did not import: ${warm.error.message}`);
  for (let i = 0; i < 2; i++) await importMermaid(text);
  // Timed in CPU time of this process (as the engine bench does): on a shared, busy
  // machine wall time measures the neighbours; CPU time measures the import. Wall time is
  // printed beside it for reference.
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 7; i++) {
    const c0 = cpuMs();
    const t0 = performance.now();
    const r = await importMermaid(text);
    wall.push(performance.now() - t0);
    cpu.push(cpuMs() - c0);
    if (!r.ok) throw new Error(r.error.message);
  }
  const importMs = median(cpu);
  rows.push({
    figure: `import ${warm.doc.nodes.length} nodes / ${warm.doc.edges.length} edges incl. layout, CPU (median of 7)`,
    value: `${Math.round(importMs)} ms`,
    budget: `≤ ${IMPORT_BUDGET_MS} ms`,
    ok: importMs <= IMPORT_BUDGET_MS,
  });
  rows.push({
    figure: 'the same import, wall clock (median of 7)',
    value: `${Math.round(median(wall))} ms`,
    budget: 'info',
    ok: true,
  });
  rows.push({
    figure: 'the first import in a fresh process (cold JIT), CPU',
    value: `${Math.round(coldMs)} ms`,
    budget: 'info',
    ok: true,
  });

  const exportTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const c0 = cpuMs();
    exportMermaid(warm.doc);
    exportTimes.push(cpuMs() - c0);
  }
  const exportMs = median(exportTimes);
  rows.push({
    figure: 'export of the same document, CPU (median of 9)',
    value: `${exportMs.toFixed(1)} ms`,
    budget: `≤ ${EXPORT_BUDGET_MS} ms`,
    ok: exportMs <= EXPORT_BUDGET_MS,
  });

  const root = resolve(import.meta.dirname, '..');
  const chunk = entryChunk(await builtDist(root));
  if (!chunk) throw new Error('the build has no index.html with a module script');
  const kb = Math.round(chunk.bytes / 1024);
  rows.push({
    figure: `first page JS (${chunk.file.split(/[\\/]/).pop()}), ${chunk.hasMermaid ? 'WITH' : 'without'} mermaid`,
    value: `${kb} KB`,
    budget: `≤ ${ENTRY_BUDGET_KB} KB, no mermaid`,
    ok: !chunk.hasMermaid && kb <= ENTRY_BUDGET_KB,
  });
  return rows;
}

export const bench: BenchModule = { name: 'mermaid', run };

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
