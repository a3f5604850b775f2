import { BenchmarkCell } from './benchmark-cell';
import { BenchmarkInput } from './benchmark-input';
import {
  createBenchmarkInput,
  createPeerGroup,
  createUnitProfiles,
  TestKpi,
} from './benchmark-test-factories';
import { BenchmarkUnitProfile, PeerGroupFilter } from './peer-group';
import { addCustomGroup, computeSnapshot, SnapshotState } from './snapshot-engine';

const ALL: PeerGroupFilter = {};
const TELECOM: PeerGroupFilter = { industry: ['telecom'] };
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

function cellOf(state: SnapshotState, groupId: string, kpiKey: string): BenchmarkCell {
  const cell = state.group(groupId)?.cells.find((c) => c.kpiKey === kpiKey);
  if (cell === undefined) {
    throw new Error(`no cell ${groupId} x ${kpiKey}`);
  }
  return cell;
}

/** One KPI `x` over the given values, each from one telecom unit, in the group "all". */
function singleGroup(values: number[], kpi: Partial<TestKpi> = {}): BenchmarkCell {
  const state = computeSnapshot(
    createBenchmarkInput({
      profiles: createUnitProfiles(values.length),
      kpis: [{ key: 'x', values, ...kpi }],
      peerGroups: [ALL],
    }),
  );
  return cellOf(state, 'all', 'x');
}

const MIN_N = {
  rule: 'min_n',
  reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
};
const TAILS = {
  rule: 'min_n_tails',
  reason: {
    de: 'weniger als 10 Vergleichseinheiten für P10 und P90',
    en: 'fewer than 10 peers for P10 and P90',
  },
};
const differencingWith = (id: string) => ({
  rule: 'differencing',
  reason: {
    de: `würde zusammen mit der Vergleichsgruppe ${id} weniger als 5 Einheiten durch Differenzbildung offenlegen`,
    en: `would reveal fewer than 5 units by difference with peer group ${id}`,
  },
});

