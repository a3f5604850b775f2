import {
  PROFILE_DIMENSION_LABELS,
  type CycleParticipation,
  type MessageLanguage,
  type TrendData,
  type TrendFigure,
} from '@app/domain';
import { type TableValue } from './table-writer';
import {
  TrendSheet,
  column,
  kpiText,
  kpiWithheldText,
  nOf,
  valueOf,
  withheldText,
} from './trend-sheet';
import { TREND_WORKBOOK_TEXTS as T } from './trend-workbook-texts';
import { TrendWorkbookInput } from './trend-workbook';

export function participationSheet(trend: TrendData, language: MessageLanguage): TrendSheet {
  const rows: TableValue[][] = [];
  const dimensions = [
    ['industry', (p: CycleParticipation) => p.byIndustry],
    ['sizeBand', (p: CycleParticipation) => p.bySizeBand],
    ['country', (p: CycleParticipation) => p.byCountry],
  ] as const;
  for (const cycle of trend.participation) {
    rows.push([
      cycle.year,
      T.total[language],
      null,
      nOf(cycle.units),
      withheldText([[null, cycle.units]], language),
    ]);
    for (const [dimension, cells] of dimensions) {
      for (const cell of cells(cycle)) {
        rows.push([
          cycle.year,
          PROFILE_DIMENSION_LABELS[dimension][language],
          cell.category,
          valueOf(cell.units, (units) => units),
          withheldText([[null, cell.units]], language),
        ]);
      }
    }
  }
  return {
    filter: true,
    columns: [
      column(T.year[language], 8),
      column(T.dimension[language], 14),
      column(T.category[language], 12, T.categoryNote[language]),
      column(T.units[language], 10),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

export function kpiSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const rows = trend.kpis.flatMap((kpi) => {
    const { label, unit } = kpiText(catalogue, kpi.kpiKey, language);
    const weightKey = catalogue.item(kpi.kpiKey)?.weightKey ?? null;
    return kpi.cycles.map(({ year, distribution, pooled }): TableValue[] => [
      kpi.kpiKey,
      label,
      unit,
      year,
      nOf(distribution),
      valueOf(distribution, (d) => d.p25),
      valueOf(distribution, (d) => d.median),
      valueOf(distribution, (d) => d.p75),
      valueOf(distribution, (d) => d.mean),
      pooled === undefined ? null : weightKey,
      nOf(pooled),
      valueOf(pooled, (p) => p),
      kpiWithheldText(distribution, pooled, language),
    ]);
  });
  return {
    filter: true,
    columns: [
      column(T.key[language], 12),
      column(T.kpi[language], 16),
      column(T.unit[language], 8),
      column(T.year[language], 8),
      column(T.n[language], 6),
      column(T.p25[language], 10),
      column(T.median[language], 10),
      column(T.p75[language], 10),
      column(T.mean[language], 10),
      column(T.pooledWeight[language], 12, T.pooledWeightNote[language]),
      column(T.pooledN[language], 8, T.pooledNNote[language]),
      column(T.pooledValue[language], 10, T.pooledValueNote[language]),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

export function changeSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const rows = trend.kpis.flatMap((kpi) => {
    const { label, unit } = kpiText(catalogue, kpi.kpiKey, language);
    return kpi.changes.map(({ fromYear, toYear, all, panel, pooledChange }): TableValue[] => [
      kpi.kpiKey,
      label,
      unit,
      fromYear,
      toYear,
      nOf(all),
      valueOf(all, (c) => c.median.absolute),
      valueOf(all, (c) => c.median.percent),
      nOf(panel),
      valueOf(panel, (p) => p.from.median),
      valueOf(panel, (p) => p.to.median),
      valueOf(panel, (p) => p.change.median.absolute),
      valueOf(panel, (p) => p.change.median.percent),
      nOf(pooledChange),
      valueOf(pooledChange, (p) => p.from),
      valueOf(pooledChange, (p) => p.to),
      valueOf(pooledChange, (p) => p.points),
      withheldText(
        [
          [T.all[language], all],
          [T.panel[language], panel],
          ...(pooledChange === undefined ? [] : [[T.pooled[language], pooledChange] as const]),
        ],
        language,
      ),
    ]);
  });
  return {
    filter: true,
    columns: [
      column(T.key[language], 12),
      column(T.kpi[language], 16),
      column(T.unit[language], 8),
      column(T.fromYear[language], 8),
      column(T.toYear[language], 8),
      column(T.allN[language], 8, T.allNNote[language]),
      column(T.allMedianChange[language], 12),
      column(T.allMedianChangePercent[language], 12),
      column(T.panelN[language], 8, T.panelNNote[language]),
      column(T.panelMedianFrom[language], 12),
      column(T.panelMedianTo[language], 12),
      column(T.panelMedianChange[language], 12),
      column(T.panelMedianChangePercent[language], 12),
      column(T.pooledChangeN[language], 8, T.pooledChangeNNote[language]),
      column(T.pooledFrom[language], 12),
      column(T.pooledTo[language], 12),
      column(T.pooledChangePoints[language], 12, T.pooledChangePointsNote[language]),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

/**
 * One row per yes/no item and cycle; from the second cycle on, the row also holds the change
 * from the cycle before, so that share and change of a year stand side by side.
 */
export function adoptionSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const rows = trend.adoption.flatMap((item) => {
    const { label } = kpiText(catalogue, item.kpiKey, language);
    return item.cycles.map(({ year, share }, c): TableValue[] => {
      const change = c === 0 ? undefined : item.changes[c - 1];
      const figures: Array<readonly [string, TrendFigure<unknown>]> = [[T.share[language], share]];
      if (change !== undefined) {
        figures.push([T.all[language], change.all], [T.panel[language], change.panel]);
      }
      return [
        item.kpiKey,
        label,
        year,
        nOf(share),
        valueOf(share, (s) => s),
        change?.fromYear ?? null,
        valueOf(change?.all, (points) => points),
        nOf(change?.panel),
        valueOf(change?.panel, (p) => p.from),
        valueOf(change?.panel, (p) => p.to),
        valueOf(change?.panel, (p) => p.points),
        withheldText(figures, language),
      ];
    });
  });
  return {
    filter: true,
    columns: [
      column(T.key[language], 12),
      column(T.item[language], 16),
      column(T.year[language], 8),
      column(T.n[language], 6),
      column(T.sharePercent[language], 10),
      column(T.comparedWith[language], 10),
      column(T.changePoints[language], 12),
      column(T.panelN[language], 8, T.panelNNote[language]),
      column(T.panelShareFrom[language], 12),
      column(T.panelShareTo[language], 12),
      column(T.panelChangePoints[language], 12),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}
