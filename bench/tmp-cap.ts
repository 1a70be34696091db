import { readFileSync } from 'node:fs';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { loadMermaid } from '../src/io/mermaid/load.ts';
import { simulate } from '../src/sim/index.ts';
await loadMermaid();
const r = await importMermaid(readFileSync(`src/io/corpus/mermaid/${process.argv[2]}`, 'utf8'));
if (!r.ok) throw 0;
const doc = r.doc;
for (const n of doc.nodes)
  if (n.kind === 'client' && r.inferred.includes(n.id)) n.config.rps = Number(process.argv[3] ?? 5);
const rep = simulate(doc, { seed: 1, durationMs: 20000, warmupMs: 2000 });
console.log(rep.requests, rep.latency_ms);
for (const [id, x] of Object.entries(rep.nodes))
  if (x.utilization > 0.3 || Object.keys(x.failedBy).length)
    console.log(id, x.kind, x.utilization, x.arrivals, x.failedBy, x.meanResponseMs);
