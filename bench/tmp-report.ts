import { measureCorpus } from '/work/wt/issue-10/bench/corpus.ts';
import { loadMermaid } from '/work/wt/issue-10/src/io/mermaid/load.ts';
await loadMermaid();
const f = await measureCorpus(Number(process.env.RUN_MS ?? 20000));
for (const d of f.diagrams) {
  const share = d.failed / Math.max(1, d.completed + d.failed);
  console.log(
    `${d.runs ? 'RUN ' : 'NO  '} ${d.file.padEnd(42)} kinds ${d.kindsRight}/${d.boxes} arrows ${d.arrowsKept}/${d.arrows} done ${d.completed} fail ${(share * 100).toFixed(1)}% reached ${d.reached}/${d.reachable} ${d.error ?? ''}`,
  );
  for (const w of d.wrong) console.log(`       ${w.id}: got ${w.got}, want ${w.want.join('|')}`);
}
console.log(
  `kinds ${f.kindsRight}/${f.boxes} = ${((f.kindsRight / f.boxes) * 100).toFixed(1)}%  runs ${f.running}/${f.diagrams.length}  arrows ${f.arrowsKept}/${f.arrows}`,
);
