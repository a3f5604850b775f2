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
