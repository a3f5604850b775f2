import type { OptionalNotification } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** The optional notifications the user switched off. */
export async function notificationOptOuts(
  m: TenantTx,
  userId: string,
): Promise<OptionalNotification[]> {
  const rows = await managerOf(m).query<{ purpose: OptionalNotification }[]>(
    `SELECT purpose FROM notification_opt_outs WHERE user_id = $1 ORDER BY purpose`,
    [userId],
  );
  return rows.map((r) => r.purpose);
}

/** Replaces the user's opt-outs by `purposes`. */
export async function setNotificationOptOuts(
  m: TenantTx,
  userId: string,
  purposes: readonly OptionalNotification[],
): Promise<void> {
  await managerOf(m).query(
    `DELETE FROM notification_opt_outs WHERE user_id = $1 AND NOT (purpose = ANY($2::text[]))`,
    [userId, purposes],
  );
  await managerOf(m).query(
    `INSERT INTO notification_opt_outs (tenant_id, user_id, purpose)
     SELECT app_current_tenant(), $1, unnest($2::text[])
     ON CONFLICT DO NOTHING`,
    [userId, purposes],
  );
}

/** A person of the publisher a digest goes to. */
export interface DigestRecipient {
  userId: string;
  email: string;
  name: string;
  language: 'de' | 'en';
}

/** The caller's tenant's active publisher users who did not switch the digest off. */
export async function digestRecipients(m: TenantTx): Promise<DigestRecipient[]> {
  const rows = await managerOf(m).query<
    { id: string; email: string; name: string; language: 'de' | 'en' }[]
  >(
    `SELECT u.id, u.email::text AS email, u.name, u.preferred_language AS language
       FROM users u
      WHERE u.tenant_id = app_current_tenant() AND u.disabled_at IS NULL
        AND u.role IN ('publisher_admin', 'publisher_analyst')
        AND NOT EXISTS (SELECT 1 FROM notification_opt_outs o
                         WHERE o.user_id = u.id AND o.purpose = 'submission_digest')
      ORDER BY u.email`,
  );
  return rows.map((r) => ({ userId: r.id, email: r.email, name: r.name, language: r.language }));
}

/** How many of the cycle's submissions were submitted in [from, to). */
export async function submissionsSubmittedBetween(
  m: TenantTx,
  cycleId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const [row] = await managerOf(m).query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM submissions
      WHERE cycle_id = $1 AND submitted_at >= $2 AND submitted_at < $3`,
    [cycleId, from, to],
  );
  return row.n;
}
