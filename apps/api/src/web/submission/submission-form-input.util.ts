import type { Catalogue, Problem } from '@app/domain';
import type { Language } from '../../common/request-context';
import { fill } from '../views/localized';
import { NUMBER_EXAMPLE, parseNumberInput } from './number-input.util';
import type { SubmissionTexts } from './submission.texts';

/** The rule of a number field the page could not read; the field shows its message. */
export const NUMBER_FORMAT_RULE = 'number_format';

/** What the form sent, as typed, to show again next to its errors. */
export interface PostedForm {
  /** By KPI key: the text of a number field, `yes`/`no`/`` of a yes/no item, a choice's value. */
  values: Record<string, string>;
  /** By the first warning id of a comment box: the comment as typed. */
  comments: Record<string, string>;
}

/** The form read for `SubmissionsService.saveDraft`. */
export interface SubmissionFormInput {
  /**
   * By input key: a number, a boolean, a choice's value, `null` for a cleared answer. A number
   * field the page could not read keeps its text, so that the service refuses the save and
   * reports every other problem in the same round.
   */
  answers: Record<string, unknown>;
  /** By warning id: the comment of the box that shows the warning. */
  warningComments: Record<string, string>;
  /** Number fields that are not numbers in the page's language. */
  problems: Problem[];
  posted: PostedForm;
}

/** The body of the form as the url-encoded parser gives it (`answers[key]=...`). */
export interface SubmissionFormBody {
  answers?: Record<string, unknown>;
  comments?: Record<string, unknown>;
  commentGroups?: Record<string, unknown>;
}

/** A warning id (`rule|key`); anything else in a comment box's name is ignored. */
const WARNING_ID = /^[A-Za-z0-9_:.-]{1,200}\|[A-Za-z0-9_]{1,100}$/;

const NUMERIC_TYPES: ReadonlySet<string> = new Set(['number', 'integer', 'percent', 'currency']);

const own = (record: Record<string, unknown> | undefined, key: string): unknown =>
  record !== undefined && Object.prototype.hasOwnProperty.call(record, key)
    ? record[key]
    : undefined;

/**
 * Reads the data entry form: each input of the catalogue that the form sent, in the page's
 * language. A field the form did not send keeps its stored answer; an emptied one clears it.
 * Derived KPIs and unknown fields are not answers and are left out. A comment box stands for
 * the warnings of one rule with one message (a cross-field rule warns at each of its fields);
 * its comment is stored under each of their ids.
 */
export function readSubmissionForm(
  catalogue: Catalogue,
  body: SubmissionFormBody,
  language: Language,
  texts: SubmissionTexts,
): SubmissionFormInput {
  const result: SubmissionFormInput = {
    answers: {},
    warningComments: {},
    problems: [],
    posted: { values: {}, comments: {} },
  };
  for (const item of catalogue.inputs()) {
    const raw = own(body.answers, item.key);
    if (typeof raw !== 'string') {
      continue;
    }
    result.posted.values[item.key] = raw;
    const text = raw.trim();
    if (NUMERIC_TYPES.has(item.type)) {
      const read = parseNumberInput(text, language);
      if (read.kind === 'empty') {
        result.answers[item.key] = null;
      } else if (read.kind === 'number') {
        result.answers[item.key] = read.value;
      } else {
        result.answers[item.key] = text;
        result.problems.push({
          key: item.key,
          rule: NUMBER_FORMAT_RULE,
          message: fill(texts.notANumber, {
            label: item.label[language],
            value: text,
            example: NUMBER_EXAMPLE[language],
          }),
        });
      }
    } else if (item.type === 'boolean') {
      result.answers[item.key] = text === 'yes' ? true : text === 'no' ? false : text || null;
    } else {
      result.answers[item.key] = text === '' ? null : text;
    }
  }
  for (const [first, comment] of Object.entries(body.comments ?? {})) {
    if (typeof comment !== 'string' || !WARNING_ID.test(first)) {
      continue;
    }
    result.posted.comments[first] = comment;
    const group = own(body.commentGroups, first);
    const ids = typeof group === 'string' ? group.split(',') : [];
    for (const id of new Set([first, ...ids])) {
      if (WARNING_ID.test(id)) {
        result.warningComments[id] = comment;
      }
    }
  }
  return result;
}

/**
 * The problems of a refused save as the form shows them: the page's own message for a number
 * it could not read instead of the service's "must be a number" for the same field.
 */
export function mergeProblems(own: readonly Problem[], service: readonly Problem[]): Problem[] {
  const unreadable = new Set(own.map((p) => p.key));
  return [
    ...own,
    ...service.filter(
      (p) => !(unreadable.has(p.key) && (p.rule === 'type_number' || p.rule === 'type_integer')),
    ),
  ];
}
