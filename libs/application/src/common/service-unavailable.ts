import { DomainError, DomainErrorCode } from '@app/domain';
import type { Dependency } from '@app/jobs';
import type { Language } from './caller';

const NAMES: Record<Dependency, Record<Language, string>> = {
  database: { de: 'Die Datenbank (PostgreSQL)', en: 'The database (PostgreSQL)' },
  redis: {
    de: 'Redis (es reicht Aufträge an den Worker weiter und hält Anmeldungen und Sitzungen)',
    en: 'Redis (it hands work to the worker and keeps sign-ins and sessions)',
  },
};

/** The sentence a person reads when a service the request needs cannot be reached. */
export function unavailableMessage(dependency: Dependency, language: Language): string {
  return language === 'de'
    ? `${NAMES[dependency].de} ist nicht erreichbar. Versuchen Sie es in einer Minute erneut.`
    : `${NAMES[dependency].en} cannot be reached. Try again in a minute.`;
}

/** The 503 for a request that needs a service that cannot be reached. */
export function serviceUnavailable(
  dependency: Dependency,
  language: Language,
  addition?: Record<Language, string>,
): DomainError {
  const message = unavailableMessage(dependency, language);
  return new DomainError(
    DomainErrorCode.ServiceUnavailable,
    addition ? `${message} ${addition[language]}` : message,
  );
}
