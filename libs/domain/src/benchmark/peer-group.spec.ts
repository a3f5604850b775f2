import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { createUnitProfile, createUnitProfiles } from './benchmark-test-factories';
import {
  foldSizeBands,
  matchesPeerGroup,
  parsePeerGroupId,
  peerGroupDefinition,
  peerGroupId,
  peerGroupLabel,
  predefinedPeerGroups,
  validatePeerGroupFilter,
} from './peer-group';

/** The problems of the DomainError that `action` throws. */
function problemsOf(action: () => unknown): Array<{ key: string; rule: string }> {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(DomainErrorCode.ValidationFailed);
    return (error as DomainError).problems.map(({ key, rule }) => ({ key, rule }));
  }
  throw new Error('expected a DomainError');
}

describe('peerGroupId', () => {
  it('is "all" for the empty filter', () => {
    expect(peerGroupId({})).toBe('all');
  });

  it('lists dimensions and values in the canonical order', () => {
    expect(peerGroupId({ sizeBand: ['L'], industry: ['utilities', 'telecom'] })).toBe(
      'industry:telecom,utilities;sizeBand:L',
    );
    expect(peerGroupId({ sourcing: ['mixed', 'inhouse'], country: ['CH', 'DE', 'AT'] })).toBe(
      'country:DE,AT,CH;sourcing:inhouse,mixed',
    );
  });

  it('drops repeated values', () => {
    expect(peerGroupId({ industry: ['telecom', 'telecom'] })).toBe('industry:telecom');
  });

  it('refuses an unknown value', () => {
    expect(problemsOf(() => peerGroupId({ industry: ['mining'] }))).toEqual([
      { key: 'industry', rule: 'unknown_value' },
    ]);
  });
});

describe('parsePeerGroupId', () => {
  it('is the inverse of peerGroupId', () => {
    for (const filter of [
      {},
      { industry: ['telecom', 'utilities'], sizeBand: ['L'] },
      { customerType: ['b2b'] },
    ]) {
      expect(parsePeerGroupId(peerGroupId(filter))).toEqual(filter);
    }
  });

  it('accepts any order and returns the canonical filter', () => {
    expect(parsePeerGroupId('sizeBand:XL,S;industry:banking')).toEqual({
      industry: ['banking'],
      sizeBand: ['S', 'XL'],
    });
  });

  it.each([
    ['region:DE', 'region', 'unknown_dimension'],
    ['industry:mining', 'industry', 'unknown_value'],
    ['industry:', 'industry', 'unknown_value'],
    ['industry', 'industry', 'malformed'],
    ['', '', 'malformed'],
    ['industry:telecom;industry:banking', 'industry', 'duplicate_dimension'],
    ['__proto__:x', '__proto__', 'unknown_dimension'],
  ])('refuses %p, naming %p (%s)', (id, key, rule) => {
    expect(problemsOf(() => parsePeerGroupId(id))).toEqual([{ key, rule }]);
  });
});

describe('validatePeerGroupFilter', () => {
  it('returns the canonical filter', () => {
    expect(validatePeerGroupFilter({ sizeBand: ['XL', 'S'], industry: ['telecom'] })).toEqual({
      industry: ['telecom'],
      sizeBand: ['S', 'XL'],
    });
  });

  it.each([null, [], 'industry:telecom', 3])('refuses %p as not an object', (input) => {
    expect(problemsOf(() => validatePeerGroupFilter(input))).toEqual([
      { key: 'filter', rule: 'not_an_object' },
    ]);
  });

  it('reports every problem at once, by dimension', () => {
    expect(
      problemsOf(() =>
        validatePeerGroupFilter({
          region: ['DE'],
          industry: 'telecom',
          country: [],
          sizeBand: ['M', 'XXL', 3],
        }),
      ),
    ).toEqual([
      { key: 'region', rule: 'unknown_dimension' },
      { key: 'industry', rule: 'not_an_array' },
      { key: 'country', rule: 'empty' },
      { key: 'sizeBand', rule: 'unknown_value' },
      { key: 'sizeBand', rule: 'unknown_value' },
    ]);
  });

  it('says in the message which value is wrong and which are allowed, in either language', () => {
    try {
      validatePeerGroupFilter({ sizeBand: ['XXL'] });
    } catch (error) {
      expect((error as DomainError).problemsIn('en')[0].message).toBe(
        "'XXL' is not a value of sizeBand; the values are S, M, L, XL.",
      );
      expect((error as DomainError).problemsIn('de')[0].message).toBe(
        "'XXL' ist kein Wert von sizeBand; die Werte sind S, M, L, XL.",
      );
      expect((error as DomainError).messageIn('de')).toBe(
        "Ungültiger Vergleichsgruppen-Filter: sizeBand: 'XXL' ist kein Wert von sizeBand; die Werte sind S, M, L, XL.",
      );
    }
    expect.assertions(3);
  });
});

