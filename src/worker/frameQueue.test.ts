import { describe, expect, it } from 'vitest';
import { FrameQueue, mergeFrames } from './frameQueue.ts';
import type { LiveFrame } from './liveProtocol.ts';

function frame(runId: number, rev: number, t: number, hops: number): LiveFrame {
  return {
    runId,
    t,
    playing: true,
    speed: 1,
    rev,
    edgeIds: ['e1'],
    traceEvery: 1,
    hops: {
      count: hops,
      times: new Float64Array(hops * 2).fill(t),
      ints: new Int32Array(hops * 4).fill(t),
      dropped: 0,
    },
    series: [],
    events: [{ t, text: `at ${t}` }],
    routes: [],
    rate: 1,
    slipping: false,
  };
}

describe('frames to the page', () => {
  it('merging appends hops and events and keeps the latest clock', () => {
    const m = mergeFrames(frame(1, 1, 10, 2), frame(1, 1, 20, 1));
    expect(m.t).toBe(20);
    expect(m.hops.count).toBe(3);
    expect([...m.hops.times]).toEqual([10, 10, 10, 10, 20, 20]);
    expect(m.events.map((e) => e.text)).toEqual(['at 10', 'at 20']);
  });

  it('hops from another document revision or run are dropped', () => {
    expect(mergeFrames(frame(1, 1, 10, 2), frame(1, 2, 20, 1)).hops.count).toBe(1);
    expect(mergeFrames(frame(1, 1, 10, 2), frame(2, 1, 20, 1)).events).toHaveLength(1);
  });

  it('one frame in flight: later frames wait, merged, until the page acknowledges', async () => {
    const sent: LiveFrame[] = [];
    let ack: () => void = () => {};
    const q = new FrameQueue((f) => {
      sent.push(f);
      return new Promise<void>((resolve) => {
        ack = resolve;
      });
    });
    q.send(frame(1, 1, 1, 1));
    q.send(frame(1, 1, 2, 1));
    q.send(frame(1, 1, 3, 1));
    expect(sent).toHaveLength(1);
    ack();
    await Promise.resolve();
    await Promise.resolve();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.t).toBe(3);
    expect(sent[1]!.hops.count).toBe(2);
  });
});
