import { createBenchmarkInput, createUnitProfile } from './benchmark-test-factories';
import { foldCategories, standingAlone } from './category-folding';
import { foldFailingBands, predefinedPeerGroups, StandsAlone, UnitBand } from './peer-group';
import { computeSnapshot } from './snapshot-engine';
import { decisions, range } from './snapshot-engine.test-util';

/** Bands of one dimension with the given numbers of units, numbered on from 0. */
function bandsOf(...bands: Array<[string, number]>): UnitBand[] {
  let next = 0;
  return bands.map(([value, count]) => ({
    values: [value],
    units: Array.from({ length: count }, () => next++),
  }));
}

/** A stand-in for `standingAlone` in the folding's own tests: three units or more. */
const threeOrMore: StandsAlone = (members) => members.length >= 3;

const valuesOf = (bands: readonly UnitBand[]) => bands.map((band) => band.values);

describe('standingAlone', () => {
  const alone = (owners: string[], members: number[]) => standingAlone(owners, 5)(members);

  it('needs minN companies and minN units outside the largest company', () => {
    const six = ['a', 'b', 'c', 'd', 'e', 'f'];
    // Five units of five companies: each member learns the sum of the four others.
    expect(alone(six, [0, 1, 2, 3, 4])).toBe(false);
    expect(alone(six, [0, 1, 2, 3, 4, 5])).toBe(true);
    // Company a's two units: it learns the sum of 4 others.
    expect(alone(['a', 'a', 'b', 'c', 'd', 'e'], range(0, 5))).toBe(false);
    expect(alone(['a', 'a', 'b', 'c', 'd', 'e', 'f'], range(0, 6))).toBe(true);
    // Seven units, but of four companies.
    expect(alone(['a', 'a', 'b', 'b', 'c', 'c', 'd'], range(0, 6))).toBe(false);
  });
});

