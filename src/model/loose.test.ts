// loose.ts says what zod said: the zod schemas restore and checkField used (kept here as
// the reference) and the hand-written readers agree on random input, data and issues alike.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeSchema } from './schema.ts';
import { type Loose, looseDoc, looseEdge, looseNode, routesIssue } from './loose.ts';
import { NODE_KINDS } from './types.ts';
import { z } from './zod.ts';

const zodNode = z.object({
  id: z.union([z.string().min(1).max(200), z.number().transform(String)], {
    error: 'must be a non-empty text id (at most 200 characters)',
  }),
  kind: z.enum(NODE_KINDS, {
    error: (issue) =>
      `unknown kind ${JSON.stringify(issue.input)}; expected one of ${NODE_KINDS.join(', ')}`,
  }),
  label: z.unknown().optional(),
  position: z.unknown().optional(),
  parent: z.unknown().optional(),
  size: z.unknown().optional(),
  config: z.unknown().optional(),
  addedBy: z.unknown().optional(),
});

const zodEdge = z.object({
  id: z.unknown().optional(),
  source: z.union([z.string(), z.number().transform(String)]),
  target: z.union([z.string(), z.number().transform(String)]),
  label: z.unknown().optional(),
  faint: z.unknown().optional(),
  twoWay: z.unknown().optional(),
  config: z.unknown().optional(),
});

const zodDoc = z.object({
  title: z.unknown().optional(),
  direction: z.unknown().optional(),
  nodes: z.array(z.unknown()).max(10_000, 'more than 10,000 boxes; a diagram has at most 10,000'),
  edges: z
    .array(z.unknown())
    .max(50_000, 'more than 50,000 connections; a diagram has at most 50,000')
    .optional(),
});

const zodRoutes = z.array(routeSchema).max(100);

/** A zod result in loose.ts's shape. */
function asLoose(r: z.ZodSafeParseResult<unknown>): Loose<unknown> {
  return r.success
    ? { success: true, data: r.data }
    : { success: false, issues: r.error.issues.map((i) => ({ path: i.path, message: i.message })) };
}

class Thing {
  x = 1;
}
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  NaN,
  Infinity,
  -Infinity,
  0,
  -0,
  3.5,
  '',
  'x',
  true,
  [],
  {},
  new Thing(),
  new Date(0),
  'a'.repeat(200),
  'a'.repeat(201),
);
const value = fc.oneof(odd, fc.anything({ maxDepth: 2 }));

const nodeLike = fc.oneof(
  value,
  fc.record(
    {
      id: fc.oneof(value, fc.string({ maxLength: 3 }), fc.integer()),
      kind: fc.oneof(fc.constantFrom<unknown>(...NODE_KINDS), value),
      label: value,
      position: value,
      config: value,
      extra: value,
    },
    { requiredKeys: [] },
  ),
);
const edgeLike = fc.oneof(
  value,
  fc.record(
    {
      id: value,
      source: fc.oneof(value, fc.string({ maxLength: 3 }), fc.integer()),
      target: fc.oneof(value, fc.string({ maxLength: 3 }), fc.integer()),
      faint: value,
      other: value,
    },
    { requiredKeys: [] },
  ),
);
const routeLike = fc.oneof(
  value,
  fc.record(
    {
      method: fc.oneof(fc.constantFrom<unknown>('GET', 'POST', 'PUT', 'DELETE', 'get'), value),
      path: fc.oneof(
        fc.constantFrom<unknown>('/', '/api', 'api', `/${'a'.repeat(500)}`, 'b'.repeat(501)),
        value,
      ),
      weight: fc.oneof(fc.double(), fc.integer({ min: -3, max: 3 }), value),
      extra: value,
    },
    { requiredKeys: [] },
  ),
);

const RUNS = { numRuns: 600 };

describe('loose.ts reads as the zod schemas did', () => {
  it('a box', () => {
    fc.assert(
      fc.property(nodeLike, (raw) => {
        expect(looseNode(raw)).toStrictEqual(asLoose(zodNode.safeParse(raw)));
      }),
      RUNS,
    );
  });

  it('a connection', () => {
    fc.assert(
      fc.property(edgeLike, (raw) => {
        expect(looseEdge(raw)).toStrictEqual(asLoose(zodEdge.safeParse(raw)));
      }),
      RUNS,
    );
  });

  it('the top level', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          value,
          fc.record(
            {
              title: value,
              direction: value,
              nodes: fc.oneof(value, fc.array(value, { maxLength: 3 })),
              edges: fc.oneof(value, fc.array(value, { maxLength: 3 })),
              more: value,
            },
            { requiredKeys: [] },
          ),
        ),
        (raw) => {
          expect(looseDoc(raw)).toStrictEqual(asLoose(zodDoc.safeParse(raw)));
        },
      ),
      RUNS,
    );
    const big = { nodes: new Array(10_001).fill(0), edges: new Array(50_001).fill(0) };
    expect(looseDoc(big)).toStrictEqual(asLoose(zodDoc.safeParse(big)));
    expect(looseDoc({ nodes: [], edges: null })).toStrictEqual(
      asLoose(zodDoc.safeParse({ nodes: [], edges: null })),
    );
  });

  it("an nginx box's routes: the first issue", () => {
    const first = (raw: unknown) => {
      const r = zodRoutes.safeParse(raw);
      return r.success
        ? null
        : { path: r.error.issues[0]!.path, message: r.error.issues[0]!.message };
    };
    fc.assert(
      fc.property(fc.oneof(value, fc.array(routeLike, { maxLength: 4 })), (raw) => {
        expect(routesIssue(raw)).toStrictEqual(first(raw));
      }),
      RUNS,
    );
    const ok = { method: 'GET', path: '/', weight: 1 };
    for (const raw of [
      new Array(101).fill(ok),
      [...new Array(101).fill(ok), { method: 'x' }],
      [{ method: 'GET', path: 'x'.repeat(501), weight: 1 }],
      [{ method: 'GET', path: '/', weight: -1 }],
      [{ method: 'GET', path: '/', weight: Infinity }],
      [{ method: 'GET', path: '/', weight: NaN }],
    ]) {
      expect(routesIssue(raw)).toStrictEqual(first(raw));
    }
  });
});
