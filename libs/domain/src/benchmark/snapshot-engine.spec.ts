import { DisclosurePolicy } from '../disclosure/disclosure-policy';
import { BenchmarkCell, Suppression, SuppressibleStatistic } from './benchmark-cell';
import { BenchmarkInput } from './benchmark-input';
import {
  createBenchmarkInput,
  createPeerGroup,
  createUnitProfiles,
  TestKpi,
} from './benchmark-test-factories';
import { BenchmarkUnitProfile, PeerGroupFilter, peerGroupDefinition } from './peer-group';
import { addCustomGroup, computeSnapshot, SnapshotState } from './snapshot-engine';

const ALL: PeerGroupFilter = {};
const TELECOM: PeerGroupFilter = { industry: ['telecom'] };
const SIZE_L: PeerGroupFilter = { sizeBand: ['L'] };
const SIZE_M: PeerGroupFilter = { sizeBand: ['M'] };
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The small-group rule releases no quantile below 20 contributors. The tests of the quantile
 * arithmetic and of the tails rule switch it off with this policy, so that their samples stay
 * small enough to work out by hand.
 */
const QUANTILES_FROM_ONE: Partial<DisclosurePolicy> = { minNQuantiles: 1 };

function cellOf(state: SnapshotState, groupId: string, kpiKey: string): BenchmarkCell {
  const cell = state.group(groupId)?.cells.find((c) => c.kpiKey === kpiKey);
  if (cell === undefined) {
    throw new Error(`no cell ${groupId} x ${kpiKey}`);
  }
  return cell;
}

/** Per group id and KPI: the rule that withheld the cell, or `released`. */
function decisions(state: SnapshotState): Record<string, Record<string, string>> {
  return Object.fromEntries(
    state.groups.map((group) => [
      group.id,
      Object.fromEntries(group.cells.map((c) => [c.kpiKey, c.suppressed?.rule ?? 'released'])),
    ]),
  );
}

type SnapshotOptions = Parameters<typeof createBenchmarkInput>[0];
const snapshot = (options: SnapshotOptions): SnapshotState =>
  computeSnapshot(createBenchmarkInput(options));

/** One KPI `x` over the given values, each from one telecom unit, in the group "all". */
function singleGroup(
  values: number[],
  options: {
    kpi?: Partial<TestKpi>;
    policy?: Partial<DisclosurePolicy>;
    owners?: string[];
  } = {},
): BenchmarkCell {
  const state = snapshot({
    profiles: createUnitProfiles(values.length),
    kpis: [{ key: 'x', values, ...options.kpi }],
    peerGroups: [ALL],
    policy: options.policy,
    owners: options.owners,
  });
  return cellOf(state, 'all', 'x');
}

const MIN_N: Suppression = {
  rule: 'min_n',
  reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
};
const TAILS: Suppression = {
  rule: 'min_n_tails',
  reason: {
    de: 'weniger als 10 Vergleichseinheiten für P10 und P90',
    en: 'fewer than 10 peers for P10 and P90',
  },
};
const SMALL_GROUP: Suppression = {
  rule: 'small_group',
  reason: {
    de: 'Quantile erst ab 20 Vergleichseinheiten, damit kein Quantil ein Einzelwert ist',
    en: "quantiles only from 20 peers, so that no quantile is one unit's value",
  },
};
/** What a released cell of fewer than 20 contributors lists first: every quantile withheld. */
const SMALL_GROUP_STATISTICS = (['p10', 'p25', 'p50', 'p75', 'p90'] as const).map(
  (statistic: SuppressibleStatistic) => ({ statistic, ...SMALL_GROUP }),
);
/** The release audit's reason: it names no group, no unit and no figure. */
const DIFFERENCING: Suppression = {
  rule: 'differencing',
  reason: {
    de: 'würde zusammen mit den bereits veröffentlichten Vergleichsgruppen die Werte von weniger als 5 anderen Einheiten berechenbar machen',
    en: 'together with the peer groups released before, would let a participant compute the values of fewer than 5 other units',
  },
};
const SECONDARY: Suppression = {
  rule: 'secondary',
  reason: {
    de: 'zurückgehalten, damit eine nach der p-%-Regel gesperrte Zelle nicht berechenbar wird',
    en: 'withheld so that a cell withheld by the p% rule cannot be computed',
  },
};
const P_PERCENT_SUM: Suppression = {
  rule: 'p_percent',
  reason: {
    de: 'die Summe ohne die zwei größten Beiträge liegt unter 10 % des größten',
    en: 'the sum less the two largest contributions is below 10 % of the largest',
  },
};
const GROUP_AUDIT: Suppression = {
  rule: 'differencing',
  reason: {
    de: 'die Gruppe würde zusammen mit den bereits veröffentlichten Vergleichsgruppen die Werte von weniger als 5 anderen Einheiten berechenbar machen',
    en: 'together with the peer groups released before, the group would let a participant compute the values of fewer than 5 other units',
  },
};

