import {
  AdoptionTrend,
  Catalogue,
  changeOf,
  COUNTRIES,
  CycleParticipation,
  DisclosurePolicy,
  INDUSTRIES,
  KpiArea,
  KpiDistribution,
  KpiItemDefinition,
  KpiTrend,
  LocalizedText,
  PooledChange,
  PROFILE_DIMENSION_LABELS,
  ReleasedFigure,
  SIZE_BANDS,
  StatisticChange,
  Suppression,
  SUPPRESSION_REASONS,
  suppressedFigure,
  TrendData,
  TrendFigure,
} from '@app/domain';
import { LEGEND_SWATCHES } from './chart-legend';
import { ReportFigure, ReportTrendTile } from './company-report-model';
import {
  formatDate,
  formatFigure,
  formatFigureWithUnit,
  NO_VALUE,
  ReportLanguage,
  unitLabel,
} from './report-format.util';
import {
  DriftClause,
  MovementText,
  PooledShareText,
  REPORT_SENTENCES,
  TREND_REPORT_SENTENCES as T,
} from './report-sentences';
import {
  COUNTRY_LABELS,
  INDUSTRY_LABELS,
  KPI_AREA_LABELS,
  POLARITY_LABELS,
  POOLED_WEIGHT_NOUNS,
  sizeBandLabel,
  SUPPRESSION_RULE_LABELS,
  TREND_REPORT_WORDS,
  TrendReportWords,
} from './report-texts';
import { scatterChart } from './scatter-chart';
import { SvgMarkup } from './svg-markup';
import { trendLineChart } from './trend-line-chart';

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

/** The summary names at most this many KPIs and this many practices. */
const MAX_MOVEMENTS = 5;
const MAX_ADOPTION_MOVEMENTS = 3;
/** A drift below this share of the KPI's scale (or of its earlier value) reads "almost steady". */
const STEADY_SHARE = 0.02;
const MINUS = '\u2212';
const NBSP = '\u00a0';
const EMPTY: ReportFigure = { text: '', mark: null };

/**
 * The withheld figures of the report, by rule and reason. Each reason gets a footnote mark, 1, 2,
 * ... in document order; the appendix lists what each one withholds. It is also the one place
 * that decides whether a figure may be shown at all: released by the trend data *and* resting on
 * at least the policy's `minN` units, so that trend data computed under a laxer policy than the
 * report's cannot slip a small figure through.
 */
class WithheldFigures {
  private readonly groups = new Map<
    string,
    { mark: string; suppression: Suppression; subjects: Map<string, string[]> }
  >();

  constructor(
    private readonly policy: DisclosurePolicy,
    private readonly language: ReportLanguage,
  ) {}

  /** The figure as the report may show it: withheld by `min_n` if it rests on too few units. */
  check<T>(figure: TrendFigure<T>): TrendFigure<T> {
    return figure.released && !(figure.n >= this.policy.minN)
      ? suppressedFigure(SUPPRESSION_REASONS.minN(this.policy))
      : figure;
  }

  /** The released figure, or null: for sentences and charts, which show nothing withheld. */
  released<T>(figure: TrendFigure<T>): ReleasedFigure<T> | null {
    const checked = this.check(figure);
    return checked.released ? checked : null;
  }

  /** Records a withheld figure and returns the mark of its reason. */
  mark(suppression: Suppression, subject: string, what: string): string {
    const key = `${suppression.rule}\n${suppression.reason[this.language]}`;
    let group = this.groups.get(key);
    if (group === undefined) {
      group = { mark: String(this.groups.size + 1), suppression, subjects: new Map() };
      this.groups.set(key, group);
    }
    const whats = group.subjects.get(subject) ?? [];
    if (!whats.includes(what)) {
      whats.push(what);
    }
    group.subjects.set(subject, whats);
    return group.mark;
  }

  /** A section's collector of the marks it prints. */
  section(): SectionFigures {
    return new SectionFigures(this);
  }

  note(mark: string): ReportNote {
    const group = [...this.groups.values()].find((g) => g.mark === mark);
    if (group === undefined) {
      throw new Error(`no withheld figure has the mark ${mark}`);
    }
    return { mark, text: this.notText(group.suppression) };
  }

  appendix(): TrendWithheldGroup[] {
    return [...this.groups.values()].map((group) => ({
      mark: group.mark,
      rule: capitalized(SUPPRESSION_RULE_LABELS[group.suppression.rule][this.language]),
      reason: group.suppression.reason[this.language],
      entries: [...group.subjects].map(([subject, whats]) => ({ subject, what: whats.join('; ') })),
    }));
  }

  private notText(suppression: Suppression): string {
    return REPORT_SENTENCES.notReleased(
      SUPPRESSION_RULE_LABELS[suppression.rule][this.language],
      suppression.reason[this.language],
      this.language,
    );
  }
}

