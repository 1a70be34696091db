import { describe, expect, it } from 'vitest';
import { pickDot } from './pick.ts';

describe('pickDot', () => {
  it('picks the dot painted on top where dots overlap, whatever order they were met in', () => {
    // A failed dot (bucket 9) met first, a route dot (bucket 0) met later at nearly the
    // same place: the failed one is painted over it, so a click there means the failed one.
    const xy = [10, 10, 10.5, 10];
    expect(pickDot(xy, [9, 0], 10.4, 10, 3.6, 9)).toBe(0);
    expect(pickDot(xy, [0, 9], 10, 10, 3.6, 9)).toBe(1);
  });

  it('in one bucket, the later dot is on top', () => {
    expect(pickDot([0, 0, 1, 0], [3, 3], 0.2, 0, 3.6, 9)).toBe(1);
  });

  it('off every dot, the nearest within reach counts; beyond reach, none', () => {
    const xy = [0, 0, 20, 0];
    expect(pickDot(xy, [9, 0], 14, 0, 3.6, 9)).toBe(1);
    expect(pickDot(xy, [9, 0], 10, 30, 3.6, 9)).toBe(-1);
    expect(pickDot([], [], 0, 0, 3.6, 9)).toBe(-1);
  });
});
