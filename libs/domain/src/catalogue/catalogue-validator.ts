import { DomainError, DomainErrorCode, Problem } from '../errors/domain-error';
import { FORMULA_RESERVED_WORDS } from '../formula/formula-functions';
import { FormulaNode, FormulaType, referencedKeys } from '../formula/formula-node';
import { parseFormula } from '../formula/formula-parser';
import { inferFormulaType } from '../formula/formula-type-checker';
import {
  CatalogueDefinition,
  CrossFieldRuleDefinition,
  KPI_AREAS,
  KPI_TYPES,
  KpiItemDefinition,
  KpiType,
  POLARITIES,
  RULE_SEVERITIES,
} from './catalogue-definition';

const ITEM_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;
const CATALOGUE_KEY_PATTERN = /^[a-z][a-z0-9-]*$/;
const RULE_ID_PATTERN = /^[a-z][a-z0-9_-]*$/;
const LANGUAGES = ['de', 'en'] as const;

export interface CompiledRule {
  readonly definition: CrossFieldRuleDefinition;
  readonly expression: FormulaNode;
  readonly keys: readonly string[];
}

/** What loading keeps beyond the definition: parsed formulas and the order to compute them in. */
export interface CompiledCatalogue {
  readonly formulas: ReadonlyMap<string, FormulaNode>;
  /** Derived keys, each after every derived key its formula reads. */
  readonly derivationOrder: readonly string[];
  readonly rules: readonly CompiledRule[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const includes = (list: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && list.includes(value);

const quoteAll = (keys: readonly string[]): string => keys.map((k) => `'${k}'`).join(', ');

const formulaTypeOfItem = (type: KpiType): FormulaType | undefined =>
  type === 'boolean' ? 'boolean' : type === 'choice' ? undefined : 'number';

function formulaMessage(error: unknown): string {
  if (error instanceof DomainError && error.code === DomainErrorCode.FormulaInvalid) {
    return error.message;
  }
  throw error;
}

/**
 * Checks a catalogue definition completely and collects every problem instead of stopping at
 * the first, so that an author fixes a broken catalogue in one round.
 */
class CatalogueValidator {
  readonly problems: Problem[] = [];
  private readonly items = new Map<string, KpiItemDefinition>();
  private readonly formulas = new Map<string, FormulaNode>();
  private readonly rules: CompiledRule[] = [];
  private derivationOrder: string[] = [];

  constructor(private readonly definition: CatalogueDefinition) {}

  run(): CompiledCatalogue {
    this.checkHeader();
    const items: unknown = this.definition.items;
    const rules: unknown = this.definition.rules;
    if (!Array.isArray(items)) {
      this.add('catalogue.items', 'items_missing', 'items must be a list');
    } else {
      this.collectItems(items as KpiItemDefinition[]);
      this.items.forEach((item) => this.checkItem(item));
      this.items.forEach((item) => this.checkFormula(item));
      this.derivationOrder = this.orderDerived();
    }
    if (!Array.isArray(rules)) {
      this.add('catalogue.rules', 'rules_missing', 'rules must be a list');
    } else {
      this.checkRules(rules as CrossFieldRuleDefinition[]);
    }
    return { formulas: this.formulas, derivationOrder: this.derivationOrder, rules: this.rules };
  }

  private add(key: string, rule: string, message: string): void {
    this.problems.push({ key, rule, message });
  }

  private checkText(key: string, field: string, text: unknown, rule: string): void {
    if (!isRecord(text)) {
      this.add(key, rule, `${field} is missing in ${LANGUAGES.join(' and ')}`);
      return;
    }
    const missing = LANGUAGES.filter((lang) => {
      const value = text[lang];
      return typeof value !== 'string' || value.trim() === '';
    });
    if (missing.length > 0) {
      this.add(key, rule, `${field} is missing in ${missing.join(' and ')}`);
    }
  }

  private checkHeader(): void {
    const { key, version, name } = this.definition;
    if (typeof key !== 'string' || !CATALOGUE_KEY_PATTERN.test(key)) {
      this.add(
        'catalogue.key',
        'key_syntax',
        `catalogue key '${String(key)}' must be a lower-case letter followed by lower-case letters, digits or '-'`,
      );
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      this.add(
        'catalogue.version',
        'version',
        `version must be a whole number from 1, got ${String(version)}`,
      );
    }
    this.checkText('catalogue.name', 'name', name, 'label_missing');
  }

  private collectItems(items: KpiItemDefinition[]): void {
    const firstIndex = new Map<string, number>();
    items.forEach((item: unknown, index) => {
      const key = isRecord(item) ? item.key : undefined;
      if (typeof key !== 'string' || key === '') {
        this.add(`items[${index}]`, 'key_syntax', `item ${index + 1} has no key`);
        return;
      }
      if (!ITEM_KEY_PATTERN.test(key)) {
        this.add(
          key,
          'key_syntax',
          `key '${key}' must be snake_case: a lower-case letter followed by lower-case letters, digits or '_'`,
        );
        return;
      }
      if (FORMULA_RESERVED_WORDS.includes(key)) {
        this.add(key, 'key_syntax', `key '${key}' is a reserved word of the formula language`);
        return;
      }
      const first = firstIndex.get(key);
      if (first !== undefined) {
        this.add(
          key,
          'key_duplicate',
          `key '${key}' is defined twice (items ${first + 1} and ${index + 1})`,
        );
        return;
      }
      firstIndex.set(key, index);
      this.items.set(key, item as KpiItemDefinition);
    });
  }

  private checkItem(item: KpiItemDefinition): void {
    const { key } = item;
    if (!includes(KPI_AREAS, item.area)) {
      this.add(key, 'area', `area '${String(item.area)}' is not one of ${KPI_AREAS.join(', ')}`);
    }
    if (!includes(KPI_TYPES, item.type)) {
      this.add(key, 'type', `type '${String(item.type)}' is not one of ${KPI_TYPES.join(', ')}`);
    }
    if (!includes(POLARITIES, item.polarity)) {
      this.add(
        key,
        'polarity',
        `polarity '${String(item.polarity)}' is not one of ${POLARITIES.join(', ')}`,
      );
    }
    if (typeof item.required !== 'boolean') {
      this.add(key, 'required', 'required must be true or false');
    }
    if (item.benchmarked !== undefined && typeof item.benchmarked !== 'boolean') {
      this.add(key, 'benchmarked', 'benchmarked must be true or false');
    }
    if (item.unit !== null && typeof item.unit !== 'string') {
      this.add(key, 'unit', 'unit must be a text or null');
    }
    this.checkText(key, 'label', item.label, 'label_missing');
    this.checkHelp(item);
    this.checkBounds(item);
    this.checkChoices(item);
    this.checkWeight(item);
    if (item.formula !== undefined && item.required) {
      this.add(
        key,
        'derived_required',
        'a derived item cannot be required: it is computed, not entered',
      );
    }
  }

  // Help texts may be left out altogether, but not in one language only.
  private checkHelp(item: KpiItemDefinition): void {
    const help: unknown = item.help;
    if (!isRecord(help)) {
      this.add(item.key, 'help_missing', 'help must give a text in de and en (both may be empty)');
      return;
    }
    const given = LANGUAGES.filter((lang) => {
      const value = help[lang];
      return typeof value === 'string' && value.trim() !== '';
    });
    if (given.length === 1) {
      const missing = LANGUAGES.filter((lang) => !given.includes(lang));
      this.add(
        item.key,
        'help_missing',
        `help is given in ${given[0]} but missing in ${missing.join(' and ')}`,
      );
    }
  }

  private checkBounds(item: KpiItemDefinition): void {
    const { key, type, min, max } = item;
    const bounds = (
      [
        ['min', min],
        ['max', max],
      ] as const
    ).filter(([, value]) => value !== undefined);
    if (bounds.length === 0) {
      return;
    }
    if (type === 'boolean' || type === 'choice') {
      this.add(
        key,
        'bounds',
        `a ${type} item cannot have bounds (${bounds.map(([n]) => n).join(', ')})`,
      );
      return;
    }
    let valid = true;
    for (const [name, value] of bounds) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        this.add(key, 'bounds', `${name} must be a finite number, got ${String(value)}`);
        valid = false;
      } else if (type === 'integer' && !Number.isInteger(value)) {
        this.add(
          key,
          'bounds',
          `an integer item needs whole-number bounds, but ${name} is ${value}`,
        );
      } else if (type === 'percent' && (value < 0 || value > 100)) {
        this.add(
          key,
          'bounds',
          `a percent item's bounds must lie within 0..100, but ${name} is ${value}`,
        );
      }
    }
    if (valid && min !== undefined && max !== undefined && min > max) {
      this.add(key, 'bounds', `min ${min} is greater than max ${max}`);
    }
  }

  private checkChoices(item: KpiItemDefinition): void {
    const { key, choices } = item;
    if (item.type !== 'choice') {
      if (choices !== undefined) {
        this.add(key, 'choices', `a ${item.type} item cannot have choices`);
      }
      return;
    }
    if (item.formula !== undefined) {
      this.add(key, 'formula_type', 'a choice item cannot be derived by a formula');
    }
    if (!Array.isArray(choices) || choices.length === 0) {
      this.add(key, 'choices', 'a choice item needs at least one choice');
      return;
    }
    const seen = new Set<string>();
    choices.forEach((choice, index) => {
      const value: unknown = isRecord(choice) ? choice.value : undefined;
      if (typeof value !== 'string' || !ITEM_KEY_PATTERN.test(value)) {
        this.add(
          key,
          'choices',
          `choice ${index + 1} needs a snake_case value, got '${String(value)}'`,
        );
        return;
      }
      if (seen.has(value)) {
        this.add(key, 'choices', `choice '${value}' is listed twice`);
      }
      seen.add(value);
      this.checkText(key, `label of choice '${value}'`, choice.label, 'label_missing');
    });
  }

  private checkWeight(item: KpiItemDefinition): void {
    const { key, weightKey } = item;
    if (weightKey === undefined) {
      return;
    }
    const weight = this.items.get(weightKey);
    if (item.type === 'boolean' || item.type === 'choice') {
      this.add(
        key,
        'weight',
        `a ${item.type} item has no pooled figure and cannot have a weightKey`,
      );
    } else if (weight === undefined) {
      this.add(key, 'weight', `weightKey references unknown key '${weightKey}'`);
    } else if (weightKey === key) {
      this.add(key, 'weight', 'an item cannot be weighted by itself');
    } else if (weight.type === 'boolean' || weight.type === 'choice') {
      this.add(
        key,
        'weight',
        `weightKey '${weightKey}' is a ${weight.type} item, a weight must be a number`,
      );
    }
  }

  /**
   * Parses an expression and checks its keys and type. Returns the tree and its type, or
   * undefined after recording the problem.
   */
  private compileExpression(
    problemKey: string,
    field: string,
    source: unknown,
  ): { node: FormulaNode; type: FormulaType } | undefined {
    if (typeof source !== 'string') {
      this.add(problemKey, 'formula_syntax', `${field} must be a text`);
      return undefined;
    }
    let node: FormulaNode;
    try {
      node = parseFormula(source);
    } catch (error) {
      this.add(problemKey, 'formula_syntax', `${field} does not parse: ${formulaMessage(error)}`);
      return undefined;
    }
    const keys = referencedKeys(node);
    const unknown = keys.filter((k) => !this.items.has(k));
    if (unknown.length > 0) {
      const noun = unknown.length === 1 ? 'key' : 'keys';
      this.add(
        problemKey,
        'formula_unknown_key',
        `${field} references unknown ${noun} ${quoteAll(unknown)}`,
      );
      return undefined;
    }
    const choices = keys.filter((k) => this.items.get(k)?.type === 'choice');
    if (choices.length > 0) {
      this.add(
        problemKey,
        'formula_type',
        `${field} reads the choice item ${quoteAll(choices)}; formulas work on numbers and yes/no items only`,
      );
      return undefined;
    }
    try {
      const type = inferFormulaType(node, (k) => {
        const item = this.items.get(k);
        return item && formulaTypeOfItem(item.type);
      });
      return { node, type };
    } catch (error) {
      this.add(problemKey, 'formula_type', `${field}: ${formulaMessage(error)}`);
      return undefined;
    }
  }

  private checkFormula(item: KpiItemDefinition): void {
    if (item.formula === undefined || item.type === 'choice') {
      return;
    }
    const compiled = this.compileExpression(item.key, 'formula', item.formula);
    if (!compiled) {
      return;
    }
    const wanted = formulaTypeOfItem(item.type);
    if (wanted !== undefined && compiled.type !== wanted) {
      this.add(
        item.key,
        'formula_type',
        `a ${item.type} item needs a formula that gives a ${wanted}, but this one gives a ${compiled.type}`,
      );
    }
    this.formulas.set(item.key, compiled.node);
  }

  /** Depth-first over the derived items; reports every cycle once, by the path that closes it. */
  private orderDerived(): string[] {
    const order: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const path: string[] = [];
    const reported = new Set<string>();
    const visit = (key: string): void => {
      state.set(key, 'visiting');
      path.push(key);
      for (const dependency of referencedKeys(this.formulas.get(key) as FormulaNode)) {
        if (!this.formulas.has(dependency)) {
          continue;
        }
        const seen = state.get(dependency);
        if (seen === 'visiting') {
          const cycle = [...path.slice(path.indexOf(dependency)), dependency];
          const identity = [...new Set(cycle)].sort().join(',');
          if (!reported.has(identity)) {
            reported.add(identity);
            this.add(cycle[0], 'formula_cycle', `cyclic formula: ${cycle.join(' -> ')}`);
          }
        } else if (seen === undefined) {
          visit(dependency);
        }
      }
      path.pop();
      state.set(key, 'done');
      order.push(key);
    };
    for (const key of this.formulas.keys()) {
      if (!state.has(key)) {
        visit(key);
      }
    }
    return order;
  }

  private checkRules(rules: CrossFieldRuleDefinition[]): void {
    const ids = new Set<string>();
    rules.forEach((rule: unknown, index) => {
      if (!isRecord(rule)) {
        this.add(`rules[${index}]`, 'rule_id', `rule ${index + 1} is not an object`);
        return;
      }
      const definition = rule as unknown as CrossFieldRuleDefinition;
      const { id } = definition;
      const validId = typeof id === 'string' && RULE_ID_PATTERN.test(id);
      const problemKey = validId ? `rules.${id}` : `rules[${index}]`;
      if (!validId) {
        this.add(
          problemKey,
          'rule_id',
          `rule ${index + 1} needs an id of lower-case letters, digits, '_' or '-'`,
        );
      } else if (ids.has(id)) {
        this.add(problemKey, 'rule_id', `rule id '${id}' is used twice`);
      }
      ids.add(id);
      if (!includes(RULE_SEVERITIES, definition.severity)) {
        this.add(
          problemKey,
          'rule_severity',
          `severity '${String(definition.severity)}' is not error or warning`,
        );
      }
      this.checkText(problemKey, 'message', definition.message, 'label_missing');
      const keysValid = this.checkRuleKeys(problemKey, definition.keys);
      const compiled = this.compileExpression(problemKey, 'expression', definition.expression);
      if (!compiled) {
        return;
      }
      if (compiled.type !== 'boolean') {
        this.add(
          problemKey,
          'rule_type',
          'expression gives a number; a rule needs a boolean expression that must hold',
        );
        return;
      }
      if (keysValid) {
        this.rules.push({
          definition,
          expression: compiled.node,
          keys: definition.keys ?? referencedKeys(compiled.node),
        });
      }
    });
  }

  private checkRuleKeys(problemKey: string, keys: unknown): boolean {
    if (keys === undefined) {
      return true;
    }
    if (!Array.isArray(keys) || keys.length === 0) {
      this.add(problemKey, 'rule_keys', 'keys must list at least one item key when given');
      return false;
    }
    const unknown = keys.filter((k) => typeof k !== 'string' || !this.items.has(k)).map(String);
    if (unknown.length > 0) {
      this.add(
        problemKey,
        'rule_unknown_key',
        `keys reference unknown ${unknown.length === 1 ? 'key' : 'keys'} ${quoteAll(unknown)}`,
      );
      return false;
    }
    return true;
  }
}

/** Validates a definition; the compiled parts are only meaningful when `problems` is empty. */
export function compileCatalogue(definition: CatalogueDefinition): {
  problems: Problem[];
  compiled: CompiledCatalogue;
} {
  const validator = new CatalogueValidator(definition);
  const compiled = validator.run();
  return { problems: validator.problems, compiled };
}
