import type { Actor } from '@app/domain';

/** The languages a person reads the product in. */
export type Language = 'de' | 'en';

/**
 * Who asks, in which language, under which request id (what the audit trail records): what an
 * API controller or a page controller hands a use-case, whatever its transport.
 */
export interface CallerContext {
  actor: Actor;
  language: Language;
  requestId: string | null;
}