describe('peerGroupLabel', () => {
  it('names all participants for the empty filter', () => {
    expect(peerGroupLabel({})).toEqual({ de: 'Alle Teilnehmer', en: 'All participants' });
  });

  it('names the dimensions in the language and lists the values', () => {
    expect(peerGroupLabel({ sizeBand: ['L'], industry: ['utilities', 'telecom'] })).toEqual({
      de: 'Branche: telecom, utilities · Größenklasse: L',
      en: 'Industry: telecom, utilities · Size band: L',
    });
  });
});

describe('peerGroupDefinition', () => {
  it('is a custom group with canonical filter, id and label', () => {
    expect(peerGroupDefinition({ customerType: ['b2c', 'b2b'] })).toEqual({
      id: 'customerType:b2b,b2c',
      kind: 'custom',
      filter: { customerType: ['b2b', 'b2c'] },
      label: { de: 'Kundentyp: b2b, b2c', en: 'Customer type: b2b, b2c' },
    });
  });
});

describe('matchesPeerGroup', () => {
  const unit = createUnitProfile({ industry: 'banking', sizeBand: 'L' });

  it('matches every unit with the empty filter', () => {
    expect(matchesPeerGroup(unit, {})).toBe(true);
  });

  it('needs one of the values of every filtered dimension', () => {
    expect(matchesPeerGroup(unit, { industry: ['telecom', 'banking'] })).toBe(true);
    expect(matchesPeerGroup(unit, { industry: ['banking'], sizeBand: ['L', 'XL'] })).toBe(true);
    expect(matchesPeerGroup(unit, { industry: ['banking'], sizeBand: ['S'] })).toBe(false);
    expect(matchesPeerGroup(unit, { country: ['AT'] })).toBe(false);
  });
});

describe('predefinedPeerGroups', () => {
  const units = [
    createUnitProfile({ industry: 'utilities', sizeBand: 'L' }),
    createUnitProfile({ industry: 'telecom', sizeBand: 'S' }),
    createUnitProfile({ industry: 'telecom', sizeBand: 'L' }),
    createUnitProfile({ industry: 'utilities', sizeBand: 'L' }),
  ];

  it('lists all, then the values present per dimension, then the combinations present', () => {
    const groups = predefinedPeerGroups(
      ['industry', 'sizeBand'],
      [['industry', 'sizeBand']],
      units,
    );
    expect(groups.map((g) => [g.kind, g.id])).toEqual([
      ['all', 'all'],
      ['dimension', 'industry:telecom'],
      ['dimension', 'industry:utilities'],
      ['dimension', 'sizeBand:S'],
      ['dimension', 'sizeBand:L'],
      ['pair', 'industry:telecom;sizeBand:S'],
      ['pair', 'industry:telecom;sizeBand:L'],
      ['pair', 'industry:utilities;sizeBand:L'],
    ]);
  });

  it('orders the combinations by the pair as given, and keeps ids canonical', () => {
    const groups = predefinedPeerGroups([], [['sizeBand', 'industry']], units);
    expect(groups.map((g) => g.id)).toEqual([
      'all',
      'industry:telecom;sizeBand:S',
      'industry:telecom;sizeBand:L',
      'industry:utilities;sizeBand:L',
    ]);
  });

  it('labels the groups in both languages', () => {
    const [all, telecom] = predefinedPeerGroups(['industry'], [], units);
    expect(all.label).toEqual({ de: 'Alle Teilnehmer', en: 'All participants' });
    expect(telecom).toMatchObject({
      filter: { industry: ['telecom'] },
      label: { de: 'Branche: telecom', en: 'Industry: telecom' },
    });
  });

  it('is "all" alone without units', () => {
    expect(
      predefinedPeerGroups(['industry'], [['industry', 'sizeBand']], []).map((g) => g.id),
    ).toEqual(['all']);
  });
});

