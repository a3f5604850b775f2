import type { EntityManager } from 'typeorm';

/** The language a user of the caller's tenant reads the product's mails in. */
export async function preferredLanguage(m: EntityManager, userId: string): Promise<'de' | 'en'> {
  const [row] = await m.query<{ preferred_language: 'de' | 'en' }[]>(
    'SELECT preferred_language FROM users WHERE id = $1',
    [userId],
  );
  return row?.preferred_language ?? 'de';
}

/** Keeps the language a user of the caller's tenant chose. */
export async function setPreferredLanguage(
  m: EntityManager,
  userId: string,
  language: 'de' | 'en',
): Promise<void> {
  await m.query('UPDATE users SET preferred_language = $2 WHERE id = $1', [userId, language]);
}
