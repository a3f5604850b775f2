import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { CatalogueDefinition, KpiItemDefinition } from './catalogue-definition';
import {
  loadEditedCatalogue,
  withItemAdded,
  withItemRemoved,
  withItemReplaced,
} from './catalogue-editor';

function item(key: string, overrides: Partial<KpiItemDefinition> = {}): KpiItemDefinition {
  return {
    key,
    area: 'volume',
    type: 'number',
    unit: null,
    label: { de: `DE ${key}`, en: `EN ${key}` },
    help: { de: '', en: '' },
    required: false,
    polarity: 'neutral',
    ...overrides,
  };
}

const base: CatalogueDefinition = {
  key: 'c',
  version: 2,
  name: { de: 'K', en: 'C' },
  items: [
    item('leavers'),
    item('headcount'),
    item('attrition', { formula: 'leavers / headcount' }),
  ],
  rules: [],
};

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

const keys = (d: CatalogueDefinition) => d.items.map((i) => i.key);

describe('catalogue editor', () => {
  it('replaces an item in place and moves it when a position is given', () => {
    const edited = withItemReplaced(base, 'headcount', {
      item: item('headcount', { unit: 'persons' }),
      position: 1,
    });
    expect(keys(edited)).toEqual(['headcount', 'leavers', 'attrition']);
    expect(edited.items[0].unit).toBe('persons');
    expect(keys(base)).toEqual(['leavers', 'headcount', 'attrition']);
  });

  it('adds an item last by default, or at its position, and removes one', () => {
    expect(keys(withItemAdded(base, { item: item('fte') }))).toEqual([
      'leavers',
      'headcount',
      'attrition',
      'fte',
    ]);
    expect(keys(withItemAdded(base, { item: item('fte'), position: 2 }))).toEqual([
      'leavers',
      'fte',
      'headcount',
      'attrition',
    ]);
    expect(keys(withItemRemoved(base, 'leavers'))).toEqual(['headcount', 'attrition']);
  });

  it('refuses a position outside the list, a taken key and an unknown item', () => {
    const position = refusal(() => withItemAdded(base, { item: item('fte'), position: 5 }));
    expect(position.messageIn('en')).toBe('position must be a whole number from 1 to 4, got 5');
    expect(position.messageIn('de')).toBe(
      'position muss eine ganze Zahl von 1 bis 4 sein, erhielt 5',
    );
    const taken = refusal(() => withItemAdded(base, { item: item('leavers') }));
    expect(taken.code).toBe(DomainErrorCode.Conflict);
    expect(refusal(() => withItemRemoved(base, 'nope')).code).toBe(DomainErrorCode.NotFound);
  });

  it('refuses a formula with an unknown key, naming the item and the key', () => {
    const edited = withItemReplaced(base, 'attrition', {
      item: item('attrition', { formula: 'leaverz / headcount' }),
    });
    const error = refusal(() => loadEditedCatalogue(edited, 'attrition'));
    expect(error.code).toBe(DomainErrorCode.CatalogueInvalid);
    expect(error.messageIn('en')).toBe(
      "Item 'attrition' was not saved: 1 problem, the first: item 'attrition': formula references unknown key 'leaverz'",
    );
    expect(error.messageIn('de')).toBe(
      "Das Element 'attrition' wurde nicht gespeichert: 1 Problem, das erste: Element 'attrition': formula verweist auf den unbekannten Schlüssel 'leaverz'",
    );
    expect(error.problems).toEqual([
      {
        key: 'attrition',
        rule: 'formula_unknown_key',
        message: "formula references unknown key 'leaverz'",
      },
    ]);
  });

  it('refuses a formula that does not parse, naming the position', () => {
    const edited = withItemReplaced(base, 'attrition', {
      item: item('attrition', { formula: 'leavers / * headcount' }),
    });
    const error = refusal(() => loadEditedCatalogue(edited, 'attrition'));
    expect(error.problems[0].rule).toBe('formula_syntax');
    // "leavers / * headcount": the '*' is the 11th character.
    expect(error.problemsIn('en')[0].message).toMatch(/at position 11/);
    expect(error.problemsIn('de')[0].message).toMatch(/an Position 11/);
  });

  it('refuses a cycle, naming its path', () => {
    const edited = withItemReplaced(
      withItemAdded(base, { item: item('ratio', { formula: 'attrition * 2' }) }),
      'attrition',
      { item: item('attrition', { formula: 'ratio / headcount' }) },
    );
    const error = refusal(() => loadEditedCatalogue(edited, 'attrition'));
    expect(error.problems.map((p) => [p.rule, p.message])).toEqual([
      ['formula_cycle', 'cyclic formula: attrition -> ratio -> attrition'],
    ]);
  });

  it('refuses removing an item another formula reads, naming that item', () => {
    const error = refusal(() =>
      loadEditedCatalogue(withItemRemoved(base, 'headcount'), 'headcount', 'removed'),
    );
    expect(error.messageIn('en')).toBe(
      "Item 'headcount' was not removed: 1 problem, the first: item 'attrition': formula references unknown key 'headcount'",
    );
  });
});
