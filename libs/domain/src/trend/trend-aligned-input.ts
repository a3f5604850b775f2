import { hasValidPooledParameters } from '../benchmark/pooled-figure';
import { TrendCycleColumns, TrendInput, TrendKpi, TrendUnit } from './trend-input';

/**
 * Caller bugs (a nonsensical policy, years out of order, a unit twice in a cycle, a value of
 * the wrong kind) are RangeErrors, as in the snapshot engine: nobody's request is refused here.
 */
export function checkInput(input: TrendInput): void {
  const { policy, cycles, kpis } = input;
  if (
    !(Number.isInteger(policy.minN) && policy.minN >= 1) ||
    !(Number.isInteger(policy.foldBelowN) && policy.foldBelowN >= 1) ||
    (policy.quantileMethod !== 'linear' && policy.quantileMethod !== 'local_mean')
  ) {
    throw new RangeError(`invalid disclosure policy ${JSON.stringify(policy)}`);
  }
  cycles.forEach((cycle, c) => {
    if (!Number.isInteger(cycle.year) || (c > 0 && cycle.year <= cycles[c - 1].year)) {
      throw new RangeError(`cycle years must be ascending integers, got ${cycle.year}`);
    }
    const ids = new Set<string>();
    for (const unit of cycle.units) {
      if (ids.has(unit.id)) {
        throw new RangeError(`unit ${unit.id} appears twice in cycle ${cycle.year}`);
      }
      ids.add(unit.id);
    }
  });
  const byKey = new Map<string, TrendKpi>();
  for (const kpi of kpis) {
    if (byKey.has(kpi.key)) {
      throw new RangeError(`KPI ${kpi.key} appears twice`);
    }
    byKey.set(kpi.key, kpi);
  }
  const weighted = kpis.flatMap(({ key, boolean, weightKey }) =>
    boolean || weightKey === undefined ? [] : [{ key, weightKey }],
  );
  for (const { key, weightKey } of weighted) {
    if (weightKey === key || byKey.get(weightKey)?.boolean === true) {
      throw new RangeError(`KPI ${key} cannot be weighted by ${weightKey}`);
    }
  }
  // Checked only where used, so that a policy without usable pooled parameters still gives the
  // trend data of a study without weighted KPIs, as before they existed.
  if (weighted.length > 0 && !hasValidPooledParameters(policy)) {
    throw new RangeError(`invalid disclosure policy ${JSON.stringify(policy)}`);
  }
}

