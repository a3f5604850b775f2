import { createHash } from 'node:crypto';
import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { evaluateFormula } from '../formula/formula-evaluator';
import { canonicalJson } from './canonical-json.util';
import {
  CatalogueDefinition,
  CrossFieldRuleDefinition,
  KPI_AREAS,
  KpiArea,
  KpiItemDefinition,
  LocalizedText,
  RuleSeverity,
} from './catalogue-definition';
import { CompiledCatalogue, compileCatalogue } from './catalogue-validator';

/** An answer as a submission stores it: choices are strings, yes/no items booleans. */
export type AnswerValue = number | boolean | string | null;
export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/** Computed KPI values by key; `null` means not computed (an input missing, a division by zero). */
export type KpiValues = Record<string, number | boolean | null>;

/** A cross-field rule that does not hold for a set of answers. */
export interface RuleViolation {
  id: string;
  severity: RuleSeverity;
  /** The items to show the problem on. */
  keys: string[];
  message: LocalizedText;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * A validated, immutable catalogue version. Only `loadCatalogue` makes one, so holding a
 * `Catalogue` means its formulas parse, type-check and have no cycles.
 */
export class Catalogue {
  readonly key: string;
  readonly version: number;
  readonly name: LocalizedText;
  /** The items in definition order (the questionnaire's order). */
  readonly items: readonly KpiItemDefinition[];
  readonly rules: readonly CrossFieldRuleDefinition[];
  /** sha256 (hex) of the canonical JSON of the definition: equal definitions, equal hash. */
  readonly hash: string;
  private readonly byKey: ReadonlyMap<string, KpiItemDefinition>;
  private readonly inputItems: readonly KpiItemDefinition[];
  private readonly derivedItems: readonly KpiItemDefinition[];

  private constructor(
    /** A frozen copy, so that nobody can change a loaded catalogue under its hash. */
    readonly definition: CatalogueDefinition,
    private readonly compiled: CompiledCatalogue,
  ) {
    this.key = definition.key;
    this.version = definition.version;
    this.name = definition.name;
    this.items = definition.items;
    this.rules = definition.rules;
    this.hash = createHash('sha256').update(canonicalJson(definition)).digest('hex');
    this.byKey = new Map(definition.items.map((item) => [item.key, item]));
    this.inputItems = definition.items.filter((item) => item.formula === undefined);
    this.derivedItems = definition.items.filter((item) => item.formula !== undefined);
  }

  /** Use `loadCatalogue`; this is its implementation. */
  static load(definition: CatalogueDefinition): Catalogue {
    const { problems, compiled } = compileCatalogue(definition);
    if (problems.length > 0) {
      const one = problems.length === 1;
      const [first] = problems;
      const name = `'${String(definition.key)}' version ${String(definition.version)}`;
      throw new DomainError(
        DomainErrorCode.CatalogueInvalid,
        {
          de: `Der Fragebogen ${name} hat ${one ? '1 Problem' : `${problems.length} Probleme`}, das erste: ${first.key}: ${first.message.de}`,
          en: `catalogue ${name} has ${one ? '1 problem' : `${problems.length} problems`}, the first: ${first.key}: ${first.message.en}`,
        },
        problems,
      );
    }
    return new Catalogue(deepFreeze(structuredClone(definition)), compiled);
  }

  /** The item with this key, or undefined. */
  item(key: string): KpiItemDefinition | undefined {
    return this.byKey.get(key);
  }

  /** The items a submitter enters, in definition order. */
  inputs(): KpiItemDefinition[] {
    return [...this.inputItems];
  }

  /** The derived KPIs, in definition order. */
  derived(): KpiItemDefinition[] {
    return [...this.derivedItems];
  }

  /** The areas that have at least one item, in the questionnaire's order of areas. */
  areas(): KpiArea[] {
    return KPI_AREAS.filter((area) => this.items.some((item) => item.area === area));
  }

  /**
   * Computes every derived KPI from the answers, dependencies first, at full precision. Returns
   * the derived values only, keyed in definition order. Answers of the wrong type for their item
   * (a text for a number) count as missing, and answers given for derived keys are ignored:
   * a derived value is always recomputed.
   */
  derive(answers: Answers): KpiValues {
    return this.derivedOf(this.computeValues(answers));
  }

  /**
   * The cross-field rules that do not hold for the answers, with their derived KPIs computed
   * first. A rule that cannot be computed because values it needs are missing is skipped: it
   * is the required-field check's business to demand them. `sum` and `and`/`or` let a rule
   * apply while some of its values are missing, e.g. a channel left blank.
   */
  checkRules(answers: Answers): RuleViolation[] {
    return this.violationsOf(this.computeValues(answers));
  }

  /**
   * `derive` and `checkRules` of the same answers from one computation of the formulas, for
   * a caller that needs both (a draft's validation keeps its derived KPIs).
   */
  evaluate(answers: Answers): { derived: KpiValues; violations: RuleViolation[] } {
    const values = this.computeValues(answers);
    return { derived: this.derivedOf(values), violations: this.violationsOf(values) };
  }

  private derivedOf(values: KpiValues): KpiValues {
    const result: KpiValues = {};
    for (const item of this.derivedItems) {
      result[item.key] = values[item.key];
    }
    return result;
  }

  private violationsOf(values: KpiValues): RuleViolation[] {
    const violations: RuleViolation[] = [];
    for (const rule of this.compiled.rules) {
      if (evaluateFormula(rule.expression, values) === false) {
        const { id, severity, message } = rule.definition;
        violations.push({ id, severity, keys: [...rule.keys], message });
      }
    }
    return violations;
  }

  /** Inputs coerced to their item's type, then the derived KPIs in dependency order. */
  private computeValues(answers: Answers): KpiValues {
    const values: KpiValues = {};
    for (const item of this.inputItems) {
      const answer = Object.prototype.hasOwnProperty.call(answers, item.key)
        ? answers[item.key]
        : undefined;
      if (item.type === 'boolean') {
        values[item.key] = typeof answer === 'boolean' ? answer : null;
      } else if (item.type !== 'choice') {
        values[item.key] = typeof answer === 'number' && Number.isFinite(answer) ? answer : null;
      }
    }
    for (const key of this.compiled.derivationOrder) {
      const formula = this.compiled.formulas.get(key);
      values[key] = formula ? evaluateFormula(formula, values) : null;
    }
    return values;
  }
}

/**
 * Validates a catalogue definition and returns the loaded catalogue. Throws one
 * `CatalogueInvalid` domain error listing every problem found (`{ key, rule, message }`):
 * key syntax and duplicates, formulas that do not parse, read unknown keys, form a cycle or
 * have the wrong type, bounds that contradict the type, missing choices or labels, derived
 * items marked required, and rules that are not boolean or read unknown keys.
 */
export function loadCatalogue(definition: CatalogueDefinition): Catalogue {
  return Catalogue.load(definition);
}
