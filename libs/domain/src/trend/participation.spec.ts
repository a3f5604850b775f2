import { foldCategories, standingAlone } from '../benchmark/category-folding';
import {
  BenchmarkUnitProfile,
  matchesPeerGroup,
  predefinedPeerGroups,
} from '../benchmark/peer-group';
import { SeededRandom } from '../demo/seeded-random';
import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { COUNTRIES, Country, INDUSTRIES, Industry, SizeBand } from '../profile/unit-profile';
import {
  cycleParticipation,
  participationBreakdown,
  participationFolding,
  ParticipationDimension,
  ParticipationProfile,
  ParticipationUnit,
} from './participation';

const policy = DEFAULT_DISCLOSURE_POLICY; // minN 5, foldBelowN 10
const MIN_N = {
  rule: 'min_n',
  reason: { de: 'weniger als 5 Vergleichseinheiten', en: 'fewer than 5 peers' },
};
const COMPLEMENT = {
  rule: 'differencing',
  reason: {
    de: 'würde zusammen mit der Gesamtzahl eine zurückgehaltene Zahl unter 5 offenlegen',
    en: 'would reveal a withheld count below 5 by difference from the total',
  },
};
const repeat = <T>(value: T, times: number): T[] => Array.from({ length: times }, () => value);

describe('participationBreakdown', () => {
  const order = ['a', 'b', 'c', 'd'];

  it('lists the categories with units in display order, each count under min_n', () => {
    const cells = participationBreakdown(
      order,
      [...repeat('c', 7), ...repeat('a', 5), ...repeat('b', 3), ...repeat('d', 2)],
      true,
      policy,
    );
    expect(cells).toEqual([
      { category: 'a', units: { released: true, n: 5, value: 5 } },
      { category: 'b', units: { released: false, suppression: MIN_N } },
      { category: 'c', units: { released: true, n: 7, value: 7 } },
      { category: 'd', units: { released: false, suppression: MIN_N } },
    ]);
  });

  it('withholds the smallest released count when a single count is withheld beside the total', () => {
    // 12 + 6 + 3 = 21 is released; 3 alone would be 21 − 12 − 6, so 6 is withheld as well.
    const cells = participationBreakdown(
      order,
      [...repeat('a', 12), ...repeat('b', 6), ...repeat('c', 3)],
      true,
      policy,
    );
    expect(cells).toEqual([
      { category: 'a', units: { released: true, n: 12, value: 12 } },
      { category: 'b', units: { released: false, suppression: COMPLEMENT } },
      { category: 'c', units: { released: false, suppression: MIN_N } },
    ]);
  });

  it('withholds the smallest released count when several withheld counts sum to fewer than minN', () => {
    // 12 + 7 + 2 + 1 = 22 is released; b and d withheld alone would give 22 − 12 − 7 = 3 units
    // in "b or d". With c (7) withheld too, the withheld sum is 10.
    const cells = participationBreakdown(
      order,
      [...repeat('a', 12), ...repeat('b', 2), ...repeat('c', 7), ...repeat('d', 1)],
      true,
      policy,
    );
    expect(cells).toEqual([
      { category: 'a', units: { released: true, n: 12, value: 12 } },
      { category: 'b', units: { released: false, suppression: MIN_N } },
      { category: 'c', units: { released: false, suppression: COMPLEMENT } },
      { category: 'd', units: { released: false, suppression: MIN_N } },
    ]);
  });

  it('withholds released counts until the withheld ones sum to at least minN', () => {
    // a, b and c hold 1 unit each: 3 withheld, below 5. x and y hold 5 each; withholding the
    // first of them (ties go to display order) makes the withheld sum 8, and y stays.
    const cells = participationBreakdown(
      ['a', 'b', 'c', 'x', 'y'],
      ['a', 'b', 'c', ...repeat('x', 5), ...repeat('y', 5)],
      true,
      policy,
    );
    expect(cells.map(({ category, units }) => [category, units.released])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['x', false],
      ['y', true],
    ]);
    expect(cells[3].units).toEqual({ released: false, suppression: COMPLEMENT });
  });

  it('withholds no complement when the total itself is withheld or nothing is', () => {
    expect(
      participationBreakdown(order, ['a', 'a', 'b'], false, policy).every(
        (cell) => !cell.units.released,
      ),
    ).toBe(true);
    const cells = participationBreakdown(
      order,
      [...repeat('a', 5), ...repeat('b', 5)],
      true,
      policy,
    );
    expect(cells.every((cell) => cell.units.released)).toBe(true);
  });

  it('puts categories outside the known list after the known ones, in code-point order', () => {
    const cells = participationBreakdown(
      order,
      [...repeat('z', 5), ...repeat('b', 5), ...repeat('y', 5)],
      true,
      policy,
    );
    expect(cells.map((cell) => cell.category)).toEqual(['b', 'y', 'z']);
  });
});

