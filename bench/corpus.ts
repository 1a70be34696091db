// The Mermaid importer against real diagrams (src/io/corpus/mermaid/): architecture
// flowcharts other people wrote, with the kind an engineer would pick for every box
// written by hand in expected.json. Measures what the issue promises: kinds right, the
// diagram runs when imported (requests complete, few fail, most boxes see traffic), and
// every arrow is kept, and export → import gives the same document back. `npm run bench`
// prints the figures; bench/corpus.test.ts holds them to their thresholds.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { exportMermaid } from '../src/io/mermaid/export.ts';
import { importMermaid } from '../src/io/mermaid/import.ts';
import type { NodeKind } from '../src/model/types.ts';
import { simulate } from '../src/sim/index.ts';
import type { BenchModule, BenchRow } from './run.ts';

export const CORPUS = resolve(import.meta.dirname, '../src/io/corpus/mermaid');

/** The thresholds of issue 10. */
export const THRESHOLDS = {
  kindsRight: 0.95,
  diagramsRun: 0.9,
  /** A run counts when at most this share of requests fails… */
  maxFailed: 0.05,
  /** …and at least this share of boxes (not clients, not hosts) see traffic. */
  boxesReached: 0.7,
} as const;

interface Expected {
  kinds: Record<string, NodeKind | NodeKind[]>;
  clients: string[];
  direction: string;
  note?: string;
}

export interface DiagramFigures {
  file: string;
  boxes: number;
  kindsRight: number;
  wrong: { id: string; got: NodeKind; want: NodeKind[] }[];
  arrows: number;
  arrowsKept: number;
  completed: number;
  failed: number;
  reached: number;
  reachable: number;
  runs: boolean;
  /** Export → import gives back the same document. */
  roundTrips: boolean;
  /** The hand-written direction ('with', 'against', 'mixed') and the import's verdict. */
  direction: { expected: string; flip: 'no' | 'offer' | 'auto' };
  error?: string;
}

export interface CorpusFigures {
  diagrams: DiagramFigures[];
  /** Boxes whose kind is one the hand-written answer accepts. */
  kindsRight: number;
  boxes: number;
  /** Diagrams that run: requests complete, ≤ 5% fail, ≥ 70% of the boxes see traffic. */
  running: number;
  /** Arrows of the Mermaid text found again in the document, with their ends. */
  arrowsKept: number;
  arrows: number;
}

/** The corpus files with hand-written answers (wild/ and seed/). */
export function corpusFiles(): { file: string; text: string; expected: Expected }[] {
  const expected = JSON.parse(readFileSync(join(CORPUS, 'expected.json'), 'utf8')) as Record<
    string,
    Expected
  >;
  return Object.keys(expected)
    .sort()
    .map((file) => ({
      file,
      text: readFileSync(join(CORPUS, file), 'utf8'),
      expected: expected[file]!,
    }));
}

