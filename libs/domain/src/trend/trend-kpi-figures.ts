import { pooledSums, pooledSuppression, pooledValue } from '../benchmark/pooled-figure';
import { ValueSortWorkspace } from '../benchmark/value-sort-workspace';
import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { adoptionChangesOfColumns } from './adoption';
import { DistributionSummary, panelChangesOfColumns } from './panel-change';
import {
  discloseChange,
  discloseFigure,
  disclosePanels,
  suppressedFigure,
  TrendFigure,
} from './trend-disclosure';
import { TrendKpi } from './trend-input';
import {
  AdoptionTrend,
  KpiDistribution,
  KpiTrend,
  PanelDistributionChange,
  PanelShareChange,
  PooledChange,
} from './trend-data';

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

export function kpiTrend(
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

export function adoptionTrend(
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
