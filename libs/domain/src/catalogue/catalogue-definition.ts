/** The areas of the questionnaire, in the order reports and forms show them. */
export const KPI_AREAS = [
  'strategy',
  'employees',
  'volume',
  'productivity',
  'value',
  'customer',
  'cost',
] as const;
export type KpiArea = (typeof KPI_AREAS)[number];

export const KPI_TYPES = ['number', 'integer', 'percent', 'currency', 'boolean', 'choice'] as const;
export type KpiType = (typeof KPI_TYPES)[number];

export const POLARITIES = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const RULE_SEVERITIES = ['error', 'warning'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

/** A text in every language a study is published in. */
export interface LocalizedText {
  de: string;
  en: string;
}

export interface KpiChoice {
  value: string;
  label: LocalizedText;
}

/** One question (input) or computed figure (derived KPI) of the catalogue. */
export interface KpiItemDefinition {
  /** Stable snake_case key; formulas, imports and stored answers refer to it. */
  key: string;
  area: KpiArea;
  type: KpiType;
  /** Unit shown next to the value, e.g. 'FTE', 'days', '%', 's', 'EUR', 'contacts'. */
  unit: string | null;
  label: LocalizedText;
  help: LocalizedText;
  /** Hard lower bound of an answer; a percent's bounds lie within 0..100. */
  min?: number;
  max?: number;
  required: boolean;
  polarity: Polarity;
  /** Present for a derived KPI: computed from other items, never entered. */
  formula?: string;
  choices?: KpiChoice[];
  /** Default true; false for raw volumes that make no sense to compare between units. */
  benchmarked?: boolean;
  /** The item whose value weights this one in a pooled (volume-weighted) figure. */
  weightKey?: string;
}

/** A plausibility rule over several items: its boolean expression must hold. */
export interface CrossFieldRuleDefinition {
  id: string;
  /** An error blocks submitting; a warning needs a comment from the submitter. */
  severity: RuleSeverity;
  expression: string;
  /** The items the problem is reported on; default: the keys the expression reads. */
  keys?: string[];
  message: LocalizedText;
}

/** A versioned questionnaire as stored and as authored; `loadCatalogue` validates it. */
export interface CatalogueDefinition {
  key: string;
  version: number;
  name: LocalizedText;
  items: KpiItemDefinition[];
  rules: CrossFieldRuleDefinition[];
}
