import {
  createBenchmarkInput,
  createPeerGroup,
  createUnitProfiles,
} from './benchmark-test-factories';
import { peerGroupDefinition, PeerGroupFilter } from './peer-group';
import { addCustomGroup, computeSnapshot } from './snapshot-engine';
import {
  ALL,
  cellOf,
  decisions,
  P_PERCENT_SUM,
  SECONDARY,
  singleGroup,
  SIZE_L,
  SIZE_M,
  snapshot,
  withheld,
} from './snapshot-engine.test-util';

describe('computeSnapshot', () => {
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

    it("adds up one company's units into one holding", () => {
      // Units 0 and 1 of company A: holdings 100 (A), 50, 4, 2, 1, 1, 1; total 159, rest 9.
      const owners = ['A', 'A', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
      const values = [60, 40, 50, 4, 2, 1, 1, 1];
      expect(singleGroup(values, { owners }).suppressed).toEqual(P_PERCENT_SUM);
      // Each unit its own company: largest 60, second 50, rest 49.
      expect(singleGroup(values)).toMatchObject({ n: 8, mean: 19.875, suppressed: null });
    });

    it('sets a company of one unit against a company of several, at the edge of the rule', () => {
      // Company B holds units 1 and 2: holdings 100, 50 (B), then 4 or 5, 2, 1, 1, 1.
      const owners = ['c0', 'B', 'B', 'c3', 'c4', 'c5', 'c6', 'c7'];
      // Total 159: the rest 9 is below 10.
      expect(singleGroup([100, 30, 20, 4, 2, 1, 1, 1], { owners }).suppressed).toEqual(
        P_PERCENT_SUM,
      );
      // Total 160: the rest 10 is 10 % of 100.
      expect(singleGroup([100, 30, 20, 5, 2, 1, 1, 1], { owners })).toMatchObject({
        n: 8,
        mean: 20,
        suppressed: null,
      });
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
});
