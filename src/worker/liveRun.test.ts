import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../model/kinds.ts';
import type { TopologyDocument } from '../model/types.ts';
import type { LiveFrame } from './liveProtocol.ts';
import { DOTS_PER_SECOND, LiveRun } from './liveRun.ts';

const doc: TopologyDocument = {
  version: 1,
  title: 't',
  nodes: [
    {
      id: 'users',
      kind: 'client',
      label: 'Users',
      position: { x: 0, y: 0 },
      config: { ...defaultConfig('client'), rps: 100 },
    },
    {
      id: 'app',
      kind: 'app',
      label: 'App',
      position: { x: 200, y: 0 },
      config: defaultConfig('app'),
    },
  ],
  edges: [{ id: 'e1', source: 'users', target: 'app' }],
};

/** A LiveRun on a fake clock: `advance(ms)` moves wall time and fires due timers. */
function harness() {
  let now = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const frames: LiveFrame[] = [];
  const run = new LiveRun({
    now: () => now,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimer: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
    send: (f) => frames.push(f),
  });
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const t = timers[0];
      if (!t || t.at > end) break;
      timers.shift();
      now = t.at;
      t.fn();
    }
    now = end;
  };
  return { run, frames, advance };
}

describe('LiveRun', () => {
  it('plays virtual time at wall time × speed and sends hops, series and figures', () => {
    const h = harness();
    h.run.start(doc, { runId: 3, seed: 1, speed: 2, play: true });
    h.advance(2000);
    const last = h.frames.at(-1)!;
    expect(last.runId).toBe(3);
    expect(last.t).toBeGreaterThan(3500);
    expect(last.t).toBeLessThanOrEqual(4000);
    expect(h.frames.reduce((n, f) => n + f.hops.count, 0)).toBeGreaterThan(100);
    expect(h.frames.flatMap((f) => f.series).length).toBeGreaterThanOrEqual(3);
    const figures = h.frames.findLast((f) => f.nodes)!.nodes!;
    expect(figures.app!.rps).toBeGreaterThan(50);
    expect(h.frames.findLast((f) => f.edgeRps)!.edgeRps!.e1).toBeGreaterThan(50);
  });

  it('pause stops the clock; step moves it by the asked amount', () => {
    const h = harness();
    h.run.start(doc, { runId: 1, seed: 1, speed: 1, play: true });
    h.advance(500);
    h.run.pause();
    const t = h.frames.at(-1)!.t;
    h.advance(1000);
    expect(h.frames.at(-1)!.t).toBe(t);
    h.run.step(250);
    expect(h.frames.at(-1)!.t).toBe(t + 250);
  });

  it('animates a sample when traffic × speed is high', () => {
    const h = harness();
    h.run.start(doc, { runId: 1, seed: 1, speed: 100, play: false });
    expect(h.frames.at(-1)!.traceEvery).toBe(Math.ceil((100 * 100) / DOTS_PER_SECOND));
  });

  it('link rates count every request, however thin the animated sample is', () => {
    const h = harness();
    const busy: TopologyDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'users' ? { ...n, config: { ...n.config, rps: 3000 } } : n,
      ),
    };
    h.run.start(busy, { runId: 1, seed: 1, speed: 1, play: true });
    h.advance(4000);
    const last = h.frames.at(-1)!;
    // One request in 10 is a dot…
    expect(last.traceEvery).toBe(Math.ceil(3000 / DOTS_PER_SECOND));
    // …but the link's rate is the engine's count of the second (a Poisson 3,000 req/s),
    // not a tenth of it scaled up again.
    const rates = h.frames.filter((f) => f.series.length > 0).map((f) => f.edgeRps!.e1!);
    expect(rates.length).toBeGreaterThanOrEqual(3);
    for (const r of rates.slice(1)) expect(Math.abs(r - 3000)).toBeLessThan(250);
  });

  it('applies an edited document without restarting, under a new revision', () => {
    const h = harness();
    h.run.start(doc, { runId: 1, seed: 1, speed: 1, play: true });
    h.advance(1500);
    const before = h.frames.at(-1)!;
    const edited = {
      ...doc,
      nodes: [
        ...doc.nodes,
        {
          id: 'app2',
          kind: 'app' as const,
          label: 'App 2',
          position: { x: 0, y: 0 },
          config: defaultConfig('app'),
        },
      ],
      edges: [...doc.edges, { id: 'e2', source: 'users', target: 'app2' }],
    };
    h.run.update(edited);
    h.advance(100);
    const after = h.frames.at(-1)!;
    expect(after.rev).toBe(before.rev + 1);
    expect(after.edgeIds).toEqual(['e1', 'e2']);
    expect(after.t).toBeGreaterThan(before.t);
  });

  it('a fast run computes the time in slices with progress, and can be cancelled', async () => {
    const h = harness();
    h.run.start(doc, { runId: 1, seed: 1, speed: 1, play: false });
    const progress: number[] = [];
    const done = h.run.runFast(5000, (p) => progress.push(p.doneMs));
    for (let i = 0; i < 10; i++) {
      h.advance(1);
      await Promise.resolve();
    }
    expect(await done).toEqual({ cancelled: false });
    expect(progress.at(-1)).toBe(5000);
    expect(h.frames.flatMap((f) => f.series).length).toBe(5);
    const again = h.run.runFast(60_000, () => h.run.cancelFast());
    h.advance(1);
    expect(await again).toEqual({ cancelled: true });
  });
});

