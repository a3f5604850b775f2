import {
  binScatterPoints,
  foldedCategory,
  participationFolding,
  PROFILE_DIMENSION_LABELS,
  SUPPRESSION_REASONS,
  TREND_SUPPRESSION_REASONS,
  type DisclosurePolicy,
  type MessageLanguage,
  type TrendData,
} from '@app/domain';
import { type TableValue } from './table-writer';
import { TrendWorkbookInput } from './trend-workbook';
import { TrendSheet, column, kpiText, reasonText, valueOf, withheldText } from './trend-sheet';
import { TREND_WORKBOOK_TEXTS as T } from './trend-workbook-texts';

export function driverSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  // Drivers are listed only when released (n ≥ min_n), so they need no withheld column.
  const rows = trend.drivers.map((pair, i): TableValue[] => [
    i + 1,
    pair.xKpiKey,
    kpiText(catalogue, pair.xKpiKey, language).label,
    pair.yKpiKey,
    kpiText(catalogue, pair.yKpiKey, language).label,
    pair.n,
    pair.rho,
    pair.pValue,
  ]);
  return {
    filter: true,
    columns: [
      column(T.pair[language], 6),
      column(T.xKey[language], 12),
      column(T.xLabel[language], 16),
      column(T.yKey[language], 12),
      column(T.yLabel[language], 16),
      column(T.n[language], 6),
      column(T.rho[language], 10),
      column(T.pValue[language], 10),
    ],
    rows,
  };
}

/**
 * The drivers' scatters as the report's charts draw them (`binScatterPoints`): per pair, its
 * cells with units, each with its value ranges and its count class; a cell of fewer than minN
 * units with no class, withheld by the frequency rule. Never a unit's pair, never a count.
 */
export function driverCellSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, policy, language } = input;
  const withheld = reasonText(SUPPRESSION_REASONS.minN(policy), language);
  const rows = trend.drivers.flatMap((pair, i) => {
    const bins = binScatterPoints(pair.points, policy.minN);
    return bins.cells.map(({ x, y, countClass }): TableValue[] => {
      const { min, max, suppressed } = bins.classes[countClass];
      return [
        i + 1,
        x.from,
        x.to,
        y.from,
        y.to,
        suppressed ? null : min,
        suppressed ? null : max,
        suppressed ? withheld : null,
      ];
    });
  });
  return {
    filter: true,
    columns: [
      column(T.pair[language], 6, T.pairNote[language]),
      column(T.xFrom[language], 10),
      column(T.xTo[language], 10, T.rangeNote[language]),
      column(T.yFrom[language], 10),
      column(T.yTo[language], 10, T.rangeNote[language]),
      column(T.unitsFrom[language], 10, T.unitsNote[language]),
      column(T.unitsTo[language], 10, T.unitsNote[language]),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

export function driftSheet(input: TrendWorkbookInput): TrendSheet {
  const { trend, catalogue, language } = input;
  const { kpiKeys } = trend.drift;
  const names = kpiKeys.map((key) => kpiText(catalogue, key, language).label ?? key);
  const rows = trend.drift.cycles.map(({ year, medians }): TableValue[] => [
    year,
    ...medians.map((median) => valueOf(median, (m) => m)),
    withheldText(
      medians.map((median, k) => [names[k], median] as const),
      language,
    ),
  ]);
  return {
    filter: true,
    columns: [
      column(T.year[language], 8),
      ...names.map((name) => column(`${T.medianOf[language]}: ${name}`, 12)),
      column(T.withheld[language], 16),
    ],
    rows,
  };
}

/**
 * The folding of the categories: the policy's thresholds and, per cycle, the bands counted
 * together, each named as the peer-group list names it (`2023: Size band: L, XL · Country: LU,
 * NL; 2024: none`), as the snapshots formed their groups. The companies rule only for trend data
 * that fold industries and countries; none for trend data computed before any folding.
 */
function foldingRows(
  trend: TrendData,
  policy: DisclosurePolicy,
  language: MessageLanguage,
): TableValue[][] {
  const cycles = trend.participation;
  const folds = cycles.map(participationFolding);
  if (folds.some((bands) => bands === null)) {
    return [];
  }
  const perCycle = cycles.map((cycle, c) => {
    const bands = (folds[c] ?? []).map(
      ({ dimension, values }) =>
        `${PROFILE_DIMENSION_LABELS[dimension][language]}: ${foldedCategory(values)}`,
    );
    return `${cycle.year}: ${bands.length === 0 ? T.foldedNone[language] : bands.join(' · ')}`;
  });
  const categories = cycles.every((cycle) => cycle.folded !== undefined);
  return [
    [T.foldBelowN[language], policy.foldBelowN],
    ...(categories ? [[T.foldCompanies[language], policy.minN]] : []),
    [T.folded[language], perCycle.join('; ')],
  ];
}

export function methodSheet(input: TrendWorkbookInput): TrendSheet {
  const { policy, trend, language } = input;
  // The rules the trend data applies, with the policy's numbers, as the report's appendix; the
  // pooled figures' own three after the others.
  const rules = [
    SUPPRESSION_REASONS.minN(policy),
    TREND_SUPPRESSION_REASONS.differencing(policy),
    SUPPRESSION_REASONS.pPercent(policy),
    SUPPRESSION_REASONS.dominance(policy),
  ];
  return {
    filter: false,
    columns: [column(T.entry[language], 20), column(T.value[language], 30)],
    rows: [
      [T.study[language], input.study.name],
      [T.years[language], trend.years.join(', ')],
      [T.minN[language], policy.minN],
      [T.pPercent[language], policy.pPercent],
      [T.maxWeightShare[language], policy.maxWeightSharePercent],
      [
        T.quantileMethod[language],
        policy.quantileMethod === 'local_mean' ? T.localMean[language] : T.linear[language],
      ],
      ...foldingRows(trend, policy, language),
      ...rules.map((rule): TableValue[] => [
        `${T.rule[language]} ${rule.rule}`,
        rule.reason[language],
      ]),
      [T.withheld[language], T.withheldNote[language]],
      [T.emptyPercent[language], T.emptyPercentNote[language]],
      [T.pooledTerm[language], T.pooledNote[language]],
      [T.panelTerm[language], T.panelNote[language]],
      [T.driversTerm[language], T.driversNote[language]],
    ],
  };
}
