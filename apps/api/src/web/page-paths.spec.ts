import { requestLanguage } from '../common/request-context';
import { isPagePath, loginPathFor, safeNextPath, usesSession } from './page-paths';

describe('isPagePath', () => {
  it.each([
    ['/', true],
    ['/login', true],
    ['/cycles/1/review', true],
    ['/assets/cockpit.css', true],
    ['/api/v1/studies', false],
    ['/api/docs', false],
    ['/api', false],
    ['/health/live', false],
    ['/apidocs', true],
  ])('reads %p as a page: %p', (path, page) => {
    expect(isPagePath(path)).toBe(page);
  });

  it('keeps the assets out of the session', () => {
    expect(usesSession('/assets/cockpit.css')).toBe(false);
    expect(usesSession('/')).toBe(true);
    expect(usesSession('/api/v1/auth/me')).toBe(false);
  });
});

describe('safeNextPath', () => {
  it.each(['/studies/1?tab=cycles', '/cycles/2/units/3/submission', '/', '/login?next=%2Fstudies'])(
    'keeps the local path %p',
    (path) => {
      expect(safeNextPath(path)).toBe(path);
    },
  );

  it.each([
    ['another site without a scheme', '//evil.example/x'],
    ['another site with a scheme', 'https://evil.example/'],
    ['a backslash that browsers read as a slash', '/\\evil.example'],
    ['a tab that browsers drop', '/\t/evil.example'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['a relative path', 'studies'],
    ['the JSON API', '/api/v1/studies'],
    ['nothing', undefined],
    ['a repeated query parameter', ['/a', '/b']],
    ['a dot segment that leaves a double slash', '/..//evil.example'],
    ['an encoded dot segment that leaves a double slash', '/%2e%2e//evil.example'],
    ['a single dot segment before a double slash', '/.//evil.example/x'],
    ['an encoded slash after the first', '/%2F/evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['an encoded NUL byte', '/studies%00'],
    ['a malformed percent escape', '/studies%E0%A4%A'],
  ])('refuses %s', (_what, next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('makes the sign-in address with the page to return to', () => {
    expect(loginPathFor('/cycles/1?x=2')).toBe('/login?next=%2Fcycles%2F1%3Fx%3D2');
    expect(loginPathFor('/')).toBe('/login');
    expect(loginPathFor('//evil.example')).toBe('/login');
    expect(loginPathFor('/..//evil.example')).toBe('/login');
  });

  it('keeps a path whose dot segments stay on the site, resolved', () => {
    expect(safeNextPath('/studies/../cycles/1')).toBe('/cycles/1');
    expect(safeNextPath('/%2e%2e/studies')).toBe('/studies');
  });
});

describe('requestLanguage', () => {
  const request = (path: string, lang: string | undefined, header = 'en-GB') => ({
    path,
    headers: { 'accept-language': header },
    cookies: lang === undefined ? {} : { lang },
  });

  it('takes the language chosen on the pages over the browser language', () => {
    expect(requestLanguage(request('/', 'de'))).toBe('de');
    expect(requestLanguage(request('/login', 'en', 'de-DE'))).toBe('en');
  });

  it('falls back to Accept-Language without a choice or with one it does not know', () => {
    expect(requestLanguage(request('/', undefined, 'de-DE'))).toBe('de');
    expect(requestLanguage(request('/', 'fr', 'de-DE'))).toBe('de');
  });

  it('lets the JSON API go by Accept-Language only', () => {
    expect(requestLanguage(request('/api/v1/studies', 'de'))).toBe('en');
  });
});
