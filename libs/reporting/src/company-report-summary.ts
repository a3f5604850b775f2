import {
  formatDistance,
  formatFigure,
  formatFigureWithUnit,
  formatPercent,
  NO_VALUE,
  ReportLanguage,
} from './report-format.util';
import { REPORT_SENTENCES as T } from './report-sentences';
import { ReportKpi, isFiniteNumber } from './company-report-kpis';
import {
  CompanyReportInput,
  ReportExecutiveSummary,
  ReportMaturity,
  ReportSummaryEntry,
} from './company-report-model';

/** The keys and points of the strategy maturity score when the catalogue does not compute it. */
const MATURITY_ITEM = 'strategy_maturity';
const MATURITY_STEPS: ReadonlyArray<readonly [string, number]> = [
  ['has_service_strategy', 2],
  ['strategy_measures_derived', 1],
  ['strategy_plan_budgeted', 1],
  ['organisation_prepared', 1],
];

/**
 * The KPIs the executive summary ranks: released cells with a percentile rank, a better
 * direction and a distribution (yes/no questions have only a share).
 */
function rankedKpis(kpis: readonly ReportKpi[]): Array<ReportKpi & { rank: number }> {
  return kpis.flatMap((kpi) => {
    const rank = kpi.position?.percentileRank;
    return kpi.cell.suppressed === null &&
      kpi.item.polarity !== 'neutral' &&
      kpi.item.type !== 'boolean' &&
      isFiniteNumber(rank)
      ? [{ ...kpi, rank }]
      : [];
  });
}

function summaryEntry(
  kpi: ReportKpi & { rank: number },
  strength: boolean,
  language: ReportLanguage,
): ReportSummaryEntry {
  const { item, cell, position } = kpi;
  const quartile = position?.quartile ?? null;
  const withUnit = (v: number | null): string =>
    v === null ? NO_VALUE : formatFigureWithUnit(v, item, language);
  const value = withUnit(position?.value ?? null);
  const rank = formatPercent(kpi.rank, language);
  const median = withUnit(cell.p50);
  let text: string;
  if (strength) {
    text = T.strength(value, rank, median, quartile, language);
  } else {
    const boundary = item.polarity === 'lower_is_better' ? cell.p25 : cell.p75;
    const gap = position?.gapToTopQuartile ?? null;
    text = T.improvement(
      value,
      rank,
      median,
      boundary === null ? null : withUnit(boundary),
      gap === null || gap === 0 ? null : formatDistance(gap, item, language),
      item.polarity,
      language,
    );
  }
  return {
    kpiKey: item.key,
    label: item.label[language],
    percentileRank: kpi.rank,
    quartile,
    text,
  };
}

function maturitySummary(
  input: CompanyReportInput,
  kpis: readonly ReportKpi[],
): ReportMaturity | null {
  const { catalogue, language } = input;
  const steps = MATURITY_STEPS.filter(([key]) => catalogue.item(key) !== undefined);
  const scored = catalogue.item(MATURITY_ITEM);
  if (!scored && steps.length === 0) {
    return null;
  }
  const valueOf = (key: string): number | null => {
    const position = input.positions.find((p) => p.kpiKey === key);
    return isFiniteNumber(position?.value) ? position.value : null;
  };
  const stepValues = steps.map(([key, points]) => ({ key, points, value: valueOf(key) }));
  let score = scored ? valueOf(MATURITY_ITEM) : null;
  if (score === null && steps.length > 0 && stepValues.every((step) => step.value !== null)) {
    score = stepValues.reduce((sum, step) => sum + (step.value === 1 ? step.points : 0), 0);
  }
  const max = scored?.max ?? steps.reduce((sum, [, points]) => sum + points, 0);
  if (score === null) {
    return { score: null, max, text: T.maturityUnknown(language), detail: null };
  }
  const kpi = kpis.find((k) => k.item.key === MATURITY_ITEM);
  const released = kpi !== undefined && kpi.cell.suppressed === null;
  const rank = released ? (kpi.position?.percentileRank ?? null) : null;
  const text = T.maturity(
    score,
    max,
    released ? kpi.cell.p50 : null,
    rank === null ? null : formatPercent(rank, language),
    language,
  );
  let detail: string | null = null;
  if (stepValues.length > 0 && stepValues.every((step) => step.value !== null)) {
    const open = stepValues
      .filter((step) => step.value !== 1)
      .map((step) => catalogue.item(step.key)?.label[language] ?? step.key);
    detail = open.length > 0 ? T.maturityOpen(open, language) : T.maturityComplete(language);
  }
  return { score, max, text, detail };
}

export function executiveSummary(
  input: CompanyReportInput,
  kpis: readonly ReportKpi[],
): ReportExecutiveSummary {
  const { language } = input;
  const ranked = rankedKpis(kpis);
  const strengths = ranked
    .filter((kpi) => kpi.rank > 50)
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, 3)
    .map((kpi) => summaryEntry(kpi, true, language));
  const improvements = ranked
    .filter((kpi) => kpi.rank < 50)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, 3)
    .map((kpi) => summaryEntry(kpi, false, language));

  const quartiles = [0, 0, 0, 0];
  let rated = 0;
  for (const kpi of kpis) {
    const quartile = kpi.position?.quartile ?? null;
    if (kpi.cell.suppressed === null && quartile !== null) {
      quartiles[quartile - 1] += 1;
      rated += 1;
    }
  }
  const notReleased = kpis.filter((kpi) => kpi.cell.suppressed !== null).length;
  return {
    intro: T.intro(
      input.unit.name,
      String(input.cycle.year),
      input.peerGroup.label[language],
      formatFigure(input.peerGroup.n, language),
      language,
    ),
    overview:
      rated === 0
        ? null
        : T.quartileOverview(
            formatFigure(rated, language),
            quartiles.map((count) => formatFigure(count, language)),
            language,
          ),
    notReleased: notReleased === 0 ? null : T.notReleasedCount(notReleased, language),
    strengths,
    improvements,
    noStrengths: strengths.length === 0 ? T.noStrengths(language) : null,
    noImprovements: improvements.length === 0 ? T.noImprovements(language) : null,
    maturity: maturitySummary(input, kpis),
  };
}
