// Latency percentiles in bounded memory: an HDR-style log-linear histogram. A value's
// bucket is its binary exponent and the top 7 bits of its mantissa (read straight from
// the float's bits, no Math.log), so each bucket is at most 1/128 = 0.78% wide and a
// quantile, reported at the bucket's middle, is within 0.4% of the true sample value
// (and clamped to the observed min/max). Means are exact (a running sum).
// Range: 2^-10 ms (~1 µs) to 2^27 ms (~37 hours); outside values go to the end buckets.

const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
const EXP_MIN = 1023 - 10;
const EXP_MAX = 1023 + 27;
export const BUCKETS = (EXP_MAX - EXP_MIN + 1) * SUB + 1;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// The high word holds sign, exponent and the top 20 mantissa bits on little-endian
// machines (every browser and Node platform this runs on).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Bucket index of a latency in ms (0 is "below 1 µs", including 0). */
export function bucketOf(ms: number): number {
  f64[0] = ms;
  const hi = u32[HI]!;
  const e = hi >>> 20;
  if (e < EXP_MIN) return 0;
  if (e > EXP_MAX) return BUCKETS - 1;
  return 1 + (e - EXP_MIN) * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1));
}

/** The middle of a bucket. */
function middleOf(i: number): number {
  if (i === 0) return 0;
  const k = i - 1;
  const e = Math.floor(k / SUB) + EXP_MIN - 1023;
  const m = k % SUB;
  return 2 ** e * (1 + (m + 0.5) / SUB);
}

export class Histogram {
  readonly counts = new Float64Array(BUCKETS);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;

  record(ms: number): void {
    this.recordAt(bucketOf(ms), ms);
  }

  /** Records `ms` whose bucket is already known (one lookup for several histograms). */
  recordAt(bucket: number, ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms < this.min) this.min = ms;
    if (ms > this.max) this.max = ms;
    this.counts[bucket]!++;
  }

  mean(): number {
    return this.count > 0 ? this.sum / this.count : 0;
  }

  quantile(q: number): number {
    if (this.count === 0) return 0;
    const rank = Math.max(1, Math.ceil(q * this.count));
    let seen = 0;
    const c = this.counts;
    for (let i = 0; i < BUCKETS; i++) {
      seen += c[i]!;
      if (seen >= rank) return Math.min(this.max, Math.max(this.min, middleOf(i)));
    }
    return this.max;
  }

  add(other: Histogram): void {
    if (other.count === 0) return;
    const c = this.counts;
    const o = other.counts;
    for (let i = 0; i < BUCKETS; i++) c[i]! += o[i]!;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  reset(): void {
    if (this.count > 0) this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
  }
}
