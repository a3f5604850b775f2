import type { Page } from 'puppeteer';
import {
  BROWSER_TIMEOUT_MS,
  BrowserTestApp,
  clickAndWait,
  heading,
  mainText,
  screenshot,
  startBrowserApp,
  textOf,
  textsOf,
} from './support/browser';
import {
  closeOwnerDataSource,
  createOrganisation,
  createStudy,
  createUser,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { indices, seedReviewQueue, stateOf, unitName } from './support/review-queue-world';

const BROWSER_TEST_MS = 300_000;

/**
 * The review queue in the browser at 2,000 units (the scheme of test/support/review-queue-world.ts
 * gives every expected figure): a table page by page with the filters kept, bulk accept of a
 * page's submissions without warnings through the confirm step, refused whole when one changed
 * in the meantime, in German and English; another publisher's cycle is not found.
 */
describe('review queue pages (browser)', () => {
  let t: BrowserTestApp;
  let publisher: TestUser;
  let englishPublisher: TestUser;
  let otherPublisher: TestUser;
  let cycleId: string;
  let unitIds: string[];

  /** Submitted without warnings: what a bulk accept may take. */
  const eligible = (i: number) => stateOf(i) === 'submitted' && i % 3 === 0;
  const rowNames = (page: Page) => textsOf(page, 'table.review-table tbody th');
  const statesByUnit = async () => {
    const owner = await ownerDataSource();
    const rows = await owner.query<{ unit_id: string; state: string }[]>(
      'SELECT unit_id, state FROM submissions WHERE cycle_id = $1',
      [cycleId],
    );
    return new Map(rows.map((r) => [r.unit_id, r.state]));
  };

  beforeAll(async () => {
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    englishPublisher = await createUser(publisherOrg, 'publisher_analyst');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');
    const owner = await ownerDataSource();
    await owner.query(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [
      englishPublisher.id,
    ]);
    const world = await seedReviewQueue(await createStudy(publisherOrg));
    cycleId = world.cycle.id;
    unitIds = world.unitIds;
  }, BROWSER_TEST_MS);

  afterAll(async () => {
    await t?.close();
    await closeOwnerDataSource();
  }, BROWSER_TEST_MS);

  it(
    'pages, filters and bulk-accepts a page in German, refusing all when one changed in the meantime',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, publisher);
      expect((await page.goto(t.url(`/cycles/${cycleId}/review`)))?.status()).toBe(200);
      expect(await heading(page)).toBe('Prüfung: Zyklus 2026');
      expect(await textOf(page, 'nav.filters a[aria-current=page]')).toBe('eingereicht (1200)');
      expect(await textOf(page, '#review-showing')).toBe('1–50 von 1200 Einheiten');
      expect(await rowNames(page)).toHaveLength(50);
      await screenshot(page, 'publisher-review-queue-de');

      // The filter form: company and sort; the table shows that company's five units.
      await page.locator('#filter-company').fill('Company 008');
      await page.select('#filter-sort', 'unit');
      await clickAndWait(page, '.review-filter-form button');
      expect(await rowNames(page)).toEqual([40, 41, 42, 43, 44].map(unitName));
      // Only unit 42 (42 % 3 = 0) has no warning and a checkbox.
      expect((await textsOf(page, 'input[form=bulk-accept]')).length).toBe(1);

      // No warnings: the next page's link keeps the filter.
      const withoutWarnings = indices.filter(eligible);
      await page.goto(t.url(`/cycles/${cycleId}/review?maxWarnings=0&sort=unit`));
      expect(await textOf(page, '#review-showing')).toBe(
        `1–50 von ${withoutWarnings.length} Einheiten`,
      );
      await clickAndWait(page, 'nav.pagination a[rel=next]');
      expect(page.url()).toBe(t.url(`/cycles/${cycleId}/review?maxWarnings=0&sort=unit&page=2`));
      expect(await rowNames(page)).toEqual(withoutWarnings.slice(50, 100).map(unitName));

      // Select the page's 50, confirm: the step lists how many and which.
      await clickAndWait(page, '.review-bulk a');
      await clickAndWait(page, '#bulk-accept button');
      expect(await heading(page)).toBe('Annehmen bestätigen: Zyklus 2026');
      expect(await textOf(page, '#confirm-lead')).toBe(
        'Sie nehmen diese 50 Datensätze ohne Warnungen an:',
      );
      const chosen = withoutWarnings.slice(50, 100);
      expect(await textsOf(page, '#confirm-units strong')).toEqual(chosen.map(unitName));
      await screenshot(page, 'publisher-review-confirm-de');

      // In the meantime a colleague returns the first of them: nothing is accepted.
      const owner = await ownerDataSource();
      await owner.query(
        `UPDATE submissions SET state = 'returned', version = version + 1
          WHERE cycle_id = $1 AND unit_id = $2`,
        [cycleId, unitIds[chosen[0]]],
      );
      expect(await clickAndWait(page, 'form[action*="/review/accept"] button')).toBe(422);
      expect(await mainText(page)).toContain('Es wurde kein Datensatz angenommen.');
      expect(await mainText(page)).toContain(
        `${unitName(chosen[0])}: Der Datensatz wurde inzwischen geändert (Version 2 statt 1, jetzt „zurückgegeben“).`,
      );
      const unchanged = await statesByUnit();
      expect(chosen.slice(1).map((i) => unchanged.get(unitIds[i]))).toEqual(
        chosen.slice(1).map(() => 'submitted'),
      );

      // The queue again: the page now holds the 49 and the next one; confirm and accept them.
      await page.goto(
        t.url(`/cycles/${cycleId}/review?maxWarnings=0&sort=unit&page=2&select=page`),
      );
      await clickAndWait(page, '#bulk-accept button');
      const second = withoutWarnings.slice(51, 101);
      expect(await textOf(page, '#confirm-lead')).toBe(
        'Sie nehmen diese 50 Datensätze ohne Warnungen an:',
      );
      expect(await clickAndWait(page, 'form[action*="/review/accept"] button')).toBe(200);
      expect(await textOf(page, '.notice[role=status]')).toBe('50 Datensätze sind angenommen.');
      expect(page.url()).toBe(
        t.url(`/cycles/${cycleId}/review?maxWarnings=0&sort=unit&page=2&bulkAccepted=50`),
      );
      const after = await statesByUnit();
      const acceptedNow = indices.filter(
        (i) => stateOf(i) === 'submitted' && after.get(unitIds[i]) === 'accepted',
      );
      expect(acceptedNow).toEqual(second);
      const audit = await owner.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM submission_audit a JOIN submissions s ON s.id = a.submission_id
          WHERE s.cycle_id = $1`,
        [cycleId],
      );
      expect(Number(audit[0].n)).toBe(50);
    },
    BROWSER_TEST_MS,
  );

  it(
    'reviews one unit beside its previous year and accepts two checked ones, in English',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'en' });
      await t.signIn(page, englishPublisher);
      await page.goto(t.url(`/cycles/${cycleId}/review?company=Company%20000&sort=unit`));
      expect(await heading(page)).toBe('Review: cycle 2026');
      expect(await rowNames(page)).toEqual([0, 1, 2, 3, 4].map(unitName));
      await screenshot(page, 'publisher-review-queue-en');

      await clickAndWait(page, `#unit-${unitIds[1]} th a`);
      expect(await heading(page)).toBe('Review: Unit 0001');
      expect(await textOf(page, '#compare-source')).toBe(
        'There is no published benchmark before this cycle yet.',
      );
      // Unit 1: 301 s this year, 201 s the year before.
      const aht = (await textsOf(page, 'table.review-compare tbody tr'))
        .map((row) => row.split('\t').map((cell) => cell.trim()))
        .find((cells) => cells[0].startsWith('Average handling time'));
      expect(aht?.slice(1, 3)).toEqual(['301', '201']);
      await screenshot(page, 'publisher-review-unit-en');
      await clickAndWait(page, 'nav.breadcrumbs a');
      expect(page.url()).toBe(t.url(`/cycles/${cycleId}/review?company=Company+000&sort=unit`));

      // Units 0 and 3 have no warning: check both, confirm, accept.
      await page.locator(`#select-${unitIds[0]}`).click();
      await page.locator(`#select-${unitIds[3]}`).click();
      await clickAndWait(page, '#bulk-accept button');
      expect(await textOf(page, '#confirm-lead')).toBe(
        'You accept these 2 submissions without warnings:',
      );
      expect(await clickAndWait(page, 'form[action*="/review/accept"] button')).toBe(200);
      expect(await textOf(page, '.notice[role=status]')).toBe('2 submissions are accepted.');
      const states = await statesByUnit();
      expect([0, 1, 2, 3, 4].map((i) => states.get(unitIds[i]))).toEqual([
        'accepted',
        'submitted',
        'submitted',
        'accepted',
        'submitted',
      ]);
    },
    BROWSER_TEST_MS,
  );

  it(
    "answers another publisher's review pages with the not-found page",
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, otherPublisher);
      for (const path of [
        `/cycles/${cycleId}/review`,
        `/cycles/${cycleId}/review/units/${unitIds[0]}`,
        `/cycles/${cycleId}/review/accept?unit=${unitIds[6]}:1`,
      ]) {
        const response = await page.goto(t.url(path));
        expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
      }
      expect(await heading(page)).toBe('Seite nicht gefunden');
    },
    BROWSER_TIMEOUT_MS * 2,
  );
});
