import { describe, expect, it } from 'vitest';
import { clockText, GIF_BOX, outputSize, VIDEO_BOX } from './recorder.ts';

describe('outputSize', () => {
  it('keeps the canvas’s shape inside 1280 × 720, in even pixels', () => {
    expect(outputSize(1600, 900, VIDEO_BOX)).toEqual({ width: 1280, height: 720 });
    expect(outputSize(1000, 500, VIDEO_BOX)).toEqual({ width: 1280, height: 640 });
    const tall = outputSize(908, 700, VIDEO_BOX);
    expect(tall.height).toBe(720);
    expect(tall.width % 2).toBe(0);
    expect(tall.width / tall.height).toBeCloseTo(908 / 700, 2);
  });

  it('scales a small canvas up to the box and a GIF into its own', () => {
    expect(outputSize(320, 180, VIDEO_BOX)).toEqual({ width: 1280, height: 720 });
    expect(outputSize(1600, 900, GIF_BOX)).toEqual({ width: 800, height: 450 });
  });

  it('falls back to the box for a canvas with no size yet', () => {
    expect(outputSize(0, 0, VIDEO_BOX)).toEqual({ width: 1280, height: 720 });
  });
});

describe('clockText', () => {
  it('reads like the top bar, with the speed when it is not 1×', () => {
    expect(clockText({ status: 'playing', started: true, display: 42_460, speed: 1 })).toBe(
      '42.5 s',
    );
    expect(clockText({ status: 'paused', started: true, display: 3000, speed: 5 })).toBe(
      '3.0 s · 5×',
    );
    expect(clockText({ status: 'idle', started: false, display: 0, speed: 1 })).toBeNull();
  });
});
