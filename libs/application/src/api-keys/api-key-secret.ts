import { createHash } from 'node:crypto';

/** What an API key begins with, so that authentication tells it from an access token. */
export const API_KEY_PREFIX = 'bck_';

/**
 * API key secrets are 256 random bits, so a fast hash is as safe as a slow one and keeps
 * every machine request cheap.
 */
export function hashApiKeySecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
