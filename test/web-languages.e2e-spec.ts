import request from 'supertest';
import { startApp, TestApp } from './support/app';
import { closeOwnerDataSource } from './support/factories';
import { seedDemoWalkers, Walker, WalkLimits, walkPages } from './support/page-walk';
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

/** How far each walk goes. */
const LIMITS: WalkLimits = { perKind: 2, total: 120 };

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
  let users: Walker[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_SUPERUSER_URL ?? '');
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    users = await seedDemoWalkers(database.ownerUrl);
    t = await startApp({ LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
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

    const wordsOf = (words: readonly string[]): RegExp =>
      new RegExp(`(?<![\\p{L}\\p{N}_-])(${words.join('|')})(?![\\p{L}\\p{N}_-])`, 'gu');
    const marker = wordsOf(language === 'de' ? MARKERS.en : MARKERS.de);
    const own = wordsOf(MARKERS[language]);
    const walked = await walkPages(async (path) => {
      const res = await http.get(path).set('Accept-Language', language);
      return String(res.headers['content-type']).startsWith('text/html') ? res.text : null;
    }, LIMITS);
    const findings: Finding[] = [];
    let ownWords = 0;
    for (const { kind, html } of walked) {
      const text = visibleText(html);
      ownWords += [...text.matchAll(own)].length;
      const words = [...new Set([...text.matchAll(marker)].map((m) => m[1]))];
      if (words.length > 0) {
        findings.push({ path: kind, words });
      }
    }
    const pages = walked.length;
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
