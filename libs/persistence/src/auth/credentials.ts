import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** Notes the use of an API key of the caller's tenant. */
export async function touchApiKey(m: TenantTx, keyId: string): Promise<void> {
  await managerOf(m).query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [keyId]);
}
