import {
  BenchmarkCell,
  BenchmarkUnitProfile,
  Catalogue,
  DisclosurePolicy,
  FoldedCategory,
  KpiArea,
  LocalizedText,
  Quartile,
  UnitPosition,
} from '@app/domain';
import { LEGEND_SWATCHES } from './chart-legend';
import { formatDate, formatFigure, ReportLanguage } from './report-format.util';
import { REPORT_SENTENCES as T } from './report-sentences';
import { REPORT_WORDS, ReportWords } from './report-texts';
import { SvgMarkup } from './svg-markup';
import { reportKpis } from './company-report-kpis';
import { Footnotes } from './company-report-footnotes';
import { areaSections } from './company-report-sections';
import { executiveSummary } from './company-report-summary';
import { appendix } from './company-report-appendix';

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
