import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { Industry, SizeBand } from '../profile/unit-profile';
import { participationBreakdown, cycleParticipation, ParticipationProfile } from './participation';

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
  it('counts the units of a cycle by industry, size band and country', () => {
    const profile = (industry: Industry): ParticipationProfile => ({
      industry,
      sizeBand: 'M',
      country: 'DE',
    });
    const profiles = [...repeat(profile('banking'), 6), ...repeat(profile('telecom'), 2)];
    const participation = cycleParticipation(2024, profiles, policy);
    expect(participation.year).toBe(2024);
    expect(participation.units).toEqual({ released: true, n: 8, value: 8 });
    // telecom (2) is withheld, and with it banking (6), which would otherwise reveal it.
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
    const participation = cycleParticipation(2024, profiles, policy);
    expect(participation.bySizeBand).toEqual([
      { category: 'S', units: { released: true, n: 12, value: 12 } },
      { category: 'M', units: { released: true, n: 20, value: 20 } },
      { category: 'L, XL', units: { released: true, n: 10, value: 10 } },
    ]);
    expect(participation.foldedSizeBands).toEqual([['L', 'XL']]);
  });

  it('folds by the policy’s foldBelowN and lists no folded band when none was folded', () => {
    const profile = (sizeBand: SizeBand): ParticipationProfile => ({
      industry: 'banking',
      sizeBand,
      country: 'AT',
    });
    const profiles = [...repeat(profile('S'), 6), ...repeat(profile('M'), 7)];
    // With foldBelowN 10, S (6) goes into M: one band "S, M" of 13.
    expect(cycleParticipation(2024, profiles, policy).bySizeBand).toEqual([
      { category: 'S, M', units: { released: true, n: 13, value: 13 } },
    ]);
    // With foldBelowN 5 both bands stand alone.
    const unfolded = cycleParticipation(2024, profiles, { ...policy, foldBelowN: 5 });
    expect(unfolded.bySizeBand).toEqual([
      { category: 'S', units: { released: true, n: 6, value: 6 } },
      { category: 'M', units: { released: true, n: 7, value: 7 } },
    ]);
    expect(unfolded.foldedSizeBands).toEqual([]);
  });

  it('withholds the count of a cycle of fewer than minN units', () => {
    const participation = cycleParticipation(
      2024,
      [{ industry: 'media', sizeBand: 'S', country: 'AT' }],
      policy,
    );
    expect(participation.units.released).toBe(false);
    expect(participation.byIndustry[0].units.released).toBe(false);
  });
});
