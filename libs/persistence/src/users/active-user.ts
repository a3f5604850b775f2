import type { Role } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';

/**
 * The current role of a user who may act, or null when the user or its organisation was
 * disabled, the user deleted, or when the credential (a session, an access token) began at `signedInAt`, before the user's
 * sessions were ended (a password reset). Read in the user's own tenant on every request that
 * a session or an access token authenticates, so that disabling a user or resetting a password
 * takes effect at the next request and a changed role at once.
 */
export async function activeUserRole(
  m: TenantTx,
  userId: string,
  signedInAt: Date,
): Promise<Role | null> {
  const [row] = await m.query<{ role: Role; disabled_at: Date | null; revoked: boolean }[]>(
    `SELECT u.role, coalesce(u.disabled_at, o.disabled_at) AS disabled_at,
            coalesce(u.sessions_revoked_at > $2, false) AS revoked
       FROM users u JOIN organisations o ON o.id = u.tenant_id WHERE u.id = $1`,
    [userId, signedInAt],
  );
  return row && !row.disabled_at && !row.revoked ? row.role : null;
}
