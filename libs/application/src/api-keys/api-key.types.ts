import type { ApiKeyScope, Role } from '@app/domain';

/** An API key as its organisation's admins read it: never its secret. */
export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A key just made, with the full key: shown once and never stored in clear. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}
