/** The disclosure-control parameters a study publishes its benchmarks under. */
export interface DisclosurePolicy {
  /** No statistic of a group of fewer units is released. */
  minN: number;
  /** P10 and P90 need at least this many units. */
  minNTails: number;
  /** p% rule: the total less the two largest contributors must reach p % of the largest. */
  pPercent: number;
  /** No single unit may carry more than this share (%) of a pooled figure's weight. */
  maxWeightSharePercent: number;
  /** `linear` (percentile_cont, PERCENTILE.INC) or `local_mean` (mean of the 3 nearest). */
  quantileMethod: 'linear' | 'local_mean';
}

/** The defaults of DESIGN.md, in line with the statistical agencies' practice. */
export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = {
  minN: 5,
  minNTails: 10,
  pPercent: 10,
  maxWeightSharePercent: 25,
  quantileMethod: 'linear',
};

function positiveInteger(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : fallback;
}

function percentBetween(value: unknown, fallback: number): number {
  return typeof value === 'number' && value >= 0 && value <= 100 ? value : fallback;
}

/**
 * The policy a study stores (JSON), with the defaults for every parameter it leaves out or
 * holds in an unusable form, so the engine never runs with a half-read policy. The tails can
 * never be released below the general frequency threshold.
 */
export function disclosurePolicyOf(stored: Readonly<Record<string, unknown>>): DisclosurePolicy {
  const minN = positiveInteger(stored.minN, DEFAULT_DISCLOSURE_POLICY.minN);
  return {
    minN,
    minNTails: Math.max(
      minN,
      positiveInteger(stored.minNTails, DEFAULT_DISCLOSURE_POLICY.minNTails),
    ),
    pPercent: percentBetween(stored.pPercent, DEFAULT_DISCLOSURE_POLICY.pPercent),
    maxWeightSharePercent: percentBetween(
      stored.maxWeightSharePercent,
      DEFAULT_DISCLOSURE_POLICY.maxWeightSharePercent,
    ),
    quantileMethod: stored.quantileMethod === 'local_mean' ? 'local_mean' : 'linear',
  };
}
