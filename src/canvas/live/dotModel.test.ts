import { describe, expect, it } from 'vitest';
import { DotModel, type DotVisitor, type EdgeEnds, MIN_VISUAL_MS } from './dotModel.ts';

// users → app → db
const edges = ['e1', 'e2'];
const ends = new Map<string, EdgeEnds>([
  ['e1', { source: 'users', target: 'app' }],
  ['e2', { source: 'app', target: 'db' }],
]);

function batch(hops: [edge: number, t0: number, t1: number, req: number, outcome: number][]) {
  const times = new Float64Array(hops.length * 2);
  const ints = new Int32Array(hops.length * 4);
  hops.forEach(([edge, t0, t1, req, outcome], i) => {
    times[2 * i] = t0;
    times[2 * i + 1] = t1;
    ints.set([edge, req, 0, outcome], 4 * i);
  });
  return { count: hops.length, times, ints };
}

interface Seen {
  moving: { edge: string; f: number; failed: boolean; faded: boolean }[];
  waiting: { node: string; failed: boolean }[];
  stuck: string[];
}

function look(model: DotModel, now: number, speed = 1): Seen {
  const seen: Seen = { moving: [], waiting: [], stuck: [] };
  const v: DotVisitor = {
    moving: (edge, f, _r, failed, faded) => seen.moving.push({ edge, f, failed, faded }),
    waiting: (node, _r, failed) => seen.waiting.push({ node, failed }),
    stuck: (edge) => seen.stuck.push(edge),
  };
  model.visit(now, speed, ends, v);
  return seen;
}

const forever = () => Number.POSITIVE_INFINITY;

describe('DotModel', () => {
  it('stretches an instant hop to the minimum visual duration and moves source → target', () => {
    const m = new DotModel();
    m.ingest(batch([[0, 100, 100, 7, 0]]), edges, ends, 1, forever);
    const half = look(m, 100 + MIN_VISUAL_MS / 2);
    expect(half.moving).toHaveLength(1);
    expect(half.moving[0]!.edge).toBe('e1');
    expect(half.moving[0]!.f).toBeCloseTo(0.5, 5);
    // After the hop is drawn it waits at the box it reached.
    expect(look(m, 100 + MIN_VISUAL_MS + 1).waiting).toEqual([{ node: 'app', failed: false }]);
  });

  it('draws a hop recorded as ~index backwards along its arrow', () => {
    const m = new DotModel();
    // A message from db to app along the arrow app → db (a two-way arrow to a queue).
    m.ingest(batch([[~1, 100, 100, 9, 0]]), edges, ends, 1, forever);
    const quarter = look(m, 100 + MIN_VISUAL_MS / 4);
    expect(quarter.moving[0]!.edge).toBe('e2');
    expect(quarter.moving[0]!.f).toBeCloseTo(0.75, 5);
    expect(look(m, 100 + MIN_VISUAL_MS + 1).waiting).toEqual([{ node: 'app', failed: false }]);
  });

  it('scales the minimum with speed (screen time, not virtual time)', () => {
    const m = new DotModel();
    m.ingest(batch([[0, 0, 0, 1, 0]]), edges, ends, 10, forever);
    expect(look(m, MIN_VISUAL_MS * 5, 10).moving[0]!.f).toBeCloseTo(0.5, 5);
  });

  it('plays a request in order: the next hop waits for the previous one to be drawn', () => {
    const m = new DotModel();
    // Forward on e1 and e2 at the same virtual instant.
    m.ingest(
      batch([
        [0, 0, 0, 1, 0],
        [1, 0, 0, 1, 0],
      ]),
      edges,
      ends,
      1,
      forever,
    );
    expect(look(m, MIN_VISUAL_MS * 0.5).moving[0]!.edge).toBe('e1');
    expect(look(m, MIN_VISUAL_MS * 1.5).moving[0]!.edge).toBe('e2');
  });

  it('an answer travels back (target → source) and the request leaves at its origin', () => {
    const m = new DotModel();
    m.ingest(
      batch([
        [0, 0, 0, 1, 0],
        [0, 1000, 1000, 1, 1],
      ]),
      edges,
      ends,
      1,
      forever,
    );
    const back = look(m, 1000 + MIN_VISUAL_MS * 0.25);
    expect(back.moving[0]!.f).toBeCloseTo(0.75, 5);
    look(m, 1000 + MIN_VISUAL_MS + 1);
    expect(m.size).toBe(0);
  });

  it('a failed answer stops the dot red at the box that failed, then it goes', () => {
    const m = new DotModel();
    // users → app, app answers "down" (outcome 2 + 2).
    m.ingest(
      batch([
        [0, 0, 0, 1, 0],
        [0, 500, 500, 1, 4],
      ]),
      edges,
      ends,
      1,
      forever,
    );
    const seen = look(m, 500 + MIN_VISUAL_MS + 10);
    expect(seen.waiting).toEqual([{ node: 'app', failed: true }]);
    look(m, 500 + MIN_VISUAL_MS + 5000);
    expect(m.size).toBe(0);
  });

  it('a cut link stops the dot half way along it', () => {
    const m = new DotModel();
    m.ingest(batch([[0, 0, 0, 1, 5]]), edges, ends, 1, forever);
    expect(look(m, MIN_VISUAL_MS).stuck).toEqual(['e1']);
  });

  it('fades a request older than its client timeout', () => {
    const m = new DotModel();
    m.ingest(batch([[0, 0, 0, 1, 0]]), edges, ends, 1, () => 1000);
    expect(look(m, 10).moving[0]!.faded).toBe(false);
    expect(look(m, 1500).waiting).toHaveLength(1);
    m.ingest(batch([[1, 2000, 2000, 1, 0]]), edges, ends, 1, () => 1000);
    expect(look(m, 2000 + 10).moving[0]!.faded).toBe(true);
  });

  it('ignores hops on unknown edges and requests first seen mid-way', () => {
    const m = new DotModel();
    m.ingest(
      batch([
        [9, 0, 0, 1, 0],
        [0, 0, 0, 2, 1],
      ]),
      edges,
      ends,
      1,
      forever,
    );
    expect(m.size).toBe(0);
  });
});
