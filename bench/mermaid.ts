// Mermaid figures for `npm run bench`: importing a large flowchart (parse, kind inference
// and layout), exporting one, and proof that Mermaid stays out of the first page load.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exportMermaid } from '../src/io/mermaid/export.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { loadMermaid } from '../src/io/mermaid/load.ts';

export interface BenchRow {
  figure: string;
  value: number;
  unit: string;
  budget: number;
  ok: boolean;
}

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

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The main entry chunk of dist/ as index.html loads it, or undefined before a build. */
function entryChunk(
  root: string,
): { file: string; bytes: number; hasMermaid: boolean } | undefined {
  const html = join(root, 'dist', 'index.html');
  if (!existsSync(html)) return undefined;
  const m = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(readFileSync(html, 'utf8'));
  if (!m) return undefined;
  const file = join(root, 'dist', m[1]!.replace(/^\.?\//, ''));
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  // Strings only Mermaid's own code carries (its config and its flowchart detector); our
  // importer's messages and calls do not contain them.
  const hasMermaid = /themeVariables|flowchart-v2/.test(text);
  return { file, bytes: statSync(file).size, hasMermaid };
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const text = largeFlowchart();
  await loadMermaid();
  // One warm-up run: the first import also compiles the parser and ELK in the JIT.
  const warm = await importMermaid(text);
  if (!warm.ok) throw new Error(`bench flowchart did not import: ${warm.error.message}`);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const r = await importMermaid(text);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  const importMs = median(times);
  rows.push({
    figure: `mermaid import ${warm.doc.nodes.length} nodes / ${warm.doc.edges.length} edges incl. layout (median of 5)`,
    value: Math.round(importMs),
    unit: 'ms',
    budget: IMPORT_BUDGET_MS,
    ok: importMs <= IMPORT_BUDGET_MS,
  });

  const exportTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const t0 = performance.now();
    exportMermaid(warm.doc);
    exportTimes.push(performance.now() - t0);
  }
  const exportMs = median(exportTimes);
  rows.push({
    figure: 'mermaid export of the same document (median of 9)',
    value: Math.round(exportMs * 10) / 10,
    unit: 'ms',
    budget: EXPORT_BUDGET_MS,
    ok: exportMs <= EXPORT_BUDGET_MS,
  });

  const chunk = entryChunk(resolve(import.meta.dirname, '..'));
  if (chunk) {
    const kb = Math.round(chunk.bytes / 1024);
    rows.push({
      figure: `initial JS (${chunk.file.split(/[\\/]/).pop()}) ${chunk.hasMermaid ? 'CONTAINS' : 'without'} mermaid`,
      value: kb,
      unit: 'KB',
      budget: ENTRY_BUDGET_KB,
      ok: !chunk.hasMermaid && kb <= ENTRY_BUDGET_KB,
    });
  } else {
    rows.push({
      figure: 'initial JS without mermaid (no dist/: run `npm run build` first)',
      value: Number.NaN,
      unit: 'KB',
      budget: ENTRY_BUDGET_KB,
      ok: false,
    });
  }
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  for (const row of await run()) console.log(JSON.stringify(row));
}
