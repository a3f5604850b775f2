import { createUnitProfiles } from './benchmark-test-factories';
import {
  ALL,
  cellOf,
  decisions,
  DIFFERENCING,
  MIN_N,
  range,
  singleGroup,
  SIZE_L,
  SIZE_M,
  SMALL_GROUP_STATISTICS,
  snapshot,
  TELECOM,
  withheld,
} from './snapshot-engine.test-util';

describe('computeSnapshot', () => {
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
});
