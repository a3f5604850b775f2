import { Catalogue, DisclosurePolicy, KpiArea, TrendData } from '@app/domain';
import { LEGEND_SWATCHES } from './chart-legend';
import { ReportFigure, ReportTrendTile } from './company-report-model';
import { formatDate, formatFigure, ReportLanguage } from './report-format.util';
import { TREND_REPORT_SENTENCES as T } from './trend-report-sentences';
import { TREND_REPORT_WORDS, TrendReportWords } from './report-texts';
import { SvgMarkup } from './svg-markup';
import { TrendModelContext } from './trend-report-context';
import { WithheldFigures } from './trend-withheld-figures';
import { trendReportYears } from './trend-figure-format.util';
import { areaSections, participationSection } from './trend-area-sections';
import { summary } from './trend-summary';
import { driftSection, driversSection } from './trend-drivers-drift';
import { appendix } from './trend-method-appendix';

/** Everything the publisher's trend report of a study is rendered from. */
export interface TrendReportInput {
  language: ReportLanguage;
  study: { name: string; publisherName: string };
  /** Labels, areas, units, formulas and polarity of the KPIs the trend data holds. */
  catalogue: Catalogue;
  /** The policy the trend data was computed under; the report checks every figure against it. */
  policy: DisclosurePolicy;
  /** From `computeTrendData`. */
  trend: TrendData;
  generatedAt: Date;
}

/** A footnote: the mark beside a withheld figure and why the figure is withheld. */
export interface ReportNote {
  mark: string;
  text: string;
}

/** The count of units per cycle by the categories of one profile dimension. */
export interface TrendParticipationTable {
  title: string;
  rows: Array<{ label: string; cells: ReportFigure[] }>;
}

export interface TrendParticipationSection {
  /** The column heads: the cycles' years. */
  years: string[];
  /** The number of participating units per cycle. */
  totals: ReportFigure[];
  /** By industry, size band and country. */
  breakdowns: TrendParticipationTable[];
  notes: ReportNote[];
}

/** One cycle of a numeric KPI's table; the change columns are empty in the first cycle. */
export interface TrendKpiRow {
  year: string;
  n: ReportFigure;
  p25: ReportFigure;
  median: ReportFigure;
  p75: ReportFigure;
  mean: ReportFigure;
  /** The median's change from the previous cycle over all participants, absolute and in %. */
  change: ReportFigure;
  changePercent: ReportFigure;
  /** The balanced panel of this and the previous cycle: its n and its median's change. */
  panelN: ReportFigure;
  panelChange: ReportFigure;
  panelChangePercent: ReportFigure;
}

/** One cycle of a KPI's pooled figure; the change column is empty in the first cycle. */
export interface TrendPooledRow {
  year: string;
  n: ReportFigure;
  value: ReportFigure;
  /** The change from the previous cycle: percentage points for a KPI in %, else its unit. */
  change: ReportFigure;
}

/** A weighted KPI's pooled figures over the cycles (Σ v·w / Σ w over all participants). */
export interface TrendPooledTable {
  /** `Gepoolt (gewichtet mit: Kontakte gesamt)`. */
  title: string;
  /** The change column's head: `Δ Prozentpunkte` for a KPI in %, `Δ s` and the like otherwise. */
  changeColumn: string;
  rows: TrendPooledRow[];
}

/** A numeric KPI over the cycles: its table and the chart of its medians. */
export interface TrendKpiBlock {
  kpiKey: string;
  label: string;
  /** Unit and better direction. */
  meta: string;
  rows: TrendKpiRow[];
  /** Only for a KPI with a weight (`KpiTrend.cycles[].pooled`); null otherwise. */
  pooled: TrendPooledTable | null;
  /** Null with fewer than two released medians. */
  chart: SvgMarkup | null;
}

/** One cycle of a yes/no item: the share of yes and its change in percentage points. */
export interface TrendAdoptionRow {
  year: string;
  n: ReportFigure;
  share: ReportFigure;
  change: ReportFigure;
  panelN: ReportFigure;
  panelChange: ReportFigure;
}

export interface TrendAdoptionBlock {
  kpiKey: string;
  label: string;
  rows: TrendAdoptionRow[];
}

/** One area of the catalogue: its numeric KPIs and its yes/no items. */
export interface TrendAreaSection {
  area: KpiArea;
  title: string;
  kpis: TrendKpiBlock[];
  adoption: TrendAdoptionBlock[];
  notes: ReportNote[];
}

