import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/**
 * Waits for the advisory lock of `key`, held until the caller's transaction ends: one
 * transaction at a time decides what concerns the key, across every api instance.
 */
export async function lockForTransaction(m: TenantTx, key: string): Promise<void> {
  await managerOf(m).query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
