import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import { generateDemoData } from '@app/domain';
import { QueueName } from '@app/jobs';
import type { CycleEntity, UnitEntity } from '@app/persistence';
import type { Queue } from 'bull';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { WorkerModule } from '../apps/worker/src/worker.module';
import {
  attributeOf,
  BrowserTestApp,
  clickAndWait,
  followProgress,
  germanNumber,
  heading,
  mainText,
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

/**
 * The web cockpit's story end to end, in the system Chromium against the whole api with the
 * real worker: a company enters and submits its data, the publisher accepts, computes and
 * publishes, the company reads its benchmark and downloads its report. Driven only through the
 * pages: links are followed, forms filled and sent as a person does.
 */

/** The whole flow renders a snapshot and a PDF with the real worker: it has a limit of its own. */
const FLOW_TEST_MS = 240_000;
const BROWSER_TEST_MS = 180_000;
const SETUP_MS = 180_000;

const COMPANY_NAME = 'Kundenservice Süd AG';
const UNIT_NAME = 'Servicecenter Leipzig';
const STUDY_NAME = 'Kundenservice-Benchmark 2026';
const WARNING_COMMENT = 'Neues Beratungsprodukt: die Gespräche dauern seit Mai deutlich länger.';

/** The few DOM members the functions run in the page touch (the tests compile without DOM). */
interface RemovableElement {
  remove(): void;
}
interface PageDocument {
  document: { querySelector(selector: string): RemovableElement | null };
}

describe('web cockpit, the whole story across the roles (e2e, real worker and Chromium)', () => {
  let t: BrowserTestApp;
  let worker: INestApplicationContext;
  let downloads: string;
  let editor: TestUser;
  let publisher: TestUser;
  let open: CycleEntity;
  let unit: UnitEntity;
  /** Last year's average handling time of the unit, and the triple the company enters. */
  let lastAht: number;
  let enteredAht: number;
  /** The snapshot the publisher computes and publishes in the first test. */
  let snapshotId: string | undefined;

  const formPath = (): string => `/cycles/${open.id}/units/${unit.id}/submission`;
  const benchmarkPath = (): string => {
    if (!snapshotId) {
      throw new Error('no published snapshot: the flow test did not get as far as publishing');
    }
    return `/snapshots/${snapshotId}/benchmarks?unitId=${unit.id}`;
  };
  const queue = (name: QueueName): Queue => worker.get<Queue>(getQueueToken(name));

  /**
   * Clicks a download link in the page and waits for Chromium to have saved the file; returns
   * its bytes and the file name the server suggested.
   */
  async function download(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
    const session = await t.browser.target().createCDPSession();
    try {
      await session.send('Browser.setDownloadBehavior', {
        behavior: 'allowAndName',
        downloadPath: downloads,
        browserContextId: page.browserContext().id,
        eventsEnabled: true,
      });
      let name = '';
      const saved = new Promise<string>((resolve, reject) => {
        session.on('Browser.downloadWillBegin', (event) => {
          name = event.suggestedFilename;
        });
        session.on('Browser.downloadProgress', (event) => {
          if (event.state === 'completed') {
            resolve(event.guid);
          } else if (event.state === 'canceled') {
            reject(new Error(`the download of ${selector} was cancelled`));
          }
        });
      });
      await page.locator(selector).click();
      const guid = await saved;
      return { name, bytes: readFileSync(join(downloads, guid)) };
    } finally {
      await session.detach();
    }
  }

  /** Signs in and follows the home page's link to this unit's benchmark view. */
  async function openBenchmarks(page: Page): Promise<void> {
    await t.signIn(page, editor);
    expect(await heading(page)).toBe('Übersicht');
    expect(await clickAndWait(page, `main a[href="${benchmarkPath()}"]`)).toBe(200);
  }

  beforeAll(async () => {
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig())] }).compile()
    ).init();
    downloads = mkdtempSync(join(tmpdir(), 'web-cockpit-'));

    const publisherOrg = await createOrganisation('publisher', 'Service Excellence Institut');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    const study = await createStudy(publisherOrg, STUDY_NAME, {
      // Twelve units: quartiles (and the strip charts drawn from them) from 6 contributors.
      minNQuantiles: 6,
    });
    // Last year's cycle is closed; it holds the figures this year's are checked against.
    const previous = await createCycle(study, 2025, 'closed');
    open = await createCycle(study, 2026);
    const answers = generateDemoData({ units: 12, years: [2026] }).submissions.map((s) => ({
      ...s.answers,
    }));
    // Twelve units of twelve companies, all of size band M: six in telecoms, six in banking,
    // one outsourced. In-house telecoms (six) is released; in-house of both industries
    // (eleven) is refused, since its difference to "all" would reveal the twelfth unit.
    const units: UnitEntity[] = [];
    for (let i = 0; i < 12; i++) {
      const company = await createOrganisation('company', i === 0 ? COMPANY_NAME : undefined);
      await enrol(study, company);
      const created = await createUnit(company, 120, {
        industry: i < 6 ? 'telecom' : 'banking',
        sourcing: i === 11 ? 'outsourced' : 'inhouse',
      });
      units.push(created);
      answers[i].training_days_new = i === 0 ? 12.5 : 10 + 2.5 * i;
      if (i === 0) {
        editor = await createUser(company, 'company_editor');
      } else {
        await createSubmission(open, created, answers[i], 'accepted');
      }
    }
    unit = units[0];
    lastAht = Number(answers[0].aht_seconds);
    // Three times last year's: implausible, and above a thousand (a separator in each language).
    enteredAht = Math.round(lastAht * 3);
    expect(enteredAht).toBeGreaterThanOrEqual(1000);
    expect(enteredAht).toBeLessThan(10_000);
    const owner = await ownerDataSource();
    await owner.query('UPDATE units SET name = $1 WHERE id = $2', [UNIT_NAME, unit.id]);
    // The company's unit: last year's figures, and this year's draft started from them.
    await createSubmission(previous, unit, answers[0], 'accepted');
    await createSubmission(open, unit, answers[0], 'draft');
  }, SETUP_MS);

  afterAll(async () => {
    rmSync(downloads, { recursive: true, force: true });
    await worker?.close();
    await t?.close();
    await closeOwnerDataSource();
  }, SETUP_MS);

  it(
    'runs the story: the company enters and submits, the publisher accepts, computes and publishes, the company reads its benchmark and downloads its report',
    async () => {
      // 1. The company enters its data.
      const company = await t.newPage({ acceptLanguage: 'de-DE,de;q=0.9,en;q=0.5' });
      await t.signIn(company, editor);
      expect(company.url()).toBe(t.url('/'));
      expect(await heading(company)).toBe('Übersicht');
      const home = await mainText(company);
      expect(home).toContain(STUDY_NAME);
      expect(home).toContain('Zyklus 2026');
      expect(home).toContain(UNIT_NAME);
      expect(home).toContain('Entwurf');
      await screenshot(company, 'flow-company-home-de');

      expect(await clickAndWait(company, `main a[href="${formPath()}"]`)).toBe(200);
      expect(await heading(company)).toBe(`Datenerfassung 2026: ${UNIT_NAME}`);
      expect(await textOf(company, '.page-header .badge')).toBe('Entwurf');
      await screenshot(company, 'flow-company-form-de');

      // An agent count beyond the catalogue's range: refused, the error at its field.
      const fte = (await attributeOf(company, '#kpi-agent_fte', 'value')) ?? '';
      expect(fte).not.toBe('');
      await company.locator('#kpi-agent_fte').fill('25.000');
      expect(await clickAndWait(company, 'button[value=draft]')).toBe(422);
      expect(await attributeOf(company, '#kpi-agent_fte', 'aria-invalid')).toBe('true');
      expect(await attributeOf(company, '#kpi-agent_fte', 'aria-describedby')).toContain(
        'kpi-agent_fte-error',
      );
      expect(await textOf(company, '#kpi-agent_fte-error')).toBe(
        'Agenten (Vollzeitäquivalente) darf höchstens 20.000 FTE sein.',
      );
      expect(await textOf(company, '#error-summary a[href="#kpi-agent_fte"]')).toContain(
        'höchstens 20.000 FTE',
      );
      expect(await attributeOf(company, '#kpi-agent_fte', 'value')).toBe('25.000');
      await screenshot(company, 'flow-company-form-error-de');

      // Fixed; and an average handling time three times last year's is implausible.
      await company.locator('#kpi-agent_fte').fill(fte);
      const aht = germanNumber((await attributeOf(company, '#kpi-aht_seconds', 'value')) ?? '');
      expect(aht).toBe(lastAht);
      await company.locator('#kpi-aht_seconds').fill(String(enteredAht));
      expect(await clickAndWait(company, 'button[value=draft]')).toBe(200);
      expect(await textOf(company, '.notice')).toBe('Der Entwurf ist gespeichert.');
      expect(await attributeOf(company, '#kpi-agent_fte', 'aria-invalid')).toBe('false');
      expect(await company.$('#error-summary')).toBeNull();
      // The warning stands right under the field it is about, with its comment box.
      expect(await company.$$('.field-warning')).toHaveLength(1);
      const warning = '.kpi-field:has(#kpi-aht_seconds) + .field-warning';
      expect(await textOf(company, `${warning} .field-warning-text`)).toContain(
        'Durchschnittliche Bearbeitungszeit (AHT)',
      );
      expect(await textOf(company, '.warnings-summary')).toContain(
        'mehr als das Doppelte des Vorjahreswerts',
      );
      const box = await attributeOf(company, `${warning} textarea`, 'id');
      expect(box).toMatch(/^comment-\d+$/);
      expect(await textOf(company, `label[for="${box}"]`)).not.toBe('');
      await screenshot(company, 'flow-company-form-warning-de');

      await company.locator(`#${box}`).fill(WARNING_COMMENT);
      expect(await clickAndWait(company, 'button[value=submit]')).toBe(200);
      expect(new URL(company.url()).search).toBe('?submitted=1');
      expect(await textOf(company, '.notice')).toContain('Die Daten sind eingereicht.');
      expect(await textOf(company, '.page-header .badge')).toBe('eingereicht');
      expect(await company.$('form.submission-form')).toBeNull();
      expect(await textOf(company, '.answer-warning')).toContain(WARNING_COMMENT);
      await screenshot(company, 'flow-company-form-submitted-de');
      // The overview says so too.
      expect(await clickAndWait(company, '.breadcrumb a[href="/"]')).toBe(200);
      expect(await mainText(company)).toContain('eingereicht');

      // 2. The publisher, in a browser context of its own: review, close, compute, publish.
      const desk = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(desk, publisher);
      expect(await mainText(desk)).toContain(STUDY_NAME);
      await screenshot(desk, 'flow-publisher-home-de');
      expect(await clickAndWait(desk, `main a[href="/cycles/${open.id}/review"]`)).toBe(200);
      expect(await heading(desk)).toBe('Prüfung: Zyklus 2026');
      await screenshot(desk, 'flow-publisher-review-de');
      expect(await clickAndWait(desk, `#unit-${unit.id} th a`)).toBe(200);
      const entry = await textOf(desk, `#unit-${unit.id}`);
      expect(entry).toContain(UNIT_NAME);
      expect(entry).toContain('Durchschnittliche Bearbeitungszeit (AHT)');
      expect(entry).toContain(WARNING_COMMENT);
      await screenshot(desk, 'flow-publisher-review-unit-de');
      expect(await clickAndWait(desk, `#unit-${unit.id} form[action*="/accept"] button`)).toBe(200);
      expect(await textOf(desk, '.notice[role=status]')).toBe(
        `Der Datensatz von ${UNIT_NAME} ist angenommen.`,
      );

      expect(await clickAndWait(desk, `nav.breadcrumbs a[href="/cycles/${open.id}"]`)).toBe(200);
      expect(await textOf(desk, 'td[data-state="accepted"]')).toBe('12');
      expect(await clickAndWait(desk, `form[action="/cycles/${open.id}/close"] button`)).toBe(200);
      expect(await mainText(desk)).toContain('Der Zyklus ist geschlossen');
      await screenshot(desk, 'flow-publisher-cycle-closed-de');

      // The snapshot, with this worker held at first: the page shows the job waiting and
      // refreshing itself, then (the worker let go) is followed by its refreshes to the end.
      await queue(QueueName.Snapshots).pause(true);
      try {
        expect(await clickAndWait(desk, `form[action="/cycles/${open.id}/snapshots"] button`)).toBe(
          200,
        );
        const status = /^\/snapshots\/([0-9a-f-]{36})\/status$/.exec(new URL(desk.url()).pathname);
        expect(status).not.toBeNull();
        snapshotId = status?.[1];
        if ((await attributeOf(desk, '.progress-card', 'data-state')) !== 'done') {
          // Another test file's worker may take the job at once; this one did not.
          expect(await attributeOf(desk, 'meta[http-equiv="refresh"]', 'content')).toBe('2');
          expect(await attributeOf(desk, '#snapshot-progress', 'max')).toBe('100');
          await screenshot(desk, 'flow-publisher-snapshot-waiting-de');
        }
      } finally {
        await queue(QueueName.Snapshots).resume(true);
      }
      const loads = await followProgress(desk, (state) => state === 'done' || state === 'failed');
      expect(loads[loads.length - 1].state).toBe('done');
      expect(await attributeOf(desk, 'meta[http-equiv="refresh"]', 'content')).toBeNull();
      expect(await attributeOf(desk, '#snapshot-progress', 'value')).toBe('100');
      expect(await textOf(desk, '#snapshot-state')).toBe('berechnet');
      expect(await textOf(desk, '#manifest-units')).toBe('12');
      await screenshot(desk, 'flow-publisher-snapshot-done-de');

      expect(await clickAndWait(desk, 'form[action$="/publish"] button')).toBe(200);
      expect(new URL(desk.url()).pathname).toBe(`/cycles/${open.id}`);
      expect(await mainText(desk)).toContain('Der Zyklus ist veröffentlicht');
      await screenshot(desk, 'flow-publisher-cycle-published-de');
      await desk.browserContext().close();

      // 3. The company reads its benchmark, from its overview.
      expect(await clickAndWait(company, '.site-header a.brand')).toBe(200);
      expect(await mainText(company)).toContain('Benchmark ansehen');
      expect(await clickAndWait(company, `main a[href="${benchmarkPath()}"]`)).toBe(200);
      expect(await heading(company)).toBe(`Benchmark 2026: ${UNIT_NAME}`);
      expect(await textOf(company, '.peer-group-line')).toContain(
        'Branche: Telekommunikation · Größenklasse: M',
      );
      expect(await textOf(company, '#kpi-training_days_new .kpi-value')).toBe('12,5');
      expect(await company.$('#kpi-training_days_new svg.strip')).not.toBeNull();
      await screenshot(company, 'flow-company-benchmarks-de');

      const untick = async (): Promise<void> => {
        for (const checkbox of await company.$$('.filter-dimension input:checked')) {
          await checkbox.click();
        }
      };
      // In-house units of both industries: eleven of twelve, refused by differencing.
      await company.locator('#custom-group summary').click();
      await untick();
      await company.locator('#filter-industry-telecom').click();
      await company.locator('#filter-industry-banking').click();
      await company.locator('#filter-sourcing-inhouse').click();
      expect(await clickAndWait(company, '.custom-group button[type=submit]')).toBe(422);
      const refusal = await textOf(company, '#refusal');
      expect(refusal).toContain('Diese Vergleichsgruppe wird nicht freigegeben.');
      expect(refusal).toContain('Regel „Differenzbildung“');
      expect(refusal).toContain('weniger als 5 anderen Einheiten');
      // The refused choice stays ticked, the view stays on the group it showed.
      expect(await attributeOf(company, '#filter-industry-banking', 'checked')).not.toBeNull();
      expect(await textOf(company, '.peer-group-line')).toContain('Größenklasse: M');
      await screenshot(company, 'flow-company-peer-group-refused-de');

      // In-house telecoms: six units, released.
      await untick();
      await company.locator('#filter-industry-telecom').click();
      await company.locator('#filter-sourcing-inhouse').click();
      expect(await clickAndWait(company, '.custom-group button[type=submit]')).toBe(200);
      expect(new URL(company.url()).searchParams.get('peerGroup')).toBe(
        'industry:telecom;sourcing:inhouse',
      );
      expect(await textOf(company, '.peer-group-line')).toContain(
        'Branche: Telekommunikation · Betriebsmodell: eigener Betrieb',
      );
      expect(await textOf(company, '.peer-group-line')).toContain('6 Einheiten');
      expect(await company.$('#refusal')).toBeNull();
      expect(await textOf(company, '#kpi-training_days_new .kpi-value')).toBe('12,5');
      await screenshot(company, 'flow-company-peer-group-released-de');

      // The report: ordered, followed by its page's refreshes, downloaded by its link.
      expect(await clickAndWait(company, 'button[value=pdf]')).toBe(200);
      expect(new URL(company.url()).pathname).toMatch(/^\/reports\/[0-9a-f-]{36}$/);
      expect(await heading(company)).toBe(`Benchmark-Bericht: ${UNIT_NAME}`);
      await company.waitForSelector('#report-pdf', { timeout: 120_000 });
      expect(await textOf(company, '#report-state-value')).toBe('fertig');
      await screenshot(company, 'flow-company-report-de');
      const pdf = await download(company, '#report-pdf');
      expect(pdf.name).toMatch(/\.pdf$/);
      expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await pdfText(pdf.bytes)).text).toContain(UNIT_NAME);
      await company.browserContext().close();
    },
    FLOW_TEST_MS,
  );

  it(
    'switches the benchmark view between German and English with the header switch: labels and figures follow',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await openBenchmarks(page);
      // The entered handling time with its thousands separator: 1.809 in German, 1,809 in English.
      const thousands = Math.floor(enteredAht / 1000);
      const rest = String(enteredAht % 1000).padStart(3, '0');
      const german = async (): Promise<void> => {
        expect(await attributeOf(page, 'html', 'lang')).toBe('de');
        expect(await heading(page)).toBe(`Benchmark 2026: ${UNIT_NAME}`);
        expect(await textOf(page, '#selector-title')).toBe('Vergleichsgruppe wählen');
        expect(await textOf(page, '#kpi-training_days_new th')).toContain(
          'Grundausbildung neuer Agenten',
        );
        expect(await textOf(page, '#kpi-training_days_new .kpi-value')).toBe('12,5');
        expect(await textOf(page, '#kpi-aht_seconds .kpi-value')).toBe(`${thousands}.${rest}`);
        expect(await textOf(page, '#kpi-training_days_new .kpi-position')).toMatch(
          /besser als \d+\s%\sder Gruppe/,
        );
        expect(await textOf(page, '.peer-group-line')).toContain(
          'Branche: Telekommunikation · Größenklasse: M',
        );
        expect(await textOf(page, '.language-switch .language-current')).toBe('Deutsch');
      };
      await german();
      await screenshot(page, 'flow-language-benchmarks-de');

      expect(await clickAndWait(page, '.language-switch a[lang=en]')).toBe(200);
      expect(page.url()).toBe(t.url(benchmarkPath()));
      expect(await attributeOf(page, 'html', 'lang')).toBe('en');
      expect(await heading(page)).toBe(`Benchmark 2026: ${UNIT_NAME}`);
      expect(await textOf(page, '#selector-title')).toBe('Choose a peer group');
      expect(await textOf(page, '#kpi-training_days_new th')).toContain(
        'Basic training of new agents',
      );
      expect(await textOf(page, '#kpi-training_days_new .kpi-value')).toBe('12.5');
      expect(await textOf(page, '#kpi-aht_seconds .kpi-value')).toBe(`${thousands},${rest}`);
      expect(await textOf(page, '#kpi-training_days_new .kpi-position')).toMatch(
        /better than \d+\s%\sof the group/,
      );
      expect(await textOf(page, '.peer-group-line')).toContain(
        'Industry: Telecommunications · Size band: M',
      );
      expect(await textOf(page, '.language-switch .language-current')).toBe('English');
      expect(await textOf(page, '.sign-out button')).toBe('Sign out');
      await screenshot(page, 'flow-language-benchmarks-en');

      // The choice holds on the next page, and the switch leads back.
      expect(await clickAndWait(page, '.breadcrumb a[href="/"]')).toBe(200);
      expect(await heading(page)).toBe('Overview');
      expect(await clickAndWait(page, `main a[href="${benchmarkPath()}"]`)).toBe(200);
      expect(await textOf(page, '#kpi-training_days_new .kpi-value')).toBe('12.5');
      expect(await clickAndWait(page, '.language-switch a[lang=de]')).toBe(200);
      expect(page.url()).toBe(t.url(benchmarkPath()));
      await german();
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'refuses a form sent without its CSRF token with the 403 page, and changes nothing',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await openBenchmarks(page);

      // The custom peer group form with its hidden token taken out of the page.
      await page.locator('#custom-group summary').click();
      await page.evaluate(() => {
        (globalThis as unknown as PageDocument).document
          .querySelector('.custom-group input[name=_csrf]')
          ?.remove();
      });
      expect(await page.$('.custom-group input[name=_csrf]')).toBeNull();
      expect(await clickAndWait(page, '.custom-group button[type=submit]')).toBe(403);
      expect(await heading(page)).toBe('Das Formular ist abgelaufen');
      expect(await textOf(page, '.error-status')).toBe('403');
      await screenshot(page, 'flow-csrf-refused-de');

      // The sign-out form sent from outside the browser with the session cookie, no token.
      const cookies = await page.browserContext().cookies();
      const response = await fetch(t.url('/logout'), {
        method: 'POST',
        redirect: 'manual',
        headers: {
          Cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '),
          'Accept-Language': 'de-DE',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: '',
      });
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('Das Formular ist abgelaufen');
      // Refused means not done: the person is still signed in.
      const after = await page.goto(t.url('/'));
      expect(after?.status()).toBe(200);
      expect(await heading(page)).toBe('Übersicht');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );
});
