import { DomainError, DomainErrorCode, Problem } from '../errors/domain-error';
import { loadCatalogue } from './catalogue';
import {
  CatalogueDefinition,
  CrossFieldRuleDefinition,
  KpiItemDefinition,
} from './catalogue-definition';

function createItem(overrides: Partial<KpiItemDefinition> & { key: string }): KpiItemDefinition {
  return {
    area: 'volume',
    type: 'number',
    unit: null,
    label: { de: `Bezeichnung ${overrides.key}`, en: `Label ${overrides.key}` },
    help: { de: '', en: '' },
    required: false,
    polarity: 'neutral',
    ...overrides,
  };
}

function createRule(
  overrides: Partial<CrossFieldRuleDefinition> & { id: string },
): CrossFieldRuleDefinition {
  return {
    severity: 'error',
    expression: 'a <= b',
    message: { de: 'Regel verletzt', en: 'Rule broken' },
    ...overrides,
  };
}

function createCatalogue(overrides: Partial<CatalogueDefinition> = {}): CatalogueDefinition {
  return {
    key: 'test-catalogue',
    version: 1,
    name: { de: 'Testkatalog', en: 'Test catalogue' },
    items: [createItem({ key: 'a' }), createItem({ key: 'b' })],
    rules: [],
    ...overrides,
  };
}

function problemsOf(definition: CatalogueDefinition): Problem[] {
  try {
    loadCatalogue(definition);
  } catch (error) {
    if (error instanceof DomainError) {
      expect(error.code).toBe(DomainErrorCode.CatalogueInvalid);
      return error.problems;
    }
    throw error;
  }
  throw new Error('expected the catalogue to be refused');
}

const withItems = (...items: KpiItemDefinition[]): CatalogueDefinition =>
  createCatalogue({ items });

