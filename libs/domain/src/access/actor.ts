import type { ApiKeyScope } from './api-key-scope';
import type { OrganisationKind } from './organisation-kind';
import type { Role } from './role';

/** An organisation id that has been established as the caller's tenant; never a raw input. */
export type TenantId = string & { readonly __tenant: unique symbol };

/** Marks an id as a tenant. Only authentication and seeding establish tenants. */
export function asTenantId(id: string): TenantId {
  return id as TenantId;
}

/** Who is calling: a signed-in user or an API key, always of exactly one organisation. */
export interface Actor {
  /** The user, or null for an API key. */
  userId: string | null;
  apiKeyId: string | null;
  /** What an API key may do besides its role (see API_KEY_SCOPES); empty for a user. */
  apiKeyScopes: readonly ApiKeyScope[];
  tenantId: TenantId;
  organisationKind: OrganisationKind;
  role: Role;
}
