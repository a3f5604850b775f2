import { Catalogue } from '../catalogue/catalogue';
import { referencedKeys } from '../formula/formula-node';
import { parseFormula } from '../formula/formula-parser';
import { TrendKpi } from './trend-input';

/**
 * The KPIs a study's trend reports, in catalogue order: every benchmarked item but choices
 * (sizes such as headcount or contact volumes are inputs, not findings). A derived KPI names
 * the items its formula reads, so that it is never listed as a driver of its own ingredients;
 * a KPI with a volume names it for its pooled figure.
 */
export function trendKpisOf(catalogue: Catalogue): TrendKpi[] {
  return catalogue.items
    .filter((item) => item.type !== 'choice' && item.benchmarked !== false)
    .map((item) => ({
      key: item.key,
      boolean: item.type === 'boolean',
      polarity: item.polarity,
      ...(item.formula !== undefined && {
        derivedFrom: referencedKeys(parseFormula(item.formula)),
      }),
      ...(item.weightKey !== undefined && { weightKey: item.weightKey }),
    }));
}
