// Closed-form queueing and caching results the engine is checked against (tests, bench).

/** Erlang C: probability that an arrival has to wait, c servers, offered load a = λ/μ. */
export function erlangC(c: number, a: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    if (k > 0) term *= a / k;
    sum += term;
  }
  const top = (term * a) / c / (1 - a / c); // a^c / c! / (1 - ρ)
  return top / (sum + top);
}

/** M/M/c mean response time (ms) for λ, μ per second. */
export function mmcResponseMs(c: number, lambda: number, mu: number): number {
  return (erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu) * 1000;
}

/** M/D/1 mean response time (ms): Pollaczek–Khinchine with zero service variance. */
export function md1ResponseMs(lambda: number, mu: number): number {
  const rho = lambda / mu;
  return (rho / (2 * mu * (1 - rho)) + 1 / mu) * 1000;
}

/** Che's approximation of the LRU hit ratio for Zipf(s) over `keys`, cache of `capacity`. */
export function cheHitRatio(keys: number, s: number, capacity: number): number {
  const weights = Array.from({ length: keys }, (_, i) => (i + 1) ** -s);
  const total = weights.reduce((a, b) => a + b, 0);
  const p = weights.map((w) => w / total);
  // Characteristic time T: Σ (1 - e^{-p_i T}) = capacity, by bisection.
  let lo = 0;
  let hi = 1e12;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    const filled = p.reduce((acc, pi) => acc + (1 - Math.exp(-pi * mid)), 0);
    if (filled < capacity) lo = mid;
    else hi = mid;
  }
  return p.reduce((acc, pi) => acc + pi * (1 - Math.exp(-pi * lo)), 0);
}

/** With failure probability p per try and k retries: the share of calls that succeed. */
export function retrySuccessShare(p: number, k: number): number {
  return 1 - p ** (k + 1);
}

/** …and the mean number of tries per call: (1 − p^(k+1)) / (1 − p). */
export function retryMeanAttempts(p: number, k: number): number {
  return p === 1 ? k + 1 : (1 - p ** (k + 1)) / (1 - p);
}

/** A token bucket of `rate` per second in front of arrivals at λ per second: what it admits. */
export function tokenBucketAdmits(lambda: number, rate: number): number {
  return Math.min(lambda, rate);
}

/**
 * Read replicas: the share of replica reads that are stale. Writes to key k come as a
 * Poisson stream (rate λ_w · p_k) and each reaches the replicas after its own lag; a read
 * at t is stale while some write to its key has not arrived, i.e. committed at s < t with
 * s + lag > t. Those writes are a Poisson count with mean λ_w · p_k · E[lag] (the M/G/∞
 * argument, whatever the lag's distribution), so P(stale | k) = 1 − e^(−λ_w · p_k · E[lag]);
 * reads pick k with the same popularity p_k (Zipf(s) over `keys`).
 */
export function staleReadShare(keys: number, s: number, writesPerS: number, lagMs: number) {
  let total = 0;
  for (let k = 1; k <= keys; k++) total += k ** -s;
  let share = 0;
  for (let k = 1; k <= keys; k++) {
    const p = k ** -s / total;
    share += p * (1 - Math.exp((-writesPerS * p * lagMs) / 1000));
  }
  return share;
}

/**
 * The replicas an autoscaler targeting utilization settles at: each replica has c workers
 * of rate μ, so n replicas are busy λ / (n·μ·c) of the time; the fewest that keep that at
 * or under the target, within the bounds.
 */
export function autoscaleReplicas(
  lambda: number,
  mu: number,
  c: number,
  target: number,
  min: number,
  max: number,
): number {
  return Math.min(max, Math.max(min, Math.ceil(lambda / (mu * c * target) - 1e-9)));
}
