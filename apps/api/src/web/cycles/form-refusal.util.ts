import { DomainError, Problem } from '@app/domain';
import { statusFor } from '../../common/domain-exception.filter';
import type { Language } from '../../common/request-context';

/**
 * A service's refusal of a form, as the page shows it at that form (422): what did not happen
 * in the page's words, and why in the service's (or the page's, where the page knows better).
 */
export interface FormRefusal {
  /** What did not happen: "The cycle was not published." */
  message: string;
  /** Why: the service's sentence, in the caller's language where the service has it. */
  detail: string;
  /** The service's problems, each tied to a field or cell where it has one. */
  problems: Problem[];
}

/** An entry of the `form-errors` partial: a message, and the id of the input it belongs to. */
export interface FormError {
  field: string | null;
  message: string;
}

/**
 * The refusal of a form from what a service threw. Only refusals a person can act on at the
 * form (409 conflicts and invalid states, 422 validation) are shown there, with the service's
 * sentence in the page's language; a 404 or 403 (an id the caller may not see) and anything
 * unexpected go on to the error pages.
 *
 * @throws the error itself when it is not such a refusal
 */
export function refusalOf(
  error: unknown,
  language: Language,
  message: string,
  detail?: string,
): FormRefusal {
  if (error instanceof DomainError) {
    const status = statusFor(error.code);
    if (status === 409 || status === 422) {
      return {
        message,
        detail: detail ?? error.messageIn(language),
        problems: error.problemsIn(language),
      };
    }
  }
  throw error;
}

/** The summary of a refused form for the `form-errors` partial; none without a refusal. */
export function formErrorsOf(
  refusal: FormRefusal | null,
  field: string | null = null,
): FormError[] {
  if (refusal === null) {
    return [];
  }
  return [
    { field: null, message: refusal.message },
    { field, message: refusal.detail },
  ];
}
