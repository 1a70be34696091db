import { readFileSync } from 'node:fs';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { loadMermaid } from '../src/io/mermaid/load.ts';
import { readLabel } from '../src/io/mermaid/words.ts';
await loadMermaid();
const [file, ...ids] = process.argv.slice(2);
const r = await importMermaid(readFileSync(`src/io/corpus/mermaid/${file}`, 'utf8'));
if (!r.ok) throw new Error(r.error.message);
for (const id of ids) {
  const g = r.plan.guesses[r.direction.flipped ? 'flipped' : 'drawn'].get(id)!;
  const box = r.plan.drawn.boxes.find((b) => b.id === id)!;
  console.log(
    id,
    JSON.stringify(box.label),
    g.kind,
    JSON.stringify(g.scores),
    JSON.stringify(g.evidence),
  );
  console.log('   ', JSON.stringify(readLabel(box.label)));
}
