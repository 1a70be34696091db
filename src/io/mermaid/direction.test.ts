// Stage 4: which way do the arrows point?

import { describe, expect, it } from 'vitest';
import { arrowVote, judgeDirection } from './direction.ts';
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
