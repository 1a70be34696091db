import { describe, expect, it } from 'vitest';
import { fitOptions, frameSize } from './frame.ts';

describe('embed frame sizes', () => {
  it('sorts canvases into small, medium and large', () => {
    // Canvas sizes of common iframes once the embed's bar is subtracted.
    expect(frameSize(360, 230)).toBe('small');
    expect(frameSize(420, 210)).toBe('small');
    expect(frameSize(900, 200)).toBe('small'); // wide but very short
    expect(frameSize(640, 320)).toBe('medium');
    expect(frameSize(1000, 360)).toBe('medium');
    expect(frameSize(1040, 550)).toBe('large');
  });

  it('leaves room for the legend and zoom buttons only where they show', () => {
    const px = (v: unknown) => Number.parseInt(String(v), 10);
    const pad = (size: 'small' | 'medium' | 'large', w: number) =>
      fitOptions(size, w).padding as Record<'top' | 'bottom' | 'left' | 'right', string>;
    expect(px(pad('small', 360).bottom)).toBeLessThan(px(pad('medium', 640).bottom));
    expect(px(pad('medium', 640).bottom)).toBeLessThan(px(pad('large', 1040).bottom));
    // The zoom buttons (26 px wide, 8–15 px from the edge) never cover a box.
    expect(px(pad('medium', 640).left)).toBeGreaterThanOrEqual(42);
    expect(px(pad('large', 800).left)).toBeGreaterThanOrEqual(64);
    expect(px(pad('large', 2000).left)).toBe(160);
  });
});
