import { LocalizedText } from '../catalogue/catalogue-definition';
import { PeerGroupKind } from './peer-group';

/** The disclosure rule that withheld a cell or a statistic; the names of DESIGN.md. */
export type SuppressionRule =
  | 'min_n'
  | 'min_n_tails'
  | 'small_group'
  | 'p_percent'
  | 'dominance'
  | 'differencing'
  | 'secondary'
  | 'give_to_get';

/** Why something is withheld: the rule, and a sentence for the reader with the policy's numbers. */
export interface Suppression {
  rule: SuppressionRule;
  reason: LocalizedText;
}

/** The statistics of a released cell that can be withheld on their own. */
export type SuppressibleStatistic = 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'pooled';

/** A statistic withheld from an otherwise released cell. */
export interface StatisticSuppression extends Suppression {
  statistic: SuppressibleStatistic;
}

/**
 * One KPI x peer group of a snapshot. A suppressed cell carries no figure at all, not even its
 * n. A released cell has n and the mean; the quantiles and the pooled figure may still be
 * withheld (small groups, tails, pooled rules), each listed in `suppressedStatistics`. A yes/no KPI has only n and, as its
 * mean, the share of "yes" in % (0..100).
 */
export interface BenchmarkCell {
  kpiKey: string;
  /** The number of the group's units that supplied the KPI. */
  n: number | null;
  mean: number | null;
  p10: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p90: number | null;
  /** The weighted mean Σ v·w / Σ w, for a KPI with a weight; null otherwise or when withheld. */
  pooled: number | null;
  /** Set when the whole cell is withheld. */
  suppressed: Suppression | null;
  /** Statistics withheld from a released cell, in the order p10, p25, p50, p75, p90, pooled. */
  suppressedStatistics: StatisticSuppression[];
}

/** The cells of one peer group, one per benchmarked KPI in the order of the input's KPIs. */
export interface PeerGroupBenchmark {
  id: string;
  kind: PeerGroupKind;
  label: LocalizedText;
  /**
   * The number of units in the group, whether or not they supplied a KPI. It is a count of
   * participants, not of any figure, and says nothing about a single unit's values.
   */
  n: number;
  cells: BenchmarkCell[];
}

/** A cell withheld as a whole: every statistic null, n included. */
export function suppressedCell(kpiKey: string, suppression: Suppression): BenchmarkCell {
  return {
    kpiKey,
    n: null,
    mean: null,
    p10: null,
    p25: null,
    p50: null,
    p75: null,
    p90: null,
    pooled: null,
    suppressed: suppression,
    suppressedStatistics: [],
  };
}
