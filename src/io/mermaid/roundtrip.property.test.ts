import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig, KINDS } from '../../model/kinds.ts';
import { validateDocument } from '../../model/schema.ts';
import {
  type Config,
  type Direction,
  NODE_KINDS,
  type NodeKind,
  type TopologyDocument,
  type TopologyEdge,
  type TopologyNode,
} from '../../model/types.ts';
import { exportMermaid } from './export.ts';
import { importMermaid } from './import.ts';
import { loadMermaid } from './load.ts';

// Modest by default so the suite stays fast; FC_RUNS=2000 for a deeper search.
const RUNS = Number(process.env.FC_RUNS ?? 60);
const TIMEOUT = Math.max(60_000, RUNS * 1000);

let parse: (text: string) => Promise<{ type: string }>;
beforeAll(async () => {
  const mermaid = await loadMermaid();
  parse = (text) => mermaid.mermaidAPI.getDiagramFromText(text);
});

// Any text at all: ASCII with syntax characters, any code point, whole graphemes.
const anyText = (maxLength: number) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.stringMatching(/^[-a-z "#&<>%|[\](){}:;`\\/\n.=~ox]{0,40}$/),
  );

const coordinate = fc
  .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((x) => (Object.is(x, -0) ? 0 : x));

/** A config with some settings changed (valid values) and maybe some keys absent. */
function configFor(kind: NodeKind): fc.Arbitrary<Config> {
  const fields = KINDS[kind].fields.filter((f) => f.type === 'number' || f.type === 'boolean');
  return fc
    .tuple(
      fc.subarray(fields, { maxLength: Math.min(3, fields.length) }),
      fc.nat(),
      fc.boolean(),
      fc.subarray(KINDS[kind].fields.map((f) => f.key)),
    )
    .map(([changed, seed, flip, dropped]) => {
      const config = defaultConfig(kind);
      for (const f of changed) {
        if (f.type === 'boolean') config[f.key] = !f.default;
        else if (f.type === 'number') {
          const span = f.max - f.min;
          const v = f.min + ((seed % 1000) / 1000) * span;
          config[f.key] = f.integer ? Math.round(v) : v;
        }
      }
      if (flip) for (const key of dropped) delete config[key];
      return config;
    });
}

const documentArb: fc.Arbitrary<TopologyDocument> = fc
  .record({
    ids: fc.uniqueArray(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), {
      minLength: 1,
      maxLength: 10,
    }),
    title: anyText(40),
    direction: fc.option(fc.constantFrom<Direction>('LR', 'RL', 'TB', 'BT'), {
      nil: undefined,
    }),
    seed: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
    labels: fc.array(anyText(30), { minLength: 10, maxLength: 10 }),
    edgeLabels: fc.array(fc.option(anyText(20), { nil: undefined }), {
      minLength: 12,
      maxLength: 12,
    }),
  })
  .chain(({ ids, title, direction, seed, labels, edgeLabels }) => {
    const kinds = ids.map((_, i) => NODE_KINDS[seed[i]! % NODE_KINDS.length]!);
    return fc
      .tuple(
        fc.tuple(...kinds.map((k) => configFor(k))),
        fc.array(fc.tuple(coordinate, coordinate), {
          minLength: ids.length,
          maxLength: ids.length,
        }),
      )
      .map(([configs, positions]) => {
        const nodes: TopologyNode[] = ids.map((id, i) => {
          const n: TopologyNode = {
            id,
            kind: kinds[i]!,
            label: labels[i]!,
            position: { x: positions[i]![0], y: positions[i]![1] },
            config: configs[i]!,
          };
          // Parents only among earlier groups, so there are no loops.
          const groups = ids.slice(0, i).filter((_, j) => kinds[j] === 'group');
          if (groups.length && seed[i + 10]! % 2 === 0) {
            n.parent = groups[seed[i + 20]! % groups.length]!;
          }
          if (n.kind === 'group' && seed[i + 30]! % 2 === 0) {
            n.size = { width: 100 + (seed[i]! % 500), height: 80 + (seed[i]! % 300) };
          }
          if (n.kind === 'client' && seed[i + 30]! % 3 === 0) n.addedBy = 'import';
          return n;
        });
        const edges: TopologyEdge[] = edgeLabels.slice(0, seed[39]! % 12).map((label, k) => {
          const e: TopologyEdge = {
            id: `e${k}-${ids[seed[k]! % ids.length]}`,
            source: ids[seed[k]! % ids.length]!,
            target: ids[seed[k + 1]! % ids.length]!,
          };
          if (label !== undefined) e.label = label;
          // Faint (`~~~`) and two-way (`<-->`) arrows, now and then.
          if (seed[k + 2]! % 5 === 0) e.faint = true;
          else if (seed[k + 2]! % 5 === 1) e.twoWay = true;
          return e;
        });
        const doc: TopologyDocument = { version: 1, title, nodes, edges };
        if (direction) doc.direction = direction;
        return doc;
      });
  });

describe('round-trip properties', () => {
  it('generates valid documents', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const issues = validateDocument(doc).filter((i) => !/duplicate id/.test(i.message));
        expect(issues).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it(
    'any document survives export → import exactly, and its export parses in Mermaid',
    async () => {
      await fc.assert(
        fc.asyncProperty(documentArb, async (doc) => {
          const text = exportMermaid(doc);
          const diagram = await parse(text);
          expect(diagram.type).toBe('flowchart-v2');
          const r = await importMermaid(text);
          if (!r.ok) throw new Error(`${r.error.message}\n${text}`);
          expect(r.doc).toEqual(doc);
          expect(r.laidOut).toBe(false);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'random text never throws out of the importer',
    async () => {
      const flowchartish = fc
        .tuple(
          fc.constantFrom('flowchart LR\n', 'graph TD\n', '', 'sequenceDiagram\n', '---\n'),
          anyText(80),
        )
        .map(([head, body]) => head + body);
      await fc.assert(
        fc.asyncProperty(fc.oneof(anyText(120), flowchartish), async (text) => {
          const r = await importMermaid(text);
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
          else expect(validateDocument(r.doc)).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
