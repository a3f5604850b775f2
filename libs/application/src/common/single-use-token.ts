import { createHash, randomBytes } from 'node:crypto';

/** A single-use token of a link (a password reset, an invitation): 256 random bits, base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** A new token for a link; only its hash is stored. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a given string has the shape of a link's token (anything else is not looked up). */
export function isLinkToken(token: string): boolean {
  return TOKEN.test(token);
}

/** The stored form of a link's token. Tokens are 256 random bits: a fast hash is as safe as a slow one. */
export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
