import { DomainError, LocalizedMessage } from '../errors/domain-error';
import { WORK_FAILURE_TEXTS } from './work-failure.texts';

/** The kinds of failure of a snapshot, a report or a mail. */
export type WorkFailureKey = keyof typeof WORK_FAILURE_TEXTS;

/**
 * Why a snapshot, a report or a mail failed, as data: stored with the row and put into words in the
 * reader's language when it is read, never frozen in the language of the worker. `unexplained`
 * carries the text a row had before failures were data.
 */
export interface WorkFailure {
  key: WorkFailureKey;
  params: Readonly<Record<string, string | number>>;
  /** The failure behind this one: the last attempt's, for `stopped_after_attempts`. */
  cause?: WorkFailure;
}

/** A failure in both languages. */
export function workFailureMessage(failure: WorkFailure): LocalizedMessage {
  const cause = failure.cause ? workFailureMessage(failure.cause) : undefined;
  return WORK_FAILURE_TEXTS[failure.key](failure.params, cause);
}

/** A failure in the reader's language. */
export function workFailureText(failure: WorkFailure, language: keyof LocalizedMessage): string {
  return workFailureMessage(failure)[language];
}

/**
 * What an attempt that threw stores: a refusal of the domain in its words, anything else as an
 * internal error under `errorId`, which the log has with the error itself, so that no
 * technical message (in English, perhaps with internals) reaches a reader.
 */
export function workFailureOf(error: unknown, errorId: string): WorkFailure {
  if (error instanceof DomainError) {
    return { key: 'refused', params: { de: error.messageIn('de'), en: error.messageIn('en') } };
  }
  return { key: 'internal', params: { errorId } };
}
