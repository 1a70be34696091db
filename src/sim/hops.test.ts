import { describe, expect, it } from 'vitest';
import { HopBuffer } from './hops.ts';

describe('HopBuffer', () => {
  it('drains the hops so far into a fresh batch and starts again', () => {
    const hops = new HopBuffer(8);
    hops.add(2, 10, 12.5, 7, 1, 0);
    hops.add(~3, 20, 20, 8, -1, 3);
    const batch = hops.drain();
    expect(batch.count).toBe(2);
    expect([...batch.times]).toEqual([10, 12.5, 20, 20]);
    expect([...batch.ints]).toEqual([2, 7, 1, 0, ~3, 8, -1, 3]);
    expect(hops.drain().count).toBe(0);
  });

  it('hands over arrays that survive a transfer to the page, buffer listed once', () => {
    const hops = new HopBuffer(8);
    hops.add(1, 1, 2, 5, 0, 1);
    const batch = hops.drain();
    // What the live Worker does: transfer each distinct buffer (both arrays share one).
    const buffers = [...new Set([batch.times.buffer, batch.ints.buffer])];
    const copy = structuredClone(batch, { transfer: buffers });
    expect([...copy.times]).toEqual([1, 2]);
    expect([...copy.ints]).toEqual([1, 5, 0, 1]);
    // The next batch is its own buffer: transferring this one did not touch the buffer.
    hops.add(4, 3, 3, 6, 2, 0);
    expect([...hops.drain().ints]).toEqual([4, 6, 2, 0]);
  });

  it('counts the hops dropped when full, once per drain', () => {
    const hops = new HopBuffer(1);
    hops.add(1, 0, 0, 1, 0, 0);
    hops.add(1, 0, 0, 2, 0, 0);
    expect(hops.drain().dropped).toBe(1);
    expect(hops.drain().dropped).toBe(0);
  });
});
