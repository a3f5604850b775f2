import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { Suppression } from './benchmark-cell';
import { SUPPRESSION_REASONS as R } from './suppression-reasons';

/**
 * What a pooled (volume-weighted) figure Σ v·w / Σ w and its disclosure rules are computed from:
 * the snapshot engine's per cell, the trend data's per cycle.
 */
export interface PooledSums {
  /** Units with a value and a weight > 0: the units the figure rests on. */
  count: number;
  /** Σ w. */
  weight: number;
  /** Σ v·w. */
  weighted: number;
  /** The largest weight. */
  largest: number;
  /** The second largest weight (equal to `largest` when two units share it; 0 for one unit). */
  second: number;
}

/**
 * The pooled sums of the units with a value and a weight > 0, in one pass. NaN means "no value"
 * or "no weight"; a weight of 0 or below leaves the unit out.
 *
 * The terms are added in the order of `units` (or of the indices, when `units` is omitted), so
 * a caller that passes a fixed order gets the same sums to the bit whatever the order of its
 * input: the snapshot passes its groups' members ascending, the trend data its units by id.
 *
 * @param values values[u]: unit u's value, NaN where it has none
 * @param weights weights[u]: unit u's weight, NaN where it has none; as long as `values`
 * @param units the indices of the units to pool, in the order to add them; default all
 */
export function pooledSums(
  values: Float64Array,
  weights: Float64Array,
  units: Int32Array | null = null,
): PooledSums {
  let count = 0;
  let weight = 0;
  let weighted = 0;
  let largest = 0;
  let second = 0;
  const total = units === null ? values.length : units.length;
  for (let i = 0; i < total; i++) {
    const u = units === null ? i : units[i];
    const value = values[u];
    const w = weights[u];
    // NaN fails both tests: no value, or no weight.
    if (value === value && w > 0) {
      count++;
      weight += w;
      weighted += value * w;
      if (w > largest) {
        second = largest;
        largest = w;
      } else if (w > second) {
        second = w;
      }
    }
  }
  return { count, weight, weighted, largest, second };
}

/**
 * Whether the policy's parameters of the pooled figure's rules are usable: a finite p ≥ 0 and
 * a largest weight share in (0, 100] %. Otherwise a NaN would fail every comparison of
 * `pooledSuppression` and release everything.
 */
export function hasValidPooledParameters(policy: DisclosurePolicy): boolean {
  return (
    policy.pPercent >= 0 &&
    Number.isFinite(policy.pPercent) &&
    policy.maxWeightSharePercent > 0 &&
    policy.maxWeightSharePercent <= 100
  );
}

/**
 * Why a pooled figure is withheld under the policy, or null when it is released. The first rule
 * that fails, in this order:
 * - `min_n`: fewer than `minN` units carry it (a value and a weight > 0), DESIGN's "no
 *   statistic of fewer than min_n units";
 * - `p_percent`: W − w1 − w2 < p/100 · w1, with W the total weight and w1 ≥ w2 the two largest,
 *   i.e. the others hide the largest contributor's weight too poorly;
 * - `dominance`: the largest weight is more than `maxWeightSharePercent` % of W.
 *
 * Exactly p % and exactly the largest share pass.
 */
export function pooledSuppression(sums: PooledSums, policy: DisclosurePolicy): Suppression | null {
  const { weight: total, largest, second } = sums;
  if (sums.count < policy.minN) {
    return R.minNPooled(policy);
  }
  // Multiplied out instead of divided, so that the edges (exactly p %, exactly 25 %) are exact
  // for integer weights.
  if ((total - largest - second) * 100 < policy.pPercent * largest) {
    return R.pPercent(policy);
  }
  if (largest * 100 > policy.maxWeightSharePercent * total) {
    return R.dominance(policy);
  }
  return null;
}

/** The pooled figure Σ v·w / Σ w of sums with at least one unit (withheld or not). */
export function pooledValue(sums: PooledSums): number {
  return sums.weighted / sums.weight;
}
