import { accessibilityViolations, AxeViolation } from './support/accessibility';
import { BrowserTestApp, startBrowserApp } from './support/browser';
import { closeOwnerDataSource } from './support/factories';
import { kindOf, seedDemoWalkers, Walker, WalkLimits, walkPages } from './support/page-walk';
import { createTestDatabase, TestDatabase } from './support/test-database';

jest.setTimeout(1_800_000);

/** One page of each kind per role: a second page of a kind shows the same template. */
const LIMITS: WalkLimits = { perKind: 1, total: 80 };

/**
 * Narrower than the browser tests' window: the wide tables (a benchmark area's, a disclosure
 * report's) scroll here, so that their scrolling regions are checked too.
 */
const VIEWPORT = { width: 760, height: 900 };

/** A page that breaks a rule: its kind (path with ids blanked) and what axe-core found. */
interface Finding {
  page: string;
  violations: AxeViolation[];
}

/**
 * Every page of the demo, as every role and as a visitor, in German and in English, checked by
 * axe-core against WCAG 2.1 A and AA in Chromium: the pages the walk of
 * `test/web-languages.e2e-spec.ts` reaches by following links, so a page a feature adds is
 * checked once a link leads to it.
 */
describe('pages meet WCAG 2.1 AA (e2e)', () => {
  let database: TestDatabase;
  let t: BrowserTestApp;
  let walkers: (Walker | null)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_SUPERUSER_URL ?? '');
    process.env.TEST_OWNER_URL = database.ownerUrl;
    process.env.TEST_APP_URL = database.appUrl;
    // null: a visitor, who reaches the sign-in and password-reset pages.
    walkers = [null, ...(await seedDemoWalkers(database.ownerUrl))];
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '1000' });
  }, 900_000);

  afterAll(async () => {
    await t?.close();
    await closeOwnerDataSource();
    await database?.drop();
  });

  /**
   * Walks the pages as one person and checks each kind of page not yet in `checked` (axe-core
   * reads a page's whole DOM and styles, seconds on a loaded machine): the roles of one kind of
   * organisation, which share most pages, have them checked once per language, and a page only
   * one role reaches is checked for it. A page's kind is that of the page shown, after
   * redirects, and the kind of organisation is part of it (each has its own home page).
   */
  async function walk(
    walker: Walker | null,
    language: 'de' | 'en',
    checked: Set<string>,
  ): Promise<{ pages: number; findings: Finding[] }> {
    const page = await t.newPage({ acceptLanguage: language });
    await page.setViewport(VIEWPORT);
    try {
      if (walker !== null) {
        await t.signIn(page, walker);
      }
      const findings: Finding[] = [];
      const walked = await walkPages(async (path) => {
        const response = await page.goto(t.url(path));
        if (!String(response?.headers()['content-type']).startsWith('text/html')) {
          return null;
        }
        const kind = `${walker?.role.split('_')[0] ?? 'visitor'} ${kindOf(new URL(page.url()))}`;
        if (!checked.has(kind)) {
          checked.add(kind);
          const violations = await accessibilityViolations(page);
          if (violations.length > 0) {
            findings.push({ page: path, violations });
          }
        }
        return page.content();
      }, LIMITS);
      return { pages: walked.length, findings };
    } finally {
      await page.browserContext().close();
    }
  }

  it.each(['de', 'en'] as const)(
    'finds no violation of WCAG 2.1 AA on any page reached by each role in %s',
    async (language) => {
      const walks = [];
      const checked = new Set<string>();
      for (const walker of walkers) {
        const { pages, findings } = await walk(walker, language, checked);
        // A walk that stopped at the sign-in would pass for nothing.
        walks.push({ role: walker?.role ?? 'visitor', findings, walked: pages >= 2 });
      }
      expect(walks).toEqual(
        walkers.map((walker) => ({ role: walker?.role ?? 'visitor', findings: [], walked: true })),
      );
    },
  );
});
