import type { CatalogueVersionEntity, OrganisationEntity, UnitEntity } from '@app/persistence';
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer';
import request from 'supertest';
import {
  attributeOf,
  BrowserTestApp,
  clickAndWait,
  heading,
  mainText,
  screenshot,
  startBrowserApp,
  textOf,
} from './support/browser';
import {
  closeOwnerDataSource,
  createCatalogueVersion,
  createOrganisation,
  createStudy,
  createUnit,
  createUser,
  enrol,
  ownerDataSource,
  TestUser,
} from './support/factories';

/** Each browser test signs in and goes through several pages: its own limit. */
const BROWSER_TEST_MS = 180_000;
const SETUP_MS = 120_000;
const TEARDOWN_MS = 60_000;

const KNOWN_COMPANY = 'Kundenservice Nord GmbH';
const FRESH_COMPANY = 'Service Süd AG';
const UNIT_NAME = 'Contact Center Graz';

const pathOf = (page: Page): string => new URL(page.url()).pathname;

/** Whether a checkbox or radio button is checked, as the page has it now. */
function isChecked(page: Page, selector: string): Promise<boolean> {
  return page.$eval(selector, (element) => (element as unknown as { checked: boolean }).checked);
}

/** The value of a form control, as the page has it now. */
function valueOf(page: Page, selector: string): Promise<string> {
  return page.$eval(selector, (element) => (element as unknown as { value: string }).value);
}

