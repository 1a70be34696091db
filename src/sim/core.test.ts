// The core pieces: event order, randomness, histogram accuracy, LRU.

import { describe, expect, it } from 'vitest';
import { EventQueue } from './heap.ts';
import { Histogram } from './histogram.ts';
import { IntLru, LruTtl } from './lru.ts';
import { Rng, Zipf } from './rng.ts';

describe('event queue', () => {
  it('pops by time, then in push order for equal times', () => {
    const q = new EventQueue();
    const rng = new Rng(1);
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 100);
      q.push(t, 0, null, i);
      pushed.push([t, i]);
    }
    pushed.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (const [t, i] of pushed) {
      q.pop();
      expect([q.popTime, q.popArg]).toEqual([t, i]);
    }
    expect(q.size).toBe(0);
  });
});

describe('randomness', () => {
  it('is reproducible from the seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    for (let i = 0; i < 100; i++) expect(a.next()).toBe(b.next());
    expect(new Rng(43).next()).not.toBe(new Rng(42).next());
  });

  it('draws Zipf ranks with the right popularity', () => {
    const rng = new Rng(7);
    const z = new Zipf(100, 1);
    const counts = new Array(101).fill(0);
    for (let i = 0; i < 200_000; i++) counts[z.sample(rng)]++;
    const h = Array.from({ length: 100 }, (_, i) => 1 / (i + 1)).reduce((a, b) => a + b);
    expect(counts[1] / 200_000).toBeCloseTo(1 / h, 2);
    expect(counts[2] / counts[1]).toBeCloseTo(0.5, 1);
    expect(counts[0]).toBe(0);
  });
});

describe('histogram', () => {
  it('gives percentiles within 1% of the exact sample values', () => {
    const rng = new Rng(3);
    const h = new Histogram();
    const xs: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const x = rng.exp(20) + 0.01;
      xs.push(x);
      h.record(x);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.5, 0.9, 0.95, 0.99, 0.999]) {
      const exact = xs[Math.ceil(q * xs.length) - 1]!;
      expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.mean()).toBeCloseTo(xs.reduce((a, b) => a + b) / xs.length, 6);
  });
});

describe('LRU with TTL', () => {
  for (const make of [() => new IntLru(2, 100, 10), () => new LruTtl<number>(2, 100)]) {
    it(`evicts the least recently used and expires (${make().constructor.name})`, () => {
      const lru = make();
      lru.set(1, 0);
      lru.set(2, 0);
      expect(lru.get(1, 10)).toBe(true); // 1 is now the most recent
      lru.set(3, 10); // evicts 2
      expect(lru.get(2, 10)).toBe(false);
      expect(lru.get(3, 10)).toBe(true);
      expect(lru.get(1, 100)).toBe(false); // expired at 100
      lru.delete(3);
      expect(lru.get(3, 11)).toBe(false);
    });
  }
});
