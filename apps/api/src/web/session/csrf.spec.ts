import type { Request } from 'express';
import type { Session, SessionData } from 'express-session';
import { csrfTokenOf, FormExpiredError, verifyCsrfToken } from './csrf';

type TestRequest = Request & { session?: Session & Partial<SessionData> };

function requestWith(
  method: string,
  session: Partial<SessionData> | undefined,
  sent: { body?: Record<string, unknown>; query?: Record<string, unknown>; header?: string } = {},
): TestRequest {
  return {
    method,
    session,
    body: sent.body,
    query: sent.query ?? {},
    headers: sent.header === undefined ? {} : { 'x-csrf-token': sent.header },
  } as unknown as TestRequest;
}

describe('csrf', () => {
  it('makes one token per session and keeps it', () => {
    const session = {} as Session & Partial<SessionData>;
    const token = csrfTokenOf(session);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrfTokenOf(session)).toBe(token);
    expect(csrfTokenOf({} as Session & Partial<SessionData>)).not.toBe(token);
  });

  it('lets a GET through without a token', () => {
    expect(() => verifyCsrfToken(requestWith('GET', {}))).not.toThrow();
  });

  it('accepts the token from the form body, the query or the header, and removes it from the body', () => {
    const session = { csrfToken: 'token-123' };
    const body = { _csrf: 'token-123', name: 'x' };
    verifyCsrfToken(requestWith('POST', session, { body }));
    expect(body).toEqual({ name: 'x' });
    expect(() =>
      verifyCsrfToken(requestWith('POST', session, { query: { _csrf: 'token-123' } })),
    ).not.toThrow();
    expect(() =>
      verifyCsrfToken(requestWith('DELETE', session, { header: 'token-123' })),
    ).not.toThrow();
  });

  it.each([
    ['no token', { csrfToken: 'token-123' }, {}],
    ['another token', { csrfToken: 'token-123' }, { body: { _csrf: 'token-124' } }],
    ['a token of another length', { csrfToken: 'token-123' }, { body: { _csrf: 'token-1234' } }],
    ['a session without a token', {}, { body: { _csrf: 'token-123' } }],
    ['no session', undefined, { body: { _csrf: 'token-123' } }],
    ['a token that is no string', { csrfToken: 'token-123' }, { body: { _csrf: ['token-123'] } }],
  ])('refuses a POST with %s', (_what, session, sent) => {
    expect(() => verifyCsrfToken(requestWith('POST', session, sent))).toThrow(FormExpiredError);
  });
});
