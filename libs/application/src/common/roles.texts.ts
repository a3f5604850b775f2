import type { LocalizedMessage, OrganisationKind, Role } from '@app/domain';

const KIND: Record<OrganisationKind, LocalizedMessage> = {
  publisher: { de: 'Ein Herausgeber', en: 'A publisher' },
  company: { de: 'Ein Unternehmen', en: 'A company' },
  platform: { de: 'Der Plattformbetreiber', en: 'The platform operator' },
};

/**
 * The refusals of a role that does not fit the organisation (of a new user, of a new API key),
 * in both languages; the exception filters show the reader's.
 */
export const ROLE_REFUSALS = {
  userRole: (kind: OrganisationKind, role: Role): LocalizedMessage => ({
    de: `${KIND[kind].de} kann keine Benutzer mit der Rolle ${role} haben.`,
    en: `${KIND[kind].en} cannot have users with the role ${role}.`,
  }),
  apiKeyRole: (kind: OrganisationKind, role: Role): LocalizedMessage => ({
    de: `${KIND[kind].de} kann keinen API-Schlüssel mit der Rolle ${role} haben.`,
    en: `${KIND[kind].en} cannot have an API key with the role ${role}.`,
  }),
  /** The field problem of either. */
  roleOneOf: (roles: readonly Role[]): LocalizedMessage => ({
    de: `role muss einer dieser Werte sein: ${roles.join(', ')}.`,
    en: `role must be one of ${roles.join(', ')}.`,
  }),
} as const satisfies Record<string, (...args: never[]) => LocalizedMessage>;