describe('web cockpit management pages: studies, participants, units (e2e, Chromium)', () => {
  let t: BrowserTestApp;
  let publisher: TestUser;
  let publisherOrg: OrganisationEntity;
  let latestCatalogue: CatalogueVersionEntity;
  let knownCompany: OrganisationEntity;
  let freshCompany: OrganisationEntity;
  let company: OrganisationEntity;
  let companyAdmin: TestUser;
  let companyViewer: TestUser;
  let viewedUnit: UnitEntity;
  let foreignUnit: UnitEntity;

  beforeAll(async () => {
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    publisherOrg = await createOrganisation('publisher', 'Service Excellence Research');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    // A study of the publisher with a company in it: the company the publisher knows.
    const earlier = await createStudy(publisherOrg);
    knownCompany = await createOrganisation('company', KNOWN_COMPANY);
    await enrol(earlier, knownCompany);
    // Stored after the study's own: the latest, preselected in the new-study form.
    latestCatalogue = await createCatalogueVersion(publisherOrg);
    // A company in none of the publisher's studies: enrolled by the id it gives.
    freshCompany = await createOrganisation('company', FRESH_COMPANY);

    company = await createOrganisation('company', 'Versicherung Alpen AG');
    companyAdmin = await createUser(company, 'company_admin');
    companyViewer = await createUser(company, 'company_viewer');
    viewedUnit = await createUnit(company, 40);
    foreignUnit = await createUnit(await createOrganisation('company'), 300);
  }, SETUP_MS);

  afterAll(async () => {
    await t?.close();
    await closeOwnerDataSource();
  }, TEARDOWN_MS);

  it(
    'lets a publisher create a study, open its first cycle, enrol companies and withdraw one',
    async () => {
      const db = await ownerDataSource();
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, publisher);
      await page.goto(t.url('/studies'));

      // The form's defaults: the latest questionnaire, both languages, every dimension, and
      // the default disclosure policy in words.
      expect(await heading(page)).toBe('Studien');
      expect(await valueOf(page, '#study-catalogue')).toBe(latestCatalogue.id);
      expect(await isChecked(page, '#study-language-de')).toBe(true);
      expect(await isChecked(page, '#study-language-en')).toBe(true);
      for (const dimension of ['industry', 'country', 'sizeBand', 'customerType', 'sourcing']) {
        expect(await isChecked(page, `#study-dimension-${dimension}`)).toBe(true);
      }
      const policy = await textOf(page, '#new-study-policy');
      expect(policy).toContain('Mindestgröße einer Gruppe');
      expect(policy).toContain('5 Einheiten');
      expect(policy).toContain('10 Einheiten');
      expect(policy).toContain('lineare Interpolation');
      await screenshot(page, 'manage-new-study-form-de');

      // Without a name: refused at the field, the choices kept.
      await page.locator('#study-dimension-sourcing').click();
      expect(await clickAndWait(page, 'form.new-study-form button[type=submit]')).toBe(422);
      expect(await textOf(page, '#study-name-error')).toBe(
        'Bitte geben Sie der Studie einen Namen.',
      );
      expect(await attributeOf(page, '#study-name', 'aria-invalid')).toBe('true');
      expect(await attributeOf(page, '#study-name', 'aria-describedby')).toContain(
        'study-name-error',
      );
      expect(await attributeOf(page, '.form-errors a', 'href')).toBe('#study-name');
      expect(await isChecked(page, '#study-dimension-sourcing')).toBe(false);
      await screenshot(page, 'manage-new-study-name-missing-de');

      const name = `Contact Center Benchmark ${randomUUID().slice(0, 6)}`;
      await page.locator('#study-name').fill(name);
      expect(await clickAndWait(page, 'form.new-study-form button[type=submit]')).toBe(200);
      expect(pathOf(page)).toMatch(/^\/studies\/[0-9a-f-]{36}$/);
      const studyId = pathOf(page).split('/')[2];
      expect(await heading(page)).toBe(name);
      expect(await textOf(page, '.notice[role=status]')).toContain('Die Studie ist angelegt.');
      const [stored] = await db.query<
        {
          catalogue_version_id: string;
          languages: string[];
          peer_group_dimensions: string[];
          disclosure_policy: Record<string, unknown>;
        }[]
      >(
        `SELECT catalogue_version_id, languages, peer_group_dimensions, disclosure_policy
           FROM studies WHERE id = $1`,
        [studyId],
      );
      expect(stored).toEqual({
        catalogue_version_id: latestCatalogue.id,
        languages: ['de', 'en'],
        peer_group_dimensions: ['industry', 'country', 'sizeBand', 'customerType'],
        disclosure_policy: expect.objectContaining({ minN: 5, minNTails: 10 }) as unknown,
      });
      expect(await textOf(page, '#study-dimensions')).toBe(
        'Branche, Land, Größenklasse, Kundentyp',
      );
      expect(await textOf(page, '#study-policy')).toContain('p%-Regel');
      await screenshot(page, 'manage-study-created-de');

      // Its first cycle, this year, with the form the study page has.
      const year = new Date().getUTCFullYear();
      expect(await attributeOf(page, '#year', 'value')).toBe(String(year));
      await clickAndWait(page, `form[action="/studies/${studyId}/cycles"] button`);
      expect(pathOf(page)).toMatch(/^\/cycles\/[0-9a-f-]{36}$/);
      expect(await heading(page)).toContain(`Zyklus ${year}`);
      await page.goto(t.url(`/studies/${studyId}`));

      // Enrol the known company from the list.
      const enrolButton = 'form.enrol-form button[type=submit]';
      expect(await mainText(page)).toContain('Noch nimmt kein Unternehmen an dieser Studie teil.');
      await page.select('#enrol-company', knownCompany.id);
      expect(await clickAndWait(page, enrolButton)).toBe(200);
      expect(await textOf(page, '.notice[role=status]')).toBe(
        'Das Unternehmen nimmt jetzt an der Studie teil.',
      );
      expect(await mainText(page)).toContain(KNOWN_COMPANY);
      // Enrolled: no longer offered in the list.
      expect(await page.$(`#enrol-company option[value="${knownCompany.id}"]`)).toBeNull();

      // Nothing chosen, a mistyped id, an id of nobody, a company enrolled already: each
      // refused in words at its field.
      expect(await clickAndWait(page, enrolButton)).toBe(422);
      expect(await textOf(page, '#enrol-company-id-error')).toBe(
        'Bitte wählen Sie ein Unternehmen oder geben Sie seine Kennung ein.',
      );
      await page.locator('#enrol-company-id').fill('Service Süd');
      expect(await clickAndWait(page, enrolButton)).toBe(422);
      expect(await textOf(page, '#enrol-company-id-error')).toContain('Das ist keine Kennung');
      expect(await attributeOf(page, '#enrol-company-id', 'aria-invalid')).toBe('true');
      await page.locator('#enrol-company-id').fill(randomUUID());
      expect(await clickAndWait(page, enrolButton)).toBe(422);
      expect(await textOf(page, '#enrol-company-id-error')).toBe(
        'Es gibt kein Unternehmen mit dieser Kennung.',
      );
      await page.locator('#enrol-company-id').fill(knownCompany.id);
      expect(await clickAndWait(page, enrolButton)).toBe(422);
      expect(await textOf(page, '#enrol-company-id-error')).toBe(
        'Dieses Unternehmen nimmt schon an der Studie teil.',
      );
      await screenshot(page, 'manage-enrol-refused-de');

      // The company new to the publisher, by the id it gave (upper case and spaces too).
      await page.locator('#enrol-company-id').fill(`  ${freshCompany.id.toUpperCase()} `);
      expect(await clickAndWait(page, enrolButton)).toBe(200);
      expect(await mainText(page)).toContain(FRESH_COMPANY);
      expect(await textOf(page, '.lead')).toContain('2 Unternehmen mit 0 Einheiten');
      await screenshot(page, 'manage-enrolled-de');

      // Withdraw the known company: a confirm page first, that changes nothing.
      const withdrawLink = `a[aria-label="Teilnahme von ${KNOWN_COMPANY} beenden …"]`;
      expect(await clickAndWait(page, withdrawLink)).toBe(200);
      expect(pathOf(page)).toMatch(
        new RegExp(`^/studies/${studyId}/participations/[0-9a-f-]{36}/withdraw$`),
      );
      expect(await heading(page)).toBe(`Teilnahme von ${KNOWN_COMPANY} beenden`);
      expect(await mainText(page)).toContain('sieht die Studie danach nicht mehr');
      await screenshot(page, 'manage-withdraw-confirm-de');
      const participations = async (): Promise<string[]> =>
        (
          await db.query<{ company_id: string }[]>(
            'SELECT company_id FROM participations WHERE study_id = $1 ORDER BY company_id',
            [studyId],
          )
        ).map((row) => row.company_id);
      expect(await participations()).toHaveLength(2);
      // Cancel leads back without withdrawing.
      await clickAndWait(page, 'form.withdraw-form a');
      expect(pathOf(page)).toBe(`/studies/${studyId}`);
      expect(await participations()).toHaveLength(2);

      await clickAndWait(page, withdrawLink);
      expect(await clickAndWait(page, 'form.withdraw-form button[type=submit]')).toBe(200);
      expect(pathOf(page)).toBe(`/studies/${studyId}`);
      expect(await textOf(page, '.notice[role=status]')).toBe(
        'Das Unternehmen nimmt nicht mehr an der Studie teil.',
      );
      expect(await participations()).toEqual([freshCompany.id]);
      expect(await textOf(page, '#participants-heading + table')).not.toContain(KNOWN_COMPANY);
      // Known still (another study): offered in the list again.
      expect(await page.$(`#enrol-company option[value="${knownCompany.id}"]`)).not.toBeNull();

      // The settings: a new name, and a study needs a language.
      await page.locator('#settings-name').fill(`${name} (neu)`);
      await page.locator('#settings-language-de').click();
      await page.locator('#settings-language-en').click();
      expect(await clickAndWait(page, 'form.settings-form button[type=submit]')).toBe(422);
      expect(await textOf(page, '#settings-languages-error')).toBe(
        'Bitte wählen Sie mindestens eine Sprache.',
      );
      await page.locator('#settings-language-de').click();
      expect(await clickAndWait(page, 'form.settings-form button[type=submit]')).toBe(200);
      expect(await heading(page)).toBe(`${name} (neu)`);
      expect(await textOf(page, '.notice[role=status]')).toBe(
        'Die Einstellungen der Studie sind gespeichert.',
      );
      expect(await textOf(page, '.lead')).toContain('Sprachen: Deutsch');
      await screenshot(page, 'manage-study-settings-de');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'lets a company admin add a unit with the form and edit it; the size band follows the FTE',
    async () => {
      const db = await ownerDataSource();
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, companyAdmin);

      // From the home page and in the navigation.
      expect(await attributeOf(page, '.main-nav a[href="/units"]', 'aria-current')).toBe('false');
      await clickAndWait(page, '#manage-units');
      expect(pathOf(page)).toBe('/units');
      expect(await heading(page)).toBe('Einheiten');
      expect(await attributeOf(page, '.main-nav a[href="/units"]', 'aria-current')).toBe('page');
      expect(await textOf(page, '#organisation-id')).toBe(company.id);
      expect(await textOf(page, '#units-table')).toContain(viewedUnit.name);

      await clickAndWait(page, '#add-unit');
      expect(pathOf(page)).toBe('/units/new');
      expect(await heading(page)).toBe('Neue Einheit');
      await page.locator('#unit-name').fill(UNIT_NAME);
      await page.select('#unit-industry', 'insurance');
      await page.select('#unit-country', 'AT');
      await page.locator('#unit-customer-type-b2c').click();
      await page.locator('#unit-sourcing-outsourced').click();
      await page.locator('#unit-agent-fte').fill('-1');
      expect(await clickAndWait(page, 'form.unit-form button[type=submit]')).toBe(422);
      expect(await textOf(page, '#unit-agentFte-error')).toBe(
        'Die Zahl der Agenten kann nicht negativ sein.',
      );
      expect(await attributeOf(page, '#unit-agent-fte', 'aria-invalid')).toBe('true');
      expect(await attributeOf(page, '#unit-agent-fte', 'aria-describedby')).toContain(
        'unit-agentFte-error',
      );
      expect(await attributeOf(page, '.form-errors a', 'href')).toBe('#unit-agent-fte');
      // Everything else as sent.
      expect(await valueOf(page, '#unit-name')).toBe(UNIT_NAME);
      expect(await valueOf(page, '#unit-industry')).toBe('insurance');
      expect(await valueOf(page, '#unit-country')).toBe('AT');
      expect(await isChecked(page, '#unit-customer-type-b2c')).toBe(true);
      expect(await isChecked(page, '#unit-sourcing-outsourced')).toBe(true);
      expect(await valueOf(page, '#unit-agent-fte')).toBe('-1');
      await screenshot(page, 'manage-unit-fte-negative-de');
      const count = async (): Promise<number> =>
        (
          await db.query<{ n: number }[]>(
            'SELECT count(*)::int AS n FROM units WHERE tenant_id = $1',
            [company.id],
          )
        )[0].n;
      expect(await count()).toBe(1);

      // In the German way of writing figures.
      await page.locator('#unit-agent-fte').fill('120,5');
      expect(await clickAndWait(page, 'form.unit-form button[type=submit]')).toBe(200);
      expect(pathOf(page)).toMatch(/^\/units\/[0-9a-f-]{36}$/);
      const unitId = pathOf(page).split('/')[2];
      expect(await heading(page)).toBe(`Einheit: ${UNIT_NAME}`);
      expect(await textOf(page, '.notice[role=status]')).toBe('Die Einheit ist angelegt.');
      expect(await textOf(page, '#profile-industry')).toBe('Versicherungen');
      expect(await textOf(page, '#profile-country')).toBe('Österreich');
      expect(await textOf(page, '#profile-customer-type')).toBe('Privatkunden (B2C)');
      expect(await textOf(page, '#profile-sourcing')).toBe('Ausgelagert');
      expect(await textOf(page, '#profile-agent-fte')).toBe('120,5');
      expect(await textOf(page, '#profile-size-band')).toBe('M (50 bis unter 200 Agenten-FTE)');
      expect(await valueOf(page, '#unit-agent-fte')).toBe('120,5');
      await screenshot(page, 'manage-unit-created-de');

      // Edit it: more agents, another size band.
      await page.locator('#unit-agent-fte').fill('1.250');
      await page.locator('#unit-sourcing-mixed').click();
      expect(await clickAndWait(page, 'form.unit-form button[type=submit]')).toBe(200);
      expect(pathOf(page)).toBe(`/units/${unitId}`);
      expect(await textOf(page, '.notice[role=status]')).toBe('Die Änderungen sind gespeichert.');
      expect(await textOf(page, '#profile-agent-fte')).toBe('1.250');
      expect(await textOf(page, '#profile-size-band')).toBe('XL (ab 1.000 Agenten-FTE)');
      expect(await textOf(page, '#profile-sourcing')).toBe('Gemischt');
      const [row] = await db.query<{ agent_fte: string; size_band: string; sourcing: string }[]>(
        'SELECT agent_fte, size_band, sourcing FROM units WHERE id = $1',
        [unitId],
      );
      expect(row).toEqual({ agent_fte: '1250.00', size_band: 'XL', sourcing: 'mixed' });
      await screenshot(page, 'manage-unit-edited-de');

      // The list, in both languages.
      await clickAndWait(page, '.breadcrumbs a[href="/units"]');
      const list = await textOf(page, '#units-table');
      expect(list).toContain(UNIT_NAME);
      expect(list).toContain('Versicherungen');
      expect(list).toContain('XL (ab 1.000 Agenten-FTE)');
      await screenshot(page, 'manage-units-de');
      await page.goto(t.url('/language?lang=en&next=/units'));
      expect(await heading(page)).toBe('Units');
      const english = await textOf(page, '#units-table');
      expect(english).toContain('Insurance');
      expect(english).toContain('Austria');
      expect(english).toContain('Mixed');
      expect(english).toContain('1,250');
      expect(english).toContain('XL (1,000 agent FTE and more)');
      await screenshot(page, 'manage-units-en');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a company viewer the 403 page on the add-unit form and its units read-only',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, companyViewer);
      await page.goto(t.url('/units'));
      expect(await page.$('#add-unit')).toBeNull();
      expect(await mainText(page)).toContain(
        'Neue Einheiten legt die Administration Ihrer Organisation an.',
      );

      const response = await page.goto(t.url('/units/new'));
      expect(response?.status()).toBe(403);
      expect(await heading(page)).toBe('Kein Zugriff');
      await screenshot(page, 'manage-unit-new-403-de');

      await page.goto(t.url(`/units/${viewedUnit.id}`));
      expect(await textOf(page, '#read-only')).toBe(
        'Ihre Rolle erlaubt das Ansehen der Einheit, nicht das Ändern.',
      );
      expect(await page.$('form.unit-form')).toBeNull();

      // The form sent anyway, with the session's token: refused by the role.
      const token = (await attributeOf(page, '.sign-out input[name=_csrf]', 'value')) ?? '';
      const cookies = await page.browserContext().cookies();
      const post = await request(t.app.getHttpServer())
        .post('/units')
        .set('Cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '))
        .type('form')
        .send({
          _csrf: token,
          name: 'Nicht erlaubt',
          industry: 'retail',
          country: 'DE',
          customerType: 'b2c',
          sourcing: 'inhouse',
          agentFte: '10',
        });
      expect(post.status).toBe(403);
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    "answers another company's unit with the 404 page",
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, companyAdmin);
      const response = await page.goto(t.url(`/units/${foreignUnit.id}`));
      expect(response?.status()).toBe(404);
      expect(await heading(page)).toBe('Seite nicht gefunden');
      expect(await mainText(page)).not.toContain(foreignUnit.name);
      await screenshot(page, 'manage-foreign-unit-404-de');

      // Its edit form sent anyway: the same 404, and the unit unchanged.
      const token = (await attributeOf(page, '.sign-out input[name=_csrf]', 'value')) ?? '';
      const cookies = await page.browserContext().cookies();
      const post = await request(t.app.getHttpServer())
        .post(`/units/${foreignUnit.id}`)
        .set('Cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '))
        .type('form')
        .send({
          _csrf: token,
          name: 'Übernommen',
          industry: 'retail',
          country: 'DE',
          customerType: 'b2c',
          sourcing: 'inhouse',
          agentFte: '10',
        });
      expect(post.status).toBe(404);
      const db = await ownerDataSource();
      const [row] = await db.query<{ name: string }[]>('SELECT name FROM units WHERE id = $1', [
        foreignUnit.id,
      ]);
      expect(row.name).toBe(foreignUnit.name);
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );
});
