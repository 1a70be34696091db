import { describe, expect, it } from 'vitest';
import { shadowsOf, shapePath, solidColor } from './capture.ts';

const el = (tag: string, attrs: Record<string, string>) =>
  ({
    tagName: tag.toUpperCase(),
    getAttribute: (n: string) => attrs[n] ?? null,
    hasAttribute: (n: string) => n in attrs,
  }) as unknown as Element;

describe('computed values', () => {
  it('reads colours as the canvas takes them, transparent as none', () => {
    expect(solidColor('rgb(203, 213, 225)')).toBe('rgba(203, 213, 225, 1)');
    expect(solidColor('rgba(15, 23, 42, 0.06)')).toBe('rgba(15, 23, 42, 0.06)');
    expect(solidColor('rgba(0, 0, 0, 0)')).toBeNull();
    // What color-mix() computes to.
    expect(solidColor('color(srgb 0.9 0.95 1)')).toBe('rgba(230, 242, 255, 1)');
    expect(solidColor('color(srgb 1 0 0 / 0.5)')).toBe('rgba(255, 0, 0, 0.5)');
  });

  it('reads box shadows, several of them, skipping inset ones', () => {
    expect(
      shadowsOf(
        'rgb(255, 255, 255) 4px 4px 0px -1px, rgba(15, 23, 42, 0.06) 0px 1px 2px 0px, rgb(0, 0, 0) 0px 0px 3px 0px inset',
      ),
    ).toEqual([
      { color: 'rgba(255, 255, 255, 1)', x: 4, y: 4, blur: 0, spread: -1 },
      { color: 'rgba(15, 23, 42, 0.06)', x: 0, y: 1, blur: 2, spread: 0 },
    ]);
    expect(shadowsOf('none')).toEqual([]);
  });
});

describe('shapePath', () => {
  it('starts circles at 3 o’clock and goes clockwise, as SVG does (dash patterns depend on it)', () => {
    expect(shapePath(el('circle', { cx: '10', cy: '10', r: '7' }))).toBe(
      'M17,10A7,7 0 0 1 10,17A7,7 0 0 1 3,10A7,7 0 0 1 10,3A7,7 0 0 1 17,10Z',
    );
  });

  it('turns rects (rounded too), lines and polylines into paths', () => {
    expect(shapePath(el('rect', { x: '4', y: '4', width: '16', height: '7' }))).toBe(
      'M4,4H20V11H4Z',
    );
    expect(shapePath(el('rect', { x: '0', y: '0', width: '10', height: '10', rx: '2' }))).toMatch(
      /^M2,0H8A2,2 0 0 1 10,2/,
    );
    expect(shapePath(el('line', { x1: '1', y1: '2', x2: '3', y2: '4' }))).toBe('M1,2L3,4');
    expect(shapePath(el('polyline', { points: '0,0 5,5 10,0' }))).toBe('M0,0L5,5L10,0');
    expect(shapePath(el('circle', { r: '0' }))).toBeNull();
  });
});
