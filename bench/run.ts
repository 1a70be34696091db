// `npm run bench`: runs every bench module and prints one table of figures with their
// budgets; `npm run bench -- sim mermaid` runs only the modules named. Add a module by
// adding one line to MODULES; each exports `run(): Promise<BenchRow[]>`.

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

const MODULES: Record<string, () => Promise<BenchModule>> = {
  sim: () => import('./sim.ts').then((m) => m.bench),
  load: () => import('./load.ts').then((m) => m.bench),
  browser: () => import('./browser.ts').then((m) => m.bench),
  record: () => import('./record.ts').then((m) => m.bench),
  mermaid: () => import('./mermaid.ts').then((m) => m.bench),
  big: () => import('./reliability.ts').then((m) => m.bench),
  corpus: () => import('./corpus.ts').then((m) => m.bench),
  journey: () => import('./journey.ts').then((m) => m.bench),
};

function table(rows: (BenchRow & { module: string })[]): string {
  const head = ['module', 'figure', 'value', 'budget', 'ok'];
  const cells = rows.map((r) => [r.module, r.figure, r.value, r.budget, r.ok ? 'ok' : 'FAIL']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !(n in MODULES));
  if (unknown.length > 0) {
    process.stderr.write(
      `bench: no module ${unknown.map((n) => `"${n}"`).join(', ')}; the modules are ${Object.keys(MODULES).join(', ')}\n`,
    );
    process.exitCode = 2;
    return;
  }
  const rows: (BenchRow & { module: string })[] = [];
  for (const name of names.length > 0 ? names : Object.keys(MODULES)) {
    const load = MODULES[name]!;
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
