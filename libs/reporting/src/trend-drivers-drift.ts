import { ReportTrendTile } from './company-report-model';
import { unitLabel } from './report-format.util';
import { TREND_REPORT_SENTENCES as T } from './trend-report-sentences';
import { scatterChart } from './scatter-chart';
import { trendLineChart } from './trend-line-chart';
import { TrendModelContext } from './trend-report-context';
import { TrendDriftSection, TrendDriverRow, TrendDriversSection } from './trend-report-model';
import { formatPValue, formatRho } from './trend-figure-format.util';

export function driversSection(ctx: TrendModelContext): TrendDriversSection {
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

export function driftSection(ctx: TrendModelContext): TrendDriftSection | null {
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
