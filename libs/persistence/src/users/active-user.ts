import type { Role } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';

/**
 * The current role of a user who may act, or null when the user was disabled or deleted. Read
 * in the user's own tenant on every request that a session or an access token authenticates,
 * so that disabling a user takes effect at the next request and a changed role at once.
 */
export async function activeUserRole(m: TenantTx, userId: string): Promise<Role | null> {
  const [row] = await m.query<{ role: Role; disabled_at: Date | null }[]>(
    'SELECT role, disabled_at FROM users WHERE id = $1',
    [userId],
  );
  return row && !row.disabled_at ? row.role : null;
}
