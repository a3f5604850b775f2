import type { SessionRequest } from '../session/web-session.service';
import { pageContextOf } from './page-context';

function request(originalUrl: string, session: object | undefined): SessionRequest {
  return {
    originalUrl,
    path: originalUrl.split('?')[0],
    headers: { 'accept-language': 'de-DE' },
    cookies: { lang: 'en' },
    session,
  } as unknown as SessionRequest;
}

describe('pageContextOf', () => {
  it('takes the chosen language, and the path without a CSRF token', () => {
    const page = pageContextOf(request('/cycles/1/upload?_csrf=secret&sheet=2', {}));
    expect(page.language).toBe('en');
    expect(page.texts.home.title).toBe('Overview');
    expect(page.path).toBe('/cycles/1/upload?sheet=2');
    expect(page.user).toBeNull();
  });

  it('makes the CSRF token in the session on first use only', () => {
    const session: { csrfToken?: string } = {};
    const page = pageContextOf(request('/', session));
    expect(session.csrfToken).toBeUndefined();
    const token = page.csrfToken();
    expect(session.csrfToken).toBe(token);
    expect(page.csrfToken()).toBe(token);
  });

  it('names a request without a session when a form asks for a token', () => {
    expect(() => pageContextOf(request('/assets/x', undefined)).csrfToken()).toThrow(/no session/);
  });
});
