import { mapFigure } from './trend-disclosure';
import { TrendInput } from './trend-input';
import { KpiTrend, TrendDrift } from './trend-data';

const DEFAULT_DRIFT_KPI_KEYS = ['nps', 'ces'];

export function drift(
  input: TrendInput,
  trends: readonly KpiTrend[],
  years: readonly number[],
): TrendDrift {
  const byKey = new Map(trends.map((trend) => [trend.kpiKey, trend]));
  const keys = input.driftKpiKeys ?? DEFAULT_DRIFT_KPI_KEYS.filter((key) => byKey.has(key));
  const selected = keys.map((key) => {
    const trend = byKey.get(key);
    if (trend === undefined) {
      throw new RangeError(`drift KPI ${key} is not a numeric KPI of the input`);
    }
    return trend;
  });
  return {
    kpiKeys: [...keys],
    cycles: years.map((year, c) => ({
      year,
      medians: selected.map((trend) =>
        mapFigure(trend.cycles[c].distribution, (distribution) => distribution.median),
      ),
    })),
  };
}
