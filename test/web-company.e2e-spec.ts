import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { generateDemoData } from '@app/domain';
import type { CycleEntity, UnitEntity } from '@app/persistence';
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HTTPResponse, Page } from 'puppeteer';
import request from 'supertest';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ApiClient } from './support/api-client';
import { publishSnapshot } from './support/published-snapshot';
import {
  attributeOf,
  BrowserTestApp,
  germanNumber,
  heading,
  screenshot,
  startBrowserApp,
  textOf,
} from './support/browser';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudy,
  createSubmission,
  createUnit,
  createUser,
  enrol,
  ownerDataSource,
  TestUser,
} from './support/factories';
import { pdfText } from './support/pdf-text';
import { testConfig } from './support/test-env';

/** Browser tests start Chromium and render several pages; each has its own limit. */
const BROWSER_TEST_MS = 180_000;
const SETUP_MS = 180_000;

const COMPANY_NAME = 'Kundenservice Nord GmbH';
const UNIT_NAME = 'Contact Center Hamburg';

describe('company pages (e2e, real worker and Chromium)', () => {
  let t: BrowserTestApp;
  let worker: INestApplicationContext;
  let editor: TestUser;
  let viewer: TestUser;
  let publisher: TestUser;
  let published: CycleEntity;
  let open: CycleEntity;
  let unit: UnitEntity;
  let spareUnit: UnitEntity;
  let returnedUnit: UnitEntity;
  let foreignUnit: UnitEntity;
  let snapshotId: string;
  let files: string;

  const formPath = (u: UnitEntity = unit): string => `/cycles/${open.id}/units/${u.id}/submission`;
  const benchmarkPath = (): string => `/snapshots/${snapshotId}/benchmarks?unitId=${unit.id}`;

  /** Clicks a button that sends a form and waits for the page it leads to. */
  async function send(page: Page, selector: string): Promise<HTTPResponse | null> {
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.locator(selector).click(),
    ]);
    return response;
  }

  /** A request of the api with the browser page's session cookie and language. */
  async function withSession(page: Page, path: string): Promise<request.Test> {
    const cookies = await page.browserContext().cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return request(t.app.getHttpServer())
      .get(path)
      .set('Cookie', cookie)
      .set('Accept-Language', 'de-DE')
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
  }

  beforeAll(async () => {
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig())] }).compile()
    ).init();
    files = mkdtempSync(join(tmpdir(), 'web-company-'));

    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    const study = await createStudy(publisherOrg, 'Contact Center Benchmark DACH', {
      // Twelve units: quartiles (and the strip charts drawn from them) from 6 contributors.
      minNQuantiles: 6,
    });
    published = await createCycle(study, 2025);
    open = await createCycle(study, 2026);
    const answers = generateDemoData({ units: 12, years: [2025] }).submissions.map(
      (s) => s.answers,
    );
    const units: UnitEntity[] = [];
    for (let i = 0; i < 12; i++) {
      const company = await createOrganisation('company', i === 0 ? COMPANY_NAME : undefined);
      await enrol(study, company);
      // One outsourced unit: a custom group of the eleven others differs from "all" by one.
      const created = await createUnit(company, 120, {
        industry: i < 6 ? 'telecom' : 'banking',
        sourcing: i === 11 ? 'outsourced' : 'inhouse',
      });
      units.push(created);
      await createSubmission(published, created, {
        ...answers[i],
        training_days_new: i === 0 ? 12.5 : 10 + 2.5 * i,
      });
      if (i === 0) {
        editor = await createUser(company, 'company_editor');
        viewer = await createUser(company, 'company_viewer');
        spareUnit = await createUnit(company, 40);
        returnedUnit = await createUnit(company, 80);
      }
    }
    unit = units[0];
    foreignUnit = units[1];
    const owner = await ownerDataSource();
    await owner.query('UPDATE units SET name = $1 WHERE id = $2', [UNIT_NAME, unit.id]);
    // This year's draft starts from last year's answers: nothing deviates yet.
    await createSubmission(open, unit, { ...answers[0], training_days_new: 12.5 }, 'draft');
    await createSubmission(open, returnedUnit, { ...answers[2], agent_fte: 80 }, 'submitted');

    snapshotId = await publishSnapshot(new ApiClient(t, publisher), published.id);
  }, SETUP_MS);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await worker?.close();
    await t?.close();
    await closeOwnerDataSource();
  }, SETUP_MS);

  it(
    'enters data: an out-of-range value shows its error at the field, a warning needs a comment, then submits',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, editor);
      expect(await attributeOf(page, `main a[href="${formPath()}"]`, 'href')).toBe(formPath());
      await page.goto(t.url(formPath()));
      expect(await heading(page)).toBe(`Datenerfassung 2026: ${UNIT_NAME}`);
      expect(await textOf(page, '#area-employees h2')).toBe('Mitarbeitende');
      expect(await textOf(page, 'label[for=kpi-agent_fte]')).toContain(
        'Agenten (Vollzeitäquivalente)',
      );
      // Derived KPIs are shown read-only with what they are computed from.
      expect(await textOf(page, '#kpi-attrition_rate')).toContain(
        'Berechnet aus: Austritte im Berichtsjahr ÷ Durchschnittliche Zahl der Mitarbeitenden × 100',
      );
      expect(await page.$('input[name="answers[attrition_rate]"]')).toBeNull();
      await screenshot(page, 'company-form-de');

      const fte = (await attributeOf(page, '#kpi-agent_fte', 'value')) ?? '';
      await page.locator('#kpi-agent_fte').fill('25.000');
      const refused = await send(page, 'button[value=draft]');
      expect(refused?.status()).toBe(422);
      expect(await attributeOf(page, '#kpi-agent_fte', 'aria-invalid')).toBe('true');
      expect(await attributeOf(page, '#kpi-agent_fte', 'aria-describedby')).toContain(
        'kpi-agent_fte-error',
      );
      expect(await textOf(page, '#kpi-agent_fte-error')).toBe(
        'Agenten (Vollzeitäquivalente) darf höchstens 20.000 FTE sein.',
      );
      expect(await textOf(page, '#error-summary a[href="#kpi-agent_fte"]')).toContain(
        'höchstens 20.000 FTE',
      );
      // The form comes back as it was sent.
      expect(await attributeOf(page, '#kpi-agent_fte', 'value')).toBe('25.000');
      expect(await attributeOf(page, '#kpi-headcount_avg', 'aria-invalid')).toBe('false');
      await screenshot(page, 'company-form-error-de');

      // Fixed; and an average handling time three times last year's asks for a comment.
      await page.locator('#kpi-agent_fte').fill(fte);
      const aht = germanNumber((await attributeOf(page, '#kpi-aht_seconds', 'value')) ?? '');
      await page.locator('#kpi-aht_seconds').fill(String(Math.round(aht * 3)));
      const saved = await send(page, 'button[value=draft]');
      expect(saved?.status()).toBe(200);
      expect(new URL(page.url()).search).toBe('?saved=1');
      expect(await textOf(page, '.notice')).toBe('Der Entwurf ist gespeichert.');
      expect(await attributeOf(page, '#kpi-agent_fte', 'aria-invalid')).toBe('false');
      expect(await textOf(page, '.warnings-summary')).toContain('Vorjahreswerts');
      const warningBoxes = await page.$$('.field-warning textarea');
      expect(warningBoxes.length).toBeGreaterThan(0);
      await screenshot(page, 'company-form-warning-de');

      // Submitting without the comment: the service refuses, the box says why.
      const uncommented = await send(page, 'button[value=submit]');
      expect(uncommented?.status()).toBe(422);
      expect(await textOf(page, '#error-summary')).toContain('braucht');
      const box = await attributeOf(page, '.field-warning textarea', 'id');
      expect(await attributeOf(page, `#${box}`, 'aria-invalid')).toBe('true');
      expect(await textOf(page, `#${box}-error`)).toBe(
        'Zum Einreichen braucht dieser Hinweis einen Kommentar.',
      );

      for (const textarea of await page.$$('.field-warning textarea')) {
        await textarea.type('Neues Produkt mit längerer Beratung eingeführt.');
      }
      const submitted = await send(page, 'button[value=submit]');
      expect(submitted?.status()).toBe(200);
      expect(new URL(page.url()).search).toBe('?submitted=1');
      expect(await textOf(page, '.notice')).toContain('Die Daten sind eingereicht.');
      expect(await textOf(page, '.page-header .badge')).toBe('eingereicht');
      expect(await page.$('form.submission-form')).toBeNull();
      expect(await textOf(page, '#read-only')).toContain('eingereicht');
      expect(await textOf(page, '.answer-warning')).toContain('Neues Produkt');
      await screenshot(page, 'company-form-submitted-de');

      // A form sent from a tab opened before the submit: the read-only data set, saying why.
      const cookies = await page.browserContext().cookies();
      const late = await request(t.app.getHttpServer())
        .post(formPath())
        .set('Cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '))
        .set('Accept-Language', 'de')
        .type('form')
        .send({
          _csrf: (await attributeOf(page, '.sign-out input[name=_csrf]', 'value')) ?? '',
          version: '1',
          intent: 'draft',
          'answers[leavers]': '1',
        });
      expect(late.status).toBe(409);
      expect(late.text).toContain('können nicht geändert werden, solange der Herausgeber');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'downloads the XLSX template and lists the bad cell of a refused upload',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, editor);
      await page.goto(t.url(formPath(spareUnit)));
      await send(page, `a[href="${formPath(spareUnit)}/upload"]`);
      expect(await heading(page)).toContain('Excel-Vorlage');
      await screenshot(page, 'company-upload-de');

      const templateHref = await attributeOf(page, 'a[download]', 'href');
      expect(templateHref).toBe(`${formPath(spareUnit)}/template`);
      const template = await withSession(page, templateHref ?? '');
      expect(template.status).toBe(200);
      expect(template.headers['content-disposition']).toMatch(
        /attachment; filename="vorlage-2026-/,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(template.body as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('Antworten');
      if (!sheet) {
        throw new Error('the template has no sheet Antworten');
      }
      const header = sheet.getRow(1).values as unknown[];
      const keyColumn = header.indexOf('Schlüssel');
      const valueColumn = header.indexOf('Wert');
      let badCell = '';
      sheet.eachRow((row) => {
        if (row.getCell(keyColumn).value === 'sickness_rate') {
          row.getCell(valueColumn).value = 'sehr hoch';
          badCell = row.getCell(valueColumn).address;
        }
        if (row.getCell(keyColumn).value === 'agent_fte') {
          row.getCell(valueColumn).value = 38.5;
        }
      });
      expect(badCell).toMatch(/^[A-Z]+\d+$/);
      const bad = join(files, 'bad.xlsx');
      writeFileSync(bad, Buffer.from(await workbook.xlsx.writeBuffer()));

      const input = await page.$('#file');
      await input?.uploadFile(bad);
      const refused = await send(page, 'form[enctype="multipart/form-data"] button');
      expect(refused?.status()).toBe(422);
      expect(await textOf(page, '.form-errors')).toContain('nichts wurde gespeichert');
      const table = await textOf(page, '.problems-table');
      expect(table).toContain(badCell);
      expect(table).toContain('Krankenquote');
      expect(table).toContain('sehr hoch');
      await screenshot(page, 'company-upload-error-de');

      // The same file with the cell fixed is stored as the draft.
      sheet.eachRow((row) => {
        if (row.getCell(keyColumn).value === 'sickness_rate') {
          row.getCell(valueColumn).value = 6.5;
        }
      });
      const good = join(files, 'good.xlsx');
      writeFileSync(good, Buffer.from(await workbook.xlsx.writeBuffer()));
      await (await page.$('#file'))?.uploadFile(good);
      const stored = await send(page, 'form[enctype="multipart/form-data"] button');
      expect(stored?.status()).toBe(200);
      expect(page.url()).toBe(t.url(`${formPath(spareUnit)}?uploaded=1`));
      expect(await attributeOf(page, '#kpi-agent_fte', 'value')).toBe('38,5');
      expect(await attributeOf(page, '#kpi-sickness_rate', 'value')).toBe('6,5');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows the benchmark view, refuses a custom peer group with the rule in words, releases another and downloads the PDF',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, viewer);
      await send(page, `main a[href="${benchmarkPath()}"]`);
      expect(await heading(page)).toBe(`Benchmark 2025: ${UNIT_NAME}`);
      expect(await textOf(page, '.peer-group-line')).toContain(
        'Branche: Telekommunikation · Größenklasse: M',
      );
      expect(await textOf(page, '#kpi-training_days_new .kpi-value')).toBe('12,5');
      expect(await textOf(page, '#kpi-training_days_new .kpi-position')).toMatch(
        /besser als \d+\s%\sder Gruppe/,
      );
      expect(await page.content()).toContain('<svg');
      expect(await page.$('#kpi-training_days_new svg.strip')).not.toBeNull();
      await screenshot(page, 'company-benchmarks-de');

      const untick = async (): Promise<void> => {
        for (const box of await page.$$('.filter-dimension input:checked')) {
          await box.click();
        }
      };
      // Eleven in-house units of the twelve: the difference to all would reveal the twelfth.
      await page.locator('#custom-group summary').click();
      await untick();
      await page.locator('#filter-industry-telecom').click();
      await page.locator('#filter-industry-banking').click();
      await page.locator('#filter-sourcing-inhouse').click();
      const refused = await send(page, '.custom-group button[type=submit]');
      expect(refused?.status()).toBe(422);
      expect(await textOf(page, '#refusal')).toContain(
        'Diese Vergleichsgruppe wird nicht freigegeben.',
      );
      expect(await textOf(page, '#refusal')).toContain('Regel „Differenzbildung“');
      expect(await textOf(page, '#refusal')).toContain('weniger als 5 anderen Einheiten');
      await screenshot(page, 'company-peer-group-refused-de');

      // The six in-house telecom units: the same units as the released telecom group.
      await untick();
      await page.locator('#filter-industry-telecom').click();
      await page.locator('#filter-sourcing-inhouse').click();
      const released = await send(page, '.custom-group button[type=submit]');
      expect(released?.status()).toBe(200);
      expect(new URL(page.url()).searchParams.get('peerGroup')).toBe(
        'industry:telecom;sourcing:inhouse',
      );
      expect(await textOf(page, '.peer-group-line')).toContain(
        'Branche: Telekommunikation · Betriebsmodell: eigener Betrieb',
      );
      expect(await textOf(page, '#kpi-training_days_new .kpi-value')).toBe('12,5');

      await send(page, 'button[value=pdf]');
      expect(new URL(page.url()).pathname).toMatch(/^\/reports\/[0-9a-f-]{36}$/);
      expect(await heading(page)).toBe(`Benchmark-Bericht: ${UNIT_NAME}`);
      // The page reloads itself until the report is rendered.
      await page.waitForSelector('#report-pdf', { timeout: 60_000 });
      expect(await textOf(page, '#report-state-value')).toBe('fertig');
      await screenshot(page, 'company-report-de');
      const pdf = await withSession(page, (await attributeOf(page, '#report-pdf', 'href')) ?? '');
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(/^attachment; filename="/);
      const bytes = pdf.body as Buffer;
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect((await pdfText(bytes)).text).toContain(UNIT_NAME);

      const preview = await withSession(
        page,
        (await attributeOf(page, '#report-preview', 'href')) ?? '',
      );
      expect(preview.status).toBe(200);
      expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
      expect((preview.body as Buffer).toString('utf8')).toContain(UNIT_NAME);
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'writes labels and numbers of the benchmark view in English after the switch',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, viewer);
      await page.goto(t.url(benchmarkPath()));
      expect(await textOf(page, '#kpi-training_days_new .kpi-value')).toBe('12,5');
      expect(await textOf(page, '#kpi-training_days_new th')).toContain(
        'Grundausbildung neuer Agenten',
      );
      await send(page, '.language-switch a[lang=en]');
      expect(page.url()).toBe(t.url(benchmarkPath()));
      expect(await heading(page)).toBe(`Benchmark 2025: ${UNIT_NAME}`);
      expect(await textOf(page, '#kpi-training_days_new .kpi-value')).toBe('12.5');
      expect(await textOf(page, '#kpi-training_days_new th')).toContain(
        'Basic training of new agents',
      );
      expect(await textOf(page, '#kpi-training_days_new .kpi-position')).toMatch(
        /better than \d+\s%\sof the group/,
      );
      expect(await textOf(page, '.peer-group-line')).toContain(
        'Industry: Telecommunications · Size band: M',
      );
      await screenshot(page, 'company-benchmarks-en');

      // The data entry page follows the language too.
      await page.goto(t.url(formPath(spareUnit)));
      expect(await heading(page)).toMatch(/^Data entry 2026: /);
      expect(await textOf(page, '#read-only')).toBe(
        'Your role may view the data, not change them.',
      );
      expect(await textOf(page, '#kpi-agent_fte dt')).toBe('Agents (full-time equivalents)');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    "shows the publisher's query on a returned submission and refuses a save from a stale form",
    async () => {
      const returned = await t
        .http()
        .post(`/api/v1/cycles/${open.id}/units/${returnedUnit.id}/submission/return`)
        .set({ Authorization: await t.tokenFor(publisher) })
        .send({ comment: 'Bitte die Zahl der Austritte prüfen.' });
      expect(returned.status).toBe(200);

      const first = await t.newPage({ acceptLanguage: 'de-DE' });
      const second = await t.newPage({ acceptLanguage: 'de-DE' });
      for (const page of [first, second]) {
        await t.signIn(page, editor);
        await page.goto(t.url(formPath(returnedUnit)));
      }
      expect(await textOf(first, '.page-header .badge')).toBe('zurückgegeben');
      expect(await textOf(first, '.callout-returned')).toContain(
        'Bitte die Zahl der Austritte prüfen.',
      );
      await screenshot(first, 'company-form-returned-de');

      await first.locator('#kpi-leavers').fill('12');
      expect((await send(first, 'button[value=draft]'))?.status()).toBe(200);
      // The second form was read before that save: its version is stale.
      await second.locator('#kpi-leavers').fill('13');
      const stale = await send(second, 'button[value=draft]');
      expect(stale?.status()).toBe(409);
      expect(await textOf(second, '.form-errors')).toContain(
        'Jemand anderes hat die Daten inzwischen geändert',
      );
      expect(await attributeOf(second, '#kpi-leavers', 'value')).toBe('13');
      await send(second, `.form-errors a[href="${formPath(returnedUnit)}"]`);
      expect(await attributeOf(second, '#kpi-leavers', 'value')).toBe('12');
      await first.browserContext().close();
      await second.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    "answers another company's unit with the 404 page",
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, editor);
      for (const path of [
        formPath(foreignUnit),
        `${formPath(foreignUnit)}/upload`,
        `/snapshots/${snapshotId}/benchmarks?unitId=${foreignUnit.id}`,
      ]) {
        const response = await page.goto(t.url(path));
        expect([path, response?.status()]).toEqual([path, 404]);
        expect(await heading(page)).toBe('Seite nicht gefunden');
      }
      await screenshot(page, 'company-foreign-unit-404-de');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a viewer the data read-only and refuses its save',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, viewer);
      await page.goto(t.url(formPath(spareUnit)));
      expect(await textOf(page, '#read-only')).toBe(
        'Ihre Rolle erlaubt das Ansehen der Daten, nicht das Ändern.',
      );
      expect(await page.$('form.submission-form')).toBeNull();
      // Forged in the page: the same form a person with the right role would send.
      const token = (await attributeOf(page, '.sign-out input[name=_csrf]', 'value')) ?? '';
      const cookies = await page.browserContext().cookies();
      const post = await request(t.app.getHttpServer())
        .post(formPath(spareUnit))
        .set('Cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '))
        .type('form')
        .send({ _csrf: token, version: '0', intent: 'draft', 'answers[agent_fte]': '10' });
      expect(post.status).toBe(403);
      const withoutToken = await request(t.app.getHttpServer())
        .post(formPath(spareUnit))
        .set('Cookie', cookies.map((c) => `${c.name}=${c.value}`).join('; '))
        .type('form')
        .set('Accept-Language', 'de')
        .send({ version: '0', intent: 'draft' });
      expect(withoutToken.status).toBe(403);
      expect(withoutToken.text).toContain('Das Formular ist abgelaufen');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );
});
