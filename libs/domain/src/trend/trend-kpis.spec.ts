import { loadCatalogue } from '../catalogue/catalogue';
import { DEMO_CATALOGUE } from '../catalogue/demo-catalogue';
import { trendKpisOf } from './trend-kpis';

describe('trendKpisOf', () => {
  const kpis = trendKpisOf(loadCatalogue(DEMO_CATALOGUE));
  const byKey = new Map(kpis.map((kpi) => [kpi.key, kpi]));

  it('leaves out choices and the sizes that are not benchmarked', () => {
    expect(byKey.has('strategy_horizon')).toBe(false);
    expect(byKey.has('headcount_avg')).toBe(false);
    expect(byKey.has('contacts_total')).toBe(false);
    expect(byKey.has('training_days_new')).toBe(true);
  });

  it('names the items a derived KPI is computed from and its volume', () => {
    expect(byKey.get('attrition_rate')).toEqual({
      key: 'attrition_rate',
      boolean: false,
      polarity: 'lower_is_better',
      derivedFrom: expect.arrayContaining(['leavers', 'headcount_avg']) as unknown,
      weightKey: 'headcount_avg',
    });
    expect(byKey.get('training_days_new')?.derivedFrom).toBeUndefined();
  });

  it('marks yes/no practices as boolean', () => {
    expect(byKey.get('works_value_creating_contacts')?.boolean).toBe(true);
    expect(byKey.get('fcr_rate')?.boolean).toBe(false);
  });
});
