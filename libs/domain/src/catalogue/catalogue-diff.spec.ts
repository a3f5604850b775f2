import type { CatalogueDefinition, KpiItemDefinition } from './catalogue-definition';
import { diffCatalogues, isEmptyDiff } from './catalogue-diff';

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

function catalogue(items: KpiItemDefinition[]): CatalogueDefinition {
  return { key: 'c', version: 1, name: { de: 'K', en: 'C' }, items, rules: [] };
}

describe('diffCatalogues', () => {
  it('finds nothing between a version and its copy', () => {
    const a = catalogue([item('a'), item('b', { formula: 'a * 2' })]);
    const diff = diffCatalogues(a, structuredClone(a));
    expect(isEmptyDiff(diff)).toBe(true);
  });

  // Before: a, b, c. After: a, x, c' (c's unit and label changed), d. By hand: x and d are new
  // at positions 2 and 4, b was at position 2; among the kept items (a, c) nobody moved.
  it('lists added, removed and changed items with old and new value per field', () => {
    const before = catalogue([item('a'), item('b'), item('c', { unit: 'EUR' })]);
    const after = catalogue([
      item('a'),
      item('x'),
      item('c', { unit: 's', label: { de: 'DE c', en: 'Handling time' } }),
      item('d'),
    ]);
    const diff = diffCatalogues(before, after);
    expect(diff.items.added).toEqual([
      { key: 'x', position: 2 },
      { key: 'd', position: 4 },
    ]);
    expect(diff.items.removed).toEqual([{ key: 'b', position: 2 }]);
    expect(diff.items.changed).toEqual([
      {
        key: 'c',
        changes: [
          { field: 'unit', before: 'EUR', after: 's' },
          { field: 'label.en', before: 'EN c', after: 'Handling time' },
        ],
      },
    ]);
  });

  it('reports a move among the kept items, bounds, formula and required as fields', () => {
    const before = catalogue([item('a'), item('b', { min: 0 }), item('c', { formula: 'a + b' })]);
    const after = catalogue([
      item('c', { formula: 'a - b' }),
      item('a', { required: true }),
      item('b', { max: 10 }),
    ]);
    const diff = diffCatalogues(before, after);
    expect(diff.items.changed).toEqual([
      {
        key: 'c',
        changes: [
          { field: 'position', before: 3, after: 1 },
          { field: 'formula', before: 'a + b', after: 'a - b' },
        ],
      },
      {
        key: 'a',
        changes: [
          { field: 'position', before: 1, after: 2 },
          { field: 'required', before: false, after: true },
        ],
      },
      {
        key: 'b',
        changes: [
          { field: 'position', before: 2, after: 3 },
          { field: 'min', before: 0, after: null },
          { field: 'max', before: null, after: 10 },
        ],
      },
    ]);
  });

  it('treats an absent benchmarked as true and compares choices as one text', () => {
    const before = catalogue([
      item('s', {
        type: 'choice',
        choices: [{ value: 'in_house', label: { de: 'Intern', en: 'In-house' } }],
      }),
      item('v', { benchmarked: true }),
    ]);
    const after = catalogue([
      item('s', {
        type: 'choice',
        choices: [
          { value: 'in_house', label: { de: 'Intern', en: 'In-house' } },
          { value: 'outsourced', label: { de: 'Extern', en: 'Outsourced' } },
        ],
      }),
      item('v'),
    ]);
    expect(diffCatalogues(before, after).items.changed).toEqual([
      {
        key: 's',
        changes: [
          {
            field: 'choices',
            before: 'in_house (Intern / In-house)',
            after: 'in_house (Intern / In-house), outsourced (Extern / Outsourced)',
          },
        ],
      },
    ]);
  });

  it('compares the rules by id and the name by language', () => {
    const rule = {
      id: 'r1',
      severity: 'error' as const,
      expression: 'a <= b',
      message: { de: 'M', en: 'M' },
    };
    const before = { ...catalogue([item('a'), item('b')]), rules: [rule] };
    const after = {
      ...catalogue([item('a'), item('b')]),
      name: { de: 'K', en: 'Catalogue' },
      rules: [{ ...rule, severity: 'warning' as const, keys: ['a', 'b'] }],
    };
    const diff = diffCatalogues(before, after);
    expect(diff.name).toEqual([{ field: 'name.en', before: 'C', after: 'Catalogue' }]);
    expect(diff.rules.changed).toEqual([
      {
        key: 'r1',
        changes: [
          { field: 'severity', before: 'error', after: 'warning' },
          { field: 'keys', before: null, after: 'a, b' },
        ],
      },
    ]);
  });
});