/** A cell withheld as a whole: no figure at all, n included. */
const withheld = (kpiKey: string, suppressed: Suppression): BenchmarkCell => ({
  kpiKey,
  n: null,
  mean: null,
  p10: null,
  p25: null,
  p50: null,
  p75: null,
  p90: null,
  pooled: null,
  suppressed,
  suppressedStatistics: [],
});

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

  describe('p% rule on the sum behind the mean', () => {
    it('releases a sum whose rest is exactly 10 % of the largest value', () => {
      // Total 160, largest 100, second 50: the rest 10 is 10 % of 100.
      const cell = singleGroup([2, 100, 1, 2, 50, 2, 1, 2]);
      expect(cell).toMatchObject({ n: 8, mean: 20, suppressed: null });
    });

    it('withholds the whole cell when the rest is just below 10 % of the largest value', () => {
      // Total 159: the rest 9 is below 10.
      expect(singleGroup([2, 100, 1, 2, 50, 1, 1, 2])).toEqual(withheld('x', P_PERCENT_SUM));
    });

    it('fails one dominant value with all others 0', () => {
      // Total 1, largest 1, second 0: the rest 0 is below 0.1.
      expect(singleGroup([1, 0, 0, 0, 0, 0, 0, 0]).suppressed).toEqual(P_PERCENT_SUM);
    });

    it('does not apply to a yes/no KPI', () => {
      // The same values as yes/no: 1 "yes" of 8.
      const cell = singleGroup([1, 0, 0, 0, 0, 0, 0, 0], { kpi: { boolean: true } });
      expect(cell).toMatchObject({ n: 8, mean: 12.5, suppressed: null });
    });

    it('does not apply to a KPI with a negative value anywhere in the snapshot', () => {
      // Units 0..7 (size band L) have 100, 50, 2, 2, 2, 1, 1, 1: a rest of 9, below 10. Unit 8
      // (size band M, in no group) has -1 or 1.
      const profiles = createUnitProfiles(9, (i) => ({ sizeBand: i < 8 ? 'L' : 'M' }));
      const withNinth = (ninth: number) =>
        snapshot({
          profiles,
          kpis: [{ key: 'x', values: [100, 50, 2, 2, 2, 1, 1, 1, ninth] }],
          peerGroups: [SIZE_L],
        });
      expect(cellOf(withNinth(1), 'sizeBand:L', 'x').suppressed).toEqual(P_PERCENT_SUM);
      // 159 / 8
      expect(cellOf(withNinth(-1), 'sizeBand:L', 'x')).toMatchObject({
        n: 8,
        mean: 19.875,
        suppressed: null,
      });
    });
  });

  describe('release audit', () => {
    it('refuses a cell of exactly 5 contributors of 5 companies: each learns the sum of 4 others', () => {
      expect(singleGroup([1, 2, 3, 4, 5])).toEqual(withheld('x', DIFFERENCING));
    });

    it.each<[string, string[]]>([
      ['a company of 2 units and one of 3', ['A', 'A', 'B', 'B', 'B']],
      ['a company of 4 units and one of 1', ['A', 'A', 'A', 'A', 'B']],
      ['one company', ['A', 'A', 'A', 'A', 'A']],
    ])('withholds a cell of 5 units owned by %s: fewer than 5 companies', (_name, owners) => {
      // The frequency rule counts companies too: otherwise a competitor outside the cell would
      // read the average of one or two companies.
      expect(singleGroup([1, 2, 3, 4, 5], { owners })).toEqual(withheld('x', MIN_N));
    });

    it('releases 6 contributors of 6 companies: each learns a sum of 5 others', () => {
      expect(singleGroup([1, 2, 3, 4, 5, 6])).toEqual({
        kpiKey: 'x',
        n: 6,
        mean: 3.5,
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

    it('counts all units of a company as known: 2 of 6 leave it 4 others, 2 of 7 leave 5', () => {
      const six = singleGroup(range(1, 6), { owners: ['X', 'X', 'c2', 'c3', 'c4', 'c5'] });
      expect(six.suppressed).toEqual(DIFFERENCING);
      const seven = singleGroup(range(1, 7), { owners: ['X', 'c1', 'c2', 'X', 'c4', 'c5', 'c6'] });
      expect(seven).toMatchObject({ n: 7, mean: 4, suppressed: null });
    });

    describe('two groups', () => {
      // Units 0..5 telecom, unit 6 banking: "all" and "telecom" differ by one unit.
      const allButOne = createUnitProfiles(7, (i) => (i === 6 ? { industry: 'banking' } : {}));
      const kpis = [{ key: 'x', values: range(1, 7) }];

      it('releases only the first of "all" and "all but one unit"', () => {
        const state = snapshot({ profiles: allButOne, kpis, peerGroups: [ALL, TELECOM] });
        expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 7, mean: 4, suppressed: null });
        // all − telecom is unit 6.
        expect(cellOf(state, 'industry:telecom', 'x')).toEqual(withheld('x', DIFFERENCING));
      });

      it('gives priority to the order of the groups', () => {
        const state = snapshot({ profiles: allButOne, kpis, peerGroups: [TELECOM, ALL] });
        expect(cellOf(state, 'industry:telecom', 'x')).toMatchObject({ n: 6, mean: 3.5 });
        expect(cellOf(state, 'all', 'x').suppressed).toEqual(DIFFERENCING);
      });

      it('releases both groups when their contributors are the same units', () => {
        const state = snapshot({
          profiles: createUnitProfiles(7),
          kpis,
          peerGroups: [ALL, TELECOM],
        });
        expect(cellOf(state, 'industry:telecom', 'x')).toEqual(cellOf(state, 'all', 'x'));
        expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 7, mean: 4 });
      });

      it('refuses two groups 5 units apart, unless one company owns the 5', () => {
        // Units 0..9 telecom, 10..14 banking: all − telecom is the 5 banking units, so each of
        // them would learn the sum of the other 4.
        const profiles = createUnitProfiles(15, (i) => (i >= 10 ? { industry: 'banking' } : {}));
        const input = (owners?: string[]) =>
          snapshot({
            profiles,
            kpis: [{ key: 'x', values: range(1, 15) }],
            peerGroups: [ALL, TELECOM],
            owners,
          });
        expect(decisions(input())).toEqual({
          all: { x: 'released' },
          'industry:telecom': { x: 'differencing' },
        });
        const bankOwned = profiles.map((_, u) => (u >= 10 ? 'bank' : `c${u}`));
        expect(cellOf(input(bankOwned), 'industry:telecom', 'x')).toMatchObject({
          n: 10,
          mean: 5.5,
        });
      });

      it('releases two groups 6 units apart', () => {
        const profiles = createUnitProfiles(16, (i) => (i >= 10 ? { industry: 'banking' } : {}));
        const state = snapshot({
          profiles,
          kpis: [{ key: 'x', values: range(1, 16) }],
          peerGroups: [ALL, TELECOM],
        });
        expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 16, mean: 8.5 });
        expect(cellOf(state, 'industry:telecom', 'x')).toMatchObject({ n: 10, mean: 5.5 });
      });

      it('never lets disjoint groups conflict, nor their union, which tells nothing new', () => {
        const profiles = createUnitProfiles(12, (i) => ({ sizeBand: i < 6 ? 'L' : 'M' }));
        const state = snapshot({
          profiles,
          kpis: [{ key: 'x', values: range(1, 12) }],
          peerGroups: [SIZE_L, SIZE_M, ALL],
        });
        expect(cellOf(state, 'sizeBand:L', 'x')).toMatchObject({ n: 6, mean: 3.5 });
        expect(cellOf(state, 'sizeBand:M', 'x')).toMatchObject({ n: 6, mean: 9.5 });
        // all = L + M was computable already.
        expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 12, mean: 6.5 });
      });

      it('sees the overlap of groups on different dimensions through the owner of one unit', () => {
        // telecom = units 0..9, L = units 0..8 and 10: L − telecom = x10 − x9, which the owner
        // of unit 9 turns into x10.
        const profiles = createUnitProfiles(12, (i) => ({
          industry: i <= 9 ? 'telecom' : 'banking',
          sizeBand: i <= 8 || i === 10 ? 'L' : 'M',
        }));
        const input = (owners?: string[]) =>
          snapshot({
            profiles,
            kpis: [{ key: 'x', values: range(1, 12) }],
            peerGroups: [TELECOM, SIZE_L],
            owners,
          });
        const separate = input();
        expect(cellOf(separate, 'industry:telecom', 'x')).toMatchObject({ n: 10, mean: 5.5 });
        expect(cellOf(separate, 'sizeBand:L', 'x').suppressed).toEqual(DIFFERENCING);
        // When one company owns units 9 and 10, it knows both values anyway, and nobody else
        // can split their difference: (1 + ... + 9 + 11) / 10 = 5.6.
        const together = input(profiles.map((_, u) => (u === 9 || u === 10 ? 'X' : `c${u}`)));
        expect(cellOf(together, 'sizeBand:L', 'x')).toMatchObject({ n: 10, mean: 5.6 });
      });

      it('checks against released cells only', () => {
        // telecom (units 0..3) is withheld for min_n, so "all" (7 units) conflicts with
        // nothing; had telecom been released, all − telecom would be a sum of 3 units.
        const profiles = createUnitProfiles(7, (i) => (i >= 4 ? { industry: 'banking' } : {}));
        const state = snapshot({
          profiles,
          kpis: [{ key: 'x', values: range(1, 7) }],
          peerGroups: [TELECOM, ALL],
        });
        expect(cellOf(state, 'industry:telecom', 'x').suppressed).toEqual(MIN_N);
        expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 7, mean: 4 });
      });
    });

    describe('three groups and more', () => {
      it('refuses the last of all, A and B when all = A + B + one unit', () => {
        // Units 0..5 L, 6..11 M, 12 XL (in no group of its own): all − L − M = unit 12.
        const profiles = createUnitProfiles(13, (i) => ({
          sizeBand: i < 6 ? 'L' : i < 12 ? 'M' : 'XL',
        }));
        const state = snapshot({
          profiles,
          kpis: [{ key: 'x', values: range(1, 13) }],
          peerGroups: [ALL, SIZE_L, SIZE_M],
        });
        expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 13, mean: 7 });
        // all − L is a sum of 7 units: L is released.
        expect(cellOf(state, 'sizeBand:L', 'x')).toMatchObject({ n: 6, mean: 3.5 });
        expect(cellOf(state, 'sizeBand:M', 'x').suppressed).toEqual(DIFFERENCING);
      });

      it('refuses a chain G, A, B with G − A − B one unit, though every pair is 7 or more apart', () => {
        // G = telecom: units 0..5 DE (A), 6..11 AT (B), 12 CH; units 13..19 banking DE.
        // |G Δ A| = 7, |G Δ B| = 7, |A Δ B| = 12: no pairwise rule would object.
        const profiles = createUnitProfiles(20, (i) => ({
          industry: i <= 12 ? 'telecom' : 'banking',
          country: i <= 5 || i >= 13 ? 'DE' : i <= 11 ? 'AT' : 'CH',
        }));
        const a = { industry: ['telecom'], country: ['DE'] };
        const b = { industry: ['telecom'], country: ['AT'] };
        const state = snapshot({
          profiles,
          kpis: [{ key: 'x', values: range(1, 20) }],
          peerGroups: [TELECOM, a, b],
        });
        expect(decisions(state)).toEqual({
          'industry:telecom': { x: 'released' },
          'industry:telecom;country:DE': { x: 'released' },
          'industry:telecom;country:AT': { x: 'differencing' },
        });
        expect(cellOf(state, 'industry:telecom', 'x')).toMatchObject({ n: 13, mean: 7 });
        expect(cellOf(state, 'industry:telecom;country:DE', 'x')).toMatchObject({
          n: 6,
          mean: 3.5,
        });
      });

      it('refuses the fourth of all, X, Y and X ∩ Y when all − X − Y + X ∩ Y is one unit', () => {
        // Units 0..5 telecom DE, 6..11 telecom AT, 12..17 banking DE, 18 banking AT. Every pair
        // of the four groups is 6 or more units apart.
        const profiles = createUnitProfiles(19, (i) => ({
          industry: i <= 11 ? 'telecom' : 'banking',
          country: i <= 5 || (i >= 12 && i <= 17) ? 'DE' : 'AT',
        }));
        const state = snapshot({
          profiles,
          kpis: [{ key: 'x', values: range(1, 19) }],
          peerGroups: [
            ALL,
            TELECOM,
            { country: ['DE'] },
            { industry: ['telecom'], country: ['DE'] },
          ],
        });
        expect(decisions(state)).toEqual({
          all: { x: 'released' },
          'industry:telecom': { x: 'released' },
          'country:DE': { x: 'released' },
          'industry:telecom;country:DE': { x: 'differencing' },
        });
        // DE: units 0..5 and 12..17, values 1..6 and 13..18: (21 + 93) / 12.
        expect(cellOf(state, 'country:DE', 'x')).toMatchObject({ n: 12, mean: 9.5 });
      });

      it('judges later cells without a refused one, as if it had never been asked', () => {
        // Units 0..2 AT, 3..5 CH, 6..19 DE. DE + CH is all but the 3 AT units: refused. Had it
        // been released, AT + CH would give away CH (3 units) as (DE + CH) + (AT + CH) − all.
        const profiles = createUnitProfiles(20, (i) => ({
          country: i < 3 ? 'AT' : i < 6 ? 'CH' : 'DE',
        }));
        const state = snapshot({
          profiles,
          kpis: [{ key: 'x', values: range(1, 20) }],
          peerGroups: [ALL, { country: ['DE', 'CH'] }, { country: ['AT', 'CH'] }],
        });
        expect(decisions(state)).toEqual({
          all: { x: 'released' },
          'country:DE,CH': { x: 'differencing' },
          'country:AT,CH': { x: 'released' },
        });
        expect(cellOf(state, 'country:AT,CH', 'x')).toMatchObject({ n: 6, mean: 3.5 });
      });
    });

    it('decides per KPI, by the units that supplied it', () => {
      // Units 0..9 size band L, 10..19 M. KPI a: everyone. KPI b: the L units and units 10, 11.
      // KPI c: the L units only.
      const profiles = createUnitProfiles(20, (i) => ({ sizeBand: i < 10 ? 'L' : 'M' }));
      const only = (count: number) => range(0, 19).map((u) => (u < count ? u + 1 : Number.NaN));
      const state = snapshot({
        profiles,
        kpis: [
          { key: 'a', values: range(1, 20) },
          { key: 'b', values: only(12) },
          { key: 'c', values: only(10) },
        ],
        peerGroups: [ALL, SIZE_L, SIZE_M],
      });
      expect(decisions(state)).toEqual({
        // a: L is 10 units less than all, M = all − L is computable already.
        all: { a: 'released', b: 'released', c: 'released' },
        // b: all − L is units 10 and 11. c: the same 10 contributors as in all.
        'sizeBand:L': { a: 'released', b: 'differencing', c: 'released' },
        // b: 2 contributors; c: none.
        'sizeBand:M': { a: 'released', b: 'min_n', c: 'min_n' },
      });
      expect(cellOf(state, 'sizeBand:M', 'a')).toMatchObject({ n: 10, mean: 15.5 });
      expect(cellOf(state, 'all', 'b')).toMatchObject({ n: 12, mean: 6.5 });
      expect(cellOf(state, 'sizeBand:L', 'c')).toEqual(cellOf(state, 'all', 'c'));
    });

    it('decides by who contributes, never by the values (except for the p% rule)', () => {
      // The fixture of "judges later cells without a refused one", KPI b supplied by units
      // 0..9 only. Two datasets with the same contributors and different values, all between
      // 50 and 100, so that every sum of 5 or more passes the p% rule (its rest is at least
      // 150, 10 % of the largest at most 10).
      const profiles = createUnitProfiles(20, (i) => ({
        country: i < 3 ? 'AT' : i < 6 ? 'CH' : 'DE',
      }));
      const dataset = (value: (u: number) => number) =>
        snapshot({
          profiles,
          kpis: [
            { key: 'a', values: range(0, 19).map(value) },
            { key: 'b', values: range(0, 19).map((u) => (u < 10 ? value(u) : Number.NaN)) },
          ],
          peerGroups: [
            ALL,
            { country: ['DE', 'CH'] },
            { country: ['AT', 'CH'] },
            { country: ['DE'] },
          ],
        });
      const first = dataset((u) => 50 + ((u * 7) % 51));
      const second = dataset((u) => 100 - ((u * 13) % 51));
      const expected = {
        all: { a: 'released', b: 'released' },
        // all − (DE + CH) is the 3 AT units, for a and for b.
        'country:DE,CH': { a: 'differencing', b: 'differencing' },
        // b: all − (AT + CH) is units 6..9, a sum of 4.
        'country:AT,CH': { a: 'released', b: 'differencing' },
        // a: all − (AT + CH), computable already. b: 4 contributors.
        'country:DE': { a: 'released', b: 'min_n' },
      };
      expect(decisions(first)).toEqual(expected);
      expect(decisions(second)).toEqual(expected);
      expect(cellOf(first, 'all', 'a').mean).not.toBe(cellOf(second, 'all', 'a').mean);
    });
  });

  describe('secondary suppression', () => {
    // Units 0..5 size band L: 1000, 500, 10, 10, 10, 12 (sum 1542, rest 42 < 100: fails the
    // p% rule). Units 6..11 M: 96..106 by 2 (sum 606, rest 400 > 10.6: passes). All: sum 2148,
    // rest 648 > 100: passes.
    const profiles = createUnitProfiles(12, (i) => ({ sizeBand: i < 6 ? 'L' : 'M' }));
    const values = [1000, 500, 10, 10, 10, 12, 96, 98, 100, 102, 104, 106];
    /** The groups as predefined ones ("all" and dimension groups), whose failing sums are
     * protected before anything is released (the factory makes every other filter custom). */
    const inOrder = (filters: PeerGroupFilter[], x: number[] = values) =>
      computeSnapshot({
        ...createBenchmarkInput({ profiles, kpis: [{ key: 'x', values: x }], peerGroups: [] }),
        peerGroups: filters.map((filter) =>
          peerGroupDefinition(filter, Object.keys(filter).length === 0 ? 'all' : 'dimension'),
        ),
      });

    it('protects a failing sum before anything is released, even from earlier groups', () => {
      // M comes before L, but L's sum is protected first: all − M would give it away.
      const state = inOrder([ALL, SIZE_M, SIZE_L]);
      expect(cellOf(state, 'all', 'x')).toMatchObject({ n: 12, mean: 179 });
      expect(cellOf(state, 'sizeBand:M', 'x')).toEqual(withheld('x', SECONDARY));
      expect(cellOf(state, 'sizeBand:L', 'x')).toEqual(withheld('x', P_PERCENT_SUM));
    });

    it('withholds whichever neighbour comes last', () => {
      const state = inOrder([SIZE_L, SIZE_M, ALL]);
      expect(decisions(state)).toEqual({
        'sizeBand:L': { x: 'p_percent' },
        'sizeBand:M': { x: 'released' },
        all: { x: 'secondary' },
      });
      expect(cellOf(state, 'sizeBand:M', 'x')).toMatchObject({ n: 6, mean: 101 });
    });

    it('releases the part without the largest value when the whole fails', () => {
      // M: 10, 10, 10, 10, 8, 6 (sum 54, rest 34 > 1: passes). All: sum 1596, rest 96 < 100,
      // and L fails too. A sum that holds the largest value of a failing sum fails itself
      // (its rest can only be smaller), and the sums without that unit never add up to one
      // with it: nothing is secondary here.
      const state = inOrder([ALL, SIZE_L, SIZE_M], [...values.slice(0, 6), 10, 10, 10, 10, 8, 6]);
      expect(decisions(state)).toEqual({
        all: { x: 'p_percent' },
        'sizeBand:L': { x: 'p_percent' },
        'sizeBand:M': { x: 'released' },
      });
      expect(cellOf(state, 'sizeBand:M', 'x')).toMatchObject({ n: 6, mean: 9 });
    });

    it('refuses a custom group that would give a protected sum away', () => {
      const state = inOrder([ALL, SIZE_L]);
      const before = JSON.stringify(state.groups);
      expect(addCustomGroup(state, createPeerGroup(SIZE_M))).toMatchObject({ released: false });
      expect(JSON.stringify(state.groups)).toBe(before);
    });
  });

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

