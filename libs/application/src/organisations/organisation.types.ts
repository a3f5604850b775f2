import type { OrganisationKind, Role } from '@app/domain';
import type { Language } from '../common/caller';

/** The fewest characters a password has. */
export const PASSWORD_MIN_LENGTH = 10;

/** A new user of an organisation: the role is given apart. */
export interface NewUserInput {
  email: string;
  name: string;
  password: string;
}

/**
 * An organisation's first administrator: with a password, an account at once; without one, an
 * invitation in the language given.
 */
export interface FirstAdminInput {
  email: string;
  name: string;
  password?: string;
  language?: Language;
}

/** A new tenant, as the platform operator makes it, with its first administrator. */
export interface NewOrganisationInput {
  kind: Exclude<OrganisationKind, 'platform'>;
  name: string;
  admin: FirstAdminInput;
}

/** An organisation (a tenant) as the caller sees it. */
export interface OrganisationView {
  id: string;
  kind: OrganisationKind;
  name: string;
  createdAt: string;
  disabledAt: string | null;
}

/** A user of the caller's organisation. */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** A user of a tenant as the platform operator sees it. */
export interface TenantUserView extends UserView {
  disabledAt: string | null;
}
