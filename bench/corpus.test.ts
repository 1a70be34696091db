// The importer against real diagrams (src/io/corpus/mermaid): the figures issue 10 asks
// for, over every diagram with hand-written answers. `npm run bench` prints them too.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadMermaid } from '../src/io/mermaid/load.ts';
import { type CorpusFigures, measureCorpus, THRESHOLDS } from './corpus.ts';

let figures: CorpusFigures;

beforeAll(async () => {
  await loadMermaid();
  figures = await measureCorpus();
}, 180_000);

describe('the Mermaid corpus', () => {
  it('has at least 30 real diagrams plus the seed article’s three', () => {
    expect(
      figures.diagrams.filter((d) => d.file.startsWith('wild/')).length,
    ).toBeGreaterThanOrEqual(30);
    expect(figures.diagrams.filter((d) => d.file.startsWith('seed/'))).toHaveLength(3);
    for (const d of figures.diagrams) expect(d.error, d.file).toBeUndefined();
  });

  it('gets the kind an engineer would pick for at least 95% of the boxes', () => {
    const share = figures.kindsRight / figures.boxes;
    const wrong = figures.diagrams.flatMap((d) =>
      d.wrong.map((w) => `${d.file} ${w.id}: ${w.got}, not ${w.want.join('|')}`),
    );
    expect(share, wrong.join('\n')).toBeGreaterThanOrEqual(THRESHOLDS.kindsRight);
  });

  it('runs at least 90% of the diagrams: requests complete, few fail, most boxes see traffic', () => {
    const share = figures.running / figures.diagrams.length;
    const stuck = figures.diagrams
      .filter((d) => !d.runs)
      .map(
        (d) =>
          `${d.file}: ${d.completed} completed, ${d.failed} failed, ${d.reached}/${d.reachable} boxes reached`,
      );
    expect(share, stuck.join('\n')).toBeGreaterThanOrEqual(THRESHOLDS.diagramsRun);
  });

  it('keeps every arrow, with its two ends', () => {
    const lost = figures.diagrams
      .filter((d) => d.arrowsKept !== d.arrows)
      .map((d) => `${d.file}: ${d.arrowsKept} of ${d.arrows}`);
    expect(lost).toEqual([]);
  });

  it('offers to flip what is drawn against the flow, and never flips the rest for you', () => {
    const wrong = figures.diagrams
      .filter((d) =>
        d.direction.expected === 'against'
          ? d.direction.flip === 'no'
          : d.direction.flip === 'auto',
      )
      .map((d) => `${d.file}: drawn ${d.direction.expected}, flip ${d.direction.flip}`);
    expect(wrong).toEqual([]);
  });

  it('gives every diagram back exactly from its export', () => {
    expect(figures.diagrams.filter((d) => !d.roundTrips).map((d) => d.file)).toEqual([]);
  });

  it('imports the three seed diagrams as the article means them, and runs each to every box', () => {
    const seeds = figures.diagrams.filter((d) => d.file.startsWith('seed/'));
    for (const d of seeds) {
      expect(d.wrong, d.file).toEqual([]);
      expect(d.runs, d.file).toBe(true);
      expect(d.failed, d.file).toBe(0);
      expect(d.reached, d.file).toBe(d.reachable);
    }
  });
});
