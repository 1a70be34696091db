import { describe, expect, it } from 'vitest';
import { fakeCanvases } from '../record/fakeCanvas.ts';
import { bucketOf, formatRps, paintLoad, queueSpot } from './paint.ts';

const curve = { x0: 0, y0: 0, cx1: 100, cy1: 0, cx2: 200, cy2: 0, x1: 300, y1: 0 };

describe('paintLoad', () => {
  it('strokes every loaded link and writes its rate', () => {
    const { main, log } = fakeCanvases();
    const g = main(100, 100).getContext('2d');
    paintLoad(
      g,
      new Map([
        ['e', curve],
        ['idle', curve],
      ]),
      { e: 40 },
      1,
      new Map(),
      new Map(),
    );
    expect(log.filter((c) => c.op === 'bezierCurveTo').length).toBe(1);
    expect(log.filter((c) => c.op === 'fillText').map((c) => c.args[0])).toEqual(['40 req/s']);
  });

  it('with less motion, marks loaded links with chevrons that point the way requests go', () => {
    const { main, log } = fakeCanvases();
    const g = main(100, 100).getContext('2d');
    paintLoad(g, new Map([['e', curve]]), { e: 40 }, 1, new Map(), new Map(), true);
    // Each chevron: moveTo an arm, lineTo its tip, lineTo the other arm.
    const moves = log.filter((c) => c.op === 'moveTo').map((c) => c.args as number[]);
    const lines = log.filter((c) => c.op === 'lineTo').map((c) => c.args as number[]);
    const chevrons = lines.length / 2;
    expect(chevrons).toBe(Math.floor(300 / 34));
    for (let i = 0; i < chevrons; i++) {
      const tip = lines[2 * i]!;
      // On a left-to-right link, both arms are behind (left of) the tip.
      expect(moves[i + 1]![0]!).toBeLessThan(tip[0]!);
      expect(lines[2 * i + 1]![0]!).toBeLessThan(tip[0]!);
    }
    // The rates stay.
    expect(log.filter((c) => c.op === 'fillText').map((c) => c.args[0])).toEqual(['40 req/s']);
  });

  it('draws no chevrons on links without traffic', () => {
    const { main, log } = fakeCanvases();
    const g = main(100, 100).getContext('2d');
    paintLoad(g, new Map([['e', curve]]), {}, 1, new Map(), new Map(), true);
    expect(log.some((c) => c.op === 'lineTo' || c.op === 'fillText')).toBe(false);
  });
});

describe('dots', () => {
  it('buckets by route, jobs and failures, faded when the user gave up', () => {
    expect(bucketOf(2, false, false)).toBe(2);
    expect(bucketOf(10, false, false)).toBe(2);
    expect(bucketOf(-1, false, false)).toBe(8);
    expect(bucketOf(3, true, true)).toBe(9);
    expect(bucketOf(3, false, true)).toBe(13);
  });

  it('stacks a waiting line in rows under its box', () => {
    const p = { x: 0, y: 0 };
    const r = { x: 0, y: 0, width: 180, height: 72 };
    queueSpot(r, 0, p);
    expect(p).toEqual({ x: 6, y: 79 });
    queueSpot(r, 22, p); // 22 columns fit in 180 px
    expect(p).toEqual({ x: 6, y: 86.5 });
  });

  it('formats rates', () => {
    expect(formatRps(0.25)).toBe('0.3 req/s');
    expect(formatRps(42.4)).toBe('42 req/s');
    expect(formatRps(1250)).toBe('1.3k req/s');
    expect(formatRps(25_000)).toBe('25k req/s');
  });
});