describe('cycleParticipation', () => {
  /** The units of the profiles, each its own company's only unit. */
  const ownCompanies = (profiles: readonly ParticipationProfile[]): ParticipationUnit[] =>
    profiles.map((profile, u) => ({ profile, company: `company ${u}` }));

  it('counts the units of a cycle by industry, size band and country', () => {
    const profile = (industry: Industry): ParticipationProfile => ({
      industry,
      sizeBand: 'M',
      country: 'DE',
    });
    const profiles = [...repeat(profile('banking'), 6), ...repeat(profile('telecom'), 2)];
    const participation = cycleParticipation(2024, ownCompanies(profiles), policy);
    expect(participation.year).toBe(2024);
    expect(participation.units).toEqual({ released: true, n: 8, value: 8 });
    // telecom (2 companies) does not stand alone, but folded with banking, the one other
    // industry, it would make a band of everyone: nothing is folded, as in the snapshot. telecom
    // is withheld, and with it banking (6), which would otherwise reveal it.
    expect(participation.byIndustry).toEqual([
      { category: 'telecom', units: { released: false, suppression: MIN_N } },
      { category: 'banking', units: { released: false, suppression: COMPLEMENT } },
    ]);
    expect(participation.bySizeBand).toEqual([
      { category: 'M', units: { released: true, n: 8, value: 8 } },
    ]);
    expect(participation.byCountry).toEqual([
      { category: 'DE', units: { released: true, n: 8, value: 8 } },
    ]);
    expect(participation.folded).toEqual([]);
  });

  it('counts a lone XL unit in "L, XL", the band the snapshot of the cycle forms', () => {
    const profile = (sizeBand: SizeBand): ParticipationProfile => ({
      industry: 'banking',
      sizeBand,
      country: 'DE',
    });
    // S 12, M 20, L 9, XL 1: XL (1 < foldBelowN 10) goes into its one neighbour L, and L, XL
    // holds 10. The peer-group list of the snapshot names the group "Größenklasse: L, XL".
    const profiles = [
      profile('XL'),
      ...repeat(profile('L'), 9),
      ...repeat(profile('M'), 20),
      ...repeat(profile('S'), 12),
    ];
    const participation = cycleParticipation(2024, ownCompanies(profiles), policy);
    expect(participation.bySizeBand).toEqual([
      { category: 'S', units: { released: true, n: 12, value: 12 } },
      { category: 'M', units: { released: true, n: 20, value: 20 } },
      { category: 'L, XL', units: { released: true, n: 10, value: 10 } },
    ]);
    expect(participation.folded).toEqual([{ dimension: 'sizeBand', values: ['L', 'XL'] }]);
  });

  it('folds by the policy’s foldBelowN and lists no folded band when none was folded', () => {
    const profile = (sizeBand: SizeBand): ParticipationProfile => ({
      industry: 'banking',
      sizeBand,
      country: 'AT',
    });
    const units = ownCompanies([...repeat(profile('S'), 6), ...repeat(profile('M'), 7)]);
    // With foldBelowN 10, S (6) goes into M: one band "S, M" of 13.
    expect(cycleParticipation(2024, units, policy).bySizeBand).toEqual([
      { category: 'S, M', units: { released: true, n: 13, value: 13 } },
    ]);
    // With foldBelowN 5 both bands stand alone.
    const unfolded = cycleParticipation(2024, units, { ...policy, foldBelowN: 5 });
    expect(unfolded.bySizeBand).toEqual([
      { category: 'S', units: { released: true, n: 6, value: 6 } },
      { category: 'M', units: { released: true, n: 7, value: 7 } },
    ]);
    expect(unfolded.folded).toEqual([]);
  });

  /** `count` banking units of size M in `country`, of the companies `company(i)`. */
  const inCountry = (
    country: Country,
    count: number,
    company: (i: number) => string,
  ): ParticipationUnit[] =>
    Array.from({ length: count }, (_, i) => ({
      profile: { industry: 'banking', sizeBand: 'M', country },
      company: company(i),
    }));

  it('folds the countries held by units of too few companies into one band, as the snapshot does', () => {
    // DE: 10 units of 10 companies and AT: 8 of 8 stand alone. CH: 4 units of 4 companies
    // and NL: 3 of 3 have fewer than 5 companies, LU: 6 units all of one company has one. The
    // three together hold 13 units of 8 companies, 7 outside LU's company: they stand alone
    // as one band "CH, LU, NL". Unfolded, LU's 6 units (one company's) would be released.
    const units = [
      ...inCountry('DE', 10, (i) => `de${i}`),
      ...inCountry('AT', 8, (i) => `at${i}`),
      ...inCountry('CH', 4, (i) => `ch${i}`),
      ...inCountry('LU', 6, () => 'lu'),
      ...inCountry('NL', 3, (i) => `nl${i}`),
    ];
    const participation = cycleParticipation(2024, units, policy);
    expect(participation.byCountry).toEqual([
      { category: 'DE', units: { released: true, n: 10, value: 10 } },
      { category: 'AT', units: { released: true, n: 8, value: 8 } },
      { category: 'CH, LU, NL', units: { released: true, n: 13, value: 13 } },
    ]);
    expect(participation.folded).toEqual([{ dimension: 'country', values: ['CH', 'LU', 'NL'] }]);
  });

  it('joins the folded countries to the smallest country that stands alone when they still fail', () => {
    // LU: 6 units of one company and NL: 3 of 3 fail; together 9 units of 4 companies still
    // fail, so they join AT (8 of 8), the smaller of DE and AT: "AT, LU, NL" of 17 units.
    const units = [
      ...inCountry('DE', 10, (i) => `de${i}`),
      ...inCountry('AT', 8, (i) => `at${i}`),
      ...inCountry('LU', 6, () => 'lu'),
      ...inCountry('NL', 3, (i) => `nl${i}`),
    ];
    const participation = cycleParticipation(2024, units, policy);
    expect(participation.byCountry).toEqual([
      { category: 'DE', units: { released: true, n: 10, value: 10 } },
      { category: 'AT, LU, NL', units: { released: true, n: 17, value: 17 } },
    ]);
    expect(participation.folded).toEqual([{ dimension: 'country', values: ['AT', 'LU', 'NL'] }]);
  });

  it('releases only categories that are predefined peer groups of the cycle’s snapshot', () => {
    // Random cycles of 20 to 200 units of a few companies each, over few industries and
    // countries with small ones among them. Every released count must be the n of a
    // single-dimension peer group the snapshot forms from the same units, its category that
    // group's values as the peer-group list joins them.
    const random = new SeededRandom(20261207);
    const dimensions: ParticipationDimension[] = ['industry', 'sizeBand', 'country'];
    const sizeBands: SizeBand[] = ['S', 'M', 'L', 'XL'];
    let foldedCountries = 0;
    for (let trial = 0; trial < 40; trial++) {
      const unitCount = random.int(20, 200);
      const companies = random.int(3, 40);
      const industries = INDUSTRIES.slice(0, random.int(2, 6));
      const countries = COUNTRIES.slice(0, random.int(2, 8));
      // Skewed picks: the later values of a list are rare.
      const pick = <T>(values: readonly T[]): T =>
        values[Math.floor(values.length * random.next() ** 2)];
      const units: ParticipationUnit[] = Array.from({ length: unitCount }, () => ({
        profile: {
          industry: pick(industries),
          sizeBand: pick(sizeBands),
          country: pick(countries),
        },
        company: `c${random.int(0, companies - 1)}`,
      }));
      const profiles: BenchmarkUnitProfile[] = units.map(({ profile }) => ({
        ...profile,
        customerType: 'b2b',
        sourcing: 'inhouse',
      }));
      const standsAlone = standingAlone(
        units.map((unit) => unit.company),
        policy.minN,
      );
      const groups = predefinedPeerGroups(
        dimensions,
        [],
        profiles,
        foldCategories(profiles, standsAlone, policy),
        standsAlone,
      );
      const participation = cycleParticipation(2024, units, policy);
      const cells = {
        industry: participation.byIndustry,
        sizeBand: participation.bySizeBand,
        country: participation.byCountry,
      };
      for (const dimension of dimensions) {
        const groupCounts = new Map(
          groups.flatMap((group) => {
            const values = group.filter[dimension];
            return values === undefined || Object.keys(group.filter).length !== 1
              ? []
              : [
                  [
                    values.join(', '),
                    profiles.filter((profile) => matchesPeerGroup(profile, group.filter)).length,
                  ] as const,
                ];
          }),
        );
        for (const { category, units: count } of cells[dimension]) {
          if (count.released) {
            expect([dimension, category, groupCounts.get(category)]).toEqual([
              dimension,
              category,
              count.value,
            ]);
          }
        }
        // Counted here from the units alone: each value in one category; a released count is
        // its values' units and at least minN; what the total less the released counts leaves,
        // the withheld ones together, is none or at least minN.
        const values = cells[dimension].flatMap(({ category }) => category.split(', '));
        expect(new Set(values).size).toBe(values.length);
        let released = 0;
        for (const { category, units: count } of cells[dimension]) {
          if (count.released) {
            const members = category.split(', ');
            const n = units.filter(({ profile }) => members.includes(profile[dimension])).length;
            expect([dimension, category, count.value]).toEqual([dimension, category, n]);
            expect(n).toBeGreaterThanOrEqual(policy.minN);
            released += n;
          }
        }
        const withheld = unitCount - released;
        expect(withheld === 0 || withheld >= policy.minN).toBe(true);
      }
      foldedCountries += participation.byCountry.filter(
        (cell) => cell.units.released && cell.category.includes(', '),
      ).length;
    }
    // The trials must release folded bands of the companies-based rule, not only size bands.
    expect(foldedCountries).toBeGreaterThan(5);
  });

  it('withholds the count of a cycle of fewer than minN units', () => {
    const participation = cycleParticipation(
      2024,
      ownCompanies([{ industry: 'media', sizeBand: 'S', country: 'AT' }]),
      policy,
    );
    expect(participation.units.released).toBe(false);
    expect(participation.byIndustry[0].units.released).toBe(false);
  });
});

describe('participationFolding', () => {
  it('reads the folded bands of trend data of every age', () => {
    const folded = [{ dimension: 'country' as const, values: ['LU', 'NL'] }];
    expect(participationFolding({ folded })).toEqual(folded);
    // Computed when only size bands were folded.
    expect(participationFolding({ foldedSizeBands: [['L', 'XL']] })).toEqual([
      { dimension: 'sizeBand', values: ['L', 'XL'] },
    ]);
    // Computed before any folding: what was folded is not known.
    expect(participationFolding({})).toBeNull();
  });
});
