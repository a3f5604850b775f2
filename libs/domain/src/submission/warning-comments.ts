import { DomainError, DomainErrorCode, Problem } from '../errors/domain-error';
import { MessageLanguage, SUBMISSION_MESSAGES as M } from './submission-messages';

/**
 * The identity of a warning, under which the submitter's comment is stored. Rule and key only,
 * not the message: the comment must survive a change of language or of the value shown in it.
 */
export function warningId(problem: Pick<Problem, 'rule' | 'key'>): string {
  return `${problem.rule}|${problem.key}`;
}

/** The warnings that have no comment, or only a blank one, under their `warningId`. */
export function uncommentedWarnings(
  warnings: Problem[],
  comments: Readonly<Record<string, string>>,
): Problem[] {
  return warnings.filter((warning) => {
    const id = warningId(warning);
    const comment = Object.prototype.hasOwnProperty.call(comments, id) ? comments[id] : undefined;
    return typeof comment !== 'string' || comment.trim() === '';
  });
}

/**
 * Refuses submitting while there are errors or uncommented warnings: throws one
 * `ValidationFailed` domain error listing the errors, then a `comment_required` problem per
 * uncommented warning. Returns normally when the answers may be submitted.
 */
export function assertSubmittable(
  errors: Problem[],
  warnings: Problem[],
  comments: Readonly<Record<string, string>>,
  language: MessageLanguage,
): void {
  const uncommented = uncommentedWarnings(warnings, comments);
  if (errors.length === 0 && uncommented.length === 0) {
    return;
  }
  const problems: Problem[] = [
    ...errors,
    ...uncommented.map((warning) => ({
      key: warning.key,
      rule: 'comment_required',
      message: M.commentRequired(warning.message, language),
    })),
  ];
  throw new DomainError(
    DomainErrorCode.ValidationFailed,
    M.notSubmittable(errors.length, uncommented.length, language),
    problems,
  );
}
