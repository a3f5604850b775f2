import { ValueSortWorkspace } from '../benchmark/value-sort-workspace';
import { Polarity } from '../catalogue/catalogue-definition';
import { DistributionChange, DistributionSummary } from './panel-change';
import { CycleParticipation, cycleParticipation } from './participation';
import { TrendFigure } from './trend-disclosure';
import { TrendDriverOptions, TrendInput } from './trend-input';
import { alignInput, checkInput, latestColumns } from './trend-aligned-input';
import { adoptionTrend, kpiTrend } from './trend-kpi-figures';
import { drivers } from './trend-drivers';
import { drift } from './trend-drift';

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

/**
 * The trend data of a study over its published cycles (issue 6, part 1), with the disclosure
 * policy applied to every figure (`TrendFigure`):
 * - participation per cycle, by industry, size band and country (`cycleParticipation`), the
 *   categories folded as the cycle's snapshot folds them;
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
    participation: input.cycles.map((cycle) => cycleParticipation(cycle.year, cycle.units, policy)),
    kpis: trends,
    adoption,
    drivers:
      input.cycles.length === 0 ? [] : drivers(kpis, latestColumns(aligned), policy, options),
    drift: drift(input, trends, years),
  };
}
