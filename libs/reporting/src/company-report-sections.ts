import { BenchmarkCell, StatisticSuppression, Suppression } from '@app/domain';
import { percentileStripChart, yesShareBar } from './percentile-strip-chart';
import {
  formatFigure,
  formatFigureWithUnit,
  formatGapToTopQuartile,
  formatPercent,
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
import { TrendPoint, trendLineChart } from './trend-line-chart';
import { ReportKpi, isFiniteNumber } from './company-report-kpis';
import { Footnotes } from './company-report-footnotes';
import {
  CompanyReportInput,
  ReportAreaSection,
  ReportFigure,
  ReportKpiRow,
  ReportTrendTile,
} from './company-report-model';

function withheld(suppression: Suppression, language: ReportLanguage, tails: boolean): string {
  const rule = SUPPRESSION_RULE_LABELS[suppression.rule][language];
  const reason = suppression.reason[language];
  return tails ? T.tailsNotReleased(rule, reason, language) : T.notReleased(rule, reason, language);
}

/** Why the quartiles of a released cell are withheld (the small-group rule), if they are. */
export function percentilesWithheld(cell: BenchmarkCell): StatisticSuppression | undefined {
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

export function areaSections(
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