describe('a clock that slips', () => {
  /** A harness whose engine costs `costPerEventMs` of wall time per event it processes. */
  function slowHarness(costPerEventMs: number) {
    let now = 0;
    const timers: { at: number; fn: () => void; id: number }[] = [];
    let nextId = 1;
    const frames: LiveFrame[] = [];
    const run = new LiveRun({
      now: () => now,
      setTimer: (fn, ms) => {
        const id = nextId++;
        timers.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimer: (h) => {
        const i = timers.findIndex((t) => t.id === h);
        if (i >= 0) timers.splice(i, 1);
      },
      send: (f) => frames.push(f),
    });
    // Every runUntil call costs wall time in proportion to the events it ran.
    const sim = () =>
      (run as unknown as { sim: { runUntil: (t: number, m?: number) => number } }).sim;
    const wrap = () => {
      const s = sim();
      const original = s.runUntil.bind(s);
      s.runUntil = (t: number, m?: number) => {
        const n = original(t, m);
        now += n * costPerEventMs;
        return n;
      };
    };
    const advance = (ms: number) => {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const t = timers[0];
        if (!t || t.at > end) break;
        timers.shift();
        now = Math.max(now, t.at);
        t.fn();
      }
      now = Math.max(now, end);
    };
    return { run, frames, advance, wrap };
  }

  it('says how fast the clock really runs when the engine cannot keep up', () => {
    const busy: TopologyDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'users' ? { ...n, config: { ...n.config, rps: 5000 } } : n,
      ),
    };
    const h = slowHarness(0.01);
    h.run.start(busy, { runId: 1, seed: 1, speed: 100, play: false });
    h.wrap();
    h.run.play();
    h.advance(5000);
    const last = h.frames.at(-1)!;
    expect(last.slipping).toBe(true);
    expect(last.rate).toBeGreaterThan(0);
    expect(last.rate).toBeLessThan(90);
  });

  it('does not claim a slip when the engine keeps up', () => {
    const h = harness();
    h.run.start(doc, { runId: 1, seed: 1, speed: 10, play: true });
    h.advance(3000);
    const last = h.frames.at(-1)!;
    expect(last.slipping).toBe(false);
    expect(last.rate).toBeCloseTo(10, 0);
  });

  it('a fast run reports its progress often when the engine is slow', async () => {
    const h = slowHarness(0.5);
    const busy: TopologyDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === 'users' ? { ...n, config: { ...n.config, rps: 2000 } } : n,
      ),
    };
    h.run.start(busy, { runId: 1, seed: 1, speed: 1, play: false });
    h.wrap();
    const progress: { doneMs: number; wallMs?: number }[] = [];
    let finished = false;
    const done = h.run
      .runFast(3000, (p) => progress.push(p))
      .then((r) => {
        finished = true;
        return r;
      });
    for (let i = 0; i < 2000 && !finished; i++) {
      h.advance(1);
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await done).toEqual({ cancelled: false });
    // More reports than whole seconds, each with the wall time spent so far.
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)!.doneMs).toBe(3000);
    expect(progress.at(-1)!.wallMs).toBeGreaterThan(0);
  });
});
