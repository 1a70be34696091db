// Back-pressure between the Worker and the page: one frame in flight at a time. While the
// page is still handling the last frame, newer ones are merged (hops and series appended,
// figures replaced by the latest) so a busy page is never flooded with a backlog.

import type { LiveFrame } from './liveProtocol.ts';

function concat<T extends Float64Array | Int32Array>(a: T, b: T, make: (n: number) => T): T {
  const out = make(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** `later` on top of `earlier`: what the page would have seen after both. */
export function mergeFrames(earlier: LiveFrame, later: LiveFrame): LiveFrame {
  if (earlier.runId !== later.runId) return later;
  // Hops recorded under another document revision index other edges: keep only the newer.
  const sameRev = earlier.rev === later.rev;
  const a = earlier.hops;
  const b = later.hops;
  const hops = sameRev
    ? {
        count: a.count + b.count,
        times: concat(
          a.times.subarray(0, a.count * 2),
          b.times.subarray(0, b.count * 2),
          (n) => new Float64Array(n),
        ),
        ints: concat(
          a.ints.subarray(0, a.count * 4),
          b.ints.subarray(0, b.count * 4),
          (n) => new Int32Array(n),
        ),
        dropped: a.dropped + b.dropped,
      }
    : b;
  return {
    ...later,
    hops,
    nodes: later.nodes ?? earlier.nodes,
    edgeRps: later.edgeRps ?? earlier.edgeRps,
    ...(later.links || earlier.links ? { links: later.links ?? earlier.links } : {}),
    window: later.window ?? earlier.window,
    series: earlier.series.concat(later.series),
    events: earlier.events.concat(later.events),
  };
}

export class FrameQueue {
  private busy = false;
  private pending: LiveFrame | null = null;

  constructor(private readonly post: (frame: LiveFrame) => Promise<unknown>) {}

  send(frame: LiveFrame): void {
    if (this.busy) {
      this.pending = this.pending ? mergeFrames(this.pending, frame) : frame;
      return;
    }
    this.busy = true;
    this.post(frame).then(
      () => this.next(),
      () => this.next(),
    );
  }

  private next(): void {
    this.busy = false;
    const p = this.pending;
    this.pending = null;
    if (p) this.send(p);
  }
}
