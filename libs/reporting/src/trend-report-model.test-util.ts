import { TrendData } from '@app/domain';
import {
  createHandMadeTrendData,
  createHandMadeTrendReportInput,
} from './trend-report-test-factories';
import { buildTrendReportModel, TrendKpiBlock, TrendReportModel } from './trend-report-model';

export const NBSP = '\u00a0';

export function modelOf(language: 'de' | 'en' = 'en', trend?: TrendData): TrendReportModel {
  return buildTrendReportModel(createHandMadeTrendReportInput({ language, trend }));
}

export function kpiBlock(model: TrendReportModel, kpiKey: string): TrendKpiBlock {
  const block = model.areas.flatMap((area) => area.kpis).find((kpi) => kpi.kpiKey === kpiKey);
  if (!block) {
    throw new Error(`no block of ${kpiKey}`);
  }
  return block;
}

/** The hand-made trend with one KPI replaced. */
export function withKpi(replace: string, kpi: TrendData['kpis'][number]): TrendData {
  const trend = createHandMadeTrendData();
  return { ...trend, kpis: trend.kpis.map((k) => (k.kpiKey === replace ? kpi : k)) };
}
