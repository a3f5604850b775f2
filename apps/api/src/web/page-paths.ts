import { API } from '../common/api-path';

/** Where the sign-in form lives; unauthenticated page requests are sent here. */
export const LOGIN_PATH = '/login';

/** The stylesheet and any other static file of the pages: public, cacheable, no session. */
export const ASSETS_PATH = '/assets';

/** Paths that are not pages: the JSON API (bearer only), its docs, and the health checks. */
const NOT_PAGES = [`/${API.split('/')[0]}`, '/health'];

function under(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Whether a request path belongs to the server-rendered pages: everything but `/api/...` and
 * `/health/...`. Pages authenticate with the session cookie and render errors as pages; the
 * API authenticates with a bearer token only and answers errors in JSON.
 */
export function isPagePath(path: string): boolean {
  return !NOT_PAGES.some((prefix) => under(path, prefix));
}

/** Whether a page path needs the session (every page but the static assets). */
export function usesSession(path: string): boolean {
  return isPagePath(path) && !under(path, ASSETS_PATH);
}

const ORIGIN = 'http://cockpit.invalid';

/**
 * A `next` target that is a path on this site, or `/`. Only a path that starts with one `/`
 * and stays on the same origin when resolved is kept (no `//evil.example`, `/\evil.example`,
 * `https:` or control characters), so that a crafted sign-in link cannot redirect elsewhere.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.length > 2000) {
    return '/';
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next) || next.startsWith('//')) {
    return '/';
  }
  let url: URL;
  try {
    url = new URL(next, ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== ORIGIN || !isPagePath(url.pathname)) {
    return '/';
  }
  return `${url.pathname}${url.search}`;
}

/** The sign-in page, with the page to return to afterwards. */
export function loginPathFor(next: string): string {
  const target = safeNextPath(next);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}
