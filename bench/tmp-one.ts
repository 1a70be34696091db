import { readFileSync } from 'node:fs';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { loadMermaid } from '../src/io/mermaid/load.ts';
import { simulate } from '../src/sim/index.ts';
await loadMermaid();
const exp = JSON.parse(readFileSync('src/io/corpus/mermaid/expected.json', 'utf8'));
for (const file of process.argv.slice(2)) {
  const text = readFileSync(`src/io/corpus/mermaid/${file}`, 'utf8');
  const r = await importMermaid(text);
  if (!r.ok) {
    console.log(file, r.error.message);
    continue;
  }
  const rep = simulate(r.doc, { seed: 1, durationMs: 20000, warmupMs: 2000 });
  console.log(
    `== ${file} flip=${r.direction.flip} ${r.direction.against}:${r.direction.along} flipped=${r.direction.flipped} added=${r.added} exp.dir=${exp[file]?.direction}`,
  );
  const ours = r.plan.ids.ours;
  const back = new Map([...ours].map(([m, o]) => [o, m]));
  for (const n of r.doc.nodes) {
    const mid = back.get(n.id) ?? n.id;
    const want = exp[file]?.kinds?.[mid];
    const w = want === undefined ? '' : Array.isArray(want) ? want.join('|') : want;
    const ok = w === '' || w.split('|').includes(n.kind);
    const nr = rep.nodes[n.id];
    const fb = nr && Object.keys(nr.failedBy).length ? JSON.stringify(nr.failedBy) : '';
    console.log(
      `  ${ok ? ' ' : '✗'} ${mid.slice(0, 22).padEnd(22)} ${n.kind.padEnd(8)} ${w.padEnd(12)} arr=${String(nr?.arrivals ?? '').padEnd(5)} ${fb} ${JSON.stringify(n.label).slice(0, 50)} — ${r.guesses[n.id]?.reasons.join('; ') ?? ''}`,
    );
  }
  console.log(
    `  done=${rep.requests.completed} failed=${rep.requests.failed} ${JSON.stringify(rep.requests.failedBy)}`,
  );
  for (const x of r.notes) console.log(`  note: ${x.slice(0, 200)}`);
  if (process.env.EDGES)
    for (const e of r.doc.edges)
      console.log(
        `  edge ${e.source} -> ${e.target} ${e.label ?? ''} ${e.faint ? 'faint' : ''}${e.twoWay ? 'two' : ''}`,
      );
  if (process.env.NOTE) console.log('  expected note:', exp[file]?.note);
}
