import {
  DomainError,
  DomainErrorCode,
  LocalizedMessage,
  LocalizedProblem,
} from '../errors/domain-error';
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

function formulaMessage(error: unknown): LocalizedMessage {
  if (error instanceof DomainError && error.code === DomainErrorCode.FormulaInvalid) {
    return { de: error.messageIn('de'), en: error.messageIn('en') };
  }
  throw error;
}

/** A field's name in a sentence: the JSON name, or words of each language. */
type FieldName = string | LocalizedMessage;

const named = (field: FieldName): LocalizedMessage =>
  typeof field === 'string' ? { de: field, en: field } : field;

const andList = (values: readonly string[]): LocalizedMessage => ({
  de: values.join(' und '),
  en: values.join(' and '),
});

/**
 * Checks a catalogue definition completely and collects every problem instead of stopping at
 * the first, so that an author fixes a broken catalogue in one round.
 */
class CatalogueValidator {
  readonly problems: LocalizedProblem[] = [];
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
      this.add('catalogue.items', 'items_missing', {
        de: 'items muss eine Liste sein',
        en: 'items must be a list',
      });
    } else {
      this.collectItems(items as KpiItemDefinition[]);
      this.items.forEach((item) => this.checkItem(item));
      this.items.forEach((item) => this.checkFormula(item));
      this.derivationOrder = this.orderDerived();
    }
    if (!Array.isArray(rules)) {
      this.add('catalogue.rules', 'rules_missing', {
        de: 'rules muss eine Liste sein',
        en: 'rules must be a list',
      });
    } else {
      this.checkRules(rules as CrossFieldRuleDefinition[]);
    }
    return { formulas: this.formulas, derivationOrder: this.derivationOrder, rules: this.rules };
  }

  private add(key: string, rule: string, message: LocalizedMessage): void {
    this.problems.push({ key, rule, message });
  }

  private checkText(key: string, field: FieldName, text: unknown, rule: string): void {
    const name = named(field);
    const missingIn = (languages: readonly string[]): LocalizedMessage => ({
      de: `${name.de} fehlt in ${andList(languages).de}`,
      en: `${name.en} is missing in ${andList(languages).en}`,
    });
    if (!isRecord(text)) {
      this.add(key, rule, missingIn(LANGUAGES));
      return;
    }
    const missing = LANGUAGES.filter((lang) => {
      const value = text[lang];
      return typeof value !== 'string' || value.trim() === '';
    });
    if (missing.length > 0) {
      this.add(key, rule, missingIn(missing));
    }
  }

  private checkHeader(): void {
    const { key, version, name } = this.definition;
    if (typeof key !== 'string' || !CATALOGUE_KEY_PATTERN.test(key)) {
      this.add('catalogue.key', 'key_syntax', {
        de: `der Fragebogenschlüssel '${String(key)}' muss mit einem Kleinbuchstaben beginnen, gefolgt von Kleinbuchstaben, Ziffern oder '-'`,
        en: `catalogue key '${String(key)}' must be a lower-case letter followed by lower-case letters, digits or '-'`,
      });
    }
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      this.add('catalogue.version', 'version', {
        de: `version muss eine ganze Zahl ab 1 sein, erhielt ${String(version)}`,
        en: `version must be a whole number from 1, got ${String(version)}`,
      });
    }
    this.checkText('catalogue.name', 'name', name, 'label_missing');
  }

  private collectItems(items: KpiItemDefinition[]): void {
    const firstIndex = new Map<string, number>();
    items.forEach((item: unknown, index) => {
      const key = isRecord(item) ? item.key : undefined;
      if (typeof key !== 'string' || key === '') {
        this.add(`items[${index}]`, 'key_syntax', {
          de: `Element ${index + 1} hat keinen Schlüssel`,
          en: `item ${index + 1} has no key`,
        });
        return;
      }
      if (!ITEM_KEY_PATTERN.test(key)) {
        this.add(key, 'key_syntax', {
          de: `der Schlüssel '${key}' muss snake_case sein: ein Kleinbuchstabe, gefolgt von Kleinbuchstaben, Ziffern oder '_'`,
          en: `key '${key}' must be snake_case: a lower-case letter followed by lower-case letters, digits or '_'`,
        });
        return;
      }
      if (FORMULA_RESERVED_WORDS.includes(key)) {
        this.add(key, 'key_syntax', {
          de: `der Schlüssel '${key}' ist ein reserviertes Wort der Formelsprache`,
          en: `key '${key}' is a reserved word of the formula language`,
        });
        return;
      }
      const first = firstIndex.get(key);
      if (first !== undefined) {
        this.add(key, 'key_duplicate', {
          de: `der Schlüssel '${key}' ist zweimal definiert (Elemente ${first + 1} und ${index + 1})`,
          en: `key '${key}' is defined twice (items ${first + 1} and ${index + 1})`,
        });
        return;
      }
      firstIndex.set(key, index);
      this.items.set(key, item as KpiItemDefinition);
    });
  }

  private checkItem(item: KpiItemDefinition): void {
    const { key } = item;
    if (!includes(KPI_AREAS, item.area)) {
      this.add(key, 'area', {
        de: `der Bereich '${String(item.area)}' ist keiner von ${KPI_AREAS.join(', ')}`,
        en: `area '${String(item.area)}' is not one of ${KPI_AREAS.join(', ')}`,
      });
    }
    if (!includes(KPI_TYPES, item.type)) {
      this.add(key, 'type', {
        de: `der Typ '${String(item.type)}' ist keiner von ${KPI_TYPES.join(', ')}`,
        en: `type '${String(item.type)}' is not one of ${KPI_TYPES.join(', ')}`,
      });
    }
    if (!includes(POLARITIES, item.polarity)) {
      this.add(key, 'polarity', {
        de: `die Polarität '${String(item.polarity)}' ist keine von ${POLARITIES.join(', ')}`,
        en: `polarity '${String(item.polarity)}' is not one of ${POLARITIES.join(', ')}`,
      });
    }
    if (typeof item.required !== 'boolean') {
      this.add(key, 'required', {
        de: 'required muss true oder false sein',
        en: 'required must be true or false',
      });
    }
    if (item.benchmarked !== undefined && typeof item.benchmarked !== 'boolean') {
      this.add(key, 'benchmarked', {
        de: 'benchmarked muss true oder false sein',
        en: 'benchmarked must be true or false',
      });
    }
    if (item.unit !== null && typeof item.unit !== 'string') {
      this.add(key, 'unit', {
        de: 'unit muss ein Text oder null sein',
        en: 'unit must be a text or null',
      });
    }
    this.checkText(key, 'label', item.label, 'label_missing');
    this.checkHelp(item);
    this.checkBounds(item);
    this.checkChoices(item);
    this.checkWeight(item);
    if (item.formula !== undefined && item.required) {
      this.add(key, 'derived_required', {
        de: 'ein abgeleitetes Element kann nicht Pflicht sein: es wird berechnet, nicht eingegeben',
        en: 'a derived item cannot be required: it is computed, not entered',
      });
    }
  }

  // Help texts may be left out altogether, but not in one language only.
  private checkHelp(item: KpiItemDefinition): void {
    const help: unknown = item.help;
    if (!isRecord(help)) {
      this.add(item.key, 'help_missing', {
        de: 'help muss einen Text in de und en geben (beide dürfen leer sein)',
        en: 'help must give a text in de and en (both may be empty)',
      });
      return;
    }
    const given = LANGUAGES.filter((lang) => {
      const value = help[lang];
      return typeof value === 'string' && value.trim() !== '';
    });
    if (given.length === 1) {
      const missing = LANGUAGES.filter((lang) => !given.includes(lang));
      this.add(item.key, 'help_missing', {
        de: `help ist in ${given[0]} angegeben, fehlt aber in ${andList(missing).de}`,
        en: `help is given in ${given[0]} but missing in ${andList(missing).en}`,
      });
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
      this.add(key, 'bounds', {
        de: `ein Element vom Typ ${type} kann keine Grenzen haben (${bounds.map(([n]) => n).join(', ')})`,
        en: `a ${type} item cannot have bounds (${bounds.map(([n]) => n).join(', ')})`,
      });
      return;
    }
    let valid = true;
    for (const [name, value] of bounds) {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        this.add(key, 'bounds', {
          de: `${name} muss eine endliche Zahl sein, erhielt ${String(value)}`,
          en: `${name} must be a finite number, got ${String(value)}`,
        });
        valid = false;
      } else if (type === 'integer' && !Number.isInteger(value)) {
        this.add(key, 'bounds', {
          de: `ein Element vom Typ integer braucht ganzzahlige Grenzen, aber ${name} ist ${value}`,
          en: `an integer item needs whole-number bounds, but ${name} is ${value}`,
        });
      } else if (type === 'percent' && (value < 0 || value > 100)) {
        this.add(key, 'bounds', {
          de: `die Grenzen eines Elements vom Typ percent müssen in 0..100 liegen, aber ${name} ist ${value}`,
          en: `a percent item's bounds must lie within 0..100, but ${name} is ${value}`,
        });
      }
    }
    if (valid && min !== undefined && max !== undefined && min > max) {
      this.add(key, 'bounds', {
        de: `min ${min} ist größer als max ${max}`,
        en: `min ${min} is greater than max ${max}`,
      });
    }
  }

  private checkChoices(item: KpiItemDefinition): void {
    const { key, choices } = item;
    if (item.type !== 'choice') {
      if (choices !== undefined) {
        this.add(key, 'choices', {
          de: `ein Element vom Typ ${item.type} kann keine Auswahlwerte haben`,
          en: `a ${item.type} item cannot have choices`,
        });
      }
      return;
    }
    if (item.formula !== undefined) {
      this.add(key, 'formula_type', {
        de: 'ein Element vom Typ choice kann nicht durch eine Formel abgeleitet werden',
        en: 'a choice item cannot be derived by a formula',
      });
    }
    if (!Array.isArray(choices) || choices.length === 0) {
      this.add(key, 'choices', {
        de: 'ein Element vom Typ choice braucht mindestens einen Auswahlwert',
        en: 'a choice item needs at least one choice',
      });
      return;
    }
    const seen = new Set<string>();
    choices.forEach((choice, index) => {
      const value: unknown = isRecord(choice) ? choice.value : undefined;
      if (typeof value !== 'string' || !ITEM_KEY_PATTERN.test(value)) {
        this.add(key, 'choices', {
          de: `Auswahlwert ${index + 1} braucht einen Wert in snake_case, erhielt '${String(value)}'`,
          en: `choice ${index + 1} needs a snake_case value, got '${String(value)}'`,
        });
        return;
      }
      if (seen.has(value)) {
        this.add(key, 'choices', {
          de: `der Auswahlwert '${value}' steht zweimal in der Liste`,
          en: `choice '${value}' is listed twice`,
        });
      }
      seen.add(value);
      this.checkText(
        key,
        { de: `label des Auswahlwerts '${value}'`, en: `label of choice '${value}'` },
        choice.label,
        'label_missing',
      );
    });
  }

  private checkWeight(item: KpiItemDefinition): void {
    const { key, weightKey } = item;
    if (weightKey === undefined) {
      return;
    }
    const weight = this.items.get(weightKey);
    if (item.type === 'boolean' || item.type === 'choice') {
      this.add(key, 'weight', {
        de: `ein Element vom Typ ${item.type} hat keine gepoolte Kennzahl und kann keinen weightKey haben`,
        en: `a ${item.type} item has no pooled figure and cannot have a weightKey`,
      });
    } else if (weight === undefined) {
      this.add(key, 'weight', {
        de: `weightKey verweist auf den unbekannten Schlüssel '${weightKey}'`,
        en: `weightKey references unknown key '${weightKey}'`,
      });
    } else if (weightKey === key) {
      this.add(key, 'weight', {
        de: 'ein Element kann nicht mit sich selbst gewichtet werden',
        en: 'an item cannot be weighted by itself',
      });
    } else if (weight.type === 'boolean' || weight.type === 'choice') {
      this.add(key, 'weight', {
        de: `weightKey '${weightKey}' ist ein Element vom Typ ${weight.type}, ein Gewicht muss eine Zahl sein`,
        en: `weightKey '${weightKey}' is a ${weight.type} item, a weight must be a number`,
      });
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
      this.add(problemKey, 'formula_syntax', {
        de: `${field} muss ein Text sein`,
        en: `${field} must be a text`,
      });
      return undefined;
    }
    let node: FormulaNode;
    try {
      node = parseFormula(source);
    } catch (error) {
      const problem = formulaMessage(error);
      this.add(problemKey, 'formula_syntax', {
        de: `${field} lässt sich nicht lesen: ${problem.de}`,
        en: `${field} does not parse: ${problem.en}`,
      });
      return undefined;
    }
    const keys = referencedKeys(node);
    const unknown = keys.filter((k) => !this.items.has(k));
    if (unknown.length > 0) {
      const one = unknown.length === 1;
      this.add(problemKey, 'formula_unknown_key', {
        de: `${field} verweist auf ${one ? 'den unbekannten Schlüssel' : 'die unbekannten Schlüssel'} ${quoteAll(unknown)}`,
        en: `${field} references unknown ${one ? 'key' : 'keys'} ${quoteAll(unknown)}`,
      });
      return undefined;
    }
    const choices = keys.filter((k) => this.items.get(k)?.type === 'choice');
    if (choices.length > 0) {
      this.add(problemKey, 'formula_type', {
        de: `${field} liest das Element vom Typ choice ${quoteAll(choices)}; Formeln rechnen nur mit Zahlen und Ja/Nein-Elementen`,
        en: `${field} reads the choice item ${quoteAll(choices)}; formulas work on numbers and yes/no items only`,
      });
      return undefined;
    }
    try {
      const type = inferFormulaType(node, (k) => {
        const item = this.items.get(k);
        return item && formulaTypeOfItem(item.type);
      });
      return { node, type };
    } catch (error) {
      const problem = formulaMessage(error);
      this.add(problemKey, 'formula_type', {
        de: `${field}: ${problem.de}`,
        en: `${field}: ${problem.en}`,
      });
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
      this.add(item.key, 'formula_type', {
        de: `ein Element vom Typ ${item.type} braucht eine Formel, die ${wanted === 'number' ? 'eine Zahl' : 'einen Wahrheitswert'} ergibt, aber diese ergibt ${compiled.type === 'number' ? 'eine Zahl' : 'einen Wahrheitswert'}`,
        en: `a ${item.type} item needs a formula that gives a ${wanted}, but this one gives a ${compiled.type}`,
      });
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
            this.add(cycle[0], 'formula_cycle', {
              de: `zyklische Formel: ${cycle.join(' -> ')}`,
              en: `cyclic formula: ${cycle.join(' -> ')}`,
            });
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
        this.add(`rules[${index}]`, 'rule_id', {
          de: `Regel ${index + 1} ist kein Objekt`,
          en: `rule ${index + 1} is not an object`,
        });
        return;
      }
      const definition = rule as unknown as CrossFieldRuleDefinition;
      const { id } = definition;
      const validId = typeof id === 'string' && RULE_ID_PATTERN.test(id);
      const problemKey = validId ? `rules.${id}` : `rules[${index}]`;
      if (!validId) {
        this.add(problemKey, 'rule_id', {
          de: `Regel ${index + 1} braucht eine id aus Kleinbuchstaben, Ziffern, '_' oder '-'`,
          en: `rule ${index + 1} needs an id of lower-case letters, digits, '_' or '-'`,
        });
      } else if (ids.has(id)) {
        this.add(problemKey, 'rule_id', {
          de: `die Regel-id '${id}' wird zweimal verwendet`,
          en: `rule id '${id}' is used twice`,
        });
      }
      ids.add(id);
      if (!includes(RULE_SEVERITIES, definition.severity)) {
        this.add(problemKey, 'rule_severity', {
          de: `severity '${String(definition.severity)}' ist weder error noch warning`,
          en: `severity '${String(definition.severity)}' is not error or warning`,
        });
      }
      this.checkText(problemKey, 'message', definition.message, 'label_missing');
      const keysValid = this.checkRuleKeys(problemKey, definition.keys);
      const compiled = this.compileExpression(problemKey, 'expression', definition.expression);
      if (!compiled) {
        return;
      }
      if (compiled.type !== 'boolean') {
        this.add(problemKey, 'rule_type', {
          de: 'expression ergibt eine Zahl; eine Regel braucht einen Wahrheitswert, der gelten muss',
          en: 'expression gives a number; a rule needs a boolean expression that must hold',
        });
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
      this.add(problemKey, 'rule_keys', {
        de: 'keys muss, wenn angegeben, mindestens einen Schlüssel nennen',
        en: 'keys must list at least one item key when given',
      });
      return false;
    }
    const unknown = keys.filter((k) => typeof k !== 'string' || !this.items.has(k)).map(String);
    if (unknown.length > 0) {
      this.add(problemKey, 'rule_unknown_key', {
        de: `keys verweist auf ${unknown.length === 1 ? 'den unbekannten Schlüssel' : 'die unbekannten Schlüssel'} ${quoteAll(unknown)}`,
        en: `keys reference unknown ${unknown.length === 1 ? 'key' : 'keys'} ${quoteAll(unknown)}`,
      });
      return false;
    }
    return true;
  }
}

/** Validates a definition; the compiled parts are only meaningful when `problems` is empty. */
export function compileCatalogue(definition: CatalogueDefinition): {
  problems: LocalizedProblem[];
  compiled: CompiledCatalogue;
} {
  const validator = new CatalogueValidator(definition);
  const compiled = validator.run();
  return { problems: validator.problems, compiled };
}
