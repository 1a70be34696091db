// Stage 4: which way do the arrows point?

import { describe, expect, it } from 'vitest';
import { arrowVote, judgeDirection, labelVote } from './direction.ts';
import type { DrawnGraph } from './drawn.ts';
import type { BoxKind } from './evidence.ts';

function graph(arrows: [string, string, boolean?][]): DrawnGraph {
  return {
    boxes: [],
    arrows: arrows.map(([source, target, twoWay]) => ({
      source,
      target,
      label: '',
      faint: false,
      twoWay: twoWay === true,
    })),
    direction: 'LR',
    notes: [],
  };
}

const kinds: Record<string, BoxKind> = {
  web: 'client',
  gw: 'proxy',
  api: 'app',
  db: 'db',
  cache: 'cache',
  q: 'queue',
  w: 'worker',
};
const kindOf = (id: string) => kinds[id];

describe('arrowVote', () => {
  it('votes along for requests and against for data flowing back', () => {
    expect(arrowVote('client', 'proxy')).toBe(1);
    expect(arrowVote('app', 'db')).toBe(1);
    expect(arrowVote('db', 'app')).toBe(-1);
    expect(arrowVote('app', 'client')).toBe(-1);
    expect(arrowVote('queue', 'worker')).toBe(0.5);
    expect(arrowVote('app', 'app')).toBe(0);
  });
});

describe('judgeDirection', () => {
  it('flips a diagram drawn from the database to the user, with an example', () => {
    const v = judgeDirection(
      graph([
        ['db', 'api'],
        ['cache', 'api'],
        ['api', 'gw'],
        ['gw', 'web'],
      ]),
      kindOf,
    );
    expect(v).toMatchObject({ flip: 'auto', example: { source: 'db', target: 'api' } });
  });

  it('only offers to flip when the evidence is mixed', () => {
    const v = judgeDirection(
      graph([
        ['db', 'api'],
        ['gw', 'web'],
        ['api', 'cache'],
      ]),
      kindOf,
    );
    expect(v.flip).toBe('offer');
  });

  it('leaves a diagram drawn along the flow, and ignores two-way arrows', () => {
    expect(
      judgeDirection(
        graph([
          ['web', 'gw'],
          ['gw', 'api'],
          ['api', 'db'],
        ]),
        kindOf,
      ).flip,
    ).toBe('no');
    expect(
      judgeDirection(
        graph([
          ['db', 'api', true],
          ['web', 'api', true],
        ]),
        kindOf,
      ).flip,
    ).toBe('no');
  });
});

describe('labelVote', () => {
  it('reads "used by" and "returns" as pointing back, "calls" and "depends on" along', () => {
    expect(labelVote('used by')).toBe(-0.5);
    expect(labelVote('Returns JSON')).toBe(-0.5);
    expect(labelVote('depends on')).toBe(0.5);
    expect(labelVote('calls')).toBe(0.5);
    expect(labelVote('/api')).toBe(0);
  });

  it('lets labels tip a diagram whose kinds say nothing', () => {
    const g = graph([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
    ]);
    g.arrows.forEach((a) => {
      a.label = 'used by';
    });
    const none = () => 'app' as const;
    expect(judgeDirection(g, none)).toMatchObject({
      against: 2,
      flip: 'offer',
      example: { source: 'a', target: 'b' },
    });
  });
});
