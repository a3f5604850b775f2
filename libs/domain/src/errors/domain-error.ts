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
  /** The request's fields are not of the shape the endpoint takes (a field's type, a bound). */
  BadRequest = 'bad_request',
}

/** One precise problem with an input: which field, which rule, and a sentence for a person. */
export interface Problem {
  key: string;
  rule: string;
  message: string;
}

/** A sentence in each language of the product; the reader's is picked when it is shown. */
export interface LocalizedMessage {
  de: string;
  en: string;
}

/** A problem whose sentence exists in each language, for an error thrown before one is known. */
export interface LocalizedProblem {
  key: string;
  rule: string;
  message: LocalizedMessage;
}

/**
 * The one error type libraries throw. It carries a code (never an HTTP status) and, for
 * validation-like refusals, the list of problems found. A message (or problem) given in both
 * languages is shown in the reader's (`messageIn`, `problemsIn`); `message` and `problems` are
 * the English ones, for logs.
 */
export class DomainError extends Error {
  private readonly localized: LocalizedMessage | null;

  constructor(
    readonly code: DomainErrorCode,
    message: string | LocalizedMessage,
    private readonly given: readonly (Problem | LocalizedProblem)[] = [],
  ) {
    super(typeof message === 'string' ? message : message.en);
    this.name = 'DomainError';
    this.localized = typeof message === 'string' ? null : message;
  }

  /** The message in the reader's language; one given in a single language stays as it is. */
  messageIn(language: keyof LocalizedMessage): string {
    return this.localized?.[language] ?? this.message;
  }

  /**
   * The problems in the reader's language; one given in a single language stays as it is, and
   * the fields a problem has besides (a spreadsheet cell's `sheet`, `cell`, `value`) stay too.
   */
  problemsIn(language: keyof LocalizedMessage): Problem[] {
    return this.given.map((p) => ({
      ...p,
      message: typeof p.message === 'string' ? p.message : p.message[language],
    }));
  }

  /** The problems in English, for logs and for callers that read only their keys and rules. */
  get problems(): Problem[] {
    return this.problemsIn('en');
  }
}

/** What an id names, in the words of each language. */
const THINGS = {
  'API key': { de: 'API-Schlüssel', en: 'API key' },
  'Catalogue item': { de: 'Fragebogenelement', en: 'Catalogue item' },
  'Catalogue version': { de: 'Fragebogenversion', en: 'Catalogue version' },
  Cycle: { de: 'Zyklus', en: 'Cycle' },
  Invitation: { de: 'Einladung', en: 'Invitation' },
  Organisation: { de: 'Organisation', en: 'Organisation' },
  Participation: { de: 'Teilnahme', en: 'Participation' },
  'Peer group': { de: 'Vergleichsgruppe', en: 'Peer group' },
  Report: { de: 'Bericht', en: 'Report' },
  'Report batch': { de: 'Berichtslauf', en: 'Report batch' },
  Snapshot: { de: 'Snapshot', en: 'Snapshot' },
  Study: { de: 'Studie', en: 'Study' },
  Trend: { de: 'Trend', en: 'Trend' },
  'Trend report': { de: 'Trendbericht', en: 'Trend report' },
  Unit: { de: 'Einheit', en: 'Unit' },
} as const satisfies Record<string, LocalizedMessage>;

/** A kind of thing an id can name in a "not found". */
export type FindableThing = keyof typeof THINGS;

/** The error for an id the caller cannot see: absent and foreign look the same. */
export function notFound(what: FindableThing, id: string): DomainError {
  const thing = THINGS[what];
  return new DomainError(DomainErrorCode.NotFound, {
    de: `${thing.de} ${id} wurde nicht gefunden.`,
    en: `${thing.en} ${id} was not found.`,
  });
}