describe('addCustomGroup', () => {
  /** 30 units: 0..11 telecom, 12..13 banking, 14..29 retail; the first `abroad` in AT. */
  function thirtyUnits(abroad = 0): BenchmarkUnitProfile[] {
    return createUnitProfiles(30, (i) => ({
      industry: i < 12 ? 'telecom' : i < 14 ? 'banking' : 'retail',
      country: i < abroad ? 'AT' : 'DE',
    }));
  }
  const everyone: TestKpi = { key: 'a', values: range(1, 30) };
  // KPI b: units 0..13 (with thirtyUnits, the 12 telecom units and the 2 banking units).
  const firstFourteen: TestKpi = {
    key: 'b',
    values: range(0, 29).map((u) => (u < 14 ? u + 1 : Number.NaN)),
  };
  const snapshotOf = (
    profiles: BenchmarkUnitProfile[],
    extra: PeerGroupFilter[] = [],
    kpis: TestKpi[] = [everyone, firstFourteen],
  ) => snapshot({ profiles, kpis, peerGroups: [ALL, ...extra] });

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

  it.each([1, 2, 3, 4, 5])(
    'refuses a group that is a released one less %i units, leaving the state unchanged',
    (difference) => {
      // all − DE is the AT units, for KPI a and for KPI b. With 5 of them, each of the 5 would
      // learn the sum of the other 4.
      const state = snapshotOf(thirtyUnits(difference));
      const before = JSON.stringify(state.groups);
      expect(addCustomGroup(state, createPeerGroup({ country: ['DE'] }))).toEqual({
        released: false,
        ...GROUP_AUDIT,
      });
      expect(JSON.stringify(state.groups)).toBe(before);
      expect(state.group('country:DE')).toBeUndefined();
    },
  );

  it('accepts a group that is a released one less 6 units', () => {
    const state = snapshotOf(thirtyUnits(6));
    const outcome = addCustomGroup(state, createPeerGroup({ country: ['DE'] }));
    expect(outcome.released).toBe(true);
    expect(state.group('country:DE')?.n).toBe(24);
    // a: units 6..29, values 7..30: (465 − 21) / 24. b: units 6..13, values 7..14.
    expect(cellOf(state, 'country:DE', 'a')).toMatchObject({ n: 24, mean: 18.5 });
    expect(cellOf(state, 'country:DE', 'b')).toMatchObject({ n: 8, mean: 10.5 });
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

  it('decides the cells of an accepted group per KPI', () => {
    const state = snapshotOf(thirtyUnits());
    // a: telecom is 18 units less than all. b: 12 contributors against 14 in all.
    const outcome = addCustomGroup(state, createPeerGroup(TELECOM));
    expect(outcome.released).toBe(true);
    expect(cellOf(state, 'industry:telecom', 'a')).toMatchObject({ n: 12, mean: 6.5 });
    expect(cellOf(state, 'industry:telecom', 'b')).toEqual(withheld('b', DIFFERENCING));
  });

  describe('the chain of two requests inside a released group', () => {
    // Units 0..5 telecom DE (A), 6..11 telecom AT (B), 12 telecom CH, 13..29 retail DE.
    // Predefined: all and telecom. telecom − A − B is unit 12; with KPI b (units 0..13),
    // all − A − B is units 12 and 13.
    const profiles = createUnitProfiles(30, (i) => ({
      industry: i <= 12 ? 'telecom' : 'retail',
      country: i <= 5 || i >= 13 ? 'DE' : i <= 11 ? 'AT' : 'CH',
    }));
    const a = createPeerGroup({ industry: ['telecom'], country: ['DE'] });
    const b = createPeerGroup({ industry: ['telecom'], country: ['AT'] });

    it('refuses the second half, though it is 7 or more units from every released group', () => {
      const state = snapshotOf(profiles, [TELECOM]);
      expect(decisions(state)).toEqual({
        all: { a: 'released', b: 'released' },
        // b: all − telecom is unit 13.
        'industry:telecom': { a: 'released', b: 'differencing' },
      });
      const first = addCustomGroup(state, a);
      expect(first.released).toBe(true);
      expect(cellOf(state, a.id, 'a')).toMatchObject({ n: 6, mean: 3.5 });
      expect(cellOf(state, a.id, 'b')).toMatchObject({ n: 6, mean: 3.5 });
      expect(addCustomGroup(state, b)).toEqual({ released: false, ...GROUP_AUDIT });
      expect(state.groups.map((g) => g.id)).toEqual(['all', 'industry:telecom', a.id]);
    });

    it('judges the second half alone as harmless', () => {
      const state = snapshotOf(profiles, [TELECOM]);
      expect(addCustomGroup(state, b).released).toBe(true);
      // Units 6..11.
      expect(cellOf(state, b.id, 'a')).toMatchObject({ n: 6, mean: 9.5 });
    });
  });

  describe('a refused request', () => {
    // Units 0..2 AT, 3..5 CH, 6..29 DE.
    const profiles = createUnitProfiles(30, (i) => ({
      country: i < 3 ? 'AT' : i < 6 ? 'CH' : 'DE',
    }));
    const deCh = createPeerGroup({ country: ['DE', 'CH'] });
    const atCh = createPeerGroup({ country: ['AT', 'CH'] });

    it('leaves the state unchanged and is refused again when asked again', () => {
      // DE + CH is all less the 3 AT units.
      const state = snapshotOf(profiles);
      const before = JSON.stringify(state.groups);
      expect(addCustomGroup(state, deCh)).toEqual({ released: false, ...GROUP_AUDIT });
      expect(JSON.stringify(state.groups)).toBe(before);
      expect(addCustomGroup(state, deCh)).toEqual({ released: false, ...GROUP_AUDIT });
    });

    it('judges AT + CH on its own: all less it is 24 units, for b 8', () => {
      const state = snapshotOf(profiles);
      expect(addCustomGroup(state, atCh).released).toBe(true);
      // a: units 0..5. b: the same 6 units of its 14.
      expect(cellOf(state, atCh.id, 'a')).toMatchObject({ n: 6, mean: 3.5 });
      expect(cellOf(state, atCh.id, 'b')).toMatchObject({ n: 6, mean: 3.5 });
    });

    it('leaves later requests judged as if it had never been asked', () => {
      // Had DE + CH been released, AT + CH would give away the 3 CH units as
      // (DE + CH) + (AT + CH) − all; since it was refused, AT + CH is as harmless as before.
      const asked = snapshotOf(profiles);
      expect(addCustomGroup(asked, deCh).released).toBe(false);
      expect(addCustomGroup(asked, atCh).released).toBe(true);
      const neverAsked = snapshotOf(profiles);
      expect(addCustomGroup(neverAsked, atCh).released).toBe(true);
      expect(asked.groups).toEqual(neverAsked.groups);
    });

    it('ignores predefined groups without any released cell', () => {
      // The AT group's cells are all withheld for min_n: AT + CH is judged against "all" only.
      // Had AT been released, AT + CH − AT would be the 3 CH units.
      const state = snapshotOf(profiles, [{ country: ['AT'] }]);
      expect(state.group('country:AT')?.cells.every((c) => c.suppressed?.rule === 'min_n')).toBe(
        true,
      );
      expect(addCustomGroup(state, atCh).released).toBe(true);
    });
  });

  it('releases a group whose cells are withheld by the p% rule: only membership refuses', () => {
    // KPI a: telecom units 1000, 500 and ten times 1 (rest 10 < 100: fails the p% rule), the
    // 18 others 100 each (all: rest 1810, passes). KPI b: telecom's cell is refused by the
    // audit (all − telecom is the 2 banking units). Refusing the group would tell that its
    // a-cell failed a value-based rule; so it is released, with both cells withheld.
    const dominated: TestKpi = {
      key: 'a',
      values: range(0, 29).map((u) => (u === 0 ? 1000 : u === 1 ? 500 : u < 12 ? 1 : 100)),
    };
    const state = snapshotOf(thirtyUnits(), [], [dominated, firstFourteen]);
    const outcome = addCustomGroup(state, createPeerGroup(TELECOM));
    expect(outcome.released).toBe(true);
    expect(decisions(state)['industry:telecom']).toEqual({ a: 'p_percent', b: 'differencing' });
    // Its failing sum stays protected: banking + retail = all − telecom would give it away,
    // and its KPI b cell has 2 contributors.
    expect(
      addCustomGroup(state, createPeerGroup({ industry: ['banking', 'retail'] })),
    ).toMatchObject({ released: false });
    expect(state.groups).toHaveLength(2);
  });

  it('gives the same cells as computing the accepted groups with the predefined ones', () => {
    // Units 0..6 telecom AT, 7..11 telecom DE, 12..13 banking DE, 14..29 retail DE.
    const profiles = thirtyUnits(7);
    const incremental = snapshotOf(profiles);
    const requests: PeerGroupFilter[] = [
      // a: 18 units less than all. b: all − telecom is the 2 banking units.
      TELECOM,
      // The members alone give it away: telecom + banking − telecom is the 2 banking units.
      { industry: ['telecom', 'banking'] },
      // With all and telecom, DE splits telecom into AT (7) and DE (5): each of the 5 would
      // learn the sum of the other 4.
      { country: ['DE'] },
      // All − telecom − retail is the 2 banking units.
      { industry: ['retail'] },
      // The same units as retail.
      { industry: ['retail'], country: ['DE'] },
    ];
    const outcomes = requests.map((filter) => {
      const outcome = addCustomGroup(incremental, createPeerGroup(filter));
      return outcome.released ? decisions(incremental)[outcome.group.id] : outcome.rule;
    });
    expect(outcomes).toEqual([
      { a: 'released', b: 'differencing' },
      'differencing',
      'differencing',
      'differencing',
      'differencing',
    ]);
    const rebuilt = snapshotOf(profiles, requests.slice(0, 1));
    expect(rebuilt.groups).toEqual(incremental.groups);
  });
});
