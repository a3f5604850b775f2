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
    expect(plausibilityWarnings(catalogue, VALID_TEST_ANSWERS, {}, 'en')).toEqual([]);
  });

  describe('previous_cycle_deviation', () => {
    it('warns about a value more than twice the previous cycle, naming both values', () => {
      const values = { agent_fte: 250 };
      const context = { previousValues: { agent_fte: 100 } };
      expect(plausibilityWarnings(catalogue, values, context, 'en')).toEqual([
        {
          key: 'agent_fte',
          rule: 'previous_cycle_deviation',
          message: "Agent FTE: 250 FTE is more than twice last cycle's value of 100 FTE.",
        },
      ]);
      expect(plausibilityWarnings(catalogue, values, context, 'de')).toEqual([
        {
          key: 'agent_fte',
          rule: 'previous_cycle_deviation',
          message: 'Agenten-FTE: 250 FTE ist mehr als das Doppelte des Vorjahreswerts von 100 FTE.',
        },
      ]);
    });

    it('warns about a value below half the previous cycle, with numbers in the language', () => {
      const values = { service_cost: 400_000.5 };
      const context = { previousValues: { service_cost: 1_000_000 } };
      expect(plausibilityWarnings(catalogue, values, context, 'en')[0].message).toBe(
        "Service cost: 400,000.5 EUR is less than half of last cycle's value of 1,000,000 EUR.",
      );
      expect(plausibilityWarnings(catalogue, values, context, 'de')[0].message).toBe(
        'Servicekosten: 400.000,5 EUR ist weniger als die Hälfte des Vorjahreswerts von 1.000.000 EUR.',
      );
    });

    it('accepts exactly twice and exactly half the previous value', () => {
      const context = { previousValues: { agent_fte: 100, headcount: 100 } };
      expect(
        plausibilityWarnings(catalogue, { agent_fte: 200, headcount: 50 }, context, 'en'),
      ).toEqual([]);
    });

    it('skips a previous or current value of zero', () => {
      const context = { previousValues: { leavers: 0, contacts_total: 500 } };
      expect(
        plausibilityWarnings(catalogue, { leavers: 30, contacts_total: 0 }, context, 'en'),
      ).toEqual([]);
    });

    it('compares magnitudes, so a negative score that triples is flagged', () => {
      const context = { previousValues: { agent_fte: -10 } };
      expect(
        plausibilityWarnings(catalogue, { agent_fte: -30 }, context, 'en').map((p) => p.rule),
      ).toEqual(['previous_cycle_deviation']);
    });

    it('ignores cleared answers, yes/no and choice items and derived KPIs', () => {
      const context = {
        previousValues: { agent_fte: 100, has_strategy: false, horizon: 'short_term' },
      };
      const values = { agent_fte: null, has_strategy: true, horizon: 'long_term' };
      expect(plausibilityWarnings(catalogue, values, context, 'en')).toEqual([]);
      // attrition_rate is derived: 20 % now against 5 % entered as "previous" is not compared.
      const derivedOnly = { previousValues: { attrition_rate: 5 } };
      expect(
        plausibilityWarnings(catalogue, { leavers: 20, headcount: 100 }, derivedOnly, 'en'),
      ).toEqual([]);
    });
  });

  describe('benchmark_range', () => {
    // P25 10, P75 20, IQR 10: fences at 10 - 30 = -20 (clipped to the min 0) and 20 + 30 = 50.
    const previousBenchmark = { agent_fte: { p25: 10, p75: 20 } };

    it('warns about an input above the upper fence, naming the range, in both languages', () => {
      const values = { agent_fte: 50.5 };
      expect(plausibilityWarnings(catalogue, values, { previousBenchmark }, 'en')).toEqual([
        {
          key: 'agent_fte',
          rule: 'benchmark_range',
          message:
            'Agent FTE: 50.5 FTE is outside the usual range of 0 FTE to 50 FTE in the last published benchmark.',
        },
      ]);
      expect(plausibilityWarnings(catalogue, values, { previousBenchmark }, 'de')).toEqual([
        {
          key: 'agent_fte',
          rule: 'benchmark_range',
          message:
            'Agenten-FTE: 50,5 FTE liegt außerhalb des üblichen Bereichs von 0 FTE bis 50 FTE im zuletzt veröffentlichten Benchmark.',
        },
      ]);
    });

    it('accepts a value on a fence', () => {
      expect(
        plausibilityWarnings(catalogue, { agent_fte: 50 }, { previousBenchmark }, 'en'),
      ).toEqual([]);
    });

    it('warns about a value below the lower fence', () => {
      const context = { previousBenchmark: { headcount: { p25: 100, p75: 120 } } };
      // Fences 100 - 60 = 40 and 120 + 60 = 180.
      expect(plausibilityWarnings(catalogue, { headcount: 39 }, context, 'en')[0].message).toBe(
        'Headcount: 39 persons is outside the usual range of 40 persons to 180 persons in the last published benchmark.',
      );
    });

    it('checks a derived KPI computed from the answers', () => {
      const context = { previousBenchmark: { cost_per_contact: { p25: 3, p75: 5 } } };
      // 1,200,000 EUR / 100,000 contacts = 12 EUR, above 5 + 3 * 2 = 11 EUR.
      const values = { service_cost: 1_200_000, contacts_total: 100_000 };
      expect(plausibilityWarnings(catalogue, values, context, 'de')).toEqual([
        {
          key: 'cost_per_contact',
          rule: 'benchmark_range',
          message:
            'Kosten je Kontakt: 12 EUR liegt außerhalb des üblichen Bereichs von 0 EUR bis 11 EUR im zuletzt veröffentlichten Benchmark.',
        },
      ]);
    });

    it('skips a KPI whose benchmark quartiles were suppressed', () => {
      const context = { previousBenchmark: { agent_fte: { p25: null, p75: 20 } } };
      expect(plausibilityWarnings(catalogue, { agent_fte: 5000 }, context, 'en')).toEqual([]);
    });

    it('reports both rules for one answer when both apply', () => {
      const context = { previousValues: { agent_fte: 10 }, previousBenchmark };
      expect(
        plausibilityWarnings(catalogue, { agent_fte: 100 }, context, 'en').map((p) => p.rule),
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
