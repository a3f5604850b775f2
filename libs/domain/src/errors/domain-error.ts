/** Every way a domain operation can refuse; the api maps each code to one HTTP status. */
export enum DomainErrorCode {
  NotFound = 'not_found',
  Forbidden = 'forbidden',
  Unauthenticated = 'unauthenticated',
  Conflict = 'conflict',
  InvalidState = 'invalid_state',
  ValidationFailed = 'validation_failed',
  CatalogueInvalid = 'catalogue_invalid',
  FormulaInvalid = 'formula_invalid',
  PayloadTooLarge = 'payload_too_large',
  /** PostgreSQL or Redis cannot be reached: nothing is wrong with the request. */
  ServiceUnavailable = 'service_unavailable',
}

/** One precise problem with an input: which field, which rule, and a sentence for a person. */
export interface Problem {
  key: string;
  rule: string;
  message: string;
}

/**
 * The one error type libraries throw. It carries a code (never an HTTP status) and, for
 * validation-like refusals, the list of problems found.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** The error for an id the caller cannot see: absent and foreign look the same. */
export function notFound(what: string, id: string): DomainError {
  return new DomainError(DomainErrorCode.NotFound, `${what} ${id} was not found.`);
}
