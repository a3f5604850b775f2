import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** The language a user of the caller's tenant reads the product's mails in. */
export async function preferredLanguage(m: TenantTx, userId: string): Promise<'de' | 'en'> {
  const [row] = await managerOf(m).query<{ preferred_language: 'de' | 'en' }[]>(
    'SELECT preferred_language FROM users WHERE id = $1',
    [userId],
  );
  return row?.preferred_language ?? 'de';
}

/** Keeps the language a user of the caller's tenant chose. */
export async function setPreferredLanguage(
  m: TenantTx,
  userId: string,
  language: 'de' | 'en',
): Promise<void> {
  await managerOf(m).query('UPDATE users SET preferred_language = $2 WHERE id = $1', [
    userId,
    language,
  ]);
}
