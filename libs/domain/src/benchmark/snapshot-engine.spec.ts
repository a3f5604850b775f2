import { BenchmarkInput } from './benchmark-input';
import { createBenchmarkInput, createUnitProfiles } from './benchmark-test-factories';
import { computeSnapshot } from './snapshot-engine';
import {
  ALL,
  cellOf,
  MIN_N,
  QUANTILES_FROM_ONE,
  range,
  singleGroup,
  SIZE_L,
  SMALL_GROUP_STATISTICS,
  snapshot,
  TAILS,
  TELECOM,
  withheld,
} from './snapshot-engine.test-util';

describe('computeSnapshot', () => {
  describe('statistics', () => {
    it('computes n, mean and the percentiles of unsorted values', () => {
      const cell = singleGroup([4, 9, 1, 7, 10, 2, 8, 3, 6, 5], { policy: QUANTILES_FROM_ONE });
      // Sorted 1..10, h = 9p: P10 h = 0.9 -> 1.9; P25 h = 2.25 -> 3.25; P50 h = 4.5 -> 5.5;
      // P75 h = 6.75 -> 7.75; P90 h = 8.1 -> 9.1.
      expect(cell).toMatchObject({
        kpiKey: 'x',
        n: 10,
        mean: 5.5,
        p25: 3.25,
        p50: 5.5,
        p75: 7.75,
        pooled: null,
        suppressed: null,
        suppressedStatistics: [],
      });
      expect(cell.p10).toBeCloseTo(1.9, 12);
      expect(cell.p90).toBeCloseTo(9.1, 12);
    });

    it('counts only the units that supplied the KPI', () => {
      const state = snapshot({
        profiles: createUnitProfiles(8),
        kpis: [{ key: 'x', values: [2, Number.NaN, 4, 6, Number.NaN, 8, 10, 12] }],
        peerGroups: [ALL],
        policy: QUANTILES_FROM_ONE,
      });
      // The group has 8 units, the cell 6 contributors: 2, 4, 6, 8, 10, 12 (sum 42). h = 5p:
      // P25 h = 1.25 -> 4 + 0.25 * 2; P50 h = 2.5 -> 6 + 0.5 * 2; P75 h = 3.75 -> 8 + 0.75 * 2.
      expect(state.group('all')?.n).toBe(8);
      expect(cellOf(state, 'all', 'x')).toEqual({
        kpiKey: 'x',
        n: 6,
        mean: 7,
        p10: null,
        p25: 4.5,
        p50: 7,
        p75: 9.5,
        p90: null,
        pooled: null,
        suppressed: null,
        suppressedStatistics: [
          { statistic: 'p10', ...TAILS },
          { statistic: 'p90', ...TAILS },
        ],
      });
    });

    it('uses the local mean of the 3 nearest observations under quantile_method local_mean', () => {
      const state = snapshot({
        profiles: createUnitProfiles(10),
        kpis: [{ key: 'x', values: [4, 9, 1, 7, 10, 2, 8, 3, 6, 5] }],
        peerGroups: [ALL],
        policy: { ...QUANTILES_FROM_ONE, quantileMethod: 'local_mean' },
      });
      // h = 9p. P10 h = 0.9 -> 1, 2, 3; P25 h = 2.25 -> 2, 3, 4; P50 h = 4.5 -> 4, 5, 6 (tie
      // toward the lower index); P75 h = 6.75 -> 7, 8, 9; P90 h = 8.1 -> 8, 9, 10.
      expect(cellOf(state, 'all', 'x')).toMatchObject({
        n: 10,
        mean: 5.5,
        p10: 2,
        p25: 3,
        p50: 5,
        p75: 8,
        p90: 9,
      });
    });

    it('sorts several hundred values exactly (the radix path)', () => {
      // 37 and 600 are coprime: the values are (k - 300) / 4 for k = 0..599, shuffled.
      const values = range(0, 599).map((u) => (((u * 37) % 600) - 300) / 4);
      const cell = singleGroup(values);
      // h = 599p. P50 h = 299.5 between -0.25 and 0; P25 h = 149.75 -> -37.75 + 0.75 * 0.25;
      // P75 h = 449.25 -> 37.25 + 0.25 * 0.25; P10 h = 59.9 -> -60.25 + 0.9 * 0.25;
      // P90 h = 539.1 -> 59.75 + 0.1 * 0.25. Mean: (179700 - 180000) / 4 / 600.
      expect(cell).toMatchObject({
        n: 600,
        mean: -0.125,
        p25: -37.5625,
        p50: -0.125,
        p75: 37.3125,
        suppressedStatistics: [],
      });
      expect(cell.p10).toBeCloseTo(-60.025, 10);
      expect(cell.p90).toBeCloseTo(59.775, 10);
    });

    it('gives a yes/no KPI n and the share of yes in %, and no percentiles to withhold', () => {
      // 8 contributors, fewer than 20: a numeric KPI would list the small-group rule.
      const cell = singleGroup([1, 0, 0, 1, 0, 1, 0, 0], { kpi: { boolean: true } });
      expect(cell).toEqual({
        kpiKey: 'x',
        n: 8,
        mean: 37.5,
        p10: null,
        p25: null,
        p50: null,
        p75: null,
        p90: null,
        pooled: null,
        suppressed: null,
        suppressedStatistics: [],
      });
    });

    it('computes no cell for a KPI that is not benchmarked', () => {
      const state = snapshot({
        profiles: createUnitProfiles(6),
        kpis: [
          { key: 'contacts', values: [1, 2, 3, 4, 5, 6], benchmarked: false },
          { key: 'x', values: [1, 2, 3, 4, 5, 6] },
        ],
        peerGroups: [ALL],
      });
      expect(state.group('all')?.cells.map((c) => c.kpiKey)).toEqual(['x']);
    });
  });

  describe('frequency rule', () => {
    it('withholds a cell of 4 contributors entirely, n included', () => {
      expect(singleGroup([1, 2, 3, 4, Number.NaN])).toEqual(withheld('x', MIN_N));
    });

    it('applies before the p% rule and the audit', () => {
      // 1000, 0, 0, 0 would fail the p% rule, and each unit would learn the others' sum.
      expect(singleGroup([1000, 0, 0, 0]).suppressed).toEqual(MIN_N);
    });

    it('follows the policy: with min_n 3, 2 contributors are too few and 4 are released', () => {
      const cellWith = (values: number[]) => singleGroup(values, { policy: { minN: 3 } });
      expect(cellWith([1, 2]).suppressed?.rule).toBe('min_n');
      // 3 contributors: each would learn the sum of the other 2, fewer than 3.
      expect(cellWith([1, 2, 3]).suppressed?.rule).toBe('differencing');
      expect(cellWith([1, 2, 3, 4])).toMatchObject({ n: 4, mean: 2.5, suppressed: null });
    });
  });

  describe('small groups', () => {
    it('releases n and the mean only below 20 contributors, listing every quantile', () => {
      const cell = singleGroup(range(1, 19));
      expect(cell).toEqual({
        kpiKey: 'x',
        n: 19,
        mean: 10,
        p10: null,
        p25: null,
        p50: null,
        p75: null,
        p90: null,
        pooled: null,
        suppressed: null,
        suppressedStatistics: SMALL_GROUP_STATISTICS,
      });
    });

    it('releases every quantile from 20 contributors on, the tails included', () => {
      // 1..20 shuffled (7 and 20 are coprime). h = 19p: P10 h = 1.9 -> 2.9; P25 h = 4.75 ->
      // 5.75; P50 h = 9.5 -> 10.5; P75 h = 14.25 -> 15.25; P90 h = 17.1 -> 18.1.
      const cell = singleGroup(range(0, 19).map((u) => ((u * 7) % 20) + 1));
      expect(cell).toMatchObject({
        n: 20,
        mean: 10.5,
        p25: 5.75,
        p50: 10.5,
        p75: 15.25,
        suppressed: null,
        suppressedStatistics: [],
      });
      expect(cell.p10).toBeCloseTo(2.9, 12);
      expect(cell.p90).toBeCloseTo(18.1, 12);
    });

    it('withholds only the tails between minNQuantiles and a larger minNTails', () => {
      // Under the default policy (tails from 10, quantiles from 20) the tails rule cannot bite.
      const cell = singleGroup(range(1, 20), { policy: { minNTails: 25 } });
      expect(cell).toMatchObject({ n: 20, p10: null, p25: 5.75, p50: 10.5, p75: 15.25, p90: null });
      const tails = {
        rule: 'min_n_tails',
        reason: {
          de: 'weniger als 25 Vergleichseinheiten für P10 und P90',
          en: 'fewer than 25 peers for P10 and P90',
        },
      };
      expect(cell.suppressedStatistics).toEqual([
        { statistic: 'p10', ...tails },
        { statistic: 'p90', ...tails },
      ]);
    });

    it('withholds the tails of 9 contributors and releases those of 10', () => {
      // The tails rule on its own: the small-group rule is off (see QUANTILES_FROM_ONE).
      const nine = singleGroup(range(1, 9), { policy: QUANTILES_FROM_ONE });
      expect(nine).toMatchObject({ n: 9, p10: null, p50: 5, p90: null });
      expect(nine.suppressedStatistics).toEqual([
        { statistic: 'p10', ...TAILS },
        { statistic: 'p90', ...TAILS },
      ]);
      const ten = singleGroup(range(1, 10), { policy: QUANTILES_FROM_ONE });
      expect(ten.p10).toBeCloseTo(1.9, 12);
      expect(ten.p90).toBeCloseTo(9.1, 12);
      expect(ten.suppressedStatistics).toEqual([]);
    });
  });

  describe('input', () => {
    it('withholds every cell of a snapshot without units', () => {
      const state = snapshot({ profiles: [], kpis: [{ key: 'x', values: [] }], peerGroups: [ALL] });
      expect(state.group('all')?.n).toBe(0);
      expect(cellOf(state, 'all', 'x').suppressed).toEqual(MIN_N);
    });

    it('leaves out a group whose id repeats an earlier one', () => {
      const state = snapshot({
        profiles: createUnitProfiles(6),
        kpis: [{ key: 'x', values: [1, 2, 3, 4, 5, 6] }],
        peerGroups: [ALL, TELECOM, ALL],
      });
      expect(state.groups.map((g) => g.id)).toEqual(['all', 'industry:telecom']);
    });

    it('gives the members and the sorted values of a group', () => {
      const profiles = createUnitProfiles(4, (i) => (i === 1 ? { industry: 'banking' } : {}));
      const state = snapshot({
        profiles,
        kpis: [{ key: 'x', values: [3, 9, Number.NaN, -0] }],
        peerGroups: [TELECOM],
      });
      expect(Array.from(state.members('industry:telecom') ?? [])).toEqual([0, 2, 3]);
      expect(Array.from(state.sortedValues('industry:telecom', 'x') ?? [])).toEqual([0, 3]);
      expect(state.members('industry:banking')).toBeUndefined();
    });

    it.each<[string, (input: BenchmarkInput) => BenchmarkInput]>([
      [
        'a value array of the wrong length',
        (input) => ({ ...input, values: [new Float64Array(2)] }),
      ],
      [
        'an infinite value',
        (input) => ({
          ...input,
          values: [Float64Array.from([1, 2, Number.POSITIVE_INFINITY, 4, 5, 6])],
        }),
      ],
      [
        'an unknown weight key',
        (input) => ({ ...input, kpis: [{ ...input.kpis[0], weightKey: 'nope' }] }),
      ],
      [
        'a KPI weighted by itself',
        (input) => ({ ...input, kpis: [{ ...input.kpis[0], weightKey: 'x' }] }),
      ],
      ['owners of the wrong length', (input) => ({ ...input, owners: input.owners.slice(1) })],
      ['a min_n of 0', (input) => ({ ...input, policy: { ...input.policy, minN: 0 } })],
      [
        'a min_n_quantiles of 0',
        (input) => ({ ...input, policy: { ...input.policy, minNQuantiles: 0 } }),
      ],
      [
        'a filter with an unknown value',
        (input) => ({
          ...input,
          peerGroups: [{ ...input.peerGroups[0], filter: { industry: ['mining'] } }],
        }),
      ],
    ])('refuses %s', (_name, spoil) => {
      const input = createBenchmarkInput({
        profiles: createUnitProfiles(6),
        kpis: [{ key: 'x', values: [1, 2, 3, 4, 5, 6] }],
        peerGroups: [ALL],
      });
      expect(() => computeSnapshot(input)).not.toThrow();
      expect(() => computeSnapshot(spoil(input))).toThrow();
    });
  });

  describe('determinism', () => {
    it('gives deep-equal output when computed twice', () => {
      const industries = ['telecom', 'utilities', 'banking'];
      const profiles = createUnitProfiles(900, (i) => ({
        industry: industries[i % 3],
        sizeBand: ['S', 'M', 'L'][(i * 7) % 3],
        country: i % 11 === 0 ? 'AT' : 'DE',
      }));
      const input = () =>
        createBenchmarkInput({
          profiles,
          kpis: [
            {
              key: 'contacts',
              values: range(0, 899).map((u) => 100 + ((u * 13) % 50)),
              benchmarked: false,
            },
            {
              key: 'aht',
              values: range(0, 899).map((u) => (u % 17 === 0 ? Number.NaN : ((u * 31) % 97) / 7)),
              weightKey: 'contacts',
            },
            {
              key: 'fcr',
              values: range(0, 899).map((u) => (u * 7919) % 101),
              weightKey: 'contacts',
            },
            {
              key: 'strategy',
              values: range(0, 899).map((u) => (u % 3 === 0 ? 1 : 0)),
              boolean: true,
            },
          ],
          peerGroups: [
            ALL,
            TELECOM,
            { industry: ['utilities'] },
            { country: ['DE'] },
            SIZE_L,
            { industry: ['telecom'], sizeBand: ['L'] },
          ],
        });
      const first = computeSnapshot(input()).groups;
      const second = computeSnapshot(input()).groups;
      expect(second).toEqual(first);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      // "all" differs from "country:DE" by the 82 AT units: both released.
      expect(first.find((g) => g.id === 'country:DE')?.cells[0].n).toBeGreaterThan(0);
    });
  });
});