/** The value of a unit's answer as a number (NaN: none), checked against the item's kind. */
function numericValue(
  value: number | boolean | null | undefined,
  kpi: TrendKpi,
  unitId: string,
  year: number,
): number {
  if (value === null || value === undefined) {
    return Number.NaN;
  }
  if (kpi.boolean) {
    if (typeof value === 'boolean') {
      return value ? 1 : 0;
    }
    if (value === 0 || value === 1) {
      return value;
    }
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  throw new RangeError(`KPI ${kpi.key} of unit ${unitId} in ${year} is ${String(value)}`);
}

/** The KPI values aligned by unit across the cycles. */
interface AlignedInput {
  /** columns[k][c][u]: KPI k of unit u in cycle c, units indexed across all cycles. */
  columns: Float64Array[][];
  /**
   * weights[k][c][u]: the weight of KPI k (its `weightKey`'s value) of unit u in cycle c; null
   * for a yes/no KPI or one without a weight. KPIs with the same weight share the arrays.
   */
  weights: Array<Float64Array[] | null>;
  /**
   * All unit indices ordered by unit id: the order in which the terms of a pooled figure are
   * added, so that it does not depend on the order of the units in the input.
   */
  unitsById: Int32Array;
  /** The indices of the latest cycle's units. */
  latestUnits: Int32Array;
  /** The number of distinct units over all cycles. */
  unitCount: number;
}

export function alignInput(input: TrendInput): AlignedInput {
  const indexById = new Map<string, number>();
  for (const cycle of input.cycles) {
    for (const unit of cycle.units) {
      if (!indexById.has(unit.id)) {
        indexById.set(unit.id, indexById.size);
      }
    }
  }
  const unitCount = indexById.size;
  const { kpis } = input;
  const newColumns = (): Float64Array[] =>
    input.cycles.map(() => new Float64Array(unitCount).fill(Number.NaN));
  const columns = kpis.map(newColumns);
  // Weights that are not reported KPIs themselves (sizes such as contacts_total) are read like
  // a KPI into columns of their own, one set per key however many KPIs they weight.
  const kpiIndex = new Map(kpis.map((kpi, k) => [kpi.key, k]));
  const weightOnly: Array<{ weight: TrendKpi; columns: Float64Array[] }> = [];
  const weights = kpis.map((kpi): Float64Array[] | null => {
    const key = kpi.weightKey;
    if (kpi.boolean || key === undefined) {
      return null;
    }
    const k = kpiIndex.get(key);
    if (k !== undefined) {
      return columns[k];
    }
    let entry = weightOnly.find(({ weight }) => weight.key === key);
    if (entry === undefined) {
      entry = { weight: { key, boolean: false, polarity: 'neutral' }, columns: newColumns() };
      weightOnly.push(entry);
    }
    return entry.columns;
  });
  for (let c = 0; c < input.cycles.length; c++) {
    const { year, units, columns: given } = input.cycles[c];
    if (given !== undefined) {
      const targets = [
        ...kpis.map((kpi, k) => ({ kpi, column: columns[k][c] })),
        ...weightOnly.map(({ weight, columns: weightColumns }) => ({
          kpi: weight,
          column: weightColumns[c],
        })),
      ];
      copyColumns(given, targets, units, indexById, year);
      continue;
    }
    for (const unit of units) {
      const u = indexById.get(unit.id) as number;
      const values = unit.values;
      for (let k = 0; k < kpis.length; k++) {
        const value = values[kpis[k].key];
        // The common case, a number or nothing, without the call.
        columns[k][c][u] =
          typeof value === 'number' && !kpis[k].boolean && value - value === 0
            ? value
            : numericValue(value, kpis[k], unit.id, year);
      }
      for (const { weight, columns: weightColumns } of weightOnly) {
        const value = values[weight.key];
        weightColumns[c][u] =
          typeof value === 'number' && value - value === 0
            ? value
            : numericValue(value, weight, unit.id, year);
      }
    }
  }
  const latest = input.cycles.at(-1)?.units ?? [];
  const latestUnits = Int32Array.from(latest, (unit) => indexById.get(unit.id) as number);
  const ids = Array.from(indexById.keys());
  // The ids are distinct, so the comparison never returns 0 and the order is total.
  const unitsById = weights.some((weight) => weight !== null)
    ? Int32Array.from(ids, (_, u) => u).sort((a, b) => (ids[a] < ids[b] ? -1 : 1))
    : new Int32Array(0);
  return { columns, weights, unitsById, latestUnits, unitCount };
}

/**
 * Copies a cycle's given columns into the aligned ones, checking each value as `numericValue`
 * does: finite or NaN, and 0 or 1 for a yes/no item.
 */
function copyColumns(
  given: TrendCycleColumns,
  targets: ReadonlyArray<{ kpi: TrendKpi; column: Float64Array }>,
  units: readonly TrendUnit[],
  indexById: ReadonlyMap<string, number>,
  year: number,
): void {
  const keyIndex = new Map(given.keys.map((key, k) => [key, k]));
  const positions = Int32Array.from(units, (unit) => indexById.get(unit.id) as number);
  for (const { kpi, column } of targets) {
    const k = keyIndex.get(kpi.key);
    const source = k === undefined ? undefined : given.values[k];
    if (source === undefined) {
      continue;
    }
    if (source.length !== units.length) {
      throw new RangeError(
        `column ${kpi.key} of ${year} has ${source.length} values for ${units.length} units`,
      );
    }
    for (let i = 0; i < source.length; i++) {
      const value = source[i];
      // NaN is "not supplied"; anything else must be finite, and 0 or 1 for a yes/no item.
      if (value === value && (value - value !== 0 || (kpi.boolean && value !== 0 && value !== 1))) {
        throw new RangeError(`KPI ${kpi.key} of unit ${units[i].id} in ${year} is ${value}`);
      }
      column[positions[i]] = value;
    }
  }
}

/** The latest cycle's columns restricted to its own units: the drivers read only those. */
export function latestColumns({ columns, latestUnits }: AlignedInput): Float64Array[] {
  return columns.map((perCycle) => {
    const column = perCycle[perCycle.length - 1];
    const result = new Float64Array(latestUnits.length);
    for (let i = 0; i < latestUnits.length; i++) {
      result[i] = column[latestUnits[i]];
    }
    return result;
  });
}
