import { describe, expect, it } from 'vitest';
import { checkSeconds, formatBytes, usableFormat } from './recordStore.ts';

const all = { webcodecs: true, webm: 'vp9', mp4: 'avc', gif: true } as const;

describe('usableFormat', () => {
  it('keeps the format asked for when this browser can write it', () => {
    expect(usableFormat('mp4', all)).toBe('mp4');
  });

  it('falls back to one that works: no H.264 means WebM, no WebCodecs means GIF', () => {
    expect(usableFormat('mp4', { ...all, mp4: null })).toBe('webm');
    expect(usableFormat('webm', { webcodecs: false, webm: null, mp4: null, gif: true })).toBe(
      'gif',
    );
    expect(usableFormat('gif', { webcodecs: false, webm: null, mp4: null, gif: false })).toBeNull();
  });
});

describe('checkSeconds', () => {
  it('accepts 5 to 60 seconds and says why otherwise', () => {
    expect(checkSeconds(5)).toBeNull();
    expect(checkSeconds(60)).toBeNull();
    expect(checkSeconds(4)).toMatch(/5 to 60 seconds/);
    expect(checkSeconds(61)).toMatch(/5 to 60 seconds/);
    expect(checkSeconds(Number.NaN)).toMatch(/in seconds/);
  });
});

it('formatBytes', () => {
  expect(formatBytes(900)).toBe('900 bytes');
  expect(formatBytes(2048)).toBe('2 KB');
  expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
});
