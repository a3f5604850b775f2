import type { Role, TenantId } from '@app/domain';
import { type TenantDb, tenantRead } from '../tenant/tenant-db';

/**
 * The current role of a user who may act, or null when the user or its organisation was
 * disabled, the user deleted, or when the credential (a session, an access token) began at `signedInAt`, before the user's
 * sessions were ended (a password reset). Read in the user's own tenant on every request that
 * a session or an access token authenticates, so that disabling a user or resetting a password
 * takes effect at the next request and a changed role at once; one round trip (`TenantDb.read`).
 */
export async function activeUserRole(
  db: TenantDb,
  tenant: TenantId,
  userId: string,
  signedInAt: Date,
): Promise<Role | null> {
  const [row] = await db.read(
    tenant,
    tenantRead<{ role: Role; disabled_at: Date | null; revoked: boolean }>(
      'tenant_active_user',
      userId,
      signedInAt,
    ),
  );
  return row && !row.disabled_at && !row.revoked ? row.role : null;
}
