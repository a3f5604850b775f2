import { DEFAULT_DISCLOSURE_POLICY } from '../disclosure/disclosure-policy';
import { Industry } from '../profile/unit-profile';
import { participationBreakdown, cycleParticipation, ParticipationProfile } from './participation';

const policy = DEFAULT_DISCLOSURE_POLICY; // minN 5
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
