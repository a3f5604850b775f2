import {
  AdoptionTrend,
  COUNTRIES,
  CycleParticipation,
  INDUSTRIES,
  KpiArea,
  KpiDistribution,
  KpiTrend,
  LocalizedText,
  PooledChange,
  PROFILE_DIMENSION_LABELS,
  ReleasedFigure,
  SIZE_BANDS,
  TrendFigure,
} from '@app/domain';
import { ReportFigure } from './company-report-model';
import { NO_VALUE, unitLabel } from './report-format.util';
import { TREND_REPORT_SENTENCES as T } from './trend-report-sentences';
import {
  categoryLabel,
  COUNTRY_LABELS,
  INDUSTRY_LABELS,
  KPI_AREA_LABELS,
  POLARITY_LABELS,
  sizeBandLabel,
} from './report-texts';
import { trendLineChart } from './trend-line-chart';
import { TrendModelContext, weightItem } from './trend-report-context';
import {
  TrendAdoptionBlock,
  TrendAdoptionRow,
  TrendAreaSection,
  TrendKpiBlock,
  TrendKpiRow,
  TrendParticipationSection,
  TrendParticipationTable,
  TrendPooledRow,
  TrendPooledTable,
} from './trend-report-model';
import { SectionFigures } from './trend-section-figures';
import {
  EMPTY,
  midSentence,
  oneDecimal,
  shareText,
  signedFigure,
  signedPercent,
  signedPoints,
} from './trend-figure-format.util';

export function participationSection(ctx: TrendModelContext): TrendParticipationSection {
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
   * category (`L, XL`), or, for a folded row, in its values one by one: then the cell names
   * those by `nameOf` (a size band or country by its code, an industry by its name).
   */
  const breakdown = (
    title: LocalizedText,
    order: readonly string[],
    labelOf: (category: string) => string,
    nameOf: (category: string) => string,
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
      language === 'de' ? `„${nameOf(category)}“` : `“${nameOf(category)}”`;
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
  // A folded industry or country band (`public, travel`, as the peer-group list names it) is
  // labelled by its values' labels joined.
  const industryLabel = (category: string): string =>
    categoryLabel(INDUSTRY_LABELS, category, language);
  const code = (category: string): string => category;
  const breakdowns = [
    breakdown(
      PROFILE_DIMENSION_LABELS.industry,
      INDUSTRIES,
      industryLabel,
      industryLabel,
      (c) => c.byIndustry,
    ),
    breakdown(
      PROFILE_DIMENSION_LABELS.sizeBand,
      SIZE_BANDS,
      (category) => sizeBandLabel(category, language),
      code,
      (c) => c.bySizeBand,
    ),
    breakdown(
      PROFILE_DIMENSION_LABELS.country,
      COUNTRIES,
      (category) => categoryLabel(COUNTRY_LABELS, category, language),
      code,
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

function kpiBlock(ctx: TrendModelContext, trend: KpiTrend, section: SectionFigures): TrendKpiBlock {
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
  ctx: TrendModelContext,
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
  ctx: TrendModelContext,
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
export function areaSections(ctx: TrendModelContext): TrendAreaSection[] {
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
