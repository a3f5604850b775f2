import {
  BENCHMARK_FENCE_IQR_FACTOR,
  benchmarkFences,
  plausibilityWarnings,
  PREVIOUS_CYCLE_DEVIATION_FACTOR,
} from './plausibility';
import { createSubmissionTestCatalogue, VALID_TEST_ANSWERS } from './submission-test-catalogue';

const catalogue = createSubmissionTestCatalogue();

describe('plausibilityWarnings', () => {
  it('uses a factor of 2 to the previous cycle and far-out fences of 3 IQR', () => {
    expect(PREVIOUS_CYCLE_DEVIATION_FACTOR).toBe(2);
    expect(BENCHMARK_FENCE_IQR_FACTOR).toBe(3);
  });

  it('returns nothing without previous values or benchmark', () => {
    expect(plausibilityWarnings(catalogue, VALID_TEST_ANSWERS, {})).toEqual([]);
  });

  describe('previous_cycle_deviation', () => {
    it('warns about a value more than twice the previous cycle, keeping both values', () => {
      const values = { agent_fte: 250 };
      const context = { previousValues: { agent_fte: 100 } };
      expect(plausibilityWarnings(catalogue, values, context)).toEqual([
        {
          key: 'agent_fte',
          rule: 'previous_cycle_deviation',
          params: { value: 250, previous: 100 },
        },
      ]);
    });

    it('warns about a value below half the previous cycle', () => {
      const values = { service_cost: 400_000.5 };
      const context = { previousValues: { service_cost: 1_000_000 } };
      expect(plausibilityWarnings(catalogue, values, context)).toEqual([
        {
          key: 'service_cost',
          rule: 'previous_cycle_deviation',
          params: { value: 400_000.5, previous: 1_000_000 },
        },
      ]);
    });

    it('accepts exactly twice and exactly half the previous value', () => {
      const context = { previousValues: { agent_fte: 100, headcount: 100 } };
      expect(plausibilityWarnings(catalogue, { agent_fte: 200, headcount: 50 }, context)).toEqual(
        [],
      );
    });

    it('skips a previous or current value of zero', () => {
      const context = { previousValues: { leavers: 0, contacts_total: 500 } };
      expect(plausibilityWarnings(catalogue, { leavers: 30, contacts_total: 0 }, context)).toEqual(
        [],
      );
    });

    it('compares magnitudes, so a negative score that triples is flagged', () => {
      const context = { previousValues: { agent_fte: -10 } };
      expect(
        plausibilityWarnings(catalogue, { agent_fte: -30 }, context).map((p) => p.rule),
      ).toEqual(['previous_cycle_deviation']);
    });

    it('ignores cleared answers, yes/no and choice items and derived KPIs', () => {
      const context = {
        previousValues: { agent_fte: 100, has_strategy: false, horizon: 'short_term' },
      };
      const values = { agent_fte: null, has_strategy: true, horizon: 'long_term' };
      expect(plausibilityWarnings(catalogue, values, context)).toEqual([]);
      // attrition_rate is derived: 20 % now against 5 % entered as "previous" is not compared.
      const derivedOnly = { previousValues: { attrition_rate: 5 } };
      expect(plausibilityWarnings(catalogue, { leavers: 20, headcount: 100 }, derivedOnly)).toEqual(
        [],
      );
    });
  });

  describe('benchmark_range', () => {
    // P25 10, P75 20, IQR 10: fences at 10 - 30 = -20 (clipped to the min 0) and 20 + 30 = 50.
    const previousBenchmark = { agent_fte: { p25: 10, p75: 20 } };

    it('warns about an input above the upper fence, keeping the value and the range', () => {
      const values = { agent_fte: 50.5 };
      expect(plausibilityWarnings(catalogue, values, { previousBenchmark })).toEqual([
        {
          key: 'agent_fte',
          rule: 'benchmark_range',
          params: { value: 50.5, lower: 0, upper: 50 },
        },
      ]);
    });

    it('accepts a value on a fence', () => {
      expect(plausibilityWarnings(catalogue, { agent_fte: 50 }, { previousBenchmark })).toEqual([]);
    });

    it('warns about a value below the lower fence', () => {
      const context = { previousBenchmark: { headcount: { p25: 100, p75: 120 } } };
      // Fences 100 - 60 = 40 and 120 + 60 = 180.
      expect(plausibilityWarnings(catalogue, { headcount: 39 }, context)[0].params).toEqual({
        value: 39,
        lower: 40,
        upper: 180,
      });
    });

    it('checks a derived KPI computed from the answers', () => {
      const context = { previousBenchmark: { cost_per_contact: { p25: 3, p75: 5 } } };
      // 1,200,000 EUR / 100,000 contacts = 12 EUR, above 5 + 3 * 2 = 11 EUR.
      const values = { service_cost: 1_200_000, contacts_total: 100_000 };
      expect(plausibilityWarnings(catalogue, values, context)).toEqual([
        {
          key: 'cost_per_contact',
          rule: 'benchmark_range',
          params: { value: 12, lower: 0, upper: 11 },
        },
      ]);
    });

    it('skips a KPI whose benchmark quartiles were suppressed', () => {
      const context = { previousBenchmark: { agent_fte: { p25: null, p75: 20 } } };
      expect(plausibilityWarnings(catalogue, { agent_fte: 5000 }, context)).toEqual([]);
    });

    it('reports both rules for one answer when both apply', () => {
      const context = { previousValues: { agent_fte: 10 }, previousBenchmark };
      expect(
        plausibilityWarnings(catalogue, { agent_fte: 100 }, context).map((p) => p.rule),
      ).toEqual(['previous_cycle_deviation', 'benchmark_range']);
    });
  });
});

describe('benchmarkFences', () => {
  it('clips the fences of a percent to 0..100', () => {
    const csat = catalogue.item('csat');
    expect(csat && benchmarkFences(csat, { p25: 70, p75: 90 })).toEqual({ lower: 10, upper: 100 });
  });
});