describe('foldSizeBands', () => {
  /** Units with these counts per size band S, M, L, XL, in that order. */
  const withBands = (s: number, m: number, l: number, xl: number) => {
    // Listed from XL down, so that only the counts can matter, not the order of the units.
    const bands = [
      ...Array<string>(xl).fill('XL'),
      ...Array<string>(l).fill('L'),
      ...Array<string>(m).fill('M'),
      ...Array<string>(s).fill('S'),
    ];
    return createUnitProfiles(bands.length, (i) => ({ sizeBand: bands[i] }));
  };

  it('folds nothing when every band has foldBelowN units', () => {
    expect(foldSizeBands(withBands(10, 30, 15, 10), 10)).toEqual({});
  });

  it('puts a lone XL unit into "L, XL"', () => {
    // XL (1) is the smallest and has one neighbour; L + XL = 16 is enough.
    expect(foldSizeBands(withBands(20, 30, 15, 1), 10)).toEqual({
      sizeBand: [['S'], ['M'], ['L', 'XL']],
    });
  });

  it('merges a band in the middle into its smaller neighbour', () => {
    // M (3) between S (20) and L (12): into L.
    expect(foldSizeBands(withBands(20, 3, 12, 30), 10)).toEqual({
      sizeBand: [['S'], ['M', 'L'], ['XL']],
    });
  });

  it('merges into the lower neighbour when both are the same size', () => {
    expect(foldSizeBands(withBands(12, 3, 12, 30), 10)).toEqual({
      sizeBand: [['S', 'M'], ['L'], ['XL']],
    });
  });

  it('folds the smallest band first, the lower one of equal counts', () => {
    // S (3) and XL (3) tie: S into M (23), then XL into L (23).
    expect(foldSizeBands(withBands(3, 20, 20, 3), 10)).toEqual({
      sizeBand: [
        ['S', 'M'],
        ['L', 'XL'],
      ],
    });
  });

  it('folds again and again until every band is large enough or one is left', () => {
    // S (2) into M: 5. L (4) into "S, M" (5 <= 30): 9. "S, M, L" (9) into XL: one band.
    expect(foldSizeBands(withBands(2, 3, 4, 30), 10)).toEqual({
      sizeBand: [['S', 'M', 'L', 'XL']],
    });
  });

  it('leaves out bands without units and folds across them', () => {
    // S and XL are empty; L (1) has M (15) as its only neighbour.
    expect(foldSizeBands(withBands(0, 15, 1, 0), 10)).toEqual({ sizeBand: [['M', 'L']] });
    // With one band present nothing can be folded, however small it is.
    expect(foldSizeBands(withBands(0, 0, 3, 0), 10)).toEqual({});
    expect(foldSizeBands([], 10)).toEqual({});
  });

  it('gives predefinedPeerGroups one group per folded band, alone and in pairs', () => {
    const units = [
      createUnitProfile({ industry: 'utilities', sizeBand: 'L' }),
      createUnitProfile({ industry: 'telecom', sizeBand: 'S' }),
      createUnitProfile({ industry: 'telecom', sizeBand: 'XL' }),
      createUnitProfile({ industry: 'utilities', sizeBand: 'L' }),
    ];
    const groups = predefinedPeerGroups(['sizeBand'], [['industry', 'sizeBand']], units, {
      sizeBand: [['S'], ['M'], ['L', 'XL']],
    });
    expect(groups.map((g) => g.id)).toEqual([
      'all',
      'sizeBand:S',
      'sizeBand:L,XL',
      'industry:telecom;sizeBand:S',
      'industry:telecom;sizeBand:L,XL',
      'industry:utilities;sizeBand:L,XL',
    ]);
    expect(groups[2]).toMatchObject({ kind: 'dimension', filter: { sizeBand: ['L', 'XL'] } });
  });
});
