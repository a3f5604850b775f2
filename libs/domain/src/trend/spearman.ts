import { studentTTwoSidedPValue } from './student-t';

/** A rank correlation of paired samples, over the pairs in which both values are present. */
export interface SpearmanResult {
  /** The number of complete pairs. */
  n: number;
  /** Spearman's rho, −1..1; null with fewer than 2 pairs or when all of one side's values are equal. */
  rho: number | null;
  /**
   * Two-sided p-value of rho = 0 by the t approximation; null when rho is, and with fewer than
   * 3 pairs (no degree of freedom left).
   */
  pValue: number | null;
}

/** A value that takes part in a correlation: a finite number; null, undefined and NaN are absent. */
function isPresent(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && value === value;
}

/**
 * Mid-ranks (1-based) of the values at `indices`, into `ranks` at the same positions: tied values
 * share the mean of the ranks they occupy, so that the ranks of every sample sum to m (m + 1) / 2
 * and Pearson's r of two rank vectors is Spearman's rho with the usual tie correction.
 *
 * @param values the observations, read at `indices` only
 * @param indices the positions to rank; reordered in place into ascending value order
 * @param ranks receives the rank of `values[indices[i]]` at `ranks[indices[i]]`
 */
function assignMidRanks(values: ArrayLike<number>, indices: Int32Array, ranks: Float64Array): void {
  indices.sort((a, b) => values[a] - values[b] || a - b);
  let start = 0;
  while (start < indices.length) {
    let end = start + 1;
    while (end < indices.length && values[indices[end]] === values[indices[start]]) {
      end++;
    }
    // Positions start..end-1 hold ranks start+1..end; their mean is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let i = start; i < end; i++) {
      ranks[indices[i]] = rank;
    }
    start = end;
  }
}

/**
 * The correlation of two mid-rank vectors of m pairs from their centred sums of products,
 * Sxy = Σ (rx − c)(ry − c), Sxx and Syy, with c = (m + 1) / 2.
 *
 * Mid-ranks are multiples of 1/2, so every product of two is a multiple of 1/4 and sums of up
 * to m³ such terms are exact in double precision for m up to about 150,000: however a caller
 * arranges the sums (`spearmanPairs` takes Sxy as Σ rx·ry − m c²), the same pairs give the same
 * rho to the bit, in any order. Where Sxx = Syy the denominator is taken as Sxx itself, not as
 * sqrt(Sxx · Syy), so that identical (or reversed) ranks give exactly 1 (or −1), not 1 − 1 ulp.
 */
export function spearmanFromRankSums(
  m: number,
  sxy: number,
  sxx: number,
  syy: number,
): SpearmanResult {
  if (m < 2 || sxx === 0 || syy === 0) {
    return { n: m, rho: null, pValue: null };
  }
  const raw = sxx === syy ? sxy / sxx : sxy / Math.sqrt(sxx * syy);
  const rho = Math.min(1, Math.max(-1, raw));
  return { n: m, rho, pValue: spearmanPValue(rho, m) };
}

/**
 * The two-sided p-value of a Spearman correlation against rho = 0, by the t approximation
 * t = rho · sqrt((n − 2) / (1 − rho²)) with n − 2 degrees of freedom (as in most statistics
 * packages for all but tiny n; exact permutation tables would differ slightly below n ≈ 10).
 * 0 for rho = ±1; null for n < 3.
 *
 * @param rho the correlation, −1..1
 * @param n the number of pairs it was computed from
 */
export function spearmanPValue(rho: number, n: number): number | null {
  if (n < 3) {
    return null;
  }
  if (!(rho >= -1 && rho <= 1)) {
    throw new RangeError(`a correlation of ${rho} is outside -1..1`);
  }
  if (Math.abs(rho) === 1) {
    return 0;
  }
  const df = n - 2;
  const t = rho * Math.sqrt(df / ((1 - rho) * (1 + rho)));
  return studentTTwoSidedPValue(t, df);
}

/**
 * Spearman's rank correlation of paired samples: Pearson's r of the mid-ranks, over the pairs in
 * which both values are present (see `isPresent`), with n and a two-sided p-value
 * (`spearmanPValue`). Ties get average ranks, which makes it the tie-corrected rho, not
 * 1 − 6 Σd² / (n (n² − 1)), which only holds without ties.
 *
 * @param x the first sample
 * @param y the second sample, paired with x by position; same length
 */
export function spearman(
  x: ArrayLike<number | null | undefined>,
  y: ArrayLike<number | null | undefined>,
): SpearmanResult {
  if (x.length !== y.length) {
    throw new RangeError(`paired samples of ${x.length} and ${y.length} values`);
  }
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const a = x[i];
    const b = y[i];
    if (isPresent(a) && isPresent(b)) {
      if (!Number.isFinite(a) || !Number.isFinite(b)) {
        throw new RangeError(`pair ${i} is not finite: ${a}, ${b}`);
      }
      xs.push(a);
      ys.push(b);
    }
  }
  const m = xs.length;
  const rx = new Float64Array(m);
  const ry = new Float64Array(m);
  assignMidRanks(
    xs,
    Int32Array.from({ length: m }, (_, i) => i),
    rx,
  );
  assignMidRanks(
    ys,
    Int32Array.from({ length: m }, (_, i) => i),
    ry,
  );
  const c = (m + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < m; i++) {
    const dx = rx[i] - c;
    const dy = ry[i] - c;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return spearmanFromRankSums(m, sxy, sxx, syy);
}
