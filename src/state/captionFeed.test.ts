import { describe, expect, it } from 'vitest';
import { box, link, topology } from '../sim/fixtures.ts';
import type { LiveFrame, LiveNode } from '../worker/liveProtocol.ts';
import { CaptionFeed } from './captionFeed.ts';

const doc = topology(
  [box('users', 'client'), box('lb', 'lb'), box('app1', 'app'), box('app3', 'app')],
  [link('users', 'lb'), link('lb', 'app1'), link('lb', 'app3')],
);
doc.nodes[3]!.label = 'App 3';

const lb = (healthy: number) =>
  ({ kind: 'lb', figures: { healthyBackends: healthy } }) as unknown as LiveNode;
const frame = (t: number, extra: Partial<LiveFrame>): LiveFrame =>
  ({ t, events: [], ...extra }) as unknown as LiveFrame;

describe('live captions', () => {
  it('say a crash, then the health check that removed the box and how long it took', () => {
    const feed = new CaptionFeed();
    feed.frame(frame(9_000, { nodes: { lb: lb(2) } }), doc);
    feed.frame(
      frame(10_000, { events: [{ t: 10_000, text: '', action: { type: 'crash', node: 'app3' } }] }),
      doc,
    );
    expect(feed.at(10_500, 3000)).toBe('App 3 crashed');
    feed.frame(frame(13_200, { nodes: { lb: lb(1) } }), doc);
    expect(feed.at(13_400, 3000)).toBe('The health check removed App 3 after 3.2 s');
    expect(feed.at(20_000, 3000)).toBeNull();
    feed.frame(frame(30_000, { nodes: { lb: lb(2) } }), doc);
    expect(feed.at(30_000, 3000)).toBe('Lb has 2 healthy backends again');
  });
});
