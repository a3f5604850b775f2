import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/**
 * Waits for the advisory lock of `key`, held until the caller's transaction ends: one
 * transaction at a time decides what concerns the key, across every api instance.
 */
export async function lockForTransaction(m: TenantTx, key: string): Promise<void> {
  await managerOf(m).query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

/**
 * Waits until no other bulk change of a cycle's submissions (an import, a bulk accept) is
 * under way, and keeps them off until the caller's transaction ends. An import locks its units'
 * submissions chunk by chunk as the file's rows come, in the file's order; two bulk changes of
 * overlapping units could otherwise each hold a row the other waits for.
 */
export function lockCycleSubmissions(m: TenantTx, cycleId: string): Promise<void> {
  return lockForTransaction(m, `cycle-submissions:${cycleId}`);
}
