// Request hops for animation, in transferable typed arrays that the caller drains.
//
// Hop i occupies times[2i], times[2i+1] (start and end, virtual ms) and
// ints[4i .. 4i+3] = edge index (in the current document's edges; ~index, i.e. -1 - index,
// when the hop travels the drawn arrow backwards: a queue's message along a two-way
// arrow, src/model/links.ts), request id (wraps at
// 2^31), route index (-1 for jobs and cron work), outcome: 0 = on its way to the target,
// 1 = an answer going back (success), 2 + k = an answer going back failed with
// FAILURE_CAUSES[k]. With networkMs = 0 start equals end: draw a minimum visual duration.

export interface HopBatch {
  count: number;
  times: Float64Array;
  ints: Int32Array;
  /** Hops dropped since the last drain because the buffer was full. */
  dropped: number;
}

export const HOP_OUTCOME_FORWARD = 0;
export const HOP_OUTCOME_OK = 1;

export class HopBuffer {
  private times: Float64Array;
  private ints: Int32Array;
  count = 0;
  dropped = 0;

  constructor(private readonly capacity = 20_000) {
    this.times = new Float64Array(capacity * 2);
    this.ints = new Int32Array(capacity * 4);
  }

  add(edge: number, t0: number, t1: number, req: number, route: number, outcome: number): void {
    if (this.count >= this.capacity) {
      this.dropped++;
      return;
    }
    const i = this.count++;
    this.times[2 * i] = t0;
    this.times[2 * i + 1] = t1;
    const j = 4 * i;
    this.ints[j] = edge;
    this.ints[j + 1] = req < 2147483647 ? req : req % 2147483647;
    this.ints[j + 2] = route;
    this.ints[j + 3] = outcome;
  }

  /**
   * Hands over the hops so far and starts a new batch. Both arrays are views of one fresh
   * buffer, safe to transfer: a busy live view drains every frame, and one allocation with
   * a plain copying loop (a frame holds tens of hops) took a third less than two
   * TypedArray.slice calls in the engine's profile.
   */
  drain(): HopBatch {
    const n = this.count;
    // 16 bytes of times, then 16 of ints, per hop: the Float64 view stays 8-byte aligned.
    const buffer = new ArrayBuffer(n * 32);
    const times = new Float64Array(buffer, 0, n * 2);
    const ints = new Int32Array(buffer, n * 16, n * 4);
    const srcTimes = this.times;
    const srcInts = this.ints;
    for (let i = 0; i < n * 2; i++) times[i] = srcTimes[i]!;
    for (let i = 0; i < n * 4; i++) ints[i] = srcInts[i]!;
    const batch: HopBatch = { count: n, times, ints, dropped: this.dropped };
    this.count = 0;
    this.dropped = 0;
    return batch;
  }
}
