import {
  hasValidPooledParameters,
  pooledSums,
  pooledSuppression,
  pooledValue,
} from '../benchmark/pooled-figure';
import { ValueSortWorkspace } from '../benchmark/value-sort-workspace';
import { Polarity } from '../catalogue/catalogue-definition';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { adoptionChangesOfColumns } from './adoption';
import { DistributionChange, DistributionSummary, panelChangesOfColumns } from './panel-change';
import { CycleParticipation, cycleParticipation } from './participation';
import { spearmanPairs } from './spearman-matrix';
import {
  discloseChange,
  discloseFigure,
  disclosePanels,
  mapFigure,
  suppressedFigure,
  TrendFigure,
} from './trend-disclosure';
import {
  TrendCycleColumns,
  TrendDriverOptions,
  TrendInput,
  TrendKpi,
  TrendUnit,
} from './trend-input';

/** A KPI's released statistics in one cycle (its n is the figure's). */
export type KpiDistribution = Omit<DistributionSummary, 'n'>;

/** The balanced panel's statistics on both sides of a change, and the change. */
export interface PanelDistributionChange {
  from: KpiDistribution;
  to: KpiDistribution;
  change: DistributionChange;
}

/** A pooled figure on both sides of a change, and the change `to − from` in the KPI's unit. */
export interface PooledChange {
  from: number;
  to: number;
  /** to − from: percentage points for a share, the KPI's unit otherwise. */
  points: number;
}

/** A numeric KPI over the cycles. */
export interface KpiTrend {
  kpiKey: string;
  polarity: Polarity;
  /** Over all participants with a value, one per cycle. */
  cycles: Array<{
    year: number;
    distribution: TrendFigure<KpiDistribution>;
    /**
     * Only for a KPI with a `weightKey`: Σ v·w / Σ w over the participants with a value and a
     * weight > 0 (its n), under the snapshot's rules for pooled figures (`pooledSuppression`).
     */
    pooled?: TrendFigure<number>;
  }>;
  /** One per pair of consecutive cycles: over all participants, and over the balanced panel. */
  changes: Array<{
    fromYear: number;
    toYear: number;
    all: TrendFigure<DistributionChange>;
    panel: TrendFigure<PanelDistributionChange>;
    /**
     * Only for a KPI with a `weightKey`: the change of the pooled figure over all participants,
     * released only if both cycles' pooled figures are, resting on the smaller n.
     */
    pooledChange?: TrendFigure<PooledChange>;
  }>;
}

/** The balanced panel's share of yes on both sides of a change (%) and the change (points). */
export interface PanelShareChange {
  from: number;
  to: number;
  points: number;
}

/** A yes/no item (a practice) over the cycles. */
export interface AdoptionTrend {
  kpiKey: string;
  /** The share of yes in % among the units that answered, one per cycle. */
  cycles: Array<{ year: number; share: TrendFigure<number> }>;
  /** The change in percentage points, over all participants and over the balanced panel. */
  changes: Array<{
    fromYear: number;
    toYear: number;
    all: TrendFigure<number>;
    panel: TrendFigure<PanelShareChange>;
  }>;
}

/** A strong rank correlation of two KPIs in the latest cycle, with its scatter chart. */
export interface DriverPair {
  xKpiKey: string;
  yKpiKey: string;
  /** The units with both values; at least the policy's `minN`. */
  n: number;
  rho: number;
  pValue: number;
  /** The value pairs (x, y), sorted by x then y, so that nothing links a point to a unit. */
  points: Array<[number, number]>;
}

/** Medians of a few KPIs (NPS and CES) side by side over the cycles. */
export interface TrendDrift {
  kpiKeys: string[];
  /** Per cycle, one median per entry of `kpiKeys`. */
  cycles: Array<{ year: number; medians: Array<TrendFigure<number>> }>;
}

