// Bound once: under Jest every lookup of the global Math goes through the test context's global
// object, which made each draw a hundred times slower than in plain Node.
const { PI, cos, exp, floor, imul, log, sqrt } = Math;

/**
 * A small seeded pseudo-random generator (mulberry32) with the distributions the demo data
 * needs. Demo data must be reproducible from a seed, so nothing here reads the global random source.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    // mulberry32: 32 bits of state, passes the usual statistical tests, and is fast enough to
    // draw the tens of millions of values a 100,000-unit data set needs.
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A uniform number in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** A uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + floor(this.next() * (max - min + 1));
  }

  /** A normally distributed number (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    // 1 - next() lies in (0, 1], so the logarithm is finite.
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * sqrt(-2 * log(u)) * cos(2 * PI * v);
  }

  /** A log-normal number with the given median and standard deviation of its logarithm. */
  logNormal(median: number, sigma: number): number {
    return median * exp(sigma * this.normal());
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(values: readonly T[]): T {
    return values[floor(this.next() * values.length)];
  }

  /** One element of a non-empty list, with probability proportional to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = this.next() * total;
    for (const [value, weight] of entries) {
      draw -= weight;
      if (draw < 0) {
        return value;
      }
    }
    return entries[entries.length - 1][0];
  }
}

/**
 * Mixes numbers into one 32-bit seed (murmur3's finaliser per part). Gives every unit and
 * cycle its own stream, so that a unit's answers do not depend on how many units came before.
 */
export function mixSeed(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/**
 * The standard normal quantile function (Acklam's rational approximation, relative error below
 * 1.2e-9) for p in (0, 1).
 */
export function inverseNormalCdf(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269];
  const a4 = -30.66479806614716;
  const a5 = 2.506628277459239;
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972];
  const b4 = -13.28068155288572;
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734];
  const c4 = 4.374664141464968;
  const c5 = 2.938163982698783;
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = sqrt(-2 * log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c4) * q + c5) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - low) {
    return -inverseNormalCdf(1 - p);
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a4) * r + a5) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b4) * r + 1)
  );
}

/**
 * Replaces values by their normal scores: the standard normal quantile of their rank. Keeps the
 * order (and so any correlation built into the values) but makes the spread exactly standard
 * normal, so that a sample of 180 units has its median where the calibration put it.
 */
export function normalScores(values: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: values.length }, (_, index) => index);
  order.sort((left, right) => values[left] - values[right]);
  const scores = new Float64Array(values.length);
  order.forEach((index, rank) => {
    scores[index] = inverseNormalCdf((rank + 0.5) / values.length);
  });
  return scores;
}
