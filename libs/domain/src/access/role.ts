import type { OrganisationKind } from './organisation-kind';

export const ROLES = [
  'platform_admin',
  'publisher_admin',
  'publisher_analyst',
  'company_admin',
  'company_editor',
  'company_viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const PUBLISHER_ROLES: readonly Role[] = ['publisher_admin', 'publisher_analyst'];
export const COMPANY_ROLES: readonly Role[] = ['company_admin', 'company_editor', 'company_viewer'];

/** The roles a user or API key of an organisation of the given kind may hold. */
export function rolesFor(kind: OrganisationKind): readonly Role[] {
  switch (kind) {
    case 'platform':
      return ['platform_admin'];
    case 'publisher':
      return PUBLISHER_ROLES;
    case 'company':
      return COMPANY_ROLES;
  }
}

/** Whether the role acts for a participating company (and so sees only what is released to it). */
export function isCompanyRole(role: Role): boolean {
  return COMPANY_ROLES.includes(role);
}
