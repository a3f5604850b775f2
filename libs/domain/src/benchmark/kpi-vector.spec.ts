import { DEMO_CATALOGUE } from '../catalogue/demo-catalogue';
import { loadCatalogue } from '../catalogue/catalogue';
import { benchmarkKpis, kpiVector, numericInputsOf } from './kpi-vector';

describe('kpiVector', () => {
  it('puts every KPI of a submission into its vector: answers, yes/no as 1/0, derived values', () => {
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    const kpis = benchmarkKpis(catalogue);
    // Hand-worked: 12 leavers of 80 average heads is an attrition rate of 15 %.
    const vector = kpiVector(catalogue, {
      headcount_avg: 80,
      leavers: 12,
      has_service_strategy: true,
      strategy_horizon: 'three_years',
    });
    expect(vector.length).toBe(kpis.length * 8);
    const at = (key: string) => vector.readDoubleLE(kpis.findIndex((k) => k.key === key) * 8);
    expect(at('headcount_avg')).toBe(80);
    expect(at('has_service_strategy')).toBe(1);
    expect(at('attrition_rate')).toBeCloseTo(15, 10);
    expect(at('training_days_new')).toBeNaN();
    // Choices are no KPI of a snapshot.
    expect(kpis.some((k) => k.key === 'strategy_horizon')).toBe(false);
  });

  it('takes the derived KPIs the caller computed already instead of deriving them again', () => {
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    const kpis = benchmarkKpis(catalogue);
    const answers = { headcount_avg: 80, leavers: 12 };
    // A derived value that the answers would not give (15 %) shows that it is not recomputed.
    const vector = kpiVector(catalogue, answers, {
      ...catalogue.derive(answers),
      attrition_rate: 42,
    });
    const at = (key: string) => vector.readDoubleLE(kpis.findIndex((k) => k.key === key) * 8);
    expect(at('attrition_rate')).toBe(42);
    expect(at('leavers')).toBe(12);
  });

  it('gives back the finite numeric inputs of a vector, no yes/no, derived or missing KPI', () => {
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    const vector = kpiVector(catalogue, {
      headcount_avg: 80,
      leavers: 12,
      has_service_strategy: true,
      strategy_horizon: 'three_years',
    });
    // attrition_rate (15 %) is derived, has_service_strategy a yes/no, the rest unanswered.
    expect(numericInputsOf(catalogue, vector)).toEqual({ headcount_avg: 80, leavers: 12 });
  });

  it('reads no vector of another length as one of the catalogue', () => {
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    expect(numericInputsOf(catalogue, Buffer.alloc(16))).toBeUndefined();
  });
});
