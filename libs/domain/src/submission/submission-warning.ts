import { Catalogue } from '../catalogue/catalogue';
import { KpiItemDefinition } from '../catalogue/catalogue-definition';
import { Problem } from '../errors/domain-error';
import { MessageLanguage, SUBMISSION_MESSAGES as M } from './submission-messages';

/**
 * A warning as it is stored and passed on: which answer, which rule, and the figures the rule
 * found. It is data, not a sentence, so that each reader gets it in their own language, not in
 * the language of whoever saved the answers.
 */
export interface SubmissionWarning {
  key: string;
  rule: string;
  /**
   * The figures of the sentence, by rule: `previous_cycle_deviation` `{ value, previous }`,
   * `benchmark_range` `{ value, lower, upper }`, a cross-field rule (`rule:<id>`) none.
   */
  params: Readonly<Record<string, number>>;
}

/** The prefix of the rule name of a problem raised by a catalogue cross-field rule. */
export const CROSS_FIELD_RULE_PREFIX = 'rule:';

/**
 * The sentence of a warning in a reader's language, from the catalogue it was found against.
 * An item or rule the catalogue lacks cannot occur for a stored warning (a catalogue version
 * never changes), so the key stands in for a label there rather than failing a whole page.
 */
export function warningMessage(
  catalogue: Catalogue,
  warning: SubmissionWarning,
  language: MessageLanguage,
): string {
  if (warning.rule.startsWith(CROSS_FIELD_RULE_PREFIX)) {
    const id = warning.rule.slice(CROSS_FIELD_RULE_PREFIX.length);
    return catalogue.rules.find((r) => r.id === id)?.message[language] ?? warning.rule;
  }
  const item: Pick<KpiItemDefinition, 'label' | 'unit'> = catalogue.item(warning.key) ?? {
    label: { de: warning.key, en: warning.key },
    unit: null,
  };
  const { value = NaN, previous = NaN, lower = NaN, upper = NaN } = warning.params;
  if (warning.rule === 'previous_cycle_deviation') {
    return Math.abs(value) > Math.abs(previous)
      ? M.previousCycleAbove(item, value, previous, language)
      : M.previousCycleBelow(item, value, previous, language);
  }
  if (warning.rule === 'benchmark_range') {
    return M.benchmarkRange(item, value, { lower, upper }, language);
  }
  return warning.rule;
}

/** Warnings as problems with their sentences in the reader's language, in their order. */
export function renderWarnings(
  catalogue: Catalogue,
  warnings: readonly SubmissionWarning[],
  language: MessageLanguage,
): Problem[] {
  return warnings.map((w) => ({
    key: w.key,
    rule: w.rule,
    message: warningMessage(catalogue, w, language),
  }));
}
