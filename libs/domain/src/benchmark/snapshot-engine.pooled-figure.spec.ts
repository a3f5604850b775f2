import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { BenchmarkCell } from './benchmark-cell';
import { createUnitProfiles } from './benchmark-test-factories';
import {
  ALL,
  cellOf,
  DIFFERENCING,
  SMALL_GROUP_STATISTICS,
  snapshot,
} from './snapshot-engine.test-util';

describe('computeSnapshot', () => {
  describe('pooled figure', () => {
    /** KPI `aht` weighted by the unbenchmarked KPI `contacts`, one unit per weight. */
    function pooledCell(
      weights: number[],
      policy: Partial<DisclosurePolicy> = {},
      values: number[] = [1, 2, 3, 4, 5, 6],
    ): BenchmarkCell {
      const state = snapshot({
        profiles: createUnitProfiles(weights.length),
        kpis: [
          { key: 'contacts', values: weights, benchmarked: false },
          { key: 'aht', values, weightKey: 'contacts' },
        ],
        peerGroups: [ALL],
        policy,
      });
      return cellOf(state, 'all', 'aht');
    }
    const pooledSuppression = (cell: BenchmarkCell) =>
      cell.suppressedStatistics.filter((s) => s.statistic === 'pooled');

    it('is Σ v·w / Σ w when one unit carries exactly 25 % of the weight', () => {
      // (1·25 + 2·25 + 3·20 + 4·15 + 5·10 + 6·5) / 100 = 275 / 100
      const cell = pooledCell([25, 25, 20, 15, 10, 5]);
      expect(cell).toMatchObject({ n: 6, mean: 3.5, pooled: 2.75 });
      // 6 contributors: the quantiles are withheld, listed before the pooled figure would be.
      expect(cell.suppressedStatistics).toEqual(SMALL_GROUP_STATISTICS);
    });

    it('is withheld by the dominance rule when one unit carries 26 %', () => {
      const cell = pooledCell([26, 25, 20, 14, 10, 5]);
      expect(cell.pooled).toBeNull();
      expect(cell.mean).toBe(3.5);
      expect(pooledSuppression(cell)).toEqual([
        {
          statistic: 'pooled',
          rule: 'dominance',
          reason: {
            de: 'eine Einheit trägt mehr als 25 % des Gewichts',
            en: 'one unit carries more than 25 % of the weight',
          },
        },
      ]);
    });

    it('passes the p% rule when the rest is exactly 10 % of the largest weight', () => {
      // W = 160; W − 100 − 50 = 10 = 10 % of 100. Dominance is switched off to isolate p%.
      const cell = pooledCell([100, 50, 4, 3, 2, 1], { maxWeightSharePercent: 100 });
      // (1·100 + 2·50 + 3·4 + 4·3 + 5·2 + 6·1) / 160 = 240 / 160
      expect(cell.pooled).toBe(1.5);
    });

    it('fails the p% rule when the rest is just below 10 % of the largest weight', () => {
      // W = 159; W − 100 − 50 = 9 < 10.
      const cell = pooledCell([100, 50, 3, 3, 2, 1], { maxWeightSharePercent: 100 });
      expect(cell.pooled).toBeNull();
      expect(pooledSuppression(cell)).toEqual([
        {
          statistic: 'pooled',
          rule: 'p_percent',
          reason: {
            de: 'das Gewicht ohne die zwei größten Beiträge liegt unter 10 % des größten',
            en: 'the weight less the two largest contributions is below 10 % of the largest',
          },
        },
      ]);
    });

    it('checks p% before dominance and lists the pooled figure once, after the quantiles', () => {
      // 100 of 159 is also far above 25 %.
      const cell = pooledCell([100, 50, 3, 3, 2, 1]);
      expect(cell.suppressedStatistics.map((s) => [s.statistic, s.rule])).toEqual([
        ['p10', 'small_group'],
        ['p25', 'small_group'],
        ['p50', 'small_group'],
        ['p75', 'small_group'],
        ['p90', 'small_group'],
        ['pooled', 'p_percent'],
      ]);
    });

    describe('p% rule on the numerator Σ v·w', () => {
      // Weights 25, 25, 10, 10, 10, 20 pass the weight rules (rest 50, largest share 25 %).
      // Values 100, 100, 5, 5, 5, v6 pass the p% rule on their own sum (rest 15 + v6 >= 10).
      const weights = [25, 25, 10, 10, 10, 20];
      const withSixth = (v6: number) => pooledCell(weights, {}, [100, 100, 5, 5, 5, v6]);

      it('passes when the terms less the two largest are exactly 10 % of the largest', () => {
        // Terms 2500, 2500, 50, 50, 50, 100: the rest 250 is 10 % of 2500. 5250 / 100.
        const cell = withSixth(5);
        expect(cell).toMatchObject({ n: 6, suppressed: null, pooled: 52.5 });
      });

      it('withholds the pooled figure just below', () => {
        // Terms 2500, 2500, 50, 50, 50, 80: the rest 230 is below 250.
        const cell = withSixth(4);
        expect(cell).toMatchObject({ n: 6, suppressed: null, pooled: null });
        expect(pooledSuppression(cell)).toEqual([
          {
            statistic: 'pooled',
            rule: 'p_percent',
            reason: {
              de: 'der Zähler (Wert × Gewicht) ohne die zwei größten Beiträge liegt unter 10 % des größten',
              en: 'the numerator (value × weight) less the two largest contributions is below 10 % of the largest',
            },
          },
        ]);
      });

      it('does not apply to a KPI with a negative value', () => {
        // (2500 + 2500 + 50 + 50 + 50 − 80) / 100
        expect(withSixth(-4).pooled).toBe(50.7);
      });
    });

    it('counts only units with a value and a positive weight, and needs min_n of them', () => {
      // The fifth unit has no weight (0), the sixth none at all, the seventh no value.
      const cell = pooledCell([25, 25, 25, 25, 0, Number.NaN, 50], {}, [
        1,
        2,
        3,
        4,
        5,
        6,
        Number.NaN,
      ]);
      expect(cell.n).toBe(6);
      expect(cell.pooled).toBeNull();
      expect(pooledSuppression(cell)).toEqual([
        {
          statistic: 'pooled',
          rule: 'min_n',
          reason: {
            de: 'weniger als 5 Vergleichseinheiten mit Gewicht',
            en: 'fewer than 5 peers with a weight',
          },
        },
      ]);
    });

    it('audits its sums: 5 units with a weight of 6 contributors give away the sum of 4', () => {
      // The sixth unit has weight 0. The weight rules pass (rest 60, shares 20 %), and so does
      // the numerator's (terms 20, 40, 60, 80, 100: rest 120). But Σ w over 5 units would let
      // each of them compute the sum of the other 4 units' weights.
      const cell = pooledCell([20, 20, 20, 20, 20, 0]);
      expect(cell).toMatchObject({ n: 6, mean: 3.5, suppressed: null, pooled: null });
      expect(pooledSuppression(cell)).toEqual([{ statistic: 'pooled', ...DIFFERENCING }]);
    });

    it('gives a yes/no KPI no pooled figure even with a weight', () => {
      const state = snapshot({
        profiles: createUnitProfiles(6),
        kpis: [
          { key: 'contacts', values: [10, 10, 10, 10, 10, 10], benchmarked: false },
          { key: 'yes', values: [1, 1, 1, 0, 0, 0], boolean: true, weightKey: 'contacts' },
        ],
        peerGroups: [ALL],
      });
      expect(cellOf(state, 'all', 'yes')).toMatchObject({ n: 6, mean: 50, pooled: null });
      expect(cellOf(state, 'all', 'yes').suppressedStatistics).toEqual([]);
    });
  });
});