describe('computeSnapshot', () => {
  describe('statistics', () => {
    it('computes n, mean and the percentiles of unsorted values', () => {
      const cell = singleGroup([4, 9, 1, 7, 10, 2, 8, 3, 6, 5]);
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
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: createUnitProfiles(7),
          kpis: [{ key: 'x', values: [2, Number.NaN, 4, 6, Number.NaN, 8, 10] }],
          peerGroups: [ALL],
        }),
      );
      // The group has 7 units, the cell 5 contributors: 2, 4, 6, 8, 10.
      expect(state.group('all')?.n).toBe(7);
      expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 5, mean: 6, p25: 4, p50: 6, p75: 8 });
    });

    it('uses the local mean of the 3 nearest observations under quantile_method local_mean', () => {
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: createUnitProfiles(10),
          kpis: [{ key: 'x', values: [4, 9, 1, 7, 10, 2, 8, 3, 6, 5] }],
          peerGroups: [ALL],
          policy: { quantileMethod: 'local_mean' },
        }),
      );
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
      });
      expect(cell.p10).toBeCloseTo(-60.025, 10);
      expect(cell.p90).toBeCloseTo(59.775, 10);
    });

    it('gives a yes/no KPI n and the share of yes in %, no percentiles and no tails rule', () => {
      const cell = singleGroup([1, 0, 0, 1, 0, 1, 0, 0], { boolean: true });
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
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: createUnitProfiles(5),
          kpis: [
            { key: 'contacts', values: [1, 2, 3, 4, 5], benchmarked: false },
            { key: 'x', values: [1, 2, 3, 4, 5] },
          ],
          peerGroups: [ALL],
        }),
      );
      expect(state.group('all')?.cells.map((c) => c.kpiKey)).toEqual(['x']);
    });
  });

  describe('frequency rule', () => {
    it('withholds a cell of 4 contributors entirely, n included', () => {
      expect(singleGroup([1, 2, 3, 4, Number.NaN])).toEqual({
        kpiKey: 'x',
        n: null,
        mean: null,
        p10: null,
        p25: null,
        p50: null,
        p75: null,
        p90: null,
        pooled: null,
        suppressed: MIN_N,
        suppressedStatistics: [],
      });
    });

    it('releases a cell of 5 contributors without P10 and P90', () => {
      // h = 4p: P25 = x[1], P50 = x[2], P75 = x[3].
      expect(singleGroup([1, 2, 3, 4, 5])).toEqual({
        kpiKey: 'x',
        n: 5,
        mean: 3,
        p10: null,
        p25: 2,
        p50: 3,
        p75: 4,
        p90: null,
        pooled: null,
        suppressed: null,
        suppressedStatistics: [
          { statistic: 'p10', ...TAILS },
          { statistic: 'p90', ...TAILS },
        ],
      });
    });

    it('withholds the tails of 9 contributors and releases those of 10', () => {
      const nine = singleGroup(range(1, 9));
      expect(nine).toMatchObject({ n: 9, p10: null, p50: 5, p90: null });
      expect(nine.suppressedStatistics.map((s) => [s.statistic, s.rule])).toEqual([
        ['p10', 'min_n_tails'],
        ['p90', 'min_n_tails'],
      ]);
      const ten = singleGroup(range(1, 10));
      expect(ten.p10).toBeCloseTo(1.9, 12);
      expect(ten.p90).toBeCloseTo(9.1, 12);
      expect(ten.suppressedStatistics).toEqual([]);
    });

    it('follows the policy: min_n 3 releases 3 contributors', () => {
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: createUnitProfiles(3),
          kpis: [{ key: 'x', values: [1, 2, 3] }],
          peerGroups: [ALL],
          policy: { minN: 3 },
        }),
      );
      expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 3, mean: 2, suppressed: null });
    });
  });

  describe('pooled figure', () => {
    /** KPI `aht` weighted by the unbenchmarked KPI `contacts`, one unit per weight. */
    function pooledCell(
      weights: number[],
      policy: { maxWeightSharePercent?: number } = {},
      values: number[] = [1, 2, 3, 4, 5],
    ): BenchmarkCell {
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: createUnitProfiles(weights.length),
          kpis: [
            { key: 'contacts', values: weights, benchmarked: false },
            { key: 'aht', values, weightKey: 'contacts' },
          ],
          peerGroups: [ALL],
          policy,
        }),
      );
      return cellOf(state, 'all', 'aht');
    }
    const pooledSuppression = (cell: BenchmarkCell) =>
      cell.suppressedStatistics.filter((s) => s.statistic === 'pooled');

    it('is Σ v·w / Σ w when one unit carries exactly 25 % of the weight', () => {
      // (1·25 + 2·25 + 3·25 + 4·15 + 5·10) / 100 = 260 / 100
      const cell = pooledCell([25, 25, 25, 15, 10]);
      expect(cell.pooled).toBe(2.6);
      expect(pooledSuppression(cell)).toEqual([]);
      // The tails are still withheld for 5 contributors, before the pooled figure.
      expect(cell.suppressedStatistics.map((s) => s.statistic)).toEqual(['p10', 'p90']);
    });

    it('is withheld by the dominance rule when one unit carries 26 %', () => {
      const cell = pooledCell([26, 25, 25, 14, 10]);
      expect(cell.pooled).toBeNull();
      expect(cell.mean).toBe(3);
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
      const cell = pooledCell([100, 50, 4, 3, 3], { maxWeightSharePercent: 100 });
      // (1·100 + 2·50 + 3·4 + 4·3 + 5·3) / 160
      expect(cell.pooled).toBe(239 / 160);
    });

    it('fails the p% rule when the rest is just below 10 % of the largest weight', () => {
      // W = 159; W − 100 − 50 = 9 < 10.
      const cell = pooledCell([100, 50, 3, 3, 3], { maxWeightSharePercent: 100 });
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

    it('checks p% before dominance and lists the pooled figure once', () => {
      // 100 of 159 is also far above 25 %.
      const cell = pooledCell([100, 50, 3, 3, 3]);
      expect(pooledSuppression(cell).map((s) => s.rule)).toEqual(['p_percent']);
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

    it('gives a yes/no KPI no pooled figure even with a weight', () => {
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: createUnitProfiles(5),
          kpis: [
            { key: 'contacts', values: [10, 10, 10, 10, 10], benchmarked: false },
            { key: 'yes', values: [1, 1, 0, 0, 0], boolean: true, weightKey: 'contacts' },
          ],
          peerGroups: [ALL],
        }),
      );
      expect(cellOf(state, 'all', 'yes')).toMatchObject({ n: 5, mean: 40, pooled: null });
      expect(cellOf(state, 'all', 'yes').suppressedStatistics).toEqual([]);
    });
  });

  describe('differencing', () => {
    // Units 0..4 telecom, unit 5 banking: "all" and "telecom" differ by one unit.
    const allButOne = createUnitProfiles(6, (i) => (i === 5 ? { industry: 'banking' } : {}));
    const kpis = [{ key: 'x', values: [1, 2, 3, 4, 5, 6] }];

    it('releases only the first of "all" and "all but one unit"', () => {
      const state = computeSnapshot(
        createBenchmarkInput({ profiles: allButOne, kpis, peerGroups: [ALL, TELECOM] }),
      );
      expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 6, mean: 3.5, suppressed: null });
      expect(cellOf(state, 'industry:telecom', 'x')).toMatchObject({
        n: null,
        mean: null,
        suppressed: differencingWith('all'),
      });
    });

    it('gives priority to the order of the groups', () => {
      const state = computeSnapshot(
        createBenchmarkInput({ profiles: allButOne, kpis, peerGroups: [TELECOM, ALL] }),
      );
      expect(cellOf(state, 'industry:telecom', 'x')).toMatchObject({ n: 5, mean: 3 });
      expect(cellOf(state, 'all', 'x').suppressed).toEqual(differencingWith('industry:telecom'));
    });

    it('releases both groups when their contributors are the same units', () => {
      const state = computeSnapshot(
        createBenchmarkInput({ profiles: createUnitProfiles(6), kpis, peerGroups: [ALL, TELECOM] }),
      );
      expect(cellOf(state, 'industry:telecom', 'x')).toEqual(cellOf(state, 'all', 'x'));
      expect(cellOf(state, 'all', 'x').n).toBe(6);
    });

    it('releases both groups when they differ by exactly min_n units', () => {
      const profiles = createUnitProfiles(15, (i) => (i >= 10 ? { industry: 'banking' } : {}));
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles,
          kpis: [{ key: 'x', values: range(1, 15) }],
          peerGroups: [ALL, TELECOM],
        }),
      );
      expect(cellOf(state, 'all', 'x').n).toBe(15);
      expect(cellOf(state, 'industry:telecom', 'x').n).toBe(10);
    });

    it('never lets disjoint groups conflict', () => {
      const profiles = createUnitProfiles(10, (i) => ({ sizeBand: i < 5 ? 'L' : 'M' }));
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles,
          kpis: [{ key: 'x', values: range(1, 10) }],
          peerGroups: [{ sizeBand: ['L'] }, { sizeBand: ['M'] }],
        }),
      );
      expect(cellOf(state, 'sizeBand:L', 'x')).toMatchObject({ n: 5, mean: 3 });
      expect(cellOf(state, 'sizeBand:M', 'x')).toMatchObject({ n: 5, mean: 8 });
    });

    it('suppresses the cell of one KPI whose contributors differ by 2 though the groups differ by 10', () => {
      // Units 0..9 size band L, 10..19 M. KPI b is supplied by the L units and units 10, 11.
      const profiles = createUnitProfiles(20, (i) => ({ sizeBand: i < 10 ? 'L' : 'M' }));
      const b = range(0, 19).map((u) => (u < 12 ? u + 1 : Number.NaN));
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles,
          kpis: [
            { key: 'a', values: range(1, 20) },
            { key: 'b', values: b },
          ],
          peerGroups: [ALL, { sizeBand: ['L'] }, { sizeBand: ['M'] }],
        }),
      );
      expect(cellOf(state, 'all', 'a').n).toBe(20);
      expect(cellOf(state, 'sizeBand:L', 'a').n).toBe(10);
      expect(cellOf(state, 'sizeBand:M', 'a').n).toBe(10);
      // b: all 12 contributors, L 10 (difference 2), M 2.
      expect(cellOf(state, 'all', 'b')).toMatchObject({ n: 12, mean: 6.5 });
      expect(cellOf(state, 'sizeBand:L', 'b').suppressed).toEqual(differencingWith('all'));
      expect(cellOf(state, 'sizeBand:M', 'b').suppressed).toEqual(MIN_N);
    });

    it('counts the overlap of groups on different dimensions', () => {
      // telecom = units 0..9, L = units 0..8 and 10: the same size, 2 units apart.
      const profiles = createUnitProfiles(12, (i) => ({
        industry: i <= 9 ? 'telecom' : 'banking',
        sizeBand: i <= 8 || i === 10 ? 'L' : 'M',
      }));
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles,
          kpis: [{ key: 'x', values: range(1, 12) }],
          peerGroups: [TELECOM, { sizeBand: ['L'] }],
        }),
      );
      expect(cellOf(state, 'industry:telecom', 'x').n).toBe(10);
      expect(cellOf(state, 'sizeBand:L', 'x').suppressed).toEqual(
        differencingWith('industry:telecom'),
      );
    });

    it('checks against released cells only', () => {
      // "telecom" (5 units) is withheld for min_n 6... then "all" (6) conflicts with nothing.
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: allButOne,
          kpis,
          peerGroups: [TELECOM, ALL],
          policy: { minN: 6 },
        }),
      );
      expect(cellOf(state, 'industry:telecom', 'x').suppressed?.rule).toBe('min_n');
      expect(cellOf(state, 'all', 'x').n).toBe(6);
    });
  });

  describe('input', () => {
    it('withholds every cell of a snapshot without units', () => {
      const state = computeSnapshot(
        createBenchmarkInput({ profiles: [], kpis: [{ key: 'x', values: [] }], peerGroups: [ALL] }),
      );
      expect(state.group('all')?.n).toBe(0);
      expect(cellOf(state, 'all', 'x').suppressed).toEqual(MIN_N);
    });

    it('leaves out a group whose id repeats an earlier one', () => {
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles: createUnitProfiles(5),
          kpis: [{ key: 'x', values: [1, 2, 3, 4, 5] }],
          peerGroups: [ALL, TELECOM, ALL],
        }),
      );
      expect(state.groups.map((g) => g.id)).toEqual(['all', 'industry:telecom']);
    });

    it('gives the members and the sorted values of a group', () => {
      const profiles = createUnitProfiles(4, (i) => (i === 1 ? { industry: 'banking' } : {}));
      const state = computeSnapshot(
        createBenchmarkInput({
          profiles,
          kpis: [{ key: 'x', values: [3, 9, Number.NaN, -0] }],
          peerGroups: [TELECOM],
        }),
      );
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
          values: [Float64Array.from([1, 2, Number.POSITIVE_INFINITY, 4, 5])],
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
      ['a min_n of 0', (input) => ({ ...input, policy: { ...input.policy, minN: 0 } })],
      [
        'a filter with an unknown value',
        (input) => ({
          ...input,
          peerGroups: [{ ...input.peerGroups[0], filter: { industry: ['mining'] } }],
        }),
      ],
    ])('refuses %s', (_name, spoil) => {
      const input = createBenchmarkInput({
        profiles: createUnitProfiles(5),
        kpis: [{ key: 'x', values: [1, 2, 3, 4, 5] }],
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
            { sizeBand: ['L'] },
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

describe('addCustomGroup', () => {
  /** 30 units: 0..11 telecom, 12..13 banking, 14..29 retail; the first `abroad` in AT. */
  function thirtyUnits(abroad = 0): BenchmarkUnitProfile[] {
    return createUnitProfiles(30, (i) => ({
      industry: i < 12 ? 'telecom' : i < 14 ? 'banking' : 'retail',
      country: i < abroad ? 'AT' : 'DE',
    }));
  }
  const everyone: TestKpi = { key: 'a', values: range(1, 30) };
  // KPI b: the 12 telecom units and the 2 banking units.
  const telecomAndBanking: TestKpi = {
    key: 'b',
    values: range(0, 29).map((u) => (u < 14 ? u + 1 : Number.NaN)),
  };
  const snapshotOf = (profiles: BenchmarkUnitProfile[], extra: PeerGroupFilter[] = []) =>
    computeSnapshot(
      createBenchmarkInput({
        profiles,
        kpis: [everyone, telecomAndBanking],
        peerGroups: [ALL, ...extra],
      }),
    );

  it('refuses a group of fewer than min_n units', () => {
    const state = snapshotOf(thirtyUnits());
    expect(addCustomGroup(state, createPeerGroup({ industry: ['banking'] }))).toEqual({
      released: false,
      rule: 'min_n',
      reason: {
        de: 'die Gruppe hat weniger als 5 Einheiten',
        en: 'the group has fewer than 5 units',
      },
    });
    expect(state.groups).toHaveLength(1);
  });

  it.each([1, 2, 3, 4])(
    'refuses a peer group that differs from a released one by %i units',
    (difference) => {
      const state = snapshotOf(thirtyUnits(difference));
      expect(addCustomGroup(state, createPeerGroup({ country: ['DE'] }))).toEqual({
        released: false,
        rule: 'differencing',
        reason: {
          de: 'die Gruppe unterscheidet sich von der Vergleichsgruppe all um weniger als 5 Einheiten',
          en: 'the group differs from peer group all by fewer than 5 units',
        },
      });
      expect(state.groups).toHaveLength(1);
    },
  );

  it('accepts a peer group that differs from a released one by min_n units', () => {
    const state = snapshotOf(thirtyUnits(5));
    const outcome = addCustomGroup(state, createPeerGroup({ country: ['DE'] }));
    expect(outcome.released).toBe(true);
    expect(state.group('country:DE')?.n).toBe(25);
    expect(cellOf(state, 'country:DE', 'a')).toMatchObject({ n: 25, mean: 18 });
  });

  it('accepts a group with the same members as a released one, with the same cells', () => {
    const state = snapshotOf(thirtyUnits());
    const outcome = addCustomGroup(state, createPeerGroup({ country: ['DE'] }));
    expect(outcome.released).toBe(true);
    if (outcome.released) {
      expect(outcome.group).toMatchObject({ id: 'country:DE', kind: 'custom', n: 30 });
      expect(outcome.group.cells).toEqual(state.group('all')?.cells);
    }
  });

  it('returns a group already in the snapshot without adding it again', () => {
    const state = snapshotOf(thirtyUnits());
    const outcome = addCustomGroup(state, createPeerGroup(ALL));
    expect(outcome).toEqual({ released: true, group: state.group('all') });
    expect(state.groups).toHaveLength(1);
  });

  it('judges later requests against accepted custom groups', () => {
    const state = snapshotOf(thirtyUnits());
    expect(addCustomGroup(state, createPeerGroup(TELECOM)).released).toBe(true);
    // telecom + banking has 14 units: 16 from "all", but 2 from the accepted telecom group.
    const outcome = addCustomGroup(state, createPeerGroup({ industry: ['telecom', 'banking'] }));
    expect(outcome).toMatchObject({ released: false, rule: 'differencing' });
    if (!outcome.released) {
      expect(outcome.reason.en).toBe(
        'the group differs from peer group industry:telecom by fewer than 5 units',
      );
    }
  });

  it('ignores groups without any released cell', () => {
    // The 3 AT units form a predefined group whose cells are all withheld; AT + CH (6 units)
    // differs from it by 3 units, but it released nothing.
    const profiles = createUnitProfiles(30, (i) => ({
      country: i < 3 ? 'AT' : i < 6 ? 'CH' : 'DE',
    }));
    const state = snapshotOf(profiles, [{ country: ['AT'] }]);
    expect(state.group('country:AT')?.cells.every((c) => c.suppressed?.rule === 'min_n')).toBe(
      true,
    );
    expect(addCustomGroup(state, createPeerGroup({ country: ['AT', 'CH'] })).released).toBe(true);
  });

  it('applies per-KPI differencing to the cells of an accepted group', () => {
    const state = snapshotOf(thirtyUnits());
    // 12 units, 18 from "all": accepted. KPI b: 12 of telecom against 14 of "all".
    const outcome = addCustomGroup(state, createPeerGroup(TELECOM));
    expect(outcome.released).toBe(true);
    expect(cellOf(state, 'industry:telecom', 'a')).toMatchObject({ n: 12, mean: 6.5 });
    expect(cellOf(state, 'industry:telecom', 'b').suppressed).toEqual(differencingWith('all'));
  });

  it('gives the same cells as computing the accepted groups with the predefined ones', () => {
    const profiles = thirtyUnits(7);
    const incremental = snapshotOf(profiles);
    const requests: PeerGroupFilter[] = [
      TELECOM,
      { industry: ['telecom', 'banking'] },
      { country: ['DE'] },
      { industry: ['retail'] },
      { industry: ['retail'], country: ['DE'] },
    ];
    const accepted = requests.filter(
      (filter) => addCustomGroup(incremental, createPeerGroup(filter)).released,
    );
    expect(accepted.length).toBeGreaterThan(1);
    expect(accepted.length).toBeLessThan(requests.length);
    const rebuilt = snapshotOf(profiles, accepted);
    expect(rebuilt.groups).toEqual(incremental.groups);
  });
});
