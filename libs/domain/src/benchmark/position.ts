import { Polarity } from '../catalogue/catalogue-definition';
import { BenchmarkCell } from './benchmark-cell';

/** Q1 is the best quarter of the peers, Q4 the weakest. */
export type Quartile = 1 | 2 | 3 | 4;

/** What a unit's position in one cell is computed from. */
export interface UnitPositionInput {
  /** The unit's own value; null when it did not supply the KPI. */
  value: number | null;
  /** The values of the cell's contributors in ascending order, the unit's own value included. */
  peerValuesSorted: ArrayLike<number>;
  polarity: Polarity;
  cell: BenchmarkCell;
}

/** A unit's value against a peer group (DESIGN: Position). */
export interface UnitPosition {
  /** The unit's own value, shown even where no position can be given. */
  value: number | null;
  /**
   * Mid-rank percentile rank, 0..100, "better than x % of peers": (B + E / 2) / n · 100 with B
   * the peers worse than the unit, E those with an equal value (the unit itself included) and n
   * all peers. For a neutral KPI "worse" reads "smaller": the share of peers below the value.
   */
  percentileRank: number | null;
  /** 1 = best quarter; null for a neutral KPI or a cell without quartiles (yes/no). */
  quartile: Quartile | null;
  /** value − P50, signed as the values are (not by polarity). */
  gapToMedian: number | null;
  /**
   * How far the value must move in the better direction to reach the top quarter (P75 when
   * higher is better, P25 when lower is better): never negative, 0 when already there; null for
   * a neutral KPI.
   */
  gapToTopQuartile: number | null;
}

/** The number of entries of an ascending array below `value` (strictly). */
function countBelow(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The number of entries of an ascending array at or below `value`. */
function countAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= value) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

function quartileOf(value: number, cell: BenchmarkCell, polarity: Polarity): Quartile | null {
  const { p25, p50, p75 } = cell;
  if (p25 === null || p50 === null || p75 === null) {
    return null;
  }
  switch (polarity) {
    case 'higher_is_better':
      return value >= p75 ? 1 : value >= p50 ? 2 : value >= p25 ? 3 : 4;
    case 'lower_is_better':
      return value <= p25 ? 1 : value <= p50 ? 2 : value <= p75 ? 3 : 4;
    case 'neutral':
      return null;
  }
}

function gapToTopQuartile(value: number, cell: BenchmarkCell, polarity: Polarity): number | null {
  switch (polarity) {
    case 'higher_is_better':
      return cell.p75 === null ? null : Math.max(0, cell.p75 - value);
    case 'lower_is_better':
      return cell.p25 === null ? null : Math.max(0, value - cell.p25);
    case 'neutral':
      return null;
  }
}

/**
 * A unit's position in a cell: percentile rank, quartile and gaps. Against a withheld cell, or
 * without a value of its own, a unit has no position: every figure but `value` is null.
 */
export function unitPosition(input: UnitPositionInput): UnitPosition {
  const { value, peerValuesSorted: peers, polarity, cell } = input;
  const none: UnitPosition = {
    value,
    percentileRank: null,
    quartile: null,
    gapToMedian: null,
    gapToTopQuartile: null,
  };
  if (value === null || !Number.isFinite(value) || cell.suppressed !== null || peers.length === 0) {
    return none;
  }
  const below = countBelow(peers, value);
  const atOrBelow = countAtOrBelow(peers, value);
  const equal = atOrBelow - below;
  const worse = polarity === 'lower_is_better' ? peers.length - atOrBelow : below;
  return {
    value,
    percentileRank: ((worse + equal / 2) / peers.length) * 100,
    quartile: quartileOf(value, cell, polarity),
    gapToMedian: cell.p50 === null ? null : value - cell.p50,
    gapToTopQuartile: gapToTopQuartile(value, cell, polarity),
  };
}
