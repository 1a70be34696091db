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
