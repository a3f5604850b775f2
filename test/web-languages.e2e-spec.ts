import type { Role } from '@app/domain';
import { seedDemo } from '@app/application';
import { DEMO_LOGINS, DEMO_PASSWORD, OrganisationEntity } from '@app/persistence';
import request from 'supertest';
import { startApp, TestApp } from './support/app';
import { closeOwnerDataSource, createUser, ownerDataSource } from './support/factories';
import { createTestDatabase, TestDatabase } from './support/test-database';

/**
 * Words that only the other language uses, each as a whole word. German has no "the", "and"
 * or "of", English no "und", "der" or "nicht"; the nouns are the product's own words, which
 * the pages translate. Names of companies and units are data and are left alone.
 */
const MARKERS: Readonly<Record<'de' | 'en', readonly string[]>> = {
  de: [
    'und',
    'der',
    'die',
    'das',
    'nicht',
    'für',
    'mit',
    'oder',
    'ist',
    'sind',
    'wird',
    'keine',
    'Zyklus',
    'Einheit',
    'Studie',
    'Bericht',
    'Übersicht',
    'Abmelden',
    'Datensatz',
    'Warnung',
    'Vergleichsgruppe',
    'Unternehmen',
  ],
  en: [
    'the',
    'and',
    'of',
    'with',
    'not',
    'for',
    'is',
    'are',
    'no',
    'Cycle',
    'Unit',
    'Study',
    'Report',
    'Overview',
    'Sign',
    'Submission',
    'Warning',
    'Peer',
    'Company',
  ],
};

/** At most this many pages of one kind (the same path but for its ids) are read per walk. */
const PAGES_PER_KIND = 2;
/** A walk stops after this many pages, whatever it has not reached yet. */
const PAGES_PER_WALK = 120;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The kind of a page: its path with ids blanked, and the names of its query parameters. */
function kindOf(url: URL): string {
  const names = [...url.searchParams.keys()].sort().join('&');
  return `${url.pathname.replace(UUID, ':id')}?${names}`;
}

/** The text a person reads on a page: no markup, scripts or styles; entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

/** The links of a page to further pages of the cockpit: no downloads, no sign-out. */
function pageLinks(html: string, base: URL): URL[] {
  const links: URL[] = [];
  for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
    const url = new URL(href.replace(/&amp;/g, '&'), base);
    if (
      url.origin === base.origin &&
      !url.pathname.startsWith('/api/') &&
      !url.pathname.startsWith('/assets/') &&
      !/\.(pdf|xlsx|csv|json)$|\/(pdf|xlsx|csv|template|export)$/.test(url.pathname) &&
      !url.searchParams.has('lang')
    ) {
      links.push(url);
    }
  }
  return links;
}

interface Finding {
  path: string;
  words: string[];
}

/**
 * Every page of the demo, as every role, in German and in English: the pages a person reaches
 * from the home page by following links, each read in one language and searched for the
 * other's words. The demo is seeded into a database of this file's own, as `npm start` does.
 */
describe('pages in one language (e2e)', () => {
  let database: TestDatabase;
  let t: TestApp;
  const users: { role: Role; email: string; password: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_SUPERUSER_URL ?? '');
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    await seedDemo(database.ownerUrl);
    t = await startApp({ LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
    for (const login of DEMO_LOGINS) {
      users.push({ role: login.role, email: login.email, password: DEMO_PASSWORD });
    }
    // The roles the demo has no login for, in the demo's publisher and first company.
    const db = await ownerDataSource();
    const organisationOf = async (email: string): Promise<OrganisationEntity> => {
      const [{ tenant_id }] = await db.query<{ tenant_id: string }[]>(
        'SELECT tenant_id FROM users WHERE email = $1',
        [email],
      );
      return db.getRepository(OrganisationEntity).findOneByOrFail({ id: tenant_id });
    };
    const publisher = await organisationOf('publisher@demo.example');
    const company = await organisationOf('company1@demo.example');
    users.push(await createUser(publisher, 'publisher_analyst'));
    users.push(await createUser(company, 'company_editor'));
    users.push(await createUser(company, 'company_viewer'));
  }, 600_000);

  afterAll(async () => {
    await t?.close();
    await closeOwnerDataSource();
    await database?.drop();
  });

  async function walk(
    user: { email: string; password: string },
    language: 'de' | 'en',
  ): Promise<{ pages: number; findings: Finding[]; ownWords: number }> {
    const http = request.agent(t.app.getHttpServer());
    const form = await http.get('/login').set('Accept-Language', language);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1];
    const signIn = await http
      .post('/login')
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: user.password });
    expect(signIn.status).toBe(303);

    const base = new URL('http://cockpit.test/');
    const wordsOf = (words: readonly string[]): RegExp =>
      new RegExp(`(?<![\\p{L}\\p{N}_-])(${words.join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
    const marker = wordsOf(language === 'de' ? MARKERS.en : MARKERS.de);
    const own = wordsOf(MARKERS[language]);
    const queue: URL[] = [new URL('/', base)];
    const seen = new Set<string>();
    const perKind = new Map<string, number>();
    const findings: Finding[] = [];
    let pages = 0;
    let ownWords = 0;
    while (queue.length > 0 && pages < PAGES_PER_WALK) {
      const url = queue.shift() as URL;
      const path = `${url.pathname}${url.search}`;
      const kind = kindOf(url);
      if (seen.has(path) || (perKind.get(kind) ?? 0) >= PAGES_PER_KIND) {
        continue;
      }
      seen.add(path);
      perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
      const res = await http.get(path).set('Accept-Language', language);
      if (!String(res.headers['content-type']).startsWith('text/html')) {
        continue;
      }
      pages += 1;
      const text = visibleText(res.text);
      ownWords += [...text.matchAll(own)].length;
      const words = [...new Set([...text.matchAll(marker)].map((m) => m[1]))];
      if (words.length > 0) {
        findings.push({ path: kind, words });
      }
      queue.push(...pageLinks(res.text, url));
    }
    return { pages, findings, ownWords };
  }

  it.each(['de', 'en'] as const)(
    'shows every page reached by each role in %s without a word of the other language',
    async (language) => {
      const walks = [];
      for (const user of users) {
        const { pages, findings, ownWords } = await walk(user, language);
        // A walk that reads its language's words on pages beyond the home page is a real one;
        // one stopped at the sign-in, or reading nothing, would pass for nothing.
        walks.push({ role: user.role, findings, walked: pages >= 2 && ownWords > 0 });
      }
      expect(walks).toEqual(users.map(({ role }) => ({ role, findings: [], walked: true })));
    },
    600_000,
  );
});
