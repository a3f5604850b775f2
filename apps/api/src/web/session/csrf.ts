import type { Request } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Session, SessionData } from 'express-session';
import './session-data';

/** The form field (and query parameter) that carries the token. */
export const CSRF_FIELD = '_csrf';

/** The header a script may send the token in instead. */
export const CSRF_HEADER = 'x-csrf-token';

/** Methods that change nothing and need no token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A form came back without the token of the session, or with another one: it was sent from
 * another site, or its session ended (signed out, expired) after the form was shown. The
 * pages answer 403 with "the form expired" and a way back.
 */
export class FormExpiredError extends Error {
  constructor() {
    super('The form expired or was not sent from this site.');
    this.name = 'FormExpiredError';
  }
}

type SessionOf = Session & Partial<SessionData>;

/**
 * The session's synchronizer token, made on first use. Creating it stores the session, so only
 * pages that show a form start one for a visitor who is not signed in.
 */
export function csrfTokenOf(session: SessionOf): string {
  session.csrfToken ??= randomBytes(32).toString('base64url');
  return session.csrfToken;
}

/** Whether the request's method needs a token. */
export function needsCsrfToken(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

function sentToken(request: Request): unknown {
  // The body is parsed for url-encoded forms; a multipart upload is parsed later (by the
  // upload interceptor), so its form carries the token in the action URL's query instead.
  const body: unknown = request.body;
  if (body !== null && typeof body === 'object' && CSRF_FIELD in body) {
    return (body as Record<string, unknown>)[CSRF_FIELD];
  }
  const query = request.query as Record<string, unknown> | undefined;
  return request.headers[CSRF_HEADER] ?? query?.[CSRF_FIELD];
}

/**
 * Checks the token of a request that changes something, and removes it from the body so that
 * page DTOs need not declare it (the global ValidationPipe refuses fields a DTO lacks).
 *
 * @throws FormExpiredError when the session has no token or the request sent another one
 */
export function verifyCsrfToken(request: Request & { session?: SessionOf }): void {
  if (!needsCsrfToken(request.method)) {
    return;
  }
  const expected = request.session?.csrfToken;
  const sent = sentToken(request);
  if (
    typeof expected !== 'string' ||
    typeof sent !== 'string' ||
    !sameToken(Buffer.from(expected), Buffer.from(sent))
  ) {
    throw new FormExpiredError();
  }
  const body: unknown = request.body;
  if (body !== null && typeof body === 'object') {
    delete (body as Record<string, unknown>)[CSRF_FIELD];
  }
}

function sameToken(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
