import {
  BenchmarkCell,
  BenchmarkUnitProfile,
  Catalogue,
  DisclosurePolicy,
  FoldedCategory,
  KpiArea,
  KpiItemDefinition,
  LocalizedText,
  Quartile,
  StatisticSuppression,
  Suppression,
  UnitPosition,
} from '@app/domain';
import { LEGEND_SWATCHES } from './chart-legend';
import { percentileStripChart, yesShareBar } from './percentile-strip-chart';
import {
  formatDate,
  formatDistance,
  formatFigure,
  formatFigureWithUnit,
  formatGapToTopQuartile,
  formatPercent,
  formulaForReader,
  NO_VALUE,
  ReportLanguage,
  unitLabel,
} from './report-format.util';
import { REPORT_SENTENCES as T } from './report-sentences';
import {
  KPI_AREA_LABELS,
  POLARITY_LABELS,
  REPORT_WORDS,
  ReportWords,
  SUPPRESSION_RULE_LABELS,
} from './report-texts';
import { SvgMarkup } from './svg-markup';
import { TrendPoint, trendLineChart } from './trend-line-chart';

/** Everything the company benchmark report of one unit is rendered from. */
export interface CompanyReportInput {
  language: ReportLanguage;
  study: { name: string };
  cycle: { year: number };
  unit: { name: string; companyName: string; profile: BenchmarkUnitProfile };
  peerGroup: { id: string; label: LocalizedText; n: number };
  catalogue: Catalogue;
  /** The policy the snapshot was computed under (its manifest's), for the method appendix. */
  policy: DisclosurePolicy;
  /**
   * The categories folded before the snapshot's peer groups were formed (its manifest's
   * `folding`, e.g. size bands L and XL as "L, XL"), for the method appendix.
   */
  folding: FoldedCategory[];
  /** Cells of the peer group (give-to-get already applied: suppressed cells carry no values). */
  cells: BenchmarkCell[];
  /** The unit's position per KPI in the peer group (same keys as cells). */
  positions: Array<{ kpiKey: string } & UnitPosition>;
  /**
   * The unit's own value and the peer group's released median per KPI for each published
   * cycle, oldest first.
   */
  trend: Array<{
    year: number;
    values: Record<string, { unit: number | null; median: number | null }>;
  }>;
  generatedAt: Date;
}

/** A figure of a table cell: its text and, for a withheld one, the footnote mark. */
export interface ReportFigure {
  text: string;
  mark: string | null;
}

/** One KPI of an area's table with its chart. */
export interface ReportKpiRow {
  kpiKey: string;
  label: string;
  unit: string | null;
  polarity: string;
  /** `n = 38`: the units that supplied the KPI; null for a withheld cell. */
  n: string | null;
  /** Unit, better direction and n in one line under the label. */
  meta: string;
  yesNo: boolean;
  value: string;
  p25: ReportFigure;
  median: ReportFigure;
  p75: ReportFigure;
  /** Yes/no KPIs only: the share of "yes" among the peers. */
  yesShare: ReportFigure | null;
  /** Yes/no KPIs only: the share as a small bar. */
  shareBar: SvgMarkup | null;
  rank: string;
  gap: string;
  chart: SvgMarkup | null;
  /** Why there is no chart or no value, with its footnote mark. */
  note: ReportFigure | null;
}

/** A small trend chart of one KPI. */
export interface ReportTrendTile {
  label: string;
  chart: SvgMarkup;
}

/** One area of the catalogue: its table and its trends. */
export interface ReportAreaSection {
  area: KpiArea;
  title: string;
  rows: ReportKpiRow[];
  trends: ReportTrendTile[];
}

/** A strength or an improvement area of the executive summary. */
export interface ReportSummaryEntry {
  kpiKey: string;
  label: string;
  percentileRank: number;
  quartile: Quartile | null;
  text: string;
}

/** The strategy maturity score and its sentences. */
export interface ReportMaturity {
  /** 0..max; null when it cannot be computed. */
  score: number | null;
  max: number;
  text: string;
  detail: string | null;
}

export interface ReportExecutiveSummary {
  intro: string;
  overview: string | null;
  notReleased: string | null;
  strengths: ReportSummaryEntry[];
  improvements: ReportSummaryEntry[];
  noStrengths: string | null;
  noImprovements: string | null;
  maturity: ReportMaturity | null;
}

export interface ReportDefinition {
  label: string;
  /** Unit and better direction. */
  meta: string;
  help: string;
  /** `Formel: …` for a derived KPI. */
  formula: string | null;
}

