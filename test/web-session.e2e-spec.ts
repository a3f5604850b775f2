import Redis from 'ioredis';
import request from 'supertest';
import {
  attributeOf,
  BrowserTestApp,
  heading,
  mainText,
  screenshot,
  startBrowserApp,
  styleOf,
  textOf,
} from './support/browser';
import {
  closeOwnerDataSource,
  createStudyWorld,
  createSubmission,
  createUser,
  ownerDataSource,
  TestUser,
} from './support/factories';

/** Browser tests start Chromium and render several pages; each has its own limit. */
const BROWSER_TEST_MS = 180_000;
const HTTP_TEST_MS = 60_000;

/** The CSRF token of the first form on a page. */
function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) {
    throw new Error('the page has no form with a CSRF token');
  }
  return match[1];
}

describe('web session (e2e)', () => {
  let t: BrowserTestApp;
  let world: Awaited<ReturnType<typeof createStudyWorld>>;
  let editor: TestUser;
  let publisher: TestUser;
  const agent = () => request.agent(t.app.getHttpServer());

  /** A supertest agent signed in through the form, with the session's CSRF token. */
  async function signedInAgent(user: TestUser): Promise<{
    http: ReturnType<typeof agent>;
    token: string;
  }> {
    const http = agent();
    const form = await http.get('/login').set('Accept-Language', 'de');
    const signIn = await http
      .post('/login')
      .type('form')
      .send({ _csrf: csrfTokenIn(form.text), email: user.email, password: user.password });
    expect(signIn.status).toBe(303);
    const home = await http.get('/').set('Accept-Language', 'de');
    expect(home.status).toBe(200);
    return { http, token: csrfTokenIn(home.text) };
  }

  beforeAll(async () => {
    // Several tests sign the same users in within a minute; the requests come as through a
    // reverse proxy on the loopback, which TRUST_PROXY names.
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100', TRUST_PROXY: 'loopback' });
    world = await createStudyWorld();
    await createSubmission(world.cycle, world.unit, {}, 'draft');
    editor = await createUser(world.company, 'company_editor');
    publisher = await createUser(world.publisher, 'publisher_admin');
  }, BROWSER_TEST_MS);

  afterAll(async () => {
    await t?.close();
    await closeOwnerDataSource();
  }, BROWSER_TEST_MS);

  it(
    'signs a company user in, shows the home page, switches the language and signs out',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' });
      await page.goto(t.url('/'));
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await heading(page)).toBe('Anmelden');
      expect(await textOf(page, 'label[for=email]')).toBe('E-Mail-Adresse');
      await screenshot(page, 'login-de');

      await t.signIn(page, editor);
      expect(page.url()).toBe(t.url('/'));
      expect(await heading(page)).toBe('Übersicht');
      const german = await mainText(page);
      expect(german).toContain(world.company.name);
      expect(german).toContain(world.study.name);
      expect(german).toContain('Zyklus 2026');
      expect(german).toContain(world.unit.name);
      expect(german).toContain('Entwurf');
      expect(german).toContain('Daten erfassen');
      const dataEntry = await attributeOf(page, 'main a[href*="/submission"]', 'href');
      expect(dataEntry).toBe(`/cycles/${world.cycle.id}/units/${world.unit.id}/submission`);
      // The stylesheet loads under the Content-Security-Policy: the header has its layout.
      expect(await styleOf(page, '.site-header', 'borderBottomStyle')).toBe('solid');
      await screenshot(page, 'company-home-de');

      await Promise.all([
        page.waitForNavigation(),
        page.locator('.language-switch a[lang=en]').click(),
      ]);
      expect(page.url()).toBe(t.url('/'));
      expect(await heading(page)).toBe('Overview');
      const english = await mainText(page);
      expect(english).toContain('Cycle 2026');
      expect(english).toContain('draft');
      expect(english).toContain('Enter data');
      expect(await attributeOf(page, 'html', 'lang')).toBe('en');
      expect(await textOf(page, '.sign-out button')).toBe('Sign out');
      await screenshot(page, 'company-home-en');

      await Promise.all([page.waitForNavigation(), page.locator('.sign-out button').click()]);
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await textOf(page, '.notice')).toBe('You have signed out.');
      await page.goto(t.url('/'));
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'sends a visitor of a deep link to the sign-in and back to the link afterwards',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      const deepLink = `/cycles/${world.cycle.id}/units/${world.unit.id}/submission?tab=2`;
      await page.goto(t.url(deepLink));
      const login = new URL(page.url());
      expect(login.pathname).toBe('/login');
      expect(login.searchParams.get('next')).toBe(deepLink);
      expect(await textOf(page, '.notice')).toBe('Bitte melden Sie sich an, um fortzufahren.');
      await t.signIn(page, editor, `/login?next=${encodeURIComponent(deepLink)}`);
      expect(page.url()).toBe(t.url(deepLink));
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a wrong password at the form, in the language of the browser',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await page.goto(t.url('/login'));
      await page.locator('#email').fill(editor.email);
      await page.locator('#password').fill('not-the-password');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.locator('form.form button').click(),
      ]);
      expect(response?.status()).toBe(401);
      expect(await textOf(page, '.form-errors')).toBe('E-Mail-Adresse oder Passwort ist falsch.');
      // The page comes back with the e-mail address filled in, never with the password.
      expect(await attributeOf(page, '#email', 'value')).toBe(editor.email);
      expect(await attributeOf(page, '#password', 'value')).toBeNull();
      await screenshot(page, 'login-error-de');

      await page.locator('#email').fill('');
      await Promise.all([page.waitForNavigation(), page.locator('form.form button').click()]);
      expect(await textOf(page, '#email-error')).toBe('Bitte geben Sie Ihre E-Mail-Adresse ein.');
      expect(await attributeOf(page, '#email', 'aria-invalid')).toBe('true');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a publisher its studies with their cycles',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, publisher);
      const text = await mainText(page);
      expect(text).toContain(world.study.name);
      expect(text).toContain('1 Unternehmen mit 1 Einheiten');
      expect(text).toContain('offen');
      expect(await attributeOf(page, 'main a[href$="/review"]', 'href')).toBe(
        `/cycles/${world.cycle.id}/review`,
      );
      await screenshot(page, 'publisher-home-de');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a 404 page to a signed-in person and sends a visitor to the sign-in instead',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'en-GB' });
      await t.signIn(page, editor);
      const response = await page.goto(t.url('/no-such-page'));
      expect(response?.status()).toBe(404);
      expect(await heading(page)).toBe('Page not found');
      await screenshot(page, 'not-found-en');
      await page.browserContext().close();

      const visitor = await agent().get('/no-such-page');
      expect(visitor.status).toBe(303);
      expect(visitor.headers.location).toBe('/login?next=%2Fno-such-page');
    },
    BROWSER_TEST_MS,
  );

  it(
    'refuses a form without the session CSRF token with a 403 page',
    async () => {
      const http = agent();
      const form = await http.get('/login').set('Accept-Language', 'de');
      const withoutToken = await http
        .post('/login')
        .set('Accept-Language', 'de')
        .type('form')
        .send({ email: editor.email, password: editor.password });
      expect(withoutToken.status).toBe(403);
      expect(withoutToken.headers['content-type']).toMatch(/^text\/html/);
      expect(withoutToken.text).toContain('Das Formular ist abgelaufen');
      expect(withoutToken.text).toContain('href="/"');

      const { http: signedIn, token } = await signedInAgent(editor);
      const noToken = await signedIn.post('/logout').set('Accept-Language', 'en').type('form');
      expect(noToken.status).toBe(403);
      expect(noToken.text).toContain('The form has expired');
      const wrongToken = await signedIn
        .post('/logout')
        .type('form')
        .send({ _csrf: `${token.slice(1)}x` });
      expect(wrongToken.status).toBe(403);
      // Another session's token does not count either.
      const foreign = await signedIn
        .post('/logout')
        .type('form')
        .send({ _csrf: csrfTokenIn(form.text) });
      expect(foreign.status).toBe(403);
      // Still signed in after the refusals; the right token in the header signs out.
      expect((await signedIn.get('/')).status).toBe(200);
      const out = await signedIn.post('/logout').set('X-CSRF-Token', token);
      expect(out.status).toBe(303);
      expect((await signedIn.get('/')).status).toBe(303);
    },
    HTTP_TEST_MS,
  );

  it(
    'does not let the session cookie authenticate the JSON API',
    async () => {
      const { http } = await signedInAgent(editor);
      const me = await http.get('/api/v1/auth/me');
      expect(me.status).toBe(401);
      expect(me.body).toMatchObject({ error: 'unauthenticated' });
      // The API's own errors stay JSON.
      const missing = await http.get('/api/v1/no-such-endpoint');
      expect(missing.status).toBe(404);
      expect(missing.headers['content-type']).toMatch(/^application\/json/);
    },
    HTTP_TEST_MS,
  );

  it(
    'sends a person whose session expired to the sign-in and back to the page after it',
    async () => {
      const { http } = await signedInAgent(editor);
      const cookie = http.jar.getCookie('cockpit_session', {
        domain: '127.0.0.1',
        path: '/',
        secure: false,
        script: false,
      });
      expect(cookie).toBeDefined();
      const sessionId = decodeURIComponent(cookie?.value ?? '')
        .slice(2)
        .split('.')[0];
      const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
      try {
        const key = `${process.env.TEST_REDIS_PREFIX}:session:${sessionId}`;
        expect(await redis.exists(key)).toBe(1);
        // The idle lifetime, in Redis: the session goes when nobody used it for two hours.
        expect(await redis.ttl(key)).toBeGreaterThan(7000);
        await redis.del(key);
      } finally {
        await redis.quit();
      }
      const expired = await http.get('/?view=all');
      expect(expired.status).toBe(303);
      expect(expired.headers.location).toBe(`/login?next=${encodeURIComponent('/?view=all')}`);
    },
    HTTP_TEST_MS,
  );

  it(
    'ends the session of a user who was disabled, at the next request',
    async () => {
      const disabled = await createUser(world.company, 'company_viewer');
      const { http } = await signedInAgent(disabled);
      const owner = await ownerDataSource();
      await owner.query('UPDATE users SET disabled_at = now() WHERE id = $1', [disabled.id]);
      const next = await http.get('/');
      expect(next.status).toBe(303);
      expect(next.headers.location).toBe('/login');
    },
    HTTP_TEST_MS,
  );

  it(
    'returns only to a local path after sign-in',
    async () => {
      for (const next of [
        '//evil.example/x',
        'https://evil.example/',
        '/\\evil.example',
        '/api/v1/studies',
      ]) {
        const http = agent();
        const form = await http.get('/login');
        const signIn = await http
          .post('/login')
          .type('form')
          .send({
            _csrf: csrfTokenIn(form.text),
            email: editor.email,
            password: editor.password,
            next,
          });
        expect(signIn.status).toBe(303);
        expect(signIn.headers.location).toBe('/');
      }
    },
    HTTP_TEST_MS,
  );

  it(
    'sends the language switch and a signed-in visit of the sign-in form only to a local path, dot segments resolved',
    async () => {
      const hostile = ['/..//evil.example', '/%2e%2e//evil.example', '/.//evil.example/x'];
      for (const next of hostile) {
        const query = `next=${encodeURIComponent(next)}`;
        const language = await agent().get(`/language?lang=de&${query}`);
        expect(language.status).toBe(303);
        expect(language.headers.location).toBe('/');
        const { http } = await signedInAgent(editor);
        const login = await http.get(`/login?${query}`);
        expect(login.status).toBe(303);
        expect(login.headers.location).toBe('/');
      }
      const local = await agent().get(`/language?lang=en&next=${encodeURIComponent('/studies')}`);
      expect(local.headers.location).toBe('/studies');
    },
    HTTP_TEST_MS,
  );

  it(
    'serves the stylesheet cacheable and the pages not cacheable, with a strict CSP',
    async () => {
      const css = await agent().get('/assets/cockpit.css');
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toMatch(/^text\/css/);
      expect(css.headers['cache-control']).toMatch(/max-age=\d+/);
      expect(css.headers['set-cookie']).toBeUndefined();
      const login = await agent().get('/login');
      expect(login.headers['cache-control']).toBe('no-store');
      expect(login.headers['content-security-policy']).toContain("script-src 'self'");
      expect(login.text).not.toMatch(/<script|style="/);
      const cookie = String(login.headers['set-cookie']);
      expect(cookie).toMatch(/cockpit_session=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      // Over https (the proxy on the loopback says so), the cookie is Secure as well.
      const https = await agent().get('/login').set('X-Forwarded-Proto', 'https');
      expect(String(https.headers['set-cookie'])).toMatch(/Secure/);
    },
    HTTP_TEST_MS,
  );
});
