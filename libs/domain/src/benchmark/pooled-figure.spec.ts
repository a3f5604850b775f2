import { DEFAULT_DISCLOSURE_POLICY, DisclosurePolicy } from '../disclosure/disclosure-policy';
import {
  hasValidPooledParameters,
  PooledSums,
  pooledSums,
  pooledSuppression,
  pooledValue,
} from './pooled-figure';
import { SUPPRESSION_REASONS } from './suppression-reasons';

const policy = DEFAULT_DISCLOSURE_POLICY;
/** A policy under which only the p% rule can withhold a figure of at least minN units. */
const pPercentOnly: DisclosurePolicy = { ...policy, maxWeightSharePercent: 100 };

/** The sums of units with value 1 each and the given weights. */
function sumsOfWeights(weights: readonly number[]): PooledSums {
  return pooledSums(new Float64Array(weights.length).fill(1), Float64Array.from(weights));
}

describe('pooledSums', () => {
  it('adds up the units with a value and a weight > 0', () => {
    // Σ w = 15; Σ v·w = 10 + 40 + 90 + 160 + 250 = 550. The NaN value, the NaN weight, the zero
    // and the negative weight leave their units out.
    const values = Float64Array.from([10, 20, 30, 40, 50, Number.NaN, 60, 70, 80]);
    const weights = Float64Array.from([1, 2, 3, 4, 5, 9, Number.NaN, 0, -2]);
    expect(pooledSums(values, weights)).toEqual({
      count: 5,
      weight: 15,
      weighted: 550,
      largest: 5,
      second: 4,
    });
  });

  it('pools only the given units, in their order', () => {
    const values = Float64Array.from([10, 20, 30, 40, 50]);
    const weights = Float64Array.from([1, 2, 3, 4, 5]);
    // Units 4 and 1: Σ w = 7, Σ v·w = 250 + 40.
    expect(pooledSums(values, weights, Int32Array.from([4, 1]))).toEqual({
      count: 2,
      weight: 7,
      weighted: 290,
      largest: 5,
      second: 2,
    });
  });

  it('takes a weight shared by two units as both the largest and the second', () => {
    expect(sumsOfWeights([3, 7, 1, 7])).toMatchObject({ largest: 7, second: 7 });
    expect(sumsOfWeights([7])).toMatchObject({ count: 1, largest: 7, second: 0 });
  });

  it('is empty without a unit that carries both', () => {
    expect(sumsOfWeights([])).toEqual({ count: 0, weight: 0, weighted: 0, largest: 0, second: 0 });
  });
});

describe('pooledValue', () => {
  it('divides the weighted sum by the weight', () => {
    // 550 / 15 = 36.67.
    const sums = pooledSums(
      Float64Array.from([10, 20, 30, 40, 50]),
      Float64Array.from([1, 2, 3, 4, 5]),
    );
    expect(pooledValue(sums)).toBe(550 / 15);
  });
});

describe('pooledSuppression', () => {
  it('releases a figure whose largest unit carries exactly 25 % of the weight', () => {
    // 25 of 100; the others less the two largest: 100 − 25 − 25 = 50 ≥ 2.5.
    expect(pooledSuppression(sumsOfWeights([25, 25, 25, 15, 10]), policy)).toBeNull();
  });

  it('withholds a figure whose largest unit carries 26 % of the weight by dominance', () => {
    expect(pooledSuppression(sumsOfWeights([26, 25, 25, 14, 10]), policy)).toEqual(
      SUPPRESSION_REASONS.dominance(policy),
    );
  });

  it('releases a figure whose remainder is exactly p % of the largest weight', () => {
    // 160 − 100 − 50 = 10 = 10 % of 100.
    expect(pooledSuppression(sumsOfWeights([100, 50, 4, 3, 3]), pPercentOnly)).toBeNull();
  });

  it('withholds a figure whose remainder falls just short of p % of the largest weight', () => {
    // 159 − 100 − 50 = 9 < 10.
    expect(pooledSuppression(sumsOfWeights([100, 50, 3, 3, 3]), pPercentOnly)).toEqual(
      SUPPRESSION_REASONS.pPercent(pPercentOnly),
    );
  });

  it('gives the p% rule before dominance when both fail', () => {
    // 100 of 159 is also far above 25 %.
    expect(pooledSuppression(sumsOfWeights([100, 50, 3, 3, 3]), policy)?.rule).toBe('p_percent');
  });

  it('withholds a figure of fewer than minN units with a weight, before the other rules', () => {
    // Four units; the one without a weight does not count.
    const sums = pooledSums(Float64Array.from([1, 1, 1, 1, 1]), Float64Array.from([1, 1, 1, 1, 0]));
    expect(pooledSuppression(sums, policy)).toEqual(SUPPRESSION_REASONS.minNPooled(policy));
    expect(pooledSuppression(sumsOfWeights([100, 1, 1, 1]), policy)?.rule).toBe('min_n');
    expect(pooledSuppression(sumsOfWeights([1, 1, 1, 1, 1]), policy)).toBeNull();
  });
});

describe('hasValidPooledParameters', () => {
  it('accepts the defaults and the edges of the ranges', () => {
    expect(hasValidPooledParameters(policy)).toBe(true);
    expect(hasValidPooledParameters({ ...policy, pPercent: 0, maxWeightSharePercent: 100 })).toBe(
      true,
    );
  });

  it('refuses parameters under which the rules would release everything or nothing', () => {
    for (const change of [
      { pPercent: Number.NaN },
      { pPercent: -1 },
      { pPercent: Number.POSITIVE_INFINITY },
      { maxWeightSharePercent: 0 },
      { maxWeightSharePercent: 101 },
      { maxWeightSharePercent: Number.NaN },
    ]) {
      expect(hasValidPooledParameters({ ...policy, ...change })).toBe(false);
    }
  });
});
