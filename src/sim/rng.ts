// Seeded randomness for the engine. sfc32 (Chris Doty-Humphrey's small fast counter) is
// fast in JS (32-bit integer ops only), passes PractRand, and its whole state is four
// numbers, so a run is reproducible from the seed alone.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // splitmix32 spreads any seed (0, 1, 2 ...) over the state.
    let s = seed >>> 0;
    const mix = (): number => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Exponential with the given mean. */
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Standard normal (Box–Muller; one of the pair is dropped to keep the state simple). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

export const DIST_CONSTANT = 0;
export const DIST_EXPONENTIAL = 1;
export const DIST_LOGNORMAL = 2;

export function distCode(name: string): number {
  return name === 'constant'
    ? DIST_CONSTANT
    : name === 'lognormal'
      ? DIST_LOGNORMAL
      : DIST_EXPONENTIAL;
}

/** σ of the log-normal: a long tail (p99 ≈ 5× the median) but the configured mean. */
const LN_SIGMA = 1;
const LN_SHIFT = (LN_SIGMA * LN_SIGMA) / 2;

/** A sample of `dist` whose mean is `mean`. */
export function sample(rng: Rng, dist: number, mean: number): number {
  if (mean <= 0) return 0;
  if (dist === DIST_CONSTANT) return mean;
  if (dist === DIST_EXPONENTIAL) return rng.exp(mean);
  return Math.exp(Math.log(mean) - LN_SHIFT + LN_SIGMA * rng.normal());
}

/**
 * Zipf(s) over 1..n by rejection-inversion (Hörmann & Derflinger 1996, as in Apache
 * commons-rng): O(1) per draw and no table, so a catalog of 10 million keys costs nothing.
 */
export class Zipf {
  private readonly hX1: number;
  private readonly hN: number;
  private readonly sh: number;

  constructor(
    readonly n: number,
    readonly s: number,
  ) {
    this.hX1 = this.hIntegral(1.5) - 1;
    this.hN = this.hIntegral(n + 0.5);
    this.sh = 2 - this.hIntegralInverse(this.hIntegral(2.5) - this.h(2));
  }

  /** A rank in 1..n; 1 is the most popular. */
  sample(rng: Rng): number {
    const n = this.n;
    for (;;) {
      const u = this.hN + rng.next() * (this.hX1 - this.hN);
      const x = this.hIntegralInverse(u);
      let k = Math.floor(x + 0.5);
      if (k < 1) k = 1;
      else if (k > n) k = n;
      if (k - x <= this.sh || u >= this.hIntegral(k + 0.5) - this.h(k)) return k;
    }
  }

  private h(x: number): number {
    return Math.exp(-this.s * Math.log(x));
  }

  private hIntegral(x: number): number {
    const logX = Math.log(x);
    return helper2((1 - this.s) * logX) * logX;
  }

  private hIntegralInverse(x: number): number {
    let t = x * (1 - this.s);
    if (t < -1) t = -1;
    return Math.exp(helper1(t) * x);
  }
}

function helper1(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1 - x * (0.5 - x * (1 / 3 - 0.25 * x));
}

function helper2(x: number): number {
  return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1 + x * 0.5 * (1 + (x / 3) * (1 + 0.25 * x));
}
