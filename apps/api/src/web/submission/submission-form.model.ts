import {
  answerBounds,
  Catalogue,
  formatQuantity,
  KpiItemDefinition,
  Problem,
  warningId,
} from '@app/domain';
import { formulaForReader, KPI_AREA_LABELS, NO_VALUE, unitLabel } from '@app/reporting';
import type { Language } from '../../common/request-context';
import type { SubmissionDto } from '../../submissions/dto/submission.dto';
import { fill } from '../views/localized';
import { formatNumberInput, NUMBER_EXAMPLE } from './number-input.util';
import type { PostedForm } from './submission-form-input.util';
import type { SubmissionTexts } from './submission.texts';

/** A warning of the submission as the stored data set has it, with its id and comment. */
type StoredWarning = SubmissionDto['warnings'][number];

/**
 * The warnings of one rule with one message, shown once with one comment box: a cross-field
 * rule warns at each of its fields with the same sentence, and one comment explains them all.
 */
export interface FormWarning {
  /** The element id of the warning's text. */
  id: string;
  /** The element id of its comment box. */
  commentId: string;
  /** The comment box's name: `comments[<first warning id>]`. */
  commentName: string;
  /** The hidden field that names every warning id of the group. */
  groupName: string;
  groupIds: string;
  message: string;
  comment: string;
  /** An error of the comment (missing before submitting, too long); null when fine. */
  commentError: string | null;
  commentErrorId: string;
  /** The warning ids, for placing problems. */
  ids: readonly string[];
  /** The KPI keys it is about, in questionnaire order. */
  keys: readonly string[];
}

/** One question or derived KPI of the form. */
export interface FormField {
  key: string;
  /** The element id of the input (of the first radio button of a yes/no question). */
  id: string;
  name: string;
  label: string;
  help: string | null;
  helpId: string;
  /** The unit as the language writes it after a number (`Tage`, `%`). */
  unit: string | null;
  required: boolean;
  isNumber: boolean;
  isBoolean: boolean;
  isChoice: boolean;
  isDerived: boolean;
  /** A number field's text, in the page's language. */
  value: string;
  inputMode: 'decimal' | 'text';
  /** The format and bounds of a number, e.g. "number, e.g. 1,234.5 · allowed from 0 to 100 %". */
  hint: string | null;
  yes: boolean;
  no: boolean;
  noAnswer: boolean;
  options: { value: string; label: string; selected: boolean }[];
  /** The answer (or derived value) as text, for the read-only view and derived KPIs. */
  display: string;
  /** "Computed from: …" of a derived KPI. */
  computedFrom: string | null;
  errors: string[];
  errorId: string;
  invalid: boolean;
  warnings: FormWarning[];
  /** The ids that describe the input: hint, errors, warnings. */
  describedBy: string;
}

/** One area of the questionnaire. */
export interface FormArea {
  key: string;
  id: string;
  title: string;
  fields: FormField[];
}

/** An entry of the error summary: links to the field it is about. */
export interface SummaryEntry {
  field: string | null;
  message: string;
}

/** What builds the form: the catalogue, the stored submission and, after a post, what it sent. */
export interface SubmissionFormState {
  language: Language;
  texts: SubmissionTexts;
  catalogue: Catalogue;
  submission: Pick<SubmissionDto, 'answers' | 'derived' | 'warnings'>;
  /** What the form sent, shown instead of the stored answers (after a refused save). */
  posted?: PostedForm;
  /** Problems of a refused save or submit, by KPI key (or `warningComments.<id>`). */
  problems?: readonly Problem[];
}

/** The areas of the form and its error and warning summaries. */
export interface SubmissionFormModel {
  areas: FormArea[];
  /** Every error once, in questionnaire order, linking to its field. */
  errors: SummaryEntry[];
  /** Every warning once, linking to its comment box (or, read-only, to its field). */
  warnings: { href: string; fieldHref: string; message: string; commented: boolean }[];
  /** Warnings on keys the catalogue does not have (an older catalogue's rule). */
  otherWarnings: FormWarning[];
}

const fieldId = (key: string): string => `kpi-${key}`;

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['number', 'integer', 'percent', 'currency']);

function numberText(value: unknown, language: Language): string {
  return typeof value === 'number' && Number.isFinite(value)
    ? formatNumberInput(value, language)
    : '';
}