describe('loadCatalogue validation', () => {
  it('accepts a small valid catalogue', () => {
    expect(loadCatalogue(createCatalogue()).items.map((item) => item.key)).toEqual(['a', 'b']);
  });

  it('refuses a formula with an unknown key', () => {
    expect(
      problemsOf(
        withItems(
          createItem({ key: 'a' }),
          createItem({ key: 'rate', formula: 'a / headcount * 100' }),
        ),
      ),
    ).toEqual([
      {
        key: 'rate',
        rule: 'formula_unknown_key',
        message: "formula references unknown key 'headcount'",
      },
    ]);
  });

  it('refuses a cycle of formulas and names it', () => {
    expect(
      problemsOf(
        withItems(
          createItem({ key: 'x', formula: 'y + 1' }),
          createItem({ key: 'y', formula: 'z * 2' }),
          createItem({ key: 'z', formula: 'x - 1' }),
          createItem({ key: 'self', formula: 'self + 1' }),
        ),
      ),
    ).toEqual([
      { key: 'x', rule: 'formula_cycle', message: 'cyclic formula: x -> y -> z -> x' },
      { key: 'self', rule: 'formula_cycle', message: 'cyclic formula: self -> self' },
    ]);
  });

  it.each([
    [
      { type: 'percent', max: 120 },
      "a percent item's bounds must lie within 0..100, but max is 120",
    ],
    [{ type: 'percent', min: -5 }, "a percent item's bounds must lie within 0..100, but min is -5"],
    [{ type: 'number', min: 10, max: 5 }, 'min 10 is greater than max 5'],
    [{ type: 'boolean', min: 0 }, 'a boolean item cannot have bounds (min)'],
    [
      { type: 'choice', max: 3, choices: [{ value: 'one', label: { de: 'eins', en: 'one' } }] },
      'a choice item cannot have bounds (max)',
    ],
    [{ type: 'integer', min: 0.5 }, 'an integer item needs whole-number bounds, but min is 0.5'],
    [{ type: 'currency', max: Number.NaN }, 'max must be a finite number, got NaN'],
  ] as Array<[Partial<KpiItemDefinition>, string]>)(
    'refuses bounds %p that contradict the type',
    (overrides, message) => {
      expect(problemsOf(withItems(createItem({ key: 'k', ...overrides })))).toEqual([
        { key: 'k', rule: 'bounds', message },
      ]);
    },
  );

  it('refuses bad and duplicate keys, naming both positions of a duplicate', () => {
    expect(
      problemsOf(
        withItems(
          createItem({ key: 'a' }),
          createItem({ key: 'Agent-FTE' }),
          createItem({ key: 'a' }),
          createItem({ key: 'sum' }),
          createItem({ key: '' }),
        ),
      ),
    ).toEqual([
      {
        key: 'Agent-FTE',
        rule: 'key_syntax',
        message:
          "key 'Agent-FTE' must be snake_case: a lower-case letter followed by lower-case letters, digits or '_'",
      },
      { key: 'a', rule: 'key_duplicate', message: "key 'a' is defined twice (items 1 and 3)" },
      {
        key: 'sum',
        rule: 'key_syntax',
        message: "key 'sum' is a reserved word of the formula language",
      },
      { key: 'items[4]', rule: 'key_syntax', message: 'item 5 has no key' },
    ]);
  });

  it('refuses a formula that does not parse, with the position', () => {
    expect(
      problemsOf(
        withItems(createItem({ key: 'a' }), createItem({ key: 'd', formula: 'a * (2 +' })),
      ),
    ).toEqual([
      {
        key: 'd',
        rule: 'formula_syntax',
        message:
          "formula does not parse: unexpected end of formula at position 9, expected a number, a KPI key or '('",
      },
    ]);
  });

  it('refuses formulas whose type does not fit the item or the operators', () => {
    expect(
      problemsOf(
        withItems(
          createItem({ key: 'n' }),
          createItem({ key: 'flag', type: 'boolean' }),
          createItem({ key: 'bool_from_number', type: 'boolean', formula: 'n * 2' }),
          createItem({ key: 'number_from_bool', type: 'percent', formula: 'n > 2' }),
          createItem({ key: 'mixed', formula: 'flag + n' }),
        ),
      ),
    ).toEqual([
      {
        key: 'bool_from_number',
        rule: 'formula_type',
        message: 'a boolean item needs a formula that gives a boolean, but this one gives a number',
      },
      {
        key: 'number_from_bool',
        rule: 'formula_type',
        message: 'a percent item needs a formula that gives a number, but this one gives a boolean',
      },
      {
        key: 'mixed',
        rule: 'formula_type',
        message:
          "formula: '+' at position 6 needs numbers on both sides, but the left side is a boolean",
      },
    ]);
  });

  it('refuses a formula reading a choice item and a choice item with a formula', () => {
    const choice = createItem({
      key: 'horizon',
      type: 'choice',
      choices: [{ value: 'short', label: { de: 'kurz', en: 'short' } }],
    });
    expect(
      problemsOf(
        withItems(
          choice,
          createItem({ key: 'd', formula: 'horizon + 1' }),
          createItem({ ...choice, key: 'c2', formula: '1' }),
        ),
      ),
    ).toEqual([
      { key: 'c2', rule: 'formula_type', message: 'a choice item cannot be derived by a formula' },
      {
        key: 'd',
        rule: 'formula_type',
        message:
          "formula reads the choice item 'horizon'; formulas work on numbers and yes/no items only",
      },
    ]);
  });

  it('refuses choice items without choices, duplicate choices and choices on other types', () => {
    expect(
      problemsOf(
        withItems(
          createItem({ key: 'none', type: 'choice' }),
          createItem({
            key: 'twice',
            type: 'choice',
            choices: [
              { value: 'x', label: { de: 'x', en: 'x' } },
              { value: 'x', label: { de: 'x', en: '' } },
            ],
          }),
          createItem({ key: 'num', choices: [{ value: 'x', label: { de: 'x', en: 'x' } }] }),
        ),
      ),
    ).toEqual([
      { key: 'none', rule: 'choices', message: 'a choice item needs at least one choice' },
      { key: 'twice', rule: 'choices', message: "choice 'x' is listed twice" },
      { key: 'twice', rule: 'label_missing', message: "label of choice 'x' is missing in en" },
      { key: 'num', rule: 'choices', message: 'a number item cannot have choices' },
    ]);
  });

  it('refuses a derived item marked required and missing labels', () => {
    expect(
      problemsOf(
        withItems(
          createItem({ key: 'a' }),
          createItem({
            key: 'd',
            formula: 'a * 2',
            required: true,
            label: { de: 'Doppelt', en: ' ' },
          }),
          createItem({ key: 'e', help: { de: 'Nur deutsch', en: '' } }),
        ),
      ),
    ).toEqual([
      { key: 'd', rule: 'label_missing', message: 'label is missing in en' },
      {
        key: 'd',
        rule: 'derived_required',
        message: 'a derived item cannot be required: it is computed, not entered',
      },
      { key: 'e', rule: 'help_missing', message: 'help is given in de but missing in en' },
    ]);
  });

  it('refuses weight keys that are unknown or not numbers', () => {
    expect(
      problemsOf(
        withItems(
          createItem({ key: 'flag', type: 'boolean' }),
          createItem({ key: 'r1', weightKey: 'volume' }),
          createItem({ key: 'r2', weightKey: 'flag' }),
          createItem({ key: 'r3', weightKey: 'r3' }),
        ),
      ),
    ).toEqual([
      { key: 'r1', rule: 'weight', message: "weightKey references unknown key 'volume'" },
      {
        key: 'r2',
        rule: 'weight',
        message: "weightKey 'flag' is a boolean item, a weight must be a number",
      },
      { key: 'r3', rule: 'weight', message: 'an item cannot be weighted by itself' },
    ]);
  });

  it('refuses rules that are not boolean, read unknown keys, do not parse or repeat an id', () => {
    expect(
      problemsOf(
        createCatalogue({
          rules: [
            createRule({ id: 'numeric', expression: 'a + b' }),
            createRule({ id: 'unknown', expression: 'a <= c and d > 0' }),
            createRule({ id: 'broken', expression: 'a <=' }),
            createRule({ id: 'bad_keys', keys: ['a', 'zz'] }),
            createRule({ id: 'numeric' }),
            createRule({ id: 'no_message', message: { de: '', en: 'x' } }),
          ],
        }),
      ),
    ).toEqual([
      {
        key: 'rules.numeric',
        rule: 'rule_type',
        message: 'expression gives a number; a rule needs a boolean expression that must hold',
      },
      {
        key: 'rules.unknown',
        rule: 'formula_unknown_key',
        message: "expression references unknown keys 'c', 'd'",
      },
      {
        key: 'rules.broken',
        rule: 'formula_syntax',
        message:
          "expression does not parse: unexpected end of formula at position 5, expected a number, a KPI key or '('",
      },
      {
        key: 'rules.bad_keys',
        rule: 'rule_unknown_key',
        message: "keys reference unknown key 'zz'",
      },
      { key: 'rules.numeric', rule: 'rule_id', message: "rule id 'numeric' is used twice" },
      { key: 'rules.no_message', rule: 'label_missing', message: 'message is missing in de' },
    ]);
  });

  it('refuses a bad catalogue key, version and name', () => {
    expect(
      problemsOf(createCatalogue({ key: 'CC Bench', version: 0, name: { de: '', en: '' } })),
    ).toEqual([
      {
        key: 'catalogue.key',
        rule: 'key_syntax',
        message:
          "catalogue key 'CC Bench' must be a lower-case letter followed by lower-case letters, digits or '-'",
      },
      {
        key: 'catalogue.version',
        rule: 'version',
        message: 'version must be a whole number from 1, got 0',
      },
      { key: 'catalogue.name', rule: 'label_missing', message: 'name is missing in de and en' },
    ]);
  });

  it('reports every problem in one error whose message names the count and the first', () => {
    const definition = withItems(
      createItem({ key: 'p', type: 'percent', max: 200 }),
      createItem({ key: 'q', formula: 'nope' }),
    );
    expect(() => loadCatalogue(definition)).toThrow(
      "catalogue 'test-catalogue' version 1 has 2 problems, the first: p: a percent item's bounds must lie within 0..100, but max is 200",
    );
  });

  it("says every problem in German as well, a formula's own included", () => {
    const definition = withItems(
      createItem({ key: 'p', type: 'percent', max: 200 }),
      createItem({ key: 'd', formula: 'a * (2 +' }),
    );
    try {
      loadCatalogue(definition);
    } catch (error) {
      expect((error as DomainError).messageIn('de')).toBe(
        "Der Fragebogen 'test-catalogue' version 1 hat 2 Probleme, das erste: p: die Grenzen eines Elements vom Typ percent müssen in 0..100 liegen, aber max ist 200",
      );
      expect((error as DomainError).problemsIn('de').map((p) => p.message)).toEqual([
        'die Grenzen eines Elements vom Typ percent müssen in 0..100 liegen, aber max ist 200',
        "formula lässt sich nicht lesen: Ende der Formel an Position 9 kommt unerwartet, erwartet: eine Zahl, ein KPI-Schlüssel oder '('",
      ]);
    }
    expect.assertions(2);
  });
});

