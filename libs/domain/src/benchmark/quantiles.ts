import { DisclosurePolicy } from '../disclosure/disclosure-policy';

/** How a study's percentiles are computed: see `quantileLinear` and `quantileLocalMean`. */
export type QuantileMethod = DisclosurePolicy['quantileMethod'];

/**
 * Misuse by a caller (an empty array, p outside 0..1) is a bug in our code, not a refusal of
 * someone's input, so it is a plain RangeError that surfaces as a 500 rather than a domain error.
 */
function checkArguments(sorted: ArrayLike<number>, p: number): void {
  if (sorted.length < 1) {
    throw new RangeError('a quantile needs at least one observation');
  }
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`quantile probability ${p} is outside 0..1`);
  }
}

/**
 * The p-quantile of ascending values with linear interpolation between the closest ranks: the
 * definition of PostgreSQL `percentile_cont` and Excel `PERCENTILE.INC` (Hyndman and Fan type 7).
 * With h = (n - 1) p and lower = floor(h) it is x[lower] + (h - lower) (x[lower + 1] - x[lower]).
 *
 * The arithmetic follows PostgreSQL's `percentile_cont_final_common` and `float8_lerp` operation
 * by operation, so that the integration test can compare the two to the bit; at an integer h
 * the observation itself is returned, untouched by interpolation.
 *
 * @param sorted the observations in ascending order, at least one
 * @param p the probability, 0..1
 */
export function quantileLinear(sorted: ArrayLike<number>, p: number): number {
  checkArguments(sorted, p);
  const h = p * (sorted.length - 1);
  const lower = Math.floor(h);
  const upper = Math.ceil(h);
  const low = sorted[lower];
  if (upper === lower) {
    return low;
  }
  return low + (sorted[upper] - low) * (h - lower);
}

/**
 * The "safe" p-quantile of the disclosure policy's `local_mean` method: the arithmetic mean of the
 * 3 observations nearest the position h = (n - 1) p of `quantileLinear`, so that no published
 * percentile is a single unit's raw value.
 *
 * "Nearest" is by the distance |i - h| of the (0-based) index i; a tie goes to the lower index.
 * The three indices are therefore consecutive: with f = floor(h) they are f - 1, f, f + 1 when
 * h - f <= 0.5 and f, f + 1, f + 2 otherwise, and a window that runs over an end of the array is
 * moved inside it (at h = 0 the first three). With fewer than 3 observations it is the mean of
 * all of them. The three are added in ascending order and the sum divided by 3.
 *
 * @param sorted the observations in ascending order, at least one
 * @param p the probability, 0..1
 */
export function quantileLocalMean(sorted: ArrayLike<number>, p: number): number {
  checkArguments(sorted, p);
  const n = sorted.length;
  if (n < 3) {
    return n === 1 ? sorted[0] : (sorted[0] + sorted[1]) / 2;
  }
  const h = p * (n - 1);
  const floor = Math.floor(h);
  let start = h - floor > 0.5 ? floor : floor - 1;
  start = Math.min(Math.max(start, 0), n - 3);
  return (sorted[start] + sorted[start + 1] + sorted[start + 2]) / 3;
}

/**
 * The p-quantile of ascending values by the study's method.
 *
 * @param sorted the observations in ascending order, at least one
 * @param p the probability, 0..1
 */
export function quantile(sorted: ArrayLike<number>, p: number, method: QuantileMethod): number {
  switch (method) {
    case 'linear':
      return quantileLinear(sorted, p);
    case 'local_mean':
      return quantileLocalMean(sorted, p);
  }
}
