import { describe, expect, it } from 'vitest';
import type { Journey, JourneySpan } from '../../sim/index.ts';
import { waterfallRows } from './phases.ts';

function span(
  node: string,
  depth: number,
  parent: number,
  extra: Partial<JourneySpan>,
): JourneySpan {
  return {
    node,
    nodeKind: node.replace(/\d+$/, ''),
    label: node,
    depth,
    op: 'request',
    edge: depth === 0 ? null : `e-${node}`,
    reversed: false,
    parent,
    start: 0,
    end: 10,
    ok: true,
    failedHere: false,
    phases: [],
    ...extra,
  };
}

/** client → lb → app2, which was waiting on db when it went down. */
function crashedWhileWaiting(): Journey {
  return {
    id: 7,
    route: 'GET /',
    path: '/',
    start: 0,
    end: 10,
    latencyMs: 10,
    done: true,
    ok: false,
    cause: 'down',
    failedAt: 'app2',
    spans: [
      span('client', 0, -1, { ok: false, cause: 'down' }),
      span('lb', 1, 0, { ok: false, cause: 'down' }),
      span('app2', 2, 1, { ok: false, cause: 'down', failedHere: true, end: 9 }),
      span('db', 3, 2, { end: null }),
    ],
  };
}

describe('waterfallRows', () => {
  it('ends a failed journey at the box that failed it, after the calls it cut off', () => {
    const rows = waterfallRows(crashedWhileWaiting());
    expect(rows.map((r) => r.span.node)).toEqual(['client', 'lb', 'app2', 'db', 'app2']);
    expect(rows.map((r) => r.failedHere)).toEqual([false, false, false, false, true]);
    expect(rows.map((r) => r.cutOff)).toEqual([false, false, false, true, false]);
    expect(rows.at(-1)!.closing).toBe(true);
  });

  it('adds no closing row when the failing box is already last', () => {
    const j = crashedWhileWaiting();
    j.spans.pop();
    const rows = waterfallRows(j);
    expect(rows.map((r) => r.span.node)).toEqual(['client', 'lb', 'app2']);
    expect(rows.at(-1)!.failedHere).toBe(true);
    expect(rows.some((r) => r.closing)).toBe(false);
  });

  it('leaves an answered or in-flight journey as visited', () => {
    const j = crashedWhileWaiting();
    j.ok = true;
    delete j.cause;
    delete j.failedAt;
    j.spans[2]!.failedHere = false;
    j.spans[2]!.ok = true;
    expect(waterfallRows(j).map((r) => r.span.node)).toEqual(['client', 'lb', 'app2', 'db']);
    const inFlight = crashedWhileWaiting();
    inFlight.done = false;
    const rows = waterfallRows(inFlight);
    expect(rows).toHaveLength(4);
    expect(rows.some((r) => r.cutOff)).toBe(false);
  });
});