describe('Catalogue', () => {
  const definition = createCatalogue({
    items: [
      createItem({ key: 'measured', area: 'customer', type: 'boolean' }),
      createItem({ key: 'score', area: 'customer' }),
      createItem({ key: 'total', area: 'volume', type: 'integer' }),
      createItem({ key: 'part', area: 'volume', type: 'integer' }),
      // Defined before the item it reads: derive must follow dependencies, not the list order.
      createItem({ key: 'share_squared', area: 'volume', formula: 'share * share / 100' }),
      createItem({ key: 'share', area: 'volume', type: 'percent', formula: 'part / total * 100' }),
      createItem({
        key: 'kind',
        area: 'strategy',
        type: 'choice',
        choices: [{ value: 'x', label: { de: 'x', en: 'x' } }],
      }),
    ],
    rules: [
      createRule({ id: 'part_within_total', expression: 'part <= total' }),
      createRule({
        id: 'score_only_when_measured',
        severity: 'warning',
        expression: 'measured or score != score',
        keys: ['score'],
      }),
    ],
  });
  const catalogue = loadCatalogue(definition);

  it('lists items, inputs, derived items and areas in their defined orders', () => {
    expect(catalogue.items.map((i) => i.key)).toEqual([
      'measured',
      'score',
      'total',
      'part',
      'share_squared',
      'share',
      'kind',
    ]);
    expect(catalogue.inputs().map((i) => i.key)).toEqual([
      'measured',
      'score',
      'total',
      'part',
      'kind',
    ]);
    expect(catalogue.derived().map((i) => i.key)).toEqual(['share_squared', 'share']);
    expect(catalogue.areas()).toEqual(['strategy', 'volume', 'customer']);
    expect(catalogue.item('share')?.formula).toBe('part / total * 100');
    expect(catalogue.item('missing')).toBeUndefined();
  });

  it('derives in dependency order and returns derived keys only', () => {
    expect(catalogue.derive({ total: 200, part: 50, kind: 'x' })).toEqual({
      share_squared: 6.25,
      share: 25,
    });
  });

  it('derives null for missing inputs, a zero divisor and answers of the wrong type', () => {
    expect(catalogue.derive({ part: 50 })).toEqual({ share_squared: null, share: null });
    expect(catalogue.derive({ part: 50, total: 0 })).toEqual({ share_squared: null, share: null });
    expect(catalogue.derive({ part: '50', total: 100 })).toEqual({
      share_squared: null,
      share: null,
    });
  });

  it('recomputes derived values instead of trusting ones in the answers', () => {
    expect(catalogue.derive({ part: 1, total: 4, share: 99 }).share).toBe(25);
  });

  it('reports violated rules with severity, keys and message', () => {
    expect(catalogue.checkRules({ part: 300, total: 200, measured: false, score: 7 })).toEqual([
      {
        id: 'part_within_total',
        severity: 'error',
        keys: ['part', 'total'],
        message: { de: 'Regel verletzt', en: 'Rule broken' },
      },
      {
        id: 'score_only_when_measured',
        severity: 'warning',
        keys: ['score'],
        message: { de: 'Regel verletzt', en: 'Rule broken' },
      },
    ]);
  });

  it('evaluates the derived KPIs and the rules that do not hold of the same answers at once', () => {
    // Hand-worked: 300 of 200 is a share of 150 %, squared over 100 is 225; part > total.
    expect(catalogue.evaluate({ part: 300, total: 200, measured: true, score: 7 })).toEqual({
      derived: { share_squared: 225, share: 150 },
      violations: [
        {
          id: 'part_within_total',
          severity: 'error',
          keys: ['part', 'total'],
          message: { de: 'Regel verletzt', en: 'Rule broken' },
        },
      ],
    });
  });

  it('skips a rule whose values are missing and passes rules that hold', () => {
    expect(catalogue.checkRules({ part: 300 })).toEqual([]);
    expect(catalogue.checkRules({ measured: false })).toEqual([]);
    expect(catalogue.checkRules({ part: 100, total: 200, measured: true, score: 7 })).toEqual([]);
  });

  it('is frozen, so that a loaded catalogue cannot drift from its hash', () => {
    expect(Object.isFrozen(catalogue.items[0])).toBe(true);
    definition.items[0].label.en = 'changed after loading';
    expect(catalogue.items[0].label.en).toBe('Label measured');
  });

  describe('hash', () => {
    it('is a sha256 hex digest', () => {
      expect(loadCatalogue(createCatalogue()).hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('is the same when the keys of the definition are written in another order', () => {
      const original = createCatalogue({ rules: [createRule({ id: 'r' })] });
      const reordered: CatalogueDefinition = {
        rules: [
          {
            message: { en: 'Rule broken', de: 'Regel verletzt' },
            expression: 'a <= b',
            severity: 'error',
            id: 'r',
          },
        ],
        items: original.items.map((item) => {
          const entries = Object.entries(item).reverse();
          return Object.fromEntries(entries) as unknown as KpiItemDefinition;
        }),
        name: { en: 'Test catalogue', de: 'Testkatalog' },
        version: 1,
        key: 'test-catalogue',
      };
      expect(loadCatalogue(reordered).hash).toBe(loadCatalogue(original).hash);
    });

    it('changes when the content changes, including the order of items', () => {
      const base = loadCatalogue(createCatalogue()).hash;
      expect(loadCatalogue(createCatalogue({ version: 2 })).hash).not.toBe(base);
      const swapped = createCatalogue({
        items: [createItem({ key: 'b' }), createItem({ key: 'a' })],
      });
      expect(loadCatalogue(swapped).hash).not.toBe(base);
    });
  });
});
