// The Worker's service driven directly in Node with a fake clock.

import { describe, expect, it } from 'vitest';
import { box, link, topology } from '../sim/fixtures.ts';
import type { Frame } from './protocol.ts';
import { type Clock, createSimService } from './service.ts';

function fakeClock() {
  let t = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const clock: Clock = {
    now: () => t,
    setTimeout: (fn, ms) => {
      timers.push({ at: t + ms, fn, id: ++ids });
      return ids;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((x) => x.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  /** Advances real time, firing due timers in order. */
  const advance = async (ms: number) => {
    const end = t + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > end) break;
      timers.shift();
      t = next.at;
      next.fn();
      await Promise.resolve();
    }
    t = end;
  };
  return { clock, advance };
}

const doc = () =>
  topology(
    [
      box('users', 'client', { rps: 100, routes: [{ method: 'GET', path: '/a', weight: 1 }] }),
      box('lb', 'lb'),
      box('app', 'app', { dbQueries: 0 }),
    ],
    [link('users', 'lb'), link('lb', 'app')],
  );

describe('simulation service', () => {
  it('plays in real time × speed and pushes frames with hops', async () => {
    const { clock, advance } = fakeClock();
    const api = createSimService(clock);
    const frames: Frame[] = [];
    expect(api.load(doc(), 1, { traceEvery: 1 }).ok).toBe(true);
    api.subscribe((f) => frames.push(f));
    api.play(2);
    await advance(3000);
    api.pause();
    const last = frames.at(-1)!;
    expect(last.now).toBeGreaterThan(5500);
    expect(last.now).toBeLessThanOrEqual(6000);
    expect(frames.length).toBeGreaterThan(60);
    const hops = frames.reduce((n, f) => n + f.hops.count, 0);
    expect(hops).toBeGreaterThan(500 * 4 * 0.8);
    expect(last.nodes.find((n) => n.id === 'lb')!.health).toHaveLength(1);
    expect(last.point).not.toBeNull();
  });

  it('keeps the previous simulation when a bad document is loaded', () => {
    const api = createSimService(fakeClock().clock);
    api.load(doc(), 1);
    const bad = api.load({ version: 1, nodes: [{ id: 'x', kind: 'nope' }] }, 1);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]!.path).toBe('nodes[0].kind');
    expect(api.step()).not.toBeNull();
  });

  it('runs fast with progress, can be cancelled, and reset starts over', async () => {
    const { clock, advance } = fakeClock();
    const api = createSimService(clock);
    api.load(doc(), 3);
    const progress: number[] = [];
    const done = api.runFast(20, (p) => progress.push(p.done));
    await advance(10_000);
    const result = await done;
    expect(result).toEqual({ cancelled: false, now: 20_000 });
    expect(progress.at(-1)).toBe(1);
    const r1 = api.report()!;
    expect(r1.requests.completed).toBeGreaterThan(1800);
    api.reset();
    expect(api.report()!.requests.completed).toBe(0);
    api.cancel();
  });

  it('applies live edits and chaos', () => {
    const api = createSimService(fakeClock().clock);
    api.load(doc(), 1);
    for (let i = 0; i < 300; i++) api.step();
    const edited = doc();
    edited.nodes.push(box('app2', 'app', { dbQueries: 0 }));
    edited.edges.push(link('lb', 'app2'));
    expect(api.updateDocument(edited).ok).toBe(true);
    api.inject({ type: 'crash', node: 'app' });
    const f = api.step()!;
    expect(f.nodes.map((n) => n.id)).toContain('app2');
    expect(f.events.some((e) => e.text === 'crash app')).toBe(true);
  });
});
