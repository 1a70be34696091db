// `npm run bench`: runs every bench module and prints one table of figures with their
// budgets. Add a module by adding one line to MODULES; each exports
// `run(): Promise<BenchRow[]>`.

export interface BenchRow {
  figure: string;
  /** Shown as is (format numbers in the module). */
  value: string;
  budget: string;
  ok: boolean;
}

export interface BenchModule {
  name: string;
  run(): Promise<BenchRow[]>;
}

const MODULES: (() => Promise<BenchModule>)[] = [
  () => import('./sim.ts').then((m) => m.bench),
  () => import('./browser.ts').then((m) => m.bench),
  () => import('./mermaid.ts').then((m) => m.bench),
  () => import('./corpus.ts').then((m) => m.bench),
];

function table(rows: (BenchRow & { module: string })[]): string {
  const head = ['module', 'figure', 'value', 'budget', 'ok'];
  const cells = rows.map((r) => [r.module, r.figure, r.value, r.budget, r.ok ? 'ok' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const rows: (BenchRow & { module: string })[] = [];
  for (const load of MODULES) {
    const mod = await load();
    const started = performance.now();
    process.stderr.write(`bench: ${mod.name}...\n`);
    for (const row of await mod.run()) rows.push({ ...row, module: mod.name });
    process.stderr.write(
      `bench: ${mod.name} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  process.stdout.write(`${table(rows)}\n`);
  const failed = rows.filter((r) => !r.ok).length;
  process.stdout.write(failed ? `${failed} figure(s) over budget\n` : 'every budget met\n');
  process.exitCode = failed ? 1 : 0;
}

await main();
