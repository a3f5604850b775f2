import { quantile, QuantileMethod } from '../benchmark/quantiles';
import { ValueSortWorkspace } from '../benchmark/value-sort-workspace';
import { alignCycles } from './cycle-columns';
import { sumOf } from '../benchmark/sum.util';

/** n, the quartiles and the mean of one set of values. */
export interface DistributionSummary {
  n: number;
  p25: number;
  median: number;
  p75: number;
  mean: number;
}

/** How a statistic moved from one cycle to the next. */
export interface StatisticChange {
  /** to − from, in the KPI's unit. */
  absolute: number;
  /**
   * (to − from) / |from| · 100: relative to the size of the base, so that a rise is positive
   * even from a negative base (an NPS of −10 to −5 is +50 %). Null when the base is 0.
   */
  percent: number | null;
}

/** The change of each statistic of a `DistributionSummary`. */
export interface DistributionChange {
  p25: StatisticChange;
  median: StatisticChange;
  p75: StatisticChange;
  mean: StatisticChange;
}

/** One set of units' statistics in two consecutive cycles and their change. */
export interface SampleChange {
  /** Null when no unit of the set has a value in that cycle. */
  from: DistributionSummary | null;
  to: DistributionSummary | null;
  /** Null unless both sides exist. */
  change: DistributionChange | null;
}

/**
 * The change of a KPI between cycles `from` and `to` = from + 1 (indices into the input):
 * over all participants with a value in each cycle (the sample of each year), and over the
 * balanced panel, the units with a value in both cycles. Only the panel shows what the units
 * themselves did; the all-participant figure moves also when units join or leave.
 */
export interface CycleChange {
  from: number;
  to: number;
  all: SampleChange;
  panel: SampleChange & {
    /** The number of panel units (each has a value on both sides). */
    n: number;
  };
}

/** A KPI over the cycles: each cycle's statistics over all participants, and each change. */
export interface PanelSeries {
  /** Per cycle, null when no unit has a value. */
  cycles: Array<DistributionSummary | null>;
  /** One per pair of consecutive cycles, in cycle order. */
  changes: CycleChange[];
}

/** n, P25, median, P75 and mean of ascending values by the study's method; null for none. */
function summarizeSorted(sorted: Float64Array, method: QuantileMethod): DistributionSummary | null {
  if (sorted.length === 0) {
    return null;
  }
  return {
    n: sorted.length,
    p25: quantile(sorted, 0.25, method),
    median: quantile(sorted, 0.5, method),
    p75: quantile(sorted, 0.75, method),
    mean: sumOf(sorted) / sorted.length,
  };
}

/** How a statistic moved; see `StatisticChange`. */
export function changeOf(from: number, to: number): StatisticChange {
  const absolute = to - from;
  return { absolute, percent: from === 0 ? null : (absolute / Math.abs(from)) * 100 };
}

function distributionChange(
  from: DistributionSummary | null,
  to: DistributionSummary | null,
): DistributionChange | null {
  if (from === null || to === null) {
    return null;
  }
  return {
    p25: changeOf(from.p25, to.p25),
    median: changeOf(from.median, to.median),
    p75: changeOf(from.p75, to.p75),
    mean: changeOf(from.mean, to.mean),
  };
}

/** A cycle's units with a value in ascending value order (ties by unit), and those values. */
interface SortedCycle {
  order: Int32Array;
  sorted: Float64Array;
}

function sortCycle(column: Float64Array, workspace: ValueSortWorkspace): SortedCycle {
  let count = 0;
  for (let u = 0; u < column.length; u++) {
    const value = column[u];
    if (value === value) {
      if (value - value !== 0) {
        throw new RangeError(`value ${value} of unit ${u} is not finite`);
      }
      workspace.values[count] = value;
      workspace.ids[count] = u;
      count++;
    }
  }
  const order = workspace.sortIdsByValue(count).slice();
  // sortedValues holds −0 as 0, as the snapshot engine's values do.
  return { order, sorted: workspace.sortedValues.slice(0, count) };
}

/**
 * The values of a sorted cycle's units that also have a value in `other`, still ascending: the
 * panel's side of that cycle without a sort of its own.
 */
function panelSide(cycle: SortedCycle, other: Float64Array): Float64Array {
  const { order, sorted } = cycle;
  const kept = new Float64Array(order.length);
  let count = 0;
  for (let i = 0; i < order.length; i++) {
    const o = other[order[i]];
    if (o === o) {
      kept[count++] = sorted[i];
    }
  }
  return kept.subarray(0, count);
}

/**
 * A KPI's statistics per cycle and their changes between consecutive cycles, over all
 * participants and over the balanced panel (see `CycleChange`), from aligned columns.
 *
 * @param columns one per cycle in cycle order, aligned by unit (NaN: no value); finite values,
 *   all of the same length
 * @param method the study's quantile method
 * @param workspace scratch buffers of at least the columns' length, to reuse across calls
 *   (sorting buffers are large enough for their allocation to show on many KPIs)
 */
export function panelChangesOfColumns(
  columns: readonly Float64Array[],
  method: QuantileMethod,
  workspace?: ValueSortWorkspace,
): PanelSeries {
  const unitCount = columns.length === 0 ? 0 : columns[0].length;
  if (columns.some((column) => column.length !== unitCount)) {
    throw new RangeError('the columns of the cycles differ in length');
  }
  // Each cycle is sorted once; both panels it belongs to are read off its order.
  const buffers =
    workspace !== undefined && workspace.capacity >= unitCount
      ? workspace
      : new ValueSortWorkspace(unitCount);
  const sortedCycles = columns.map((column) => sortCycle(column, buffers));
  const cycles = sortedCycles.map(({ sorted }) => summarizeSorted(sorted, method));
  const changes = columns.slice(1).map((to, i): CycleChange => {
    const panelBefore = summarizeSorted(panelSide(sortedCycles[i], to), method);
    const panelAfter = summarizeSorted(panelSide(sortedCycles[i + 1], columns[i]), method);
    return {
      from: i,
      to: i + 1,
      all: {
        from: cycles[i],
        to: cycles[i + 1],
        change: distributionChange(cycles[i], cycles[i + 1]),
      },
      panel: {
        n: panelBefore?.n ?? 0,
        from: panelBefore,
        to: panelAfter,
        change: distributionChange(panelBefore, panelAfter),
      },
    };
  });
  return { cycles, changes };
}

/**
 * A KPI's statistics per cycle and their changes between consecutive cycles, over all
 * participants and over the balanced panel (see `CycleChange`).
 *
 * @param cycles per cycle, in cycle order, unit id → value; null, undefined or NaN: no value
 * @param method the study's quantile method (default linear)
 */
export function panelChanges(
  cycles: ReadonlyArray<ReadonlyMap<string, number | null | undefined>>,
  method: QuantileMethod = 'linear',
): PanelSeries {
  return panelChangesOfColumns(alignCycles(cycles, (value) => value).columns, method);
}
