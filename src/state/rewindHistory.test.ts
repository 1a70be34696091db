import { describe, expect, it } from 'vitest';
import { HISTORY_KEEP, History, type Snapshot } from './rewindHistory.ts';

const snap = (t: number): Snapshot => ({ t, nodes: {}, edgeRps: {}, window: null, callout: null });

describe('rewind history', () => {
  it('keeps one snapshot per virtual second, the latest of it, and finds a moment', () => {
    const h = new History();
    for (let t = 0; t <= 10_000; t += 250) h.add(snap(t));
    expect(h.size).toBe(11);
    expect(h.at(4_600)!.t).toBe(3_750);
    expect(h.at(-5)!.t).toBe(750);
    h.truncate(6_000);
    expect(h.at(9_000)!.t).toBe(5_750);
  });

  it('is bounded to the last HISTORY_KEEP seconds', () => {
    const h = new History();
    for (let s = 0; s < HISTORY_KEEP + 100; s++) h.add(snap(s * 1000));
    expect(h.size).toBe(HISTORY_KEEP);
    expect(h.first).toBe(100_000);
  });
});