/** The value of an answer or derived KPI as a sentence shows it (`1.234 Kontakte`, `Ja`). */
function displayOf(
  item: KpiItemDefinition,
  value: unknown,
  language: Language,
  texts: SubmissionTexts,
): string {
  if (typeof value === 'boolean') {
    return value ? texts.yes : texts.no;
  }
  if (typeof value === 'number' && Number.isFinite(value)) {
    return formatQuantity(value, item, language);
  }
  if (typeof value === 'string' && item.type === 'choice') {
    return item.choices?.find((c) => c.value === value)?.label[language] ?? value;
  }
  return NO_VALUE;
}

/** "number, e.g. 1.234,5 · allowed from 0 to 100 %" for a number field; null otherwise. */
function hintOf(item: KpiItemDefinition, language: Language, texts: SubmissionTexts): string {
  const format =
    item.type === 'integer'
      ? texts.wholeNumberHint
      : fill(texts.numberHint, { example: NUMBER_EXAMPLE[language] });
  const { min, max } = answerBounds(item);
  const quantity = (v: number): string => formatQuantity(v, item, language);
  const bounds =
    min !== undefined && max !== undefined
      ? fill(texts.boundsBetween, { min: quantity(min), max: quantity(max) })
      : min !== undefined
        ? fill(texts.boundsAtLeast, { min: quantity(min) })
        : max !== undefined
          ? fill(texts.boundsAtMost, { max: quantity(max) })
          : null;
  return bounds === null ? format : `${format} · ${bounds}`;
}

/**
 * Groups the stored warnings by rule and message, in questionnaire order of their first key,
 * with their comments: the posted one after a refused save, else the stored one.
 */
function warningGroups(
  catalogue: Catalogue,
  warnings: readonly StoredWarning[],
  posted: PostedForm | undefined,
): FormWarning[] {
  const order = new Map(catalogue.items.map((item, index) => [item.key, index]));
  const rank = (key: string): number => order.get(key) ?? Number.MAX_SAFE_INTEGER;
  const groups = new Map<string, StoredWarning[]>();
  for (const warning of warnings) {
    const group = `${warning.rule}\u0000${warning.message}`;
    groups.set(group, [...(groups.get(group) ?? []), warning]);
  }
  return [...groups.values()]
    .map((members) => [...members].sort((a, b) => rank(a.key) - rank(b.key)))
    .sort((a, b) => rank(a[0].key) - rank(b[0].key))
    .map((members, index) => {
      const ids = members.map((w) => w.id || warningId(w));
      const first = ids[0];
      const stored = members.find((w) => (w.comment ?? '').trim() !== '')?.comment ?? '';
      const postedComment = posted?.comments[first];
      const comment = postedComment ?? stored;
      return {
        id: `warning-${index + 1}`,
        commentId: `comment-${index + 1}`,
        commentName: `comments[${first}]`,
        groupName: `commentGroups[${first}]`,
        groupIds: ids.join(','),
        message: members[0].message,
        comment,
        commentError: null,
        commentErrorId: `comment-${index + 1}-error`,
        ids,
        keys: members.map((w) => w.key),
      } satisfies FormWarning;
    });
}

/**
 * The data entry form of a submission: the catalogue's items grouped by area in the
 * questionnaire's order, each with its label, help, unit, format and bounds, its answer (as
 * posted after a refused save, else as stored), its errors and the plausibility warnings at
 * it with their comment boxes; derived KPIs read-only as they follow from the saved answers.
 * Pure: the controller gives it what the services returned.
 */