export interface TrendSummary {
  intro: string;
  /** Null when the report covers a single cycle (`noChange` says so). */
  movementsLead: string | null;
  movements: string[];
  noMovements: string | null;
  adoptionLead: string | null;
  adoption: string[];
  drift: string | null;
  /**
   * The pooled shares of the latest cycle, one sentence per weighted KPI in % released there
   * (`8,0 % aller Kontakte …`); the lead is null when there is none.
   */
  pooledLead: string | null;
  pooled: string[];
  noChange: string | null;
}

export interface TrendDriverRow {
  xLabel: string;
  yLabel: string;
  n: string;
  rho: string;
  pValue: string;
  chart: SvgMarkup;
}

export interface TrendDriversSection {
  lead: string;
  rows: TrendDriverRow[];
  none: string | null;
}

/** The drift KPIs' medians side by side over the cycles. */
export interface TrendDriftSection {
  lead: string;
  columns: string[];
  rows: Array<{ year: string; medians: ReportFigure[] }>;
  charts: ReportTrendTile[];
  notes: ReportNote[];
}

/** The withheld figures of one rule and reason, with the footnote mark the tables show. */
export interface TrendWithheldGroup {
  mark: string;
  rule: string;
  reason: string;
  /** Per KPI or category, what of it is withheld (`2023, alle Teilnehmer; …`). */
  entries: Array<{ subject: string; what: string }>;
}

export interface TrendAppendix {
  panel: string[];
  correlation: string[];
  percentiles: string;
  /** What a pooled figure is; null when the report shows none. */
  pooled: string[] | null;
  rules: string[];
  parameters: Array<{ name: string; value: string; use: string }>;
  withheld: TrendWithheldGroup[];
  noneWithheld: string | null;
}

/** Everything the trend report's templates show, every text final and every figure formatted. */
export interface TrendReportModel {
  language: ReportLanguage;
  words: TrendReportWords;
  title: string;
  cover: {
    studyName: string;
    publisherName: string;
    /** `2023–2025`. */
    years: string;
    date: string;
    confidentiality: string;
  };
  legend: { medianLine: SvgMarkup };
  participation: TrendParticipationSection;
  summary: TrendSummary;
  areas: TrendAreaSection[];
  drivers: TrendDriversSection;
  /** Null when the trend data has no drift KPIs. */
  drift: TrendDriftSection | null;
  appendix: TrendAppendix;
}

/**
 * The publisher's trend report as data (issue 6, part 2): every sentence written, every figure
 * formatted for the language, every chart drawn. Cover; participation per cycle with its
 * breakdowns; an executive summary of the largest movements of the latest change (the KPIs with
 * the largest relative change of the median, in the balanced panel where it is released, and the
 * practices with the largest change in points), of the drift of NPS and CES, and of the latest
 * pooled shares of the weighted KPIs in %; one section per area with a table per KPI (and one of
 * its pooled figures if it has a weight) and the yes/no items' adoption; the drivers with
 * scatter charts; the drift; the method appendix with the withheld figures by rule.
 *
 * A figure is shown only if the trend data releases it and it rests on at least the policy's
 * `minN` units; any other prints `–` with a footnote mark, and nothing of it (value or n) reaches
 * the model.
 */
export function buildTrendReportModel(input: TrendReportInput): TrendReportModel {
  const { language, catalogue } = input;
  const words = TREND_REPORT_WORDS[language];
  const ctx: TrendModelContext = {
    input,
    language,
    words,
    withheld: new WithheldFigures(input.policy, language),
    item: (key) => catalogue.item(key),
    label: (key) => catalogue.item(key)?.label[language] ?? key,
    fig: (value) => formatFigure(value, language),
  };
  const years = trendReportYears(input.trend.years);
  // Built in document order, so that footnote marks count up through the report.
  const participation = participationSection(ctx);
  const summaryModel = summary(ctx);
  const areas = areaSections(ctx);
  const drivers = driversSection(ctx);
  const drift = driftSection(ctx);
  return {
    language,
    words,
    title: `${words.documentTitle} ${years}: ${input.study.name}`,
    cover: {
      studyName: input.study.name,
      publisherName: input.study.publisherName,
      years,
      date: formatDate(input.generatedAt, language),
      confidentiality: T.confidentiality(
        input.study.publisherName,
        formatFigure(input.policy.minN, language),
        language,
      ),
    },
    legend: { medianLine: LEGEND_SWATCHES.medianLine },
    participation,
    summary: summaryModel,
    areas,
    drivers,
    drift,
    appendix: appendix(ctx),
  };
}