/** The table cells of one section: a figure's text, or the dash with its mark when withheld. */
class SectionFigures {
  private readonly marks = new Set<string>();

  constructor(private readonly withheld: WithheldFigures) {}

  /**
   * A cell of the figure: `format` of the released figure, or `–` with the mark of the reason,
   * the figure recorded under `subject` and `what` for the appendix.
   */
  cell<T>(
    figure: TrendFigure<T>,
    subject: string,
    what: string,
    format: (released: ReleasedFigure<T>) => string,
  ): ReportFigure {
    const checked = this.withheld.check(figure);
    if (checked.released) {
      return { text: format(checked), mark: null };
    }
    const mark = this.withheld.mark(checked.suppression, subject, what);
    this.marks.add(mark);
    return { text: NO_VALUE, mark };
  }

  /** The notes of the marks this section printed, in mark order. */
  notes(): ReportNote[] {
    return [...this.marks]
      .sort((a, b) => Number(a) - Number(b))
      .map((mark) => this.withheld.note(mark));
  }
}

/**
 * A rule's name as a table cell starts it: `Minimum group size`. A name that opens with a symbol
 * (`p% rule`, `p-%-Regel`) keeps its small letter, which is part of the symbol.
 */
function capitalized(text: string): string {
  return /^\p{L}\p{L}/u.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** The sign a change is written with: `+`, the minus sign, or `±` for none. */
function sign(value: number): string {
  return value > 0 ? '+' : value < 0 ? MINUS : '±';
}

/** A change in the KPI's unit: `+6`, `−0,15`. */
function signedFigure(value: number, language: ReportLanguage): string {
  return `${sign(value)}${formatFigure(Math.abs(value), language)}`;
}

/**
 * A relative change: whole percent from 10 % on, one decimal below it (`+29 %`, `−4,5 %`), so that
 * a small change does not print as 0.
 */
function signedPercent(percent: number, language: ReportLanguage): string {
  const magnitude = Math.abs(percent);
  const rounded = magnitude >= 10 ? Math.round(magnitude) : Math.round(magnitude * 10) / 10;
  return `${sign(rounded === 0 ? 0 : percent)}${formatFigure(rounded, language)}${NBSP}%`;
}

/** A change in percentage points with one decimal: `+2,4`. */
function signedPoints(points: number, language: ReportLanguage): string {
  const rounded = Math.round(Math.abs(points) * 10) / 10;
  return `${sign(rounded === 0 ? 0 : points)}${formatFigure(rounded, language)}`;
}

/** A share of yes with one decimal: `12,5 %`. */
function shareText(share: number, language: ReportLanguage): string {
  return `${formatFigure(Math.round(share * 10) / 10, language)}${NBSP}%`;
}

const ONE_DECIMAL: Record<ReportLanguage, Intl.NumberFormat> = {
  de: new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
};

/**
 * A pooled share with exactly one decimal (`8,0`): a ratio of sums is never a round number, and
 * `8` would read as if it were.
 */
function oneDecimal(value: number, language: ReportLanguage): string {
  const rounded = Math.round(value * 10) / 10;
  return ONE_DECIMAL[language].format(rounded === 0 ? 0 : rounded);
}

/** Units whose words count things, so that "of all <unit>" names what a weight adds up. */
const COUNTED_UNITS = new Set(['contacts', 'customers', 'persons', 'agents', 'complaints']);

/**
 * The years a trend report covers: `2023–2025` (the dash is the en dash unless given), one year
 * alone, or nothing for no cycles.
 */
export function trendReportYears(years: readonly number[], dash = '–'): string {
  if (years.length === 0) {
    return '';
  }
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? String(first) : `${first}${dash}${last}`;
}

/**
 * A change as the summary words it: percentage points for a KPI in %, otherwise relative
 * (`+29 %`), or in the KPI's unit where the base is 0.
 */
function changeText(
  change: StatisticChange,
  item: Pick<KpiItemDefinition, 'unit' | 'min'>,
  language: ReportLanguage,
): string {
  if (item.unit === '%') {
    const rounded = Math.round(Math.abs(change.absolute) * 10) / 10;
    return T.points(signedPoints(change.absolute, language), rounded, language);
  }
  // On a scale that reaches below 0 (NPS, eNPS: −100 to 100) a change in per cent of the
  // earlier value means nothing: an eNPS from 7 to 13 is not "+86 %", it is +6.
  const crossesZero = item.min !== undefined && item.min < 0;
  if (change.percent !== null && !crossesZero) {
    return signedPercent(change.percent, language);
  }
  const magnitude = formatFigureWithUnit(Math.abs(change.absolute), item, language);
  return `${sign(change.absolute)}${magnitude}`;
}

function direction(change: number): 'up' | 'down' | 'same' {
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/** Everything the builders share. */
interface Context {
  input: TrendReportInput;
  language: ReportLanguage;
  words: TrendReportWords;
  withheld: WithheldFigures;
  item: (key: string) => KpiItemDefinition | undefined;
  label: (key: string) => string;
  fig: (value: number) => string;
}

/** The weight's item of a KPI with a pooled figure, or undefined if the catalogue names none. */
function weightItem(ctx: Context, kpiKey: string): KpiItemDefinition | undefined {
  const key = ctx.item(kpiKey)?.weightKey;
  return key === undefined ? undefined : ctx.item(key);
}

/**
 * The plural a KPI's weight counts, after "aller" / "of all" (`Kontakte`, `contacts`), or null
 * if there is none to name (a weight in FTE or euros): then no pooled share is worded.
 */
function weightNoun(ctx: Context, kpiKey: string): string | null {
  const key = ctx.item(kpiKey)?.weightKey;
  if (key === undefined) {
    return null;
  }
  const known = POOLED_WEIGHT_NOUNS[key];
  if (known !== undefined) {
    return known[ctx.language];
  }
  const weight = ctx.item(key);
  return weight?.unit !== null && weight?.unit !== undefined && COUNTED_UNITS.has(weight.unit)
    ? unitLabel(weight, ctx.language)
    : null;
}

/** A label in mid-sentence: `total contacts`; German nouns and acronyms keep their capitals. */
function midSentence(label: string, language: ReportLanguage): string {
  return language === 'en' && /^\p{Lu}\p{Ll}/u.test(label)
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

function participationSection(ctx: Context): TrendParticipationSection {
  const { language, words } = ctx;
  const cycles = ctx.input.trend.participation;
  const section = ctx.withheld.section();
  const totals = cycles.map((cycle) =>
    section.cell(cycle.units, words.participationTotalTitle, String(cycle.year), (f) =>
      ctx.fig(f.value),
    ),
  );
  /**
   * A dimension's table: a row per category some cycle lists, a cell per cycle. A category a
   * cycle does not list has no unit there (0), unless the cycle counts its units in a folded
   * category (`L, XL`), or, for a folded row, in its bands one by one: then the cell names those.
   */
  const breakdown = (
    title: LocalizedText,
    order: readonly string[],
    labelOf: (category: string) => string,
    cellsOf: (
      cycle: CycleParticipation,
    ) => ReadonlyArray<{ category: string; units: TrendFigure<number> }>,
  ): TrendParticipationTable => {
    const present = new Set(cycles.flatMap((cycle) => cellsOf(cycle).map((cell) => cell.category)));
    const rank = (category: string): number => {
      // A folded band "L, XL" goes beside its first band, after it.
      const [first, ...rest] = category.split(', ');
      const at = order.indexOf(first);
      return (at < 0 ? order.length : at) + rest.length / (order.length + 1);
    };
    // Categories in the profile's order; any the lists do not know after them, in code order.
    const categories = [...present].sort(
      (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0),
    );
    const dimension = title[language];
    const overlapping = (cycle: CycleParticipation, category: string): string[] => {
      const values = new Set(category.split(', '));
      return cellsOf(cycle)
        .map((cell) => cell.category)
        .filter((listed) => listed.split(', ').some((value) => values.has(value)));
    };
    const quoted = (category: string): string =>
      language === 'de' ? `„${category}“` : `“${category}”`;
    return {
      title: dimension,
      rows: categories.map((category) => {
        const label = labelOf(category);
        return {
          label,
          cells: cycles.map((cycle) => {
            const cell = cellsOf(cycle).find((c) => c.category === category);
            if (cell !== undefined) {
              return section.cell(cell.units, `${dimension}: ${label}`, String(cycle.year), (f) =>
                ctx.fig(f.value),
              );
            }
            const elsewhere = overlapping(cycle, category);
            // The trend data lists only categories with a unit: one it leaves out has none.
            return elsewhere.length === 0
              ? { text: ctx.fig(0), mark: null }
              : {
                  text: `${words.participationSee} ${elsewhere
                    .map(quoted)
                    .join(language === 'de' ? ' und ' : ' and ')}`,
                  mark: null,
                };
          }),
        };
      }),
    };
  };
  const labelIn =
    (labels: Readonly<Record<string, LocalizedText>>) =>
    (category: string): string =>
      Object.prototype.hasOwnProperty.call(labels, category)
        ? labels[category][language]
        : category;
  const breakdowns = [
    breakdown(
      PROFILE_DIMENSION_LABELS.industry,
      INDUSTRIES,
      labelIn(INDUSTRY_LABELS),
      (c) => c.byIndustry,
    ),
    breakdown(
      PROFILE_DIMENSION_LABELS.sizeBand,
      SIZE_BANDS,
      (category) => sizeBandLabel(category, language),
      (c) => c.bySizeBand,
    ),
    breakdown(
      PROFILE_DIMENSION_LABELS.country,
      COUNTRIES,
      labelIn(COUNTRY_LABELS),
      (c) => c.byCountry,
    ),
  ];
  return {
    years: cycles.map((cycle) => String(cycle.year)),
    totals,
    breakdowns,
    notes: section.notes(),
  };
}

function kpiBlock(ctx: Context, trend: KpiTrend, section: SectionFigures): TrendKpiBlock {
  const { language, words } = ctx;
  const item = ctx.item(trend.kpiKey);
  const label = ctx.label(trend.kpiKey);
  const percent = (value: number | null): string =>
    value === null ? NO_VALUE : signedPercent(value, language);
  const rows = trend.cycles.map((cycle, c): TrendKpiRow => {
    const year = String(cycle.year);
    const what = T.whatCycle(year, language);
    const cell = (format: (f: ReleasedFigure<KpiDistribution>) => string): ReportFigure =>
      section.cell(cycle.distribution, label, what, format);
    const row: TrendKpiRow = {
      year,
      n: cell((f) => ctx.fig(f.n)),
      p25: cell((f) => ctx.fig(f.value.p25)),
      median: cell((f) => ctx.fig(f.value.median)),
      p75: cell((f) => ctx.fig(f.value.p75)),
      mean: cell((f) => ctx.fig(f.value.mean)),
      change: EMPTY,
      changePercent: EMPTY,
      panelN: EMPTY,
      panelChange: EMPTY,
      panelChangePercent: EMPTY,
    };
    const change = c === 0 ? undefined : trend.changes[c - 1];
    if (change !== undefined) {
      const from = String(change.fromYear);
      const allWhat = T.whatChange(from, year, 'all', language);
      const panelWhat = T.whatChange(from, year, 'panel', language);
      row.change = section.cell(change.all, label, allWhat, (f) =>
        signedFigure(f.value.median.absolute, language),
      );
      row.changePercent = section.cell(change.all, label, allWhat, (f) =>
        percent(f.value.median.percent),
      );
      row.panelN = section.cell(change.panel, label, panelWhat, (f) => ctx.fig(f.n));
      row.panelChange = section.cell(change.panel, label, panelWhat, (f) =>
        signedFigure(f.value.change.median.absolute, language),
      );
      row.panelChangePercent = section.cell(change.panel, label, panelWhat, (f) =>
        percent(f.value.change.median.percent),
      );
    }
    return row;
  });
  const medians = trend.cycles.map((cycle) => ({
    year: cycle.year,
    unit: null,
    median: ctx.withheld.released(cycle.distribution)?.value.median ?? null,
  }));
  const chart =
    medians.filter((point) => point.median !== null).length < 2
      ? null
      : trendLineChart({
          points: medians,
          formatValue: ctx.fig,
          title: `${label}: ${words.legendMedianLine}`,
        });
  const meta = item
    ? [unitLabel(item, language), POLARITY_LABELS[item.polarity][language]]
        .filter((part) => part !== null)
        .join(' · ')
    : '';
  return {
    kpiKey: trend.kpiKey,
    label,
    meta,
    rows,
    pooled: pooledTable(ctx, trend, section),
    chart,
  };
}

/**
 * A KPI's pooled figure per cycle with its n and its change, each withheld for its own reason
 * (min_n of the units with a weight, p %, dominance) as `–` with the mark; null for a KPI
 * without a weight.
 */
function pooledTable(
  ctx: Context,
  trend: KpiTrend,
  section: SectionFigures,
): TrendPooledTable | null {
  if (trend.cycles.every((cycle) => cycle.pooled === undefined)) {
    return null;
  }
  const { language, words } = ctx;
  const item = ctx.item(trend.kpiKey);
  const percent = item?.unit === '%';
  const label = ctx.label(trend.kpiKey);
  const value = (v: number): string => (percent ? oneDecimal(v, language) : ctx.fig(v));
  const change = (c: PooledChange): string =>
    percent ? signedPoints(c.points, language) : signedFigure(c.points, language);
  const unit = item ? unitLabel(item, language) : null;
  const weight = weightItem(ctx, trend.kpiKey);
  const rows = trend.cycles.map((cycle, c): TrendPooledRow => {
    const year = String(cycle.year);
    const row: TrendPooledRow = { year, n: EMPTY, value: EMPTY, change: EMPTY };
    if (cycle.pooled !== undefined) {
      const what = T.whatPooled(year, language);
      row.n = section.cell(cycle.pooled, label, what, (f) => ctx.fig(f.n));
      row.value = section.cell(cycle.pooled, label, what, (f) => value(f.value));
    }
    const pooledChange = c === 0 ? undefined : trend.changes[c - 1]?.pooledChange;
    if (pooledChange !== undefined) {
      const from = String(trend.changes[c - 1].fromYear);
      const what = T.whatChange(from, year, 'pooled', language);
      row.change = section.cell(pooledChange, label, what, (f) => change(f.value));
    }
    return row;
  });
  return {
    title: T.pooledTitle(
      weight === undefined ? null : midSentence(weight.label[language], language),
      language,
    ),
    changeColumn: percent
      ? words.columnPoints
      : unit === null
        ? words.columnPooledChange
        : `${words.columnPooledChange} ${unit}`,
    rows,
  };
}

function adoptionBlock(
  ctx: Context,
  trend: AdoptionTrend,
  section: SectionFigures,
): TrendAdoptionBlock {
  const { language } = ctx;
  const label = ctx.label(trend.kpiKey);
  const rows = trend.cycles.map((cycle, c): TrendAdoptionRow => {
    const year = String(cycle.year);
    const what = T.whatCycle(year, language);
    const row: TrendAdoptionRow = {
      year,
      n: section.cell(cycle.share, label, what, (f) => ctx.fig(f.n)),
      share: section.cell(cycle.share, label, what, (f) => shareText(f.value, language)),
      change: EMPTY,
      panelN: EMPTY,
      panelChange: EMPTY,
    };
    const change = c === 0 ? undefined : trend.changes[c - 1];
    if (change !== undefined) {
      const from = String(change.fromYear);
      row.change = section.cell(change.all, label, T.whatChange(from, year, 'all', language), (f) =>
        signedPoints(f.value, language),
      );
      const panelWhat = T.whatChange(from, year, 'panel', language);
      row.panelN = section.cell(change.panel, label, panelWhat, (f) => ctx.fig(f.n));
      row.panelChange = section.cell(change.panel, label, panelWhat, (f) =>
        signedPoints(f.value.points, language),
      );
    }
    return row;
  });
  return { kpiKey: trend.kpiKey, label, rows };
}

/**
 * One section per area of the catalogue that holds a KPI of the trend data, KPIs in the trend
 * data's order. A KPI the catalogue does not know has no area and is left out.
 */
function areaSections(ctx: Context): TrendAreaSection[] {
  const { trend } = ctx.input;
  const inArea = (key: string, area: KpiArea): boolean => ctx.item(key)?.area === area;
  return ctx.input.catalogue.areas().flatMap((area) => {
    const kpis = trend.kpis.filter((kpi) => inArea(kpi.kpiKey, area));
    const adoption = trend.adoption.filter((kpi) => inArea(kpi.kpiKey, area));
    if (kpis.length === 0 && adoption.length === 0) {
      return [];
    }
    const section = ctx.withheld.section();
    return [
      {
        area,
        title: KPI_AREA_LABELS[area][ctx.language],
        kpis: kpis.map((kpi) => kpiBlock(ctx, kpi, section)),
        adoption: adoption.map((kpi) => adoptionBlock(ctx, kpi, section)),
        notes: section.notes(),
      },
    ];
  });
}

/** A candidate of the summary with the size it is ranked by. */
interface RankedMovement {
  magnitude: number;
  order: number;
  text: MovementText;
}

function topMovements(candidates: RankedMovement[], count: number): MovementText[] {
  return candidates
    .filter((candidate) => candidate.magnitude > 0)
    .sort((a, b) => b.magnitude - a.magnitude || a.order - b.order)
    .slice(0, count)
    .map((candidate) => candidate.text);
}

/**
 * A change of the median in interquartile ranges of the earlier cycle: comparable across KPIs
 * of any unit and scale. A per cent change is not: it explodes near a base of 0 (an eNPS from 7
 * to 13 is +86 %) and means nothing on a scale that crosses 0. Null without a spread.
 */
function changeInSpreads(absolute: number, earlier: { p25: number; p75: number }): number | null {
  const spread = earlier.p75 - earlier.p25;
  return spread > 0 ? absolute / spread : null;
}

/**
 * The KPIs whose median moved most in the latest change, measured in interquartile ranges of
 * the earlier cycle (`changeInSpreads`), in the balanced panel where it is released, otherwise
 * over all participants. Raw volumes (`benchmarked: false`) grow with the units' size and say
 * nothing on their own; the drift KPIs have a sentence of their own.
 */
function kpiMovements(ctx: Context): MovementText[] {
  const { language, withheld } = ctx;
  const drift = new Set(ctx.input.trend.drift.kpiKeys);
  const candidates = ctx.input.trend.kpis.flatMap((trend, order): RankedMovement[] => {
    const item = ctx.item(trend.kpiKey);
    const change = trend.changes.at(-1);
    if (!item || item.benchmarked === false || drift.has(trend.kpiKey) || !change) {
      return [];
    }
    const all = withheld.released(change.all);
    const panel = withheld.released(change.panel);
    const from = withheld.released(trend.cycles[trend.cycles.length - 2].distribution);
    const to = withheld.released(trend.cycles[trend.cycles.length - 1].distribution);
    const rankedBy =
      panel !== null
        ? changeInSpreads(panel.value.change.median.absolute, panel.value.from)
        : all !== null && from !== null
          ? changeInSpreads(all.value.median.absolute, from.value)
          : null;
    if (rankedBy === null) {
      return [];
    }
    const label = ctx.label(trend.kpiKey);
    const panelN = panel === null ? '' : ctx.fig(panel.n);
    let text: MovementText;
    if (all !== null && from !== null && to !== null) {
      text = {
        label,
        what: 'median',
        basis: 'all',
        direction: direction(all.value.median.absolute),
        from: ctx.fig(from.value.median),
        to: formatFigureWithUnit(to.value.median, item, language),
        change: changeText(all.value.median, item, language),
        panel:
          panel === null
            ? null
            : { n: panelN, change: changeText(panel.value.change.median, item, language) },
        panelN,
      };
    } else if (panel !== null) {
      text = {
        label,
        what: 'median',
        basis: 'panel',
        direction: direction(panel.value.change.median.absolute),
        from: ctx.fig(panel.value.from.median),
        to: formatFigureWithUnit(panel.value.to.median, item, language),
        change: changeText(panel.value.change.median, item, language),
        panel: null,
        panelN,
      };
    } else {
      return [];
    }
    return [{ magnitude: Math.abs(rankedBy), order, text }];
  });
  return topMovements(candidates, MAX_MOVEMENTS);
}

/** The practices whose share of yes moved most in the latest change, in percentage points. */
function adoptionMovements(ctx: Context): MovementText[] {
  const { language, withheld } = ctx;
  const percentItem = { unit: '%' };
  const points = (value: number): string =>
    changeText({ absolute: value, percent: null }, percentItem, language);
  const candidates = ctx.input.trend.adoption.flatMap((trend, order): RankedMovement[] => {
    const change = trend.changes.at(-1);
    if (!ctx.item(trend.kpiKey) || !change) {
      return [];
    }
    const all = withheld.released(change.all);
    const panel = withheld.released(change.panel);
    const from = withheld.released(trend.cycles[trend.cycles.length - 2].share);
    const to = withheld.released(trend.cycles[trend.cycles.length - 1].share);
    const label = ctx.label(trend.kpiKey);
    const panelN = panel === null ? '' : ctx.fig(panel.n);
    const oneDecimal = (share: number): string => ctx.fig(Math.round(share * 10) / 10);
    if (all !== null && from !== null && to !== null) {
      return [
        {
          magnitude: Math.abs(panel?.value.points ?? all.value),
          order,
          text: {
            label,
            what: 'share',
            basis: 'all',
            direction: direction(all.value),
            from: oneDecimal(from.value),
            to: shareText(to.value, language),
            change: points(all.value),
            panel: panel === null ? null : { n: panelN, change: points(panel.value.points) },
            panelN,
          },
        },
      ];
    }
    if (panel !== null) {
      return [
        {
          magnitude: Math.abs(panel.value.points),
          order,
          text: {
            label,
            what: 'share',
            basis: 'panel',
            direction: direction(panel.value.points),
            from: oneDecimal(panel.value.from),
            to: shareText(panel.value.to, language),
            change: points(panel.value.points),
            panel: null,
            panelN,
          },
        },
      ];
    }
    return [];
  });
  return topMovements(candidates, MAX_ADOPTION_MOVEMENTS);
}

/**
 * The drift KPIs' medians from the first to the last cycle in one sentence; a KPI without a
 * released median in both is left out of it (its table shows why).
 */
function driftSentence(ctx: Context): string | null {
  const { language, withheld } = ctx;
  const { drift, years } = ctx.input.trend;
  if (years.length < 2 || drift.cycles.length < 2) {
    return null;
  }
  const first = drift.cycles[0];
  const last = drift.cycles[drift.cycles.length - 1];
  const clauses = drift.kpiKeys.flatMap((key, k): DriftClause[] => {
    const item = ctx.item(key);
    const from = withheld.released(first.medians[k]);
    const to = withheld.released(last.medians[k]);
    if (!item || from === null || to === null) {
      return [];
    }
    const change = changeOf(from.value, to.value);
    const scale =
      item.min !== undefined && item.max !== undefined && item.max > item.min
        ? item.max - item.min
        : Math.abs(from.value);
    const steady = Math.abs(change.absolute) < STEADY_SHARE * scale || change.absolute === 0;
    return [
      {
        label: ctx.label(key),
        direction: steady ? 'steady' : change.absolute > 0 ? 'up' : 'down',
        from: ctx.fig(from.value),
        to: formatFigureWithUnit(to.value, item, language),
        change: changeText(change, item, language),
      },
    ];
  });
  return clauses.length === 0
    ? null
    : T.drift(clauses, String(first.year), String(last.year), language);
}

/**
 * The pooled shares of the latest cycle: every weighted KPI in % whose weight counts something
 * (contacts, employees, customers) and whose pooled figure is released there, in the order of
 * the trend data, with its change in points where that is released too.
 */
function pooledShares(ctx: Context): string[] {
  const { language, withheld } = ctx;
  return ctx.input.trend.kpis.flatMap((trend): string[] => {
    const item = ctx.item(trend.kpiKey);
    const latest = trend.cycles.at(-1);
    const noun = weightNoun(ctx, trend.kpiKey);
    if (!item || item.unit !== '%' || item.benchmarked === false || !latest || noun === null) {
      return [];
    }
    const pooled = latest.pooled === undefined ? null : withheld.released(latest.pooled);
    if (pooled === null) {
      return [];
    }
    const lastChange = trend.changes.at(-1);
    const change =
      lastChange?.pooledChange === undefined ? null : withheld.released(lastChange.pooledChange);
    const text: PooledShareText = {
      label: ctx.label(trend.kpiKey),
      share: `${oneDecimal(pooled.value, language)}${NBSP}%`,
      weightNoun: noun,
      year: String(latest.year),
      n: ctx.fig(pooled.n),
      change:
        change === null || lastChange === undefined
          ? null
          : {
              points: T.points(
                signedPoints(change.value.points, language),
                Math.round(Math.abs(change.value.points) * 10) / 10,
                language,
              ),
              fromYear: String(lastChange.fromYear),
            },
    };
    return [T.pooledShare(text, language)];
  });
}

function summary(ctx: Context): TrendSummary {
  const { input, language, withheld } = ctx;
  const { years, participation } = input.trend;
  const counts = participation.flatMap((cycle) => {
    const units = withheld.released(cycle.units);
    return units === null ? [] : [T.countOfYear(ctx.fig(units.value), String(cycle.year))];
  });
  const intro = T.intro(
    input.study.name,
    trendReportYears(years),
    years.length === 1,
    counts,
    language,
  );
  if (years.length < 2) {
    const pooled = pooledShares(ctx);
    return {
      intro,
      movementsLead: null,
      movements: [],
      noMovements: null,
      adoptionLead: null,
      adoption: [],
      drift: null,
      pooledLead: pooled.length === 0 ? null : T.pooledLead(String(years.at(-1)), language),
      pooled,
      noChange: T.noChange(language),
    };
  }
  const from = String(years[years.length - 2]);
  const to = String(years[years.length - 1]);
  const movements = kpiMovements(ctx).map((m) => T.movement(m, language));
  const adoption = adoptionMovements(ctx).map((m) => T.movement(m, language));
  const drift = driftSentence(ctx);
  // After the movements, so that footnote marks keep counting in the order of the page.
  const pooled = pooledShares(ctx);
  return {
    intro,
    movementsLead: T.movementsLead(from, to, language),
    movements,
    noMovements: movements.length === 0 ? T.noMovements(language) : null,
    adoptionLead: adoption.length === 0 ? null : T.adoptionLead(from, to, language),
    adoption,
    drift,
    pooledLead: pooled.length === 0 ? null : T.pooledLead(to, language),
    pooled,
    noChange: null,
  };
}

/** ρ with two decimals, as a correlation table writes it whatever its value. */
function formatRho(rho: number, language: ReportLanguage): string {
  const text = rho.toLocaleString(language === 'de' ? 'de-DE' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return text.replace('-', MINUS);
}

/** A p-value to three decimals, and `< 0,001` below that: no reader needs 4 × 10⁻³⁴. */
function formatPValue(p: number, language: ReportLanguage): string {
  const floor = 0.001;
  return p < floor
    ? `<${NBSP}${formatFigure(floor, language)}`
    : formatFigure(Math.round(p * 1000) / 1000, language);
}

function driversSection(ctx: Context): TrendDriversSection {
  const { input, language } = ctx;
  const axis = (key: string): string => {
    const item = ctx.item(key);
    const unit = item ? unitLabel(item, language) : null;
    return unit === null ? ctx.label(key) : `${ctx.label(key)} (${unit})`;
  };
  const rows = input.trend.drivers
    // The trend data releases no correlation of fewer than minN units; this holds it to the
    // report's policy, too.
    .filter((pair) => pair.n >= input.policy.minN && pair.points.length >= input.policy.minN)
    .map((pair): TrendDriverRow => {
      const xLabel = axis(pair.xKpiKey);
      const yLabel = axis(pair.yKpiKey);
      const rho = formatRho(pair.rho, language);
      const n = ctx.fig(pair.n);
      return {
        xLabel: ctx.label(pair.xKpiKey),
        yLabel: ctx.label(pair.yKpiKey),
        n,
        rho,
        pValue: formatPValue(pair.pValue, language),
        chart: scatterChart({
          points: pair.points,
          xLabel,
          yLabel,
          formatValue: ctx.fig,
          title: `${xLabel} / ${yLabel}: ρ = ${rho}, n = ${n}`,
          minN: input.policy.minN,
          language,
        }),
      };
    });
  const latest = input.trend.years.at(-1);
  return {
    lead: T.driversLead(latest === undefined ? '' : String(latest), language),
    rows,
    none: rows.length === 0 ? T.noDrivers(language) : null,
  };
}

function driftSection(ctx: Context): TrendDriftSection | null {
  const { language, withheld, words } = ctx;
  const { drift } = ctx.input.trend;
  if (drift.kpiKeys.length === 0) {
    return null;
  }
  const section = withheld.section();
  const labels = drift.kpiKeys.map((key) => ctx.label(key));
  const rows = drift.cycles.map((cycle) => {
    const year = String(cycle.year);
    return {
      year,
      medians: cycle.medians.map((median, k) =>
        section.cell(median, labels[k], T.whatCycle(year, language), (f) => ctx.fig(f.value)),
      ),
    };
  });
  const charts = drift.kpiKeys.flatMap((key, k): ReportTrendTile[] => {
    const points = drift.cycles.map((cycle) => ({
      year: cycle.year,
      unit: null,
      median: withheld.released(cycle.medians[k])?.value ?? null,
    }));
    if (points.filter((point) => point.median !== null).length < 2) {
      return [];
    }
    const chart = trendLineChart({
      points,
      formatValue: ctx.fig,
      title: `${labels[k]}: ${words.legendMedianLine}`,
    });
    return [{ label: labels[k], chart }];
  });
  return {
    lead: T.driftLead(language),
    columns: labels,
    rows,
    charts,
    notes: section.notes(),
  };
}

function appendix(ctx: Context): TrendAppendix {
  const { input, language, withheld } = ctx;
  const names: Record<string, string> = {
    min_n: `${capitalized(SUPPRESSION_RULE_LABELS.min_n[language])} (min_n)`,
    min_n_tails: `${capitalized(SUPPRESSION_RULE_LABELS.min_n_tails[language])} (min_n_tails)`,
    p_percent: `${capitalized(SUPPRESSION_RULE_LABELS.p_percent[language])} (p)`,
    dominance: `${capitalized(SUPPRESSION_RULE_LABELS.dominance[language])}`,
    quantile_method: language === 'de' ? 'Quantilmethode' : 'Quantile method',
    small_group: `${capitalized(SUPPRESSION_RULE_LABELS.small_group[language])} (min_n_quantiles)`,
    folding:
      language === 'de'
        ? 'Zusammenlegung von Größenklassen (fold_below_n)'
        : 'Folding of size bands (fold_below_n)',
    custom_group_limit:
      language === 'de'
        ? 'Eigene Vergleichsgruppen (max_custom_groups)'
        : 'Custom peer groups (max_custom_groups)',
  };
  const groups = withheld.appendix();
  // Each cycle's folded size bands; none known for trend data computed before folding.
  const cycles = input.trend.participation;
  const folding = cycles.every((cycle) => cycle.foldedSizeBands !== undefined)
    ? cycles.map((cycle) => ({ year: cycle.year, bands: cycle.foldedSizeBands ?? [] }))
    : null;
  const pooled = input.trend.kpis.some((trend) =>
    trend.cycles.some((cycle) => cycle.pooled !== undefined),
  );
  return {
    panel: T.methodPanel(language),
    correlation: T.methodCorrelation(language),
    percentiles: T.methodPercentiles(input.policy, language),
    pooled: pooled ? T.methodPooled(language) : null,
    rules: T.trendRules(input.policy, folding, language),
    parameters: T.parameters(input.policy, pooled, folding !== null, language).map((parameter) => ({
      ...parameter,
      name: names[parameter.name] ?? parameter.name,
    })),
    withheld: groups,
    noneWithheld: groups.length === 0 ? T.noneWithheld(language) : null,
  };
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
  const ctx: Context = {
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