/** The trend data of a study over its published cycles, every figure under its policy. */
export interface TrendData {
  years: number[];
  participation: CycleParticipation[];
  /** The numeric KPIs in the order of the input. */
  kpis: KpiTrend[];
  /** The yes/no items in the order of the input. */
  adoption: AdoptionTrend[];
  /** The strongest rank correlations of the latest cycle, strongest first. */
  drivers: DriverPair[];
  drift: TrendDrift;
}

const DEFAULT_DRIVER_OPTIONS: TrendDriverOptions = {
  maxPairs: 10,
  maxPValue: 0.05,
  excludedPairs: [],
};
const DEFAULT_DRIFT_KPI_KEYS = ['nps', 'ces'];

/** A value that exists whenever its figure is released; its absence is a bug here. */
function required<T>(value: T | null): T {
  if (value === null) {
    throw new Error('a released trend figure without a value');
  }
  return value;
}

function withoutN({ p25, median, p75, mean }: DistributionSummary): KpiDistribution {
  return { p25, median, p75, mean };
}

/**
 * Caller bugs (a nonsensical policy, years out of order, a unit twice in a cycle, a value of
 * the wrong kind) are RangeErrors, as in the snapshot engine: nobody's request is refused here.
 */
function checkInput(input: TrendInput): void {
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

function alignInput(input: TrendInput): AlignedInput {
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
function latestColumns({ columns, latestUnits }: AlignedInput): Float64Array[] {
  return columns.map((perCycle) => {
    const column = perCycle[perCycle.length - 1];
    const result = new Float64Array(latestUnits.length);
    for (let i = 0; i < latestUnits.length; i++) {
      result[i] = column[latestUnits[i]];
    }
    return result;
  });
}

/**
 * The pooled figure of one cycle: released or withheld exactly as a snapshot cell's
 * (`pooledSuppression`), resting on the units with a value and a weight > 0.
 */
function pooledFigure(
  values: Float64Array,
  weights: Float64Array,
  unitsById: Int32Array,
  policy: DisclosurePolicy,
): TrendFigure<number> {
  const sums = pooledSums(values, weights, unitsById);
  const withheld = pooledSuppression(sums, policy);
  return withheld === null
    ? { released: true, n: sums.count, value: pooledValue(sums) }
    : suppressedFigure(withheld);
}

function kpiTrend(
  kpi: TrendKpi,
  columns: readonly Float64Array[],
  weights: readonly Float64Array[] | null,
  unitsById: Int32Array,
  years: readonly number[],
  policy: DisclosurePolicy,
  workspace: ValueSortWorkspace,
): KpiTrend {
  const series = panelChangesOfColumns(columns, policy.quantileMethod, workspace);
  const distributions = series.cycles.map((summary) =>
    discloseFigure(summary?.n ?? 0, () => withoutN(required(summary)), policy),
  );
  const panels = disclosePanels(columns, policy, (i): PanelDistributionChange => {
    const { from, to, change } = series.changes[i].panel;
    return { from: withoutN(required(from)), to: withoutN(required(to)), change: required(change) };
  });
  const pooled =
    weights === null
      ? null
      : columns.map((column, c) => pooledFigure(column, weights[c], unitsById, policy));
  return {
    kpiKey: kpi.key,
    polarity: kpi.polarity,
    cycles: distributions.map((distribution, c) => ({
      year: years[c],
      distribution,
      // Left out rather than undefined, so that a KPI without a weight looks as it always did.
      ...(pooled === null ? {} : { pooled: pooled[c] }),
    })),
    changes: series.changes.map((change, i) => ({
      fromYear: years[i],
      toYear: years[i + 1],
      all: discloseChange(distributions[i], distributions[i + 1], () =>
        required(change.all.change),
      ),
      panel: panels[i],
      ...(pooled === null
        ? {}
        : {
            pooledChange: discloseChange(pooled[i], pooled[i + 1], (from, to): PooledChange => ({
              from,
              to,
              points: to - from,
            })),
          }),
    })),
  };
}

function adoptionTrend(
  kpi: TrendKpi,
  columns: readonly Float64Array[],
  years: readonly number[],
  policy: DisclosurePolicy,
): AdoptionTrend {
  const series = adoptionChangesOfColumns(columns);
  const shares = series.cycles.map((summary) =>
    discloseFigure(summary?.n ?? 0, () => required(summary).share, policy),
  );
  const panels = disclosePanels(columns, policy, (i): PanelShareChange => {
    const { from, to, points } = series.changes[i].panel;
    return { from: required(from).share, to: required(to).share, points: required(points) };
  });
  return {
    kpiKey: kpi.key,
    cycles: shares.map((share, c) => ({ year: years[c], share })),
    changes: series.changes.map((_, i) => ({
      fromYear: years[i],
      toYear: years[i + 1],
      all: discloseChange(shares[i], shares[i + 1], (from, to) => to - from),
      panel: panels[i],
    })),
  };
}

/** For every KPI key, the keys it is computed from, directly or through other derived KPIs. */
function ancestorsOf(kpis: readonly TrendKpi[]): Map<string, Set<string>> {
  const direct = new Map(kpis.map((kpi) => [kpi.key, kpi.derivedFrom ?? []]));
  const result = new Map<string, Set<string>>();
  const visit = (key: string, into: Set<string>): void => {
    for (const parent of direct.get(key) ?? []) {
      // The check also ends a (malformed) cycle of formulas.
      if (!into.has(parent)) {
        into.add(parent);
        visit(parent, into);
      }
    }
  };
  for (const kpi of kpis) {
    const ancestors = new Set<string>();
    visit(kpi.key, ancestors);
    result.set(kpi.key, ancestors);
  }
  return result;
}

function scatterPoints(x: Float64Array, y: Float64Array): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (let u = 0; u < x.length; u++) {
    if (x[u] === x[u] && y[u] === y[u]) {
      points.push([x[u] + 0, y[u] + 0]);
    }
  }
  return points.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
}

/**
 * The strongest rank correlations between distinct numeric KPIs of the latest cycle: released
 * only with n ≥ `minN`, listed with p < `maxPValue`, strongest |rho| first (ties in the order of
 * the KPIs), at most `maxPairs`; pairs in which one KPI is computed from the other or both from
 * a common item, and the excluded pairs, are left out.
 */
function drivers(
  kpis: readonly TrendKpi[],
  latest: readonly Float64Array[],
  policy: DisclosurePolicy,
  options: TrendDriverOptions,
): DriverPair[] {
  const numeric = kpis.flatMap((kpi, k) => (kpi.boolean ? [] : [k]));
  const ancestors = ancestorsOf(kpis);
  const excluded = new Set(options.excludedPairs.flatMap(([a, b]) => [`${a}\n${b}`, `${b}\n${a}`]));
  const sharesAnItem = (a: TrendKpi, b: TrendKpi): boolean => {
    const ofB = ancestors.get(b.key);
    return [...(ancestors.get(a.key) ?? [])].some((key) => ofB?.has(key) === true);
  };
  // Two KPIs computed from a common item (a shared denominator above all) correlate through it
  // whatever the units do: the ratio correlation of Pearson (1897), not a finding.
  const related = (a: TrendKpi, b: TrendKpi): boolean =>
    ancestors.get(a.key)?.has(b.key) === true ||
    ancestors.get(b.key)?.has(a.key) === true ||
    sharesAnItem(a, b) ||
    excluded.has(`${a.key}\n${b.key}`);
  const columns = numeric.map((k) => latest[k]);
  const candidates = spearmanPairs(
    columns,
    (a, b) => !related(kpis[numeric[a]], kpis[numeric[b]]),
  ).flatMap(({ a, b, n, rho, pValue }) => {
    // The frequency rule first: a correlation of fewer than minN units is no figure at all.
    const figure = discloseFigure(n, () => ({ rho, pValue }), policy);
    if (!figure.released) {
      return [];
    }
    const { rho: r, pValue: p } = figure.value;
    return r !== null && p !== null && p < options.maxPValue
      ? [{ a, b, n, rho: r, pValue: p }]
      : [];
  });
  // spearmanPairs lists the pairs by (a, b), and the sort is stable: ties keep that order.
  candidates.sort((p, q) => Math.abs(q.rho) - Math.abs(p.rho));
  return candidates.slice(0, Math.max(0, options.maxPairs)).map(({ a, b, n, rho, pValue }) => ({
    xKpiKey: kpis[numeric[a]].key,
    yKpiKey: kpis[numeric[b]].key,
    n,
    rho,
    pValue,
    points: scatterPoints(columns[a], columns[b]),
  }));
}

function drift(
  input: TrendInput,
  trends: readonly KpiTrend[],
  years: readonly number[],
): TrendDrift {
  const byKey = new Map(trends.map((trend) => [trend.kpiKey, trend]));
  const keys = input.driftKpiKeys ?? DEFAULT_DRIFT_KPI_KEYS.filter((key) => byKey.has(key));
  const selected = keys.map((key) => {
    const trend = byKey.get(key);
    if (trend === undefined) {
      throw new RangeError(`drift KPI ${key} is not a numeric KPI of the input`);
    }
    return trend;
  });
  return {
    kpiKeys: [...keys],
    cycles: years.map((year, c) => ({
      year,
      medians: selected.map((trend) =>
        mapFigure(trend.cycles[c].distribution, (distribution) => distribution.median),
      ),
    })),
  };
}

/**
 * The trend data of a study over its published cycles (issue 6, part 1), with the disclosure
 * policy applied to every figure (`TrendFigure`):
 * - participation per cycle, by industry, size band and country (`cycleParticipation`), the
 *   size bands folded as the cycle's snapshot folds them;
 * - per numeric KPI and cycle n, P25, median, P75 and mean over all participants, and per pair
 *   of consecutive cycles their change over all participants and over the balanced panel
 *   (`panelChangesOfColumns`, `disclosePanels`);
 * - per numeric KPI with a `weightKey` and cycle the pooled figure Σ v·w / Σ w over all
 *   participants, under the snapshot's rules (`pooledSums`, `pooledSuppression`: min_n of units
 *   with a weight, p %, dominance), and its change between consecutive cycles;
 * - per yes/no item the share of yes and its change in points, likewise (`adoptionChangesOfColumns`);
 * - the drivers: the strongest Spearman correlations of the latest cycle with their scatter
 *   points (`spearmanPairs`);
 * - the drift: the medians of NPS and CES (or the chosen KPIs) side by side.
 *
 * The output depends only on the data, not on the order of the units in the input: statistics
 * are taken over sorted values, rank sums are exact, pooled sums are added in the order of the
 * unit ids, and scatter points are sorted.
 */
export function computeTrendData(input: TrendInput): TrendData {
  checkInput(input);
  const { policy, kpis } = input;
  const years = input.cycles.map((cycle) => cycle.year);
  const aligned = alignInput(input);
  const { columns, weights, unitsById } = aligned;
  const workspace = new ValueSortWorkspace(aligned.unitCount);
  const trends: KpiTrend[] = [];
  const adoption: AdoptionTrend[] = [];
  kpis.forEach((kpi, k) => {
    if (kpi.boolean) {
      adoption.push(adoptionTrend(kpi, columns[k], years, policy));
    } else {
      trends.push(kpiTrend(kpi, columns[k], weights[k], unitsById, years, policy, workspace));
    }
  });
  const options: TrendDriverOptions = {
    maxPairs: input.drivers?.maxPairs ?? DEFAULT_DRIVER_OPTIONS.maxPairs,
    maxPValue: input.drivers?.maxPValue ?? DEFAULT_DRIVER_OPTIONS.maxPValue,
    excludedPairs: input.drivers?.excludedPairs ?? DEFAULT_DRIVER_OPTIONS.excludedPairs,
  };
  return {
    years,
    participation: input.cycles.map((cycle) =>
      cycleParticipation(
        cycle.year,
        cycle.units.map((unit) => unit.profile),
        policy,
      ),
    ),
    kpis: trends,
    adoption,
    drivers:
      input.cycles.length === 0 ? [] : drivers(kpis, latestColumns(aligned), policy, options),
    drift: drift(input, trends, years),
  };
}
