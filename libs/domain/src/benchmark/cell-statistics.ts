import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { BenchmarkCell, Suppression, suppressedCell } from './benchmark-cell';
import { pooledSums, pooledValue } from './pooled-figure';
import { quantile } from './quantiles';
import { KpiPlan } from './snapshot-input';
import { sumOf } from './sum.util';
import { SUPPRESSION_REASONS as R } from './suppression-reasons';
import { ValueSortWorkspace } from './value-sort-workspace';

/** What disclosure control decided for one cell before any statistic is computed. */
export interface CellDecision {
  /** Why the whole cell is withheld, or null when it is released. */
  suppressed: Suppression | null;
  /** For a released cell of a KPI with a weight: why the pooled figure is withheld, or null. */
  pooled: Suppression | null;
}

/**
 * The hot loop of a snapshot: walks the contributors in value order and appends each value to
 * the buffer range of its group in one family of disjoint groups (`slot[u]`: the group of unit
 * u, or -1); `end[j]` starts at group j's offset and ends after its last value. One pass per
 * family reads a small array per unit where a list of all of a unit's groups would mean two
 * cache misses per unit. A free function with plain parameters, which V8 optimises far better
 * than the same loop reading captured variables.
 */
export function dealOut(
  order: Int32Array,
  sortedValues: Float64Array,
  slot: Int32Array,
  end: Int32Array,
  buffer: Float64Array,
): void {
  for (let i = 0; i < order.length; i++) {
    const j = slot[order[i]];
    if (j >= 0) {
      buffer[end[j]++] = sortedValues[i];
    }
  }
}

/**
 * Puts the units with a value (of `units`, or of all when null) and their values into the
 * workspace, in ascending unit order; returns how many there are.
 */
export function gatherValues(
  values: Float64Array,
  units: Int32Array | null,
  workspace: ValueSortWorkspace,
): number {
  const into = workspace.values;
  const ids = workspace.ids;
  let count = 0;
  const total = units === null ? values.length : units.length;
  for (let i = 0; i < total; i++) {
    const u = units === null ? i : units[i];
    const value = values[u];
    if (value === value) {
      into[count] = value;
      ids[count] = u;
      count++;
    }
  }
  return count;
}

/** The statistics of a group's cell of one KPI, as decided (`members`: the group's units). */
export function cellStatistics(
  plan: KpiPlan,
  decision: CellDecision,
  sorted: Float64Array,
  policy: DisclosurePolicy,
  members: Int32Array,
): BenchmarkCell {
  if (decision.suppressed !== null) {
    return suppressedCell(plan.key, decision.suppressed);
  }
  const n = sorted.length;
  const sum = sumOf(sorted);
  const cell: BenchmarkCell = {
    kpiKey: plan.key,
    n,
    // A share of "yes" is counted to the integer first so that 13 of 100 is exactly 13 %.
    mean: plan.boolean ? (sum * 100) / n : sum / n,
    p10: null,
    p25: null,
    p50: null,
    p75: null,
    p90: null,
    pooled: null,
    suppressed: null,
    suppressedStatistics: [],
  };
  if (plan.boolean) {
    return cell;
  }
  const method = policy.quantileMethod;
  if (n >= policy.minNQuantiles) {
    cell.p25 = quantile(sorted, 0.25, method);
    cell.p50 = quantile(sorted, 0.5, method);
    cell.p75 = quantile(sorted, 0.75, method);
  }
  if (n >= policy.minNQuantiles && n >= policy.minNTails) {
    cell.p10 = quantile(sorted, 0.1, method);
    cell.p90 = quantile(sorted, 0.9, method);
  }
  if (n < policy.minNQuantiles) {
    const small = R.smallGroup(policy);
    cell.suppressedStatistics.push(
      ...(['p10', 'p25', 'p50', 'p75', 'p90'] as const).map((statistic) => ({
        statistic,
        ...small,
      })),
    );
  } else if (n < policy.minNTails) {
    const tails = R.minNTails(policy);
    cell.suppressedStatistics.push({ statistic: 'p10', ...tails }, { statistic: 'p90', ...tails });
  }
  if (plan.weights !== null) {
    if (decision.pooled === null) {
      // Over the members in ascending order: a fixed order, so that a snapshot and its
      // recomputation (or a custom group added later) agree to the bit.
      cell.pooled = pooledValue(pooledSums(plan.values, plan.weights, members));
    } else {
      cell.suppressedStatistics.push({ statistic: 'pooled', ...decision.pooled });
    }
  }
  return cell;
}