/** The flowchart syntax examples (syntax/): they must import and round-trip. */
export function syntaxFiles(): { file: string; text: string }[] {
  const dir = join(CORPUS, 'syntax');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mmd'))
    .sort()
    .map((f) => ({ file: `syntax/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

/** One diagram: imported as a new user would (the suggested choices), then run. */
export async function measureDiagram(
  file: string,
  text: string,
  expected: Expected,
  runMs = 20_000,
): Promise<DiagramFigures> {
  const out: DiagramFigures = {
    file,
    boxes: Object.keys(expected.kinds).length,
    kindsRight: 0,
    wrong: [],
    arrows: 0,
    arrowsKept: 0,
    completed: 0,
    failed: 0,
    reached: 0,
    reachable: 0,
    runs: false,
    roundTrips: false,
    direction: { expected: expected.direction, flip: 'no' },
  };
  const r = await importMermaid(text);
  if (!r.ok) return { ...out, error: r.error.message };
  out.direction.flip = r.direction.flip;
  const ours = r.plan.ids.ours;
  const byId = new Map(r.doc.nodes.map((n) => [n.id, n]));
  for (const [mid, want] of Object.entries(expected.kinds)) {
    const accepted = Array.isArray(want) ? want : [want];
    const got = byId.get(ours.get(mid) ?? mid)?.kind;
    if (got !== undefined && accepted.includes(got)) out.kindsRight++;
    else out.wrong.push({ id: mid, got: got ?? ('missing' as NodeKind), want: accepted });
  }
  // Every arrow of the text is an edge with the same two ends (turned round if flipped).
  const flipped = r.direction.flipped;
  const left = r.doc.edges
    .filter((e) => e.source !== r.added)
    .map((e) => `${e.source}>${e.target}`);
  for (const a of r.plan.drawn.arrows) {
    out.arrows++;
    const s = ours.get(a.source)!;
    const t = ours.get(a.target)!;
    const key = flipped ? `${t}>${s}` : `${s}>${t}`;
    const at = left.indexOf(key);
    if (at >= 0) {
      left.splice(at, 1);
      out.arrowsKept++;
    }
  }
  const again = await importMermaid(exportMermaid(r.doc));
  out.roundTrips = again.ok && !again.laidOut && isDeepStrictEqual(again.doc, r.doc);
  const report = simulate(r.doc, { seed: 1, durationMs: runMs, warmupMs: 2000 });
  out.completed = report.requests.completed;
  out.failed = report.requests.failed;
  for (const n of r.doc.nodes) {
    if (n.kind === 'client' || n.kind === 'group') continue;
    out.reachable++;
    if ((report.nodes[n.id]?.arrivals ?? 0) > 0) out.reached++;
  }
  const failedShare = out.failed / Math.max(1, out.completed + out.failed);
  out.runs =
    out.completed > 0 &&
    failedShare <= THRESHOLDS.maxFailed &&
    out.reached >= THRESHOLDS.boxesReached * out.reachable;
  return out;
}

export async function measureCorpus(runMs?: number): Promise<CorpusFigures> {
  const diagrams: DiagramFigures[] = [];
  for (const { file, text, expected } of corpusFiles()) {
    diagrams.push(await measureDiagram(file, text, expected, runMs));
  }
  const sum = (f: (d: DiagramFigures) => number) => diagrams.reduce((s, d) => s + f(d), 0);
  return {
    diagrams,
    kindsRight: sum((d) => d.kindsRight),
    boxes: sum((d) => d.boxes),
    running: diagrams.filter((d) => d.runs).length,
    arrowsKept: sum((d) => d.arrowsKept),
    arrows: sum((d) => d.arrows),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export const bench: BenchModule = {
  name: 'corpus',
  async run(): Promise<BenchRow[]> {
    const f = await measureCorpus();
    const kinds = f.kindsRight / Math.max(1, f.boxes);
    const runs = f.running / Math.max(1, f.diagrams.length);
    const arrows = f.arrowsKept / Math.max(1, f.arrows);
    return [
      {
        figure: `kinds right (${f.kindsRight} of ${f.boxes} boxes, ${f.diagrams.length} diagrams)`,
        value: pct(kinds),
        budget: `≥ ${pct(THRESHOLDS.kindsRight)}`,
        ok: kinds >= THRESHOLDS.kindsRight,
      },
      {
        figure: `diagrams that run (${f.running} of ${f.diagrams.length}: requests complete, ≤ 5% fail, ≥ 70% of boxes reached)`,
        value: pct(runs),
        budget: `≥ ${pct(THRESHOLDS.diagramsRun)}`,
        ok: runs >= THRESHOLDS.diagramsRun,
      },
      {
        figure: `arrows kept (${f.arrowsKept} of ${f.arrows})`,
        value: pct(arrows),
        budget: '100%',
        ok: f.arrowsKept === f.arrows,
      },
    ];
  },
};
