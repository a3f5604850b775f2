import { AnswerValue, Answers, Catalogue, KpiValues } from '../catalogue/catalogue';
import { KpiItemDefinition } from '../catalogue/catalogue-definition';
import { Problem } from '../errors/domain-error';
import { MessageLanguage, SUBMISSION_MESSAGES as M } from './submission-messages';
import { CROSS_FIELD_RULE_PREFIX, SubmissionWarning } from './submission-warning';

/** How answers are validated: for a saved draft, or for submitting. */
export interface AnswerValidationOptions {
  /** Submitting demands every required input; a draft may be incomplete. */
  forSubmit: boolean;
  language: MessageLanguage;
}

/** The outcome of `validateAnswers`. */
export interface AnswerValidationResult {
  /**
   * The well-typed answers for known inputs, `null` for an answer explicitly cleared. An answer
   * of the wrong type is left out (it has an error); a number outside its bounds is kept, so
   * that the form still shows what was entered next to its error.
   */
  values: Answers;
  /** Problems that block submitting. */
  errors: Problem[];
  /** Problems that need a comment from the submitter before submitting, as data. */
  warnings: SubmissionWarning[];
  /** The derived KPIs of `values`, computed once here for whoever stores them. */
  derived: KpiValues;
}

type Check = { value: AnswerValue } | { problem: Omit<Problem, 'key'> };

const has = (record: Record<string, unknown>, key: string): boolean =>
  Object.prototype.hasOwnProperty.call(record, key);

/** A percent lies within 0..100 unless the item narrows it; other types only have own bounds. */
export function answerBounds(item: KpiItemDefinition): { min?: number; max?: number } {
  if (item.type === 'percent') {
    return { min: item.min ?? 0, max: item.max ?? 100 };
  }
  return { min: item.min, max: item.max };
}

function checkValue(item: KpiItemDefinition, value: unknown, language: MessageLanguage): Check {
  switch (item.type) {
    case 'boolean':
      return typeof value === 'boolean'
        ? { value }
        : { problem: { rule: 'type_boolean', message: M.typeBoolean(item, language) } };
    case 'choice':
      return typeof value === 'string' && (item.choices ?? []).some((c) => c.value === value)
        ? { value }
        : { problem: { rule: 'type_choice', message: M.typeChoice(item, language) } };
    case 'integer':
    case 'number':
    case 'percent':
    case 'currency':
      return checkNumber(item, value, language);
  }
}

// JSON numbers only: a numeric string would hide a client bug and its locale ("1.234" is 1234
// in German), so it is refused rather than parsed.
function checkNumber(item: KpiItemDefinition, value: unknown, language: MessageLanguage): Check {
  const isNumber = typeof value === 'number' && Number.isFinite(value);
  if (item.type === 'integer') {
    // One rule for an integer item whatever is wrong: "must be a whole number" covers a text too.
    if (!isNumber || !Number.isInteger(value)) {
      return { problem: { rule: 'type_integer', message: M.typeInteger(item, language) } };
    }
  } else if (!isNumber) {
    return { problem: { rule: 'type_number', message: M.typeNumber(item, language) } };
  }
  return { value };
}

function checkBounds(
  item: KpiItemDefinition,
  value: number,
  language: MessageLanguage,
): Omit<Problem, 'key'> | undefined {
  const { min, max } = answerBounds(item);
  if (min !== undefined && value < min) {
    return { rule: 'min', message: M.min(item, min, language) };
  }
  if (max !== undefined && value > max) {
    return { rule: 'max', message: M.max(item, max, language) };
  }
  return undefined;
}

/**
 * Validates the answers of a submission against its catalogue and collects every problem in one
 * pass, so that a submitter fixes the whole form in one round. Rules (stable names):
 * `unknown_key`, `derived_readonly`, `type_number`, `type_integer`, `type_boolean`,
 * `type_choice`, `min`, `max`, `required` (only `forSubmit`), and `rule:<id>` for each
 * cross-field rule that does not hold, once per key it is reported on; rules of severity
 * warning go to `warnings`. `null` clears an answer; an `undefined` property counts as absent,
 * as it would after a JSON round trip. Problems come in questionnaire order, unknown keys last.
 */
export function validateAnswers(
  catalogue: Catalogue,
  answers: Record<string, unknown>,
  options: AnswerValidationOptions,
): AnswerValidationResult {
  const { forSubmit, language } = options;
  const values: Record<string, AnswerValue> = {};
  const errors: Problem[] = [];
  const warnings: SubmissionWarning[] = [];

  for (const item of catalogue.items) {
    const { key } = item;
    const given = has(answers, key) && answers[key] !== undefined;
    if (item.formula !== undefined) {
      if (given) {
        errors.push({ key, rule: 'derived_readonly', message: M.derivedReadonly(item, language) });
      }
      continue;
    }
    const answer = given ? answers[key] : undefined;
    if (answer === undefined || answer === null) {
      if (answer === null) {
        values[key] = null;
      }
      if (forSubmit && item.required) {
        errors.push({ key, rule: 'required', message: M.required(item, language) });
      }
      continue;
    }
    const checked = checkValue(item, answer, language);
    if ('problem' in checked) {
      errors.push({ key, ...checked.problem });
      continue;
    }
    values[key] = checked.value;
    if (typeof checked.value === 'number') {
      const outside = checkBounds(item, checked.value, language);
      if (outside) {
        errors.push({ key, ...outside });
      }
    }
  }

  for (const key of Object.keys(answers)) {
    if (catalogue.item(key) === undefined) {
      errors.push({ key, rule: 'unknown_key', message: M.unknownKey(key, language) });
    }
  }

  const { derived, violations } = catalogue.evaluate(values);
  for (const violation of violations) {
    const rule = `${CROSS_FIELD_RULE_PREFIX}${violation.id}`;
    for (const key of violation.keys) {
      if (violation.severity === 'error') {
        errors.push({ key, rule, message: violation.message[language] });
      } else {
        warnings.push({ key, rule, params: {} });
      }
    }
  }

  return { values, errors, warnings, derived };
}

/**
 * The answers a draft save would store, validated: the current answers with the new ones laid
 * over them. Clearing (`null`) an answer that is not there changes nothing, so that a blank
 * cell of an uploaded file does not store a `null`.
 */
export function validateDraft(
  catalogue: Catalogue,
  current: Readonly<Record<string, unknown>>,
  answers: Readonly<Record<string, unknown>>,
  language: MessageLanguage,
): AnswerValidationResult {
  return validateAnswers(catalogue, overlaid(current, answers), { forSubmit: false, language });
}

/**
 * `answers` laid over `current` as `validateDraft` says. Without current answers and without
 * a cleared one, that is `answers` as they are, which is what most rows of an import are: no
 * copy is made of them (validation only reads its answers).
 */
function overlaid(
  current: Readonly<Record<string, unknown>>,
  answers: Readonly<Record<string, unknown>>,
): Readonly<Record<string, unknown>> {
  if (Object.keys(current).length === 0 && !Object.values(answers).includes(null)) {
    return answers;
  }
  const merged: Record<string, unknown> = { ...current };
  for (const key of Object.keys(answers)) {
    const value = answers[key];
    if (value !== null || (merged[key] !== undefined && merged[key] !== null)) {
      merged[key] = value;
    }
  }
  return merged;
}