export interface ReportSuppressedCell {
  kpi: string;
  what: string;
  rule: string;
  reason: string;
}

export interface ReportAppendix {
  definitions: ReportDefinition[];
  method: string[];
  rules: string[];
  suppressed: ReportSuppressedCell[];
  /** Said instead of the table when nothing is withheld. */
  noneSuppressed: string | null;
}

/** Everything the templates show, every text final and every figure formatted. */
export interface CompanyReportModel {
  language: ReportLanguage;
  words: ReportWords;
  title: string;
  cover: {
    studyName: string;
    year: string;
    unitName: string;
    companyName: string;
    peerGroupLabel: string;
    /** `(n = 27 Einheiten)`. */
    peerGroupN: string;
    date: string;
    confidentiality: string;
  };
  legend: {
    band: SvgMarkup;
    box: SvgMarkup;
    median: SvgMarkup;
    unit: SvgMarkup;
    unitLine: SvgMarkup;
    medianLine: SvgMarkup;
  };
  readingGuide: string;
  trendNote: string | null;
  summary: ReportExecutiveSummary;
  areas: ReportAreaSection[];
  appendix: ReportAppendix;
}

type PositionOf = { kpiKey: string } & UnitPosition;

/** The item, cell and position of one KPI the report shows. */
interface ReportKpi {
  item: KpiItemDefinition;
  cell: BenchmarkCell;
  position: PositionOf | null;
  /** Catalogue order, the tie-break of every ranking. */
  order: number;
}

/** The keys and points of the strategy maturity score when the catalogue does not compute it. */
const MATURITY_ITEM = 'strategy_maturity';
const MATURITY_STEPS: ReadonlyArray<readonly [string, number]> = [
  ['has_service_strategy', 2],
  ['strategy_measures_derived', 1],
  ['strategy_plan_budgeted', 1],
  ['organisation_prepared', 1],
];

/**
 * Hands out footnote marks 1, 2, ... in document order, one per distinct note, so that the same
 * reason carries the same mark throughout the report.
 */
class Footnotes {
  private readonly marks = new Map<string, string>();

  mark(text: string): string {
    let mark = this.marks.get(text);
    if (mark === undefined) {
      mark = String(this.marks.size + 1);
      this.marks.set(text, mark);
    }
    return mark;
  }
}

const isFiniteNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** The KPIs the report shows, in area and catalogue order: every item the peer group has a cell of. */
function reportKpis(input: CompanyReportInput): ReportKpi[] {
  const cells = new Map(input.cells.map((cell) => [cell.kpiKey, cell]));
  const positions = new Map(input.positions.map((position) => [position.kpiKey, position]));
  const kpis: ReportKpi[] = [];
  input.catalogue.items.forEach((item, order) => {
    const cell = cells.get(item.key);
    if (cell && item.type !== 'choice') {
      kpis.push({ item, cell, position: positions.get(item.key) ?? null, order });
    }
  });
  return kpis;
}

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

