// Every flowchart example of Mermaid's own flowchart syntax documentation imports, and
// what it became comes back exactly from its export (the real diagrams of the corpus are
// measured, round trip included, by bench/corpus.test.ts).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDocument } from '../../model/schema.ts';
import { exportMermaid } from './export.ts';
import { importMermaid } from './import.ts';
import { loadMermaid } from './load.ts';

const CORPUS = join(import.meta.dirname, '../corpus/mermaid');
const files = (dir: string) =>
  readdirSync(join(CORPUS, dir))
    .filter((f) => f.endsWith('.mmd'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(CORPUS, dir, f), 'utf8') }));

beforeAll(async () => {
  await loadMermaid();
});

async function roundTrip(text: string) {
  const r = await importMermaid(text);
  if (!r.ok) throw new Error(r.error.message);
  expect(validateDocument(r.doc)).toEqual([]);
  const again = await importMermaid(exportMermaid(r.doc));
  if (!again.ok) throw new Error(again.error.message);
  expect(again.doc).toEqual(r.doc);
  expect(again.laidOut).toBe(false);
  return r;
}

describe('Mermaid’s flowchart syntax examples', () => {
  const examples = files('syntax');

  it('are all there (about 110)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(100);
  });

  it('each import and round-trip through our export', async () => {
    let empty = 0;
    for (const { name, text } of examples) {
      const first = await importMermaid(text);
      // A flowchart with no boxes at all (a configuration example) is refused, as any
      // empty diagram is: it would replace the canvas with nothing.
      if (!first.ok && /There are no boxes to import/.test(first.error.message)) {
        empty++;
        continue;
      }
      await roundTrip(text).catch((err: Error) => {
        throw new Error(`${name}: ${err.message}`);
      });
    }
    expect(empty).toBeLessThanOrEqual(2);
  }, 120_000);
});
