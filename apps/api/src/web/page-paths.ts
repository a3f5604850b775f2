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

/** A path that starts with exactly one `/`, without a backslash or a control character. */
function isLocalPath(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  return path.startsWith('/') && !path.startsWith('//') && !/[\u0000-\u001f\u007f\\]/.test(path);
}

/**
 * A `next` target that is a path on this site, or `/`. The check runs on what a browser
 * would follow: the path after resolving `..` and dot segments (`/..//evil.example` and
 * `/%2e%2e//evil.example` both become `//evil.example`), and that path decoded as well. Only a
 * page path that starts with a single `/` in every form is kept (no `//evil.example`,
 * `/\evil.example`, `https:` or control characters), so that a crafted link cannot redirect
 * elsewhere.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000 || !isLocalPath(next)) {
    return '/';
  }
  let url: URL;
  let decoded: string;
  try {
    url = new URL(next, ORIGIN);
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return '/';
  }
  const target = `${url.pathname}${url.search}`;
  if (
    url.origin !== ORIGIN ||
    !isLocalPath(target) ||
    !isLocalPath(decoded) ||
    !isPagePath(url.pathname)
  ) {
    return '/';
  }
  return target;
}

/** The sign-in page, with the page to return to afterwards. */
export function loginPathFor(next: string): string {
  const target = safeNextPath(next);
  return target === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}
