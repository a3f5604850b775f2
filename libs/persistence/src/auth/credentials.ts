import type { ApiKeyScope, Role } from '@app/domain';
import type { EntityManager } from 'typeorm';

/** An account an e-mail address may sign in to, as `auth_find_user` returns it. */
export interface LoginAccount {
  id: string;
  tenant_id: string;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
}

/** An API key as `auth_find_api_key` returns it. */
export interface StoredApiKey {
  id: string;
  tenant_id: string;
  role: Role;
  secret_hash: string;
  revoked_at: Date | null;
  scopes: ApiKeyScope[];
}

/**
 * The accounts of an e-mail address in every organisation, through the security-definer door
 * that works with no tenant set (sign-in comes before any tenant is known).
 */
export function loginAccounts(m: EntityManager, email: string): Promise<LoginAccount[]> {
  return m.query<LoginAccount[]>('SELECT * FROM auth_find_user($1)', [email]);
}

/** The API key of a prefix, through the security-definer door that works with no tenant set. */
export async function apiKeyByPrefix(
  m: EntityManager,
  prefix: string,
): Promise<StoredApiKey | undefined> {
  const [key] = await m.query<StoredApiKey[]>('SELECT * FROM auth_find_api_key($1)', [prefix]);
  return key;
}

/** Notes the use of an API key of the caller's tenant. */
export async function touchApiKey(m: EntityManager, keyId: string): Promise<void> {
  await m.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [keyId]);
}
