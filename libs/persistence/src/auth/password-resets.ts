import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** Stores a reset token of a user of the caller's tenant; its id. */
export async function createPasswordReset(
  m: TenantTx,
  userId: string,
  tokenHash: string,
  validSeconds: number,
): Promise<string> {
  const [row] = await managerOf(m).query<{ id: string }[]>(
    `INSERT INTO password_reset_tokens (tenant_id, user_id, token_hash, expires_at)
     VALUES (app_current_tenant(), $1, $2, now() + make_interval(secs => $3))
     RETURNING id`,
    [userId, tokenHash, validSeconds],
  );
  return row.id;
}

/**
 * Uses a reset token, if it is unused and unexpired, in one statement, so that of two requests
 * with the same token one wins; the user it resets, or null.
 */
export async function consumePasswordReset(m: TenantTx, id: string): Promise<string | null> {
  // An UPDATE answers [rows, count].
  const [rows] = await managerOf(m).query<[{ user_id: string }[], number]>(
    `UPDATE password_reset_tokens SET used_at = now()
      WHERE id = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING user_id`,
    [id],
  );
  return rows[0]?.user_id ?? null;
}

/**
 * Sets a user's new password and ends everything that signed in or could sign in before:
 * sessions and access tokens begun before `now` (see `activeUserRole`), and every other unused
 * reset token. False when the user is disabled or gone.
 */
export async function resetPassword(
  m: TenantTx,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  const [, updated] = await managerOf(m).query<[unknown, number]>(
    `UPDATE users SET password_hash = $2, sessions_revoked_at = $3
      WHERE id = $1 AND disabled_at IS NULL`,
    [userId, passwordHash, now],
  );
  await managerOf(m).query(
    `UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`,
    [userId],
  );
  return updated === 1;
}
