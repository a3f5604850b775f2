import type {
  CatalogueDefinition,
  CrossFieldRuleDefinition,
  KpiItemDefinition,
} from './catalogue-definition';

/** A field's value as the diff shows it: absent fields are `null`. */
export type CatalogueFieldValue = string | number | boolean | null;

/** One field of an item or rule that differs between two versions, old -> new. */
export interface CatalogueFieldChange {
  field: string;
  before: CatalogueFieldValue;
  after: CatalogueFieldValue;
}

/** An item or rule present in both versions, with the fields that differ. */
export interface CatalogueEntryChange {
  key: string;
  changes: CatalogueFieldChange[];
}

/** An item or rule present in one version only, with its 1-based position there. */
export interface CatalogueEntryPresence {
  key: string;
  position: number;
}

/** What changed from one catalogue version (`from`) to another (`to`). */
export interface CatalogueDiff {
  /** The name's fields (`name.de`, `name.en`) that differ. */
  name: CatalogueFieldChange[];
  items: {
    added: CatalogueEntryPresence[];
    removed: CatalogueEntryPresence[];
    changed: CatalogueEntryChange[];
  };
  rules: {
    added: CatalogueEntryPresence[];
    removed: CatalogueEntryPresence[];
    changed: CatalogueEntryChange[];
  };
}

/** The fields of an item in the order a reader compares them, each as one comparable value. */
export const CATALOGUE_ITEM_FIELDS = [
  'position',
  'area',
  'type',
  'unit',
  'label.de',
  'label.en',
  'help.de',
  'help.en',
  'min',
  'max',
  'required',
  'polarity',
  'formula',
  'choices',
  'benchmarked',
  'weightKey',
] as const;

export const CATALOGUE_RULE_FIELDS = [
  'position',
  'severity',
  'expression',
  'keys',
  'message.de',
  'message.en',
] as const;

const orNull = (value: CatalogueFieldValue | undefined): CatalogueFieldValue => value ?? null;

/** The choices as one text, `value (label de / label en)` each, in their order. */
function choicesText(item: KpiItemDefinition): string | null {
  if (item.choices === undefined) {
    return null;
  }
  return item.choices.map((c) => `${c.value} (${c.label.de} / ${c.label.en})`).join(', ');
}

function itemFields(
  item: KpiItemDefinition,
  position: number,
): Record<(typeof CATALOGUE_ITEM_FIELDS)[number], CatalogueFieldValue> {
  return {
    position,
    area: item.area,
    type: item.type,
    unit: orNull(item.unit),
    'label.de': item.label.de,
    'label.en': item.label.en,
    'help.de': item.help.de,
    'help.en': item.help.en,
    min: orNull(item.min),
    max: orNull(item.max),
    required: item.required,
    polarity: item.polarity,
    formula: orNull(item.formula),
    choices: choicesText(item),
    // Absent means benchmarked: the same figure either way.
    benchmarked: item.benchmarked ?? true,
    weightKey: orNull(item.weightKey),
  };
}

function ruleFields(
  rule: CrossFieldRuleDefinition,
  position: number,
): Record<(typeof CATALOGUE_RULE_FIELDS)[number], CatalogueFieldValue> {
  return {
    position,
    severity: rule.severity,
    expression: rule.expression,
    keys: rule.keys === undefined ? null : rule.keys.join(', '),
    'message.de': rule.message.de,
    'message.en': rule.message.en,
  };
}

/**
 * Compares two lists of keyed entries. A position counts among the entries both lists keep,
 * so that adding or removing one entry does not report every entry after it as moved; only a
 * change of order among the kept ones does.
 */
function compareEntries<T, F extends string>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (entry: T) => string,
  fieldsOf: (entry: T, position: number) => Record<F, CatalogueFieldValue>,
  fieldOrder: readonly F[],
): CatalogueDiff['items'] {
  const beforeKeys = new Set(before.map(keyOf));
  const afterKeys = new Set(after.map(keyOf));
  const added = after
    .map((entry, index) => ({ key: keyOf(entry), position: index + 1 }))
    .filter((e) => !beforeKeys.has(e.key));
  const removed = before
    .map((entry, index) => ({ key: keyOf(entry), position: index + 1 }))
    .filter((e) => !afterKeys.has(e.key));
  const keptBefore = before.filter((entry) => afterKeys.has(keyOf(entry)));
  const keptAfter = after.filter((entry) => beforeKeys.has(keyOf(entry)));
  const beforeByKey = new Map(keptBefore.map((entry, index) => [keyOf(entry), { entry, index }]));
  const changed: CatalogueEntryChange[] = [];
  keptAfter.forEach((entry, index) => {
    const key = keyOf(entry);
    const old = beforeByKey.get(key);
    if (!old) {
      return;
    }
    const oldFields = fieldsOf(old.entry, old.index + 1);
    const newFields = fieldsOf(entry, index + 1);
    const changes = fieldOrder
      .filter((field) => oldFields[field] !== newFields[field])
      .map((field) => ({ field, before: oldFields[field], after: newFields[field] }));
    if (changes.length > 0) {
      changed.push({ key, changes });
    }
  });
  return { added, removed, changed };
}

/**
 * What changed from catalogue `from` to catalogue `to`: items and rules added, removed, and
 * changed field by field (old -> new), in `to`'s order, then the name. Positions of changed
 * entries are 1-based among the entries both versions have; those of added and removed ones
 * are 1-based in their own version.
 */
export function diffCatalogues(from: CatalogueDefinition, to: CatalogueDefinition): CatalogueDiff {
  const name = (['de', 'en'] as const)
    .filter((lang) => from.name[lang] !== to.name[lang])
    .map((lang) => ({ field: `name.${lang}`, before: from.name[lang], after: to.name[lang] }));
  return {
    name,
    items: compareEntries(from.items, to.items, (i) => i.key, itemFields, CATALOGUE_ITEM_FIELDS),
    rules: compareEntries(from.rules, to.rules, (r) => r.id, ruleFields, CATALOGUE_RULE_FIELDS),
  };
}

/** Whether two versions ask the same questions the same way (a diff without any entry). */
export function isEmptyDiff(diff: CatalogueDiff): boolean {
  const none = (part: CatalogueDiff['items']) =>
    part.added.length + part.removed.length + part.changed.length === 0;
  return diff.name.length === 0 && none(diff.items) && none(diff.rules);
}
