import { largeFlowchart } from './mermaid.ts';
import { parseFlowchart } from '../src/io/mermaid/parse.ts';
import { drawnGraph, flipArrows } from '../src/io/mermaid/drawn.ts';
import { guessKinds, places } from '../src/io/mermaid/kinds.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';
import { withTraffic } from '../src/io/mermaid/traffic.ts';
import { comfortableRate } from '../src/io/mermaid/capacity.ts';
import { runtimeLinks } from '../src/model/links.ts';
import { loadMermaid } from '../src/io/mermaid/load.ts';
await loadMermaid();
const text = largeFlowchart();
const t = (label: string, f: () => unknown) => {
  const a = performance.now();
  const r = f();
  console.log(label, Math.round(performance.now() - a));
  return r;
};
for (let i = 0; i < 3; i++) {
  const a = performance.now();
  const p = await parseFlowchart(text);
  console.log('parse', Math.round(performance.now() - a));
  if (!p.ok) throw 0;
  const d = t('drawn', () => drawnGraph(p.parsed)) as ReturnType<typeof drawnGraph>;
  t('places', () => places(d));
  t('kinds text', () => guessKinds(d, { graph: false }));
  t('kinds graph', () => guessKinds(d));
  t('kinds flipped', () => guessKinds(flipArrows(d)));
  const r = await importMermaid(text, { users: true });
  if (!r.ok) throw 0;
  t('links', () => runtimeLinks(r.doc));
  t('traffic', () => withTraffic(r.doc));
  t('rate', () =>
    comfortableRate(
      r.doc,
      r.doc.nodes.filter((n) => n.kind === 'client').map((n) => n.id),
    ),
  );
}