describe('foldFailingBands', () => {
  it('folds a failing size band into its smaller neighbour, the smallest first', () => {
    // S (1) has M as its only neighbour: "S, M" (6). XL (2) then goes into L (4): "L, XL".
    const folded = foldFailingBands(
      'sizeBand',
      bandsOf(['S', 1], ['M', 5], ['L', 4], ['XL', 2]),
      threeOrMore,
    );
    expect(valuesOf(folded)).toEqual([
      ['S', 'M'],
      ['L', 'XL'],
    ]);
    expect(folded[0].units).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('combines the failing values of an unordered dimension, and joins them to the smallest band if they still fail', () => {
    expect(
      valuesOf(foldFailingBands('country', bandsOf(['DE', 10], ['LU', 2], ['NL', 2]), threeOrMore)),
    ).toEqual([['DE'], ['LU', 'NL']]);
    // LU and NL (2) still fail: they join AT (4), the smaller of DE and AT.
    expect(
      valuesOf(
        foldFailingBands(
          'country',
          bandsOf(['DE', 10], ['AT', 4], ['LU', 1], ['NL', 1]),
          threeOrMore,
        ),
      ),
    ).toEqual([['DE'], ['AT', 'LU', 'NL']]);
  });

  it('folds nothing when the failing values could only join the one other band', () => {
    const bands = bandsOf(['DE', 11], ['AT', 1]);
    expect(foldFailingBands('country', bands, threeOrMore)).toEqual(bands);
  });

  it('leaves bands that all stand alone, and a single band, as they are', () => {
    const bands = bandsOf(['S', 3], ['M', 4]);
    expect(foldFailingBands('sizeBand', bands, threeOrMore)).toEqual(bands);
    expect(valuesOf(foldFailingBands('industry', bandsOf(['telecom', 1]), threeOrMore))).toEqual([
      ['telecom'],
    ]);
  });
});

describe('foldCategories', () => {
  it('folds the size bands by foldBelowN and the values of other dimensions that do not stand alone', () => {
    const units = [
      ...range(0, 7).map(() => createUnitProfile({ country: 'DE', sizeBand: 'M' })),
      ...range(8, 10).map(() => createUnitProfile({ country: 'AT', sizeBand: 'M' })),
      createUnitProfile({ country: 'LU', sizeBand: 'XL' }),
      createUnitProfile({ country: 'NL', sizeBand: 'M' }),
    ];
    const folding = foldCategories(units, threeOrMore, { foldBelowN: 10 });
    // XL (1) into M. LU and NL (1 each) fail together too and join AT (3), the smaller of the
    // two that stand alone. Every unit is telecom, b2c and in-house: nothing to fold there.
    expect(folding).toEqual({
      sizeBand: [['M', 'XL']],
      country: [['DE'], ['AT', 'LU', 'NL']],
    });
  });
});

describe('predefinedPeerGroups with standsAlone', () => {
  const units = [
    createUnitProfile({ industry: 'telecom', sizeBand: 'S' }),
    ...range(1, 3).map(() => createUnitProfile({ industry: 'telecom', sizeBand: 'M' })),
    ...range(4, 6).map(() => createUnitProfile({ industry: 'telecom', sizeBand: 'L' })),
    ...range(7, 8).map(() => createUnitProfile({ industry: 'utilities', sizeBand: 'M' })),
    createUnitProfile({ industry: 'utilities', sizeBand: 'L' }),
  ];

  it('folds the second dimension of a pair within each band of the first', () => {
    // telecom: S (1) into M: "S, M" (4) and L (3). utilities: L (1) into M, one band left,
    // which would be the industry's own group: no pair group.
    const groups = predefinedPeerGroups([], [['industry', 'sizeBand']], units, {}, threeOrMore);
    expect(groups.map((g) => g.id)).toEqual([
      'all',
      'industry:telecom;sizeBand:S,M',
      'industry:telecom;sizeBand:L',
    ]);
    expect(groups[1]).toMatchObject({ kind: 'pair' });
  });

  it('keeps every combination with a unit without standsAlone', () => {
    expect(predefinedPeerGroups([], [['industry', 'sizeBand']], units).length).toBe(6);
  });

  it('keeps the pair group of a first band whose units were in one band to begin with', () => {
    const oneBand = range(0, 2).map(() =>
      createUnitProfile({ industry: 'banking', sizeBand: 'M' }),
    );
    expect(
      predefinedPeerGroups([], [['industry', 'sizeBand']], oneBand, {}, threeOrMore).map(
        (g) => g.id,
      ),
    ).toEqual(['all', 'industry:banking;sizeBand:M']);
  });
});

describe('the folded pairs of a snapshot', () => {
  // telecom: S 3 units, M 6, L 6, each unit a company of its own; one KPI supplied by all.
  const profiles = [
    ...range(0, 2).map(() => createUnitProfile({ sizeBand: 'S' })),
    ...range(3, 8).map(() => createUnitProfile({ sizeBand: 'M' })),
    ...range(9, 14).map(() => createUnitProfile({ sizeBand: 'L' })),
  ];
  const decisionsWith = (standsAlone?: StandsAlone) =>
    decisions(
      computeSnapshot({
        ...createBenchmarkInput({
          profiles,
          kpis: [{ key: 'x', values: range(0, 14).map((u) => 10 + u) }],
          peerGroups: [],
        }),
        peerGroups: predefinedPeerGroups(
          ['industry'],
          [['industry', 'sizeBand']],
          profiles,
          {},
          standsAlone,
        ),
      }),
    );

  it('releases what the small band would have cost its neighbour', () => {
    // Unfolded, telecom less M less L is the sum of the 3 S units: the audit refuses L.
    expect(decisionsWith()).toEqual({
      all: { x: 'released' },
      'industry:telecom': { x: 'released' },
      'industry:telecom;sizeBand:S': { x: 'min_n' },
      'industry:telecom;sizeBand:M': { x: 'released' },
      'industry:telecom;sizeBand:L': { x: 'differencing' },
    });
    // S folded into M: "S, M" (9 units) and L (6) each leave every member at least minN others,
    // and telecom less one of them is the other. Both are released.
    const owners = profiles.map((_, u) => `company-${u}`);
    expect(decisionsWith(standingAlone(owners, 5))).toEqual({
      all: { x: 'released' },
      'industry:telecom': { x: 'released' },
      'industry:telecom;sizeBand:S,M': { x: 'released' },
      'industry:telecom;sizeBand:L': { x: 'released' },
    });
  });
});