export function submissionFormModel(state: SubmissionFormState): SubmissionFormModel {
  const { language, texts, catalogue, submission, posted } = state;
  const problems = state.problems ?? [];
  const groups = warningGroups(catalogue, submission.warnings, posted);
  const placed = new Set<FormWarning>();

  // A comment's problems: `warningComments.<id>` (too long) or, from submitting,
  // `comment_required` at the warning's key.
  const commentProblems = new Set<Problem>();
  for (const problem of problems) {
    const id = problem.key.startsWith('warningComments.')
      ? problem.key.slice('warningComments.'.length)
      : null;
    const group =
      id !== null
        ? groups.find((g) => g.ids.includes(id))
        : problem.rule === 'comment_required'
          ? groups.find((g) => g.keys.includes(problem.key) && g.comment.trim() === '')
          : undefined;
    // A warning the stored data set does not show (submitting checks afresh) has no box: its
    // problem stays at its field, and saving the draft shows the box.
    if (group) {
      commentProblems.add(problem);
      group.commentError =
        problem.rule === 'comment_required' ? texts.commentMissing : problem.message;
    }
  }

  const labelOf = (key: string): string | undefined => catalogue.item(key)?.label[language];
  const areas: FormArea[] = catalogue.areas().map((area) => ({
    key: area,
    id: `area-${area}`,
    title: KPI_AREA_LABELS[area][language],
    fields: catalogue.items
      .filter((item) => item.area === area)
      .map((item): FormField => {
        const id = fieldId(item.key);
        const derived = item.formula !== undefined;
        const stored = derived ? submission.derived[item.key] : submission.answers[item.key];
        const postedValue = posted?.values[item.key];
        const isNumber = !derived && NUMERIC_TYPES.has(item.type);
        const choice = postedValue ?? (typeof stored === 'string' ? stored : '');
        const yesNo = postedValue ?? (stored === true ? 'yes' : stored === false ? 'no' : '');
        const errors = problems
          .filter((p) => p.key === item.key && !commentProblems.has(p))
          .map((p) => p.message);
        const warnings = groups.filter((g) => g.keys[0] === item.key);
        warnings.forEach((w) => placed.add(w));
        const errorId = `${id}-error`;
        const helpId = `${id}-help`;
        const { min } = answerBounds(item);
        return {
          key: item.key,
          id,
          name: `answers[${item.key}]`,
          label: item.label[language],
          help: item.help[language] || null,
          helpId,
          unit: unitLabel(item, language),
          required: item.required,
          isNumber,
          isBoolean: !derived && item.type === 'boolean',
          isChoice: !derived && item.type === 'choice',
          isDerived: derived,
          value: isNumber ? (postedValue ?? numberText(stored, language)) : '',
          inputMode: min !== undefined && min >= 0 ? 'decimal' : 'text',
          hint: isNumber ? hintOf(item, language, texts) : null,
          yes: yesNo === 'yes',
          no: yesNo === 'no',
          noAnswer: yesNo !== 'yes' && yesNo !== 'no',
          options: (item.choices ?? []).map((c) => ({
            value: c.value,
            label: c.label[language],
            selected: c.value === choice,
          })),
          display: derived
            ? typeof stored === 'number' || typeof stored === 'boolean'
              ? displayOf(item, stored, language, texts)
              : texts.notComputed
            : displayOf(item, stored, language, texts),
          computedFrom:
            item.formula === undefined
              ? null
              : fill(posted ? texts.computedFromSaved : texts.computedFrom, {
                  formula: formulaForReader(item.formula, labelOf, language),
                }),
          errors,
          errorId,
          invalid: errors.length > 0,
          warnings,
          describedBy: [
            helpId,
            ...(errors.length > 0 ? [errorId] : []),
            ...warnings.map((w) => w.id),
          ].join(' '),
        };
      }),
  }));

  const order = new Map(catalogue.items.map((item, index) => [item.key, index]));
  const seen = new Set<string>();
  const errors: SummaryEntry[] = [];
  const ranked = [...problems].sort(
    (a, b) =>
      (order.get(a.key) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.key) ?? Number.MAX_SAFE_INTEGER),
  );
  for (const problem of ranked) {
    if (commentProblems.has(problem)) {
      continue;
    }
    if (!seen.has(problem.message)) {
      seen.add(problem.message);
      errors.push({
        field: order.has(problem.key) ? fieldId(problem.key) : null,
        message: problem.message,
      });
    }
  }
  for (const group of groups) {
    if (group.commentError !== null) {
      errors.push({ field: group.commentId, message: `${group.message} ${group.commentError}` });
    }
  }

  return {
    areas,
    errors,
    warnings: groups.map((g) => ({
      href: `#${g.commentId}`,
      fieldHref: order.has(g.keys[0]) ? `#${fieldId(g.keys[0])}` : `#${g.commentId}`,
      message: g.message,
      commented: g.comment.trim() !== '',
    })),
    otherWarnings: groups.filter((g) => !placed.has(g)),
  };
}