function executiveSummary(
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

function withheld(suppression: Suppression, language: ReportLanguage, tails: boolean): string {
  const rule = SUPPRESSION_RULE_LABELS[suppression.rule][language];
  const reason = suppression.reason[language];
  return tails ? T.tailsNotReleased(rule, reason, language) : T.notReleased(rule, reason, language);
}

/** Why the quartiles of a released cell are withheld (the small-group rule), if they are. */
function percentilesWithheld(cell: BenchmarkCell): StatisticSuppression | undefined {
  return cell.suppressedStatistics.find((s) => s.statistic === 'p50');
}

function withheldPercentiles(suppression: Suppression, language: ReportLanguage): string {
  return T.percentilesNotReleased(
    SUPPRESSION_RULE_LABELS[suppression.rule][language],
    suppression.reason[language],
    language,
  );
}

function kpiRow(
  kpi: ReportKpi,
  language: ReportLanguage,
  words: ReportWords,
  footnotes: Footnotes,
): ReportKpiRow {
  const { item, cell, position } = kpi;
  const yesNo = item.type === 'boolean';
  const ownValue = isFiniteNumber(position?.value) ? position.value : null;
  const plain = (v: number | null): ReportFigure => ({
    text: v === null ? NO_VALUE : formatFigure(v, language),
    mark: null,
  });
  let value: string;
  if (ownValue === null) {
    value = NO_VALUE;
  } else if (yesNo) {
    value = ownValue === 1 ? words.yes : words.no;
  } else {
    value = formatFigure(ownValue, language);
  }
  const row: ReportKpiRow = {
    kpiKey: item.key,
    label: item.label[language],
    unit: unitLabel(item, language),
    polarity: POLARITY_LABELS[item.polarity][language],
    n: null,
    meta: '',
    yesNo,
    value,
    p25: plain(null),
    median: plain(null),
    p75: plain(null),
    yesShare: null,
    shareBar: null,
    rank: NO_VALUE,
    gap: NO_VALUE,
    chart: null,
    note: null,
  };

  if (cell.suppressed !== null) {
    const mark = footnotes.mark(withheld(cell.suppressed, language, false));
    const figure: ReportFigure = { text: NO_VALUE, mark };
    row.p25 = figure;
    row.median = figure;
    row.p75 = figure;
    row.yesShare = yesNo ? figure : null;
    row.note = { text: withheld(cell.suppressed, language, false), mark };
    return withMeta(row);
  }

  row.n = cell.n === null ? null : `n\u00a0=\u00a0${formatFigure(cell.n, language)}`;
  const percentiles = yesNo ? undefined : percentilesWithheld(cell);
  if (percentiles !== undefined) {
    // A small group: n and the mean only; the percentiles show the dash with their rule.
    const text = withheldPercentiles(percentiles, language);
    const mark = footnotes.mark(text);
    const figure: ReportFigure = { text: NO_VALUE, mark };
    row.p25 = figure;
    row.median = figure;
    row.p75 = figure;
    row.note = { text, mark };
    return withMeta(row);
  }
  if (yesNo) {
    row.yesShare = plain(null);
    if (isFiniteNumber(cell.mean)) {
      const share = formatPercent(cell.mean, language);
      row.yesShare = { text: share, mark: null };
      row.shareBar = yesShareBar({
        share: cell.mean,
        shareLabel: `${share} ${words.yesShareSuffix}`,
        title: `${item.label[language]}: ${words.yesShare} ${share}`,
      });
    }
  } else {
    row.p25 = plain(cell.p25);
    row.median = plain(cell.p50);
    row.p75 = plain(cell.p75);
    const rank = position?.percentileRank ?? null;
    if (isFiniteNumber(rank)) {
      const quartile = position?.quartile ?? null;
      row.rank =
        quartile === null
          ? formatPercent(rank, language)
          : `${formatPercent(rank, language)} · Q${quartile}`;
    }
    row.gap = formatGapToTopQuartile(position?.gapToTopQuartile ?? null, item.polarity, language);
    if (cell.p25 !== null && cell.p50 !== null && cell.p75 !== null) {
      const tails = cell.suppressedStatistics.filter(
        (s) => s.statistic === 'p10' || s.statistic === 'p90',
      );
      const valueLabel = ownValue === null ? '' : formatFigureWithUnit(ownValue, item, language);
      row.chart = percentileStripChart({
        p10: tails.length > 0 ? null : cell.p10,
        p25: cell.p25,
        p50: cell.p50,
        p75: cell.p75,
        p90: tails.length > 0 ? null : cell.p90,
        value: ownValue,
        valueLabel,
        title: `${item.label[language]}: ${words.legendUnit} ${valueLabel || NO_VALUE}, ${words.legendMedian} ${formatFigureWithUnit(cell.p50, item, language)}`,
      });
      if (tails.length > 0) {
        const text = withheld(tails[0], language, true);
        row.note = { text, mark: footnotes.mark(text) };
      }
    }
  }
  if (ownValue === null && row.note === null) {
    row.note = { text: T.noOwnValue(language), mark: null };
  }
  return withMeta(row);
}

function withMeta(row: ReportKpiRow): ReportKpiRow {
  row.meta = [row.unit, row.polarity, row.n].filter((part) => part !== null).join(' · ');
  return row;
}

function trendTiles(input: CompanyReportInput, kpis: readonly ReportKpi[]): ReportTrendTile[] {
  const { language } = input;
  if (input.trend.length < 2) {
    return [];
  }
  return kpis.flatMap((kpi) => {
    if (kpi.item.type === 'boolean') {
      return [];
    }
    const points: TrendPoint[] = input.trend.map((cycle) => {
      const entry = Object.prototype.hasOwnProperty.call(cycle.values, kpi.item.key)
        ? cycle.values[kpi.item.key]
        : undefined;
      return {
        year: cycle.year,
        unit: isFiniteNumber(entry?.unit) ? entry.unit : null,
        median: isFiniteNumber(entry?.median) ? entry.median : null,
      };
    });
    const cyclesWithData = points.filter((p) => p.unit !== null || p.median !== null).length;
    if (cyclesWithData < 2) {
      return [];
    }
    const label = kpi.item.label[language];
    return [
      {
        label,
        chart: trendLineChart({
          points,
          formatValue: (v) => formatFigure(v, language),
          title: label,
        }),
      },
    ];
  });
}

function areaSections(
  input: CompanyReportInput,
  kpis: readonly ReportKpi[],
  footnotes: Footnotes,
): ReportAreaSection[] {
  const { language } = input;
  const words = REPORT_WORDS[language];
  return input.catalogue.areas().flatMap((area) => {
    const inArea = kpis.filter((kpi) => kpi.item.area === area);
    if (inArea.length === 0) {
      return [];
    }
    return [
      {
        area,
        title: KPI_AREA_LABELS[area][language],
        rows: inArea.map((kpi) => kpiRow(kpi, language, words, footnotes)),
        trends: trendTiles(input, inArea),
      },
    ];
  });
}

function appendix(input: CompanyReportInput, kpis: readonly ReportKpi[]): ReportAppendix {
  const { catalogue, language } = input;
  const words = REPORT_WORDS[language];
  const labelOf = (key: string): string | undefined => catalogue.item(key)?.label[language];
  const suppressed: ReportSuppressedCell[] = [];
  for (const { item, cell } of kpis) {
    const entry = (what: string, suppression: Suppression): ReportSuppressedCell => ({
      kpi: item.label[language],
      what,
      rule: SUPPRESSION_RULE_LABELS[suppression.rule][language],
      reason: suppression.reason[language],
    });
    const percentiles = item.type === 'boolean' ? undefined : percentilesWithheld(cell);
    if (cell.suppressed !== null) {
      suppressed.push(entry(words.suppressedWholeCell, cell.suppressed));
    } else if (percentiles !== undefined) {
      suppressed.push(entry(words.suppressedPercentiles, percentiles));
    } else {
      const tails = cell.suppressedStatistics.find(
        (s) => s.statistic === 'p10' || s.statistic === 'p90',
      );
      if (tails) {
        suppressed.push(entry(words.suppressedTails, tails));
      }
    }
  }
  return {
    definitions: kpis.map(({ item }) => ({
      label: item.label[language],
      meta: [unitLabel(item, language), POLARITY_LABELS[item.polarity][language]]
        .filter((part) => part !== null)
        .join(' · '),
      help: item.help[language],
      formula:
        item.formula === undefined
          ? null
          : `${words.formulaLabel}: ${formulaForReader(item.formula, labelOf, language)}`,
    })),
    method: T.method(input.policy, language),
    rules: T.rules(input.policy, input.folding, language),
    suppressed,
    noneSuppressed: suppressed.length === 0 ? T.noneSuppressed(language) : null,
  };
}

/**
 * The company benchmark report of one unit as data: every sentence written, every figure
 * formatted for the language, every chart drawn. The executive summary's strengths are the
 * (up to) three released, rated KPIs with the highest polarity-aware percentile rank above 50,
 * its improvement areas the three with the lowest below 50; ties go to catalogue order.
 */
export function buildCompanyReportModel(input: CompanyReportInput): CompanyReportModel {
  const { language } = input;
  const words = REPORT_WORDS[language];
  const kpis = reportKpis(input);
  const footnotes = new Footnotes();
  const areas = areaSections(input, kpis, footnotes);
  const year = String(input.cycle.year);
  return {
    language,
    words,
    title: `${words.documentTitle} ${year}: ${input.unit.name}`,
    cover: {
      studyName: input.study.name,
      year,
      unitName: input.unit.name,
      companyName: input.unit.companyName,
      peerGroupLabel: input.peerGroup.label[language],
      peerGroupN: `(n\u00a0=\u00a0${formatFigure(input.peerGroup.n, language)} ${words.unitsInGroup})`,
      date: formatDate(input.generatedAt, language),
      confidentiality: T.confidentiality(input.unit.companyName, language),
    },
    legend: LEGEND_SWATCHES,
    readingGuide: T.readingGuide(language),
    trendNote: input.trend.length < 2 ? T.noTrend(language) : null,
    summary: executiveSummary(input, kpis),
    areas,
    appendix: appendix(input, kpis),
  };
}
