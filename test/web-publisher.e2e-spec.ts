import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bull';
import { generateDemoData } from '@app/domain';
import { QueueName } from '@app/jobs';
import type { CycleEntity, StudyEntity, UnitEntity } from '@app/persistence';
import type { Queue } from 'bull';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ApiClient } from './support/api-client';
import { publishSnapshot } from './support/published-snapshot';
import {
  attributeOf,
  BROWSER_TIMEOUT_MS,
  BrowserTestApp,
  clickAndWait,
  followProgress,
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
import { testConfig } from './support/test-env';

/** The whole publisher flow renders PDFs with the real worker: it has a limit of its own. */
const FLOW_TEST_MS = 240_000;
const BROWSER_TEST_MS = 180_000;
const SETUP_MS = 120_000;

const WARNING_ID = 'previous_cycle_deviation|aht_seconds';
const WARNING_COMMENT = 'Neues Ticketsystem seit März: längere Bearbeitungszeiten.';
const RETURN_COMMENT = 'Bitte die Zahl der Abgänge prüfen: sie liegt über dem Personalbestand.';

/** Chooses a file in a file input as a person does: through the browser's file chooser. */
async function chooseFile(page: Page, selector: string, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForFileChooser(), page.locator(selector).click()]);
  await chooser.accept([path]);
}

/** A file fetched with the page's session: status, type, name and first bytes. */
async function fetchInPage(
  page: Page,
  path: string,
): Promise<{ status: number; type: string | null; disposition: string | null; head: string }> {
  return page.evaluate(async (url: string) => {
    const response = await fetch(url);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      head: String.fromCharCode(...bytes.slice(0, 5)),
    };
  }, path);
}

describe('web cockpit for publishers (e2e, real worker and Chromium)', () => {
  let t: BrowserTestApp;
  let worker: INestApplicationContext;
  let files: string;
  let publisher: TestUser;
  let otherPublisher: TestUser;
  let companyUser: TestUser;
  let study: StudyEntity;
  let cycle2025: CycleEntity;
  let cycle2026: CycleEntity;
  let units: UnitEntity[];
  /** Submitted with a commented warning: accepted in the review. */
  let toAccept: UnitEntity;
  /** Submitted: returned with a comment in the review. */
  let toReturn: UnitEntity;
  let importStudy: StudyEntity;
  let importCycle: CycleEntity;
  let importUnit: UnitEntity;

  const queue = (name: QueueName): Queue => worker.get<Queue>(getQueueToken(name));

  async function submissionState(cycleId: string, unitId: string) {
    const db = await ownerDataSource();
    const [row] = await db.query<{ state: string; return_comment: string | null }[]>(
      'SELECT state, return_comment FROM submissions WHERE cycle_id = $1 AND unit_id = $2',
      [cycleId, unitId],
    );
    return row;
  }

  beforeAll(async () => {
    t = await startBrowserApp({ LOGIN_ATTEMPTS_PER_MINUTE: '100' });
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig())] }).compile()
    ).init();
    files = mkdtempSync(join(tmpdir(), 'cockpit-publisher-'));

    const publisherOrg = await createOrganisation('publisher', 'Service Excellence Research');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');
    study = await createStudy(publisherOrg);
    cycle2025 = await createCycle(study, 2025);
    cycle2026 = await createCycle(study, 2026);
    const answers = generateDemoData({ units: 8, years: [2026] }).submissions.map((s) => s.answers);
    units = [];
    for (let i = 0; i < 8; i++) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      if (i === 0) {
        companyUser = await createUser(company, 'company_admin');
      }
      const unit = await createUnit(company, 80 + 10 * i, {
        industry: i < 4 ? 'telecom' : 'banking',
      });
      units.push(unit);
      await createSubmission(cycle2025, unit, answers[i]);
      await createSubmission(cycle2026, unit, answers[i], i < 6 ? 'accepted' : 'submitted');
    }
    [toAccept, toReturn] = [units[6], units[7]];
    const db = await ownerDataSource();
    await db.query(
      `UPDATE submissions SET warnings = $1, warning_comments = $2, submitted_at = now()
        WHERE cycle_id = $3 AND unit_id = $4`,
      [
        JSON.stringify([
          {
            key: 'aht_seconds',
            rule: 'previous_cycle_deviation',
            params: { value: 450, previous: 200 },
          },
        ]),
        JSON.stringify({ [WARNING_ID]: WARNING_COMMENT }),
        cycle2026.id,
        toAccept.id,
      ],
    );
    await publishSnapshot(new ApiClient(t, publisher), cycle2025.id);

    importStudy = await createStudy(publisherOrg);
    importCycle = await createCycle(importStudy, 2026);
    const importCompany = await createOrganisation('company');
    await enrol(importStudy, importCompany);
    importUnit = await createUnit(importCompany);
  }, SETUP_MS);

  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await worker?.close();
    await t?.close();
    await closeOwnerDataSource();
  }, BROWSER_TEST_MS);

  it(
    'runs a cycle in the browser: review, close, snapshot with progress, publish, reports, trend report',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, publisher);

      // Studies, then the study with its cycles, participants and units.
      await page.goto(t.url('/studies'));
      expect(await heading(page)).toBe('Studien');
      expect(await mainText(page)).toContain(study.name);
      await screenshot(page, 'publisher-studies-de');
      await clickAndWait(page, `main a[href="/studies/${study.id}"]`);
      expect(await heading(page)).toBe(study.name);
      const studyText = await mainText(page);
      expect(studyText).toContain('8 Unternehmen mit 8 Einheiten');
      expect(studyText).toContain('veröffentlicht');
      expect(studyText).toContain('offen');
      expect(studyText).toContain(units[7].name);
      // The agents of a unit in the German way of writing figures (80 + 10 * 7 = 150).
      expect(studyText).toContain('Agenten (FTE)');
      expect(studyText).toContain('Branche');
      expect(await attributeOf(page, '#year', 'value')).toBe('2027');
      await screenshot(page, 'publisher-study-de');

      // The cycle: open, two submitted and six accepted.
      await clickAndWait(page, `main th a[href="/cycles/${cycle2026.id}"]`);
      expect(await heading(page)).toContain('Zyklus 2026');
      expect(await textOf(page, 'td[data-state="submitted"]')).toBe('2');
      expect(await textOf(page, 'td[data-state="accepted"]')).toBe('6');
      await screenshot(page, 'publisher-cycle-open-de');

      // The review queue: both submitted ones in its table; each reviewed on its own page with
      // the warning and the company's comment.
      await clickAndWait(page, `main a[href="/cycles/${cycle2026.id}/review"]`);
      expect(await heading(page)).toBe('Prüfung: Zyklus 2026');
      expect(await textOf(page, `#unit-${toAccept.id} td[data-warnings]`)).toContain(
        '1 (Abweichung vom Vorjahr)',
      );
      expect(await mainText(page)).toContain(toReturn.name);
      await screenshot(page, 'publisher-review-de');
      await clickAndWait(page, `#unit-${toAccept.id} th a`);
      const entry = await textOf(page, `#unit-${toAccept.id}`);
      expect(entry).toContain('Bearbeitungszeit');
      expect(entry).toContain(
        'Durchschnittliche Bearbeitungszeit (AHT): 450 s ist mehr als das Doppelte des Vorjahreswerts von 200 s.',
      );
      expect(entry).toContain(WARNING_COMMENT);
      expect(await attributeOf(page, `#unit-${toAccept.id} a[href$="/submission"]`, 'href')).toBe(
        `/cycles/${cycle2026.id}/units/${toAccept.id}/submission`,
      );
      await screenshot(page, 'publisher-review-unit-de');

      // Returning needs a comment: the empty one is refused at its field.
      await page.goto(t.url(`/cycles/${cycle2026.id}/review/units/${toReturn.id}`));
      const returnForm = `#unit-${toReturn.id} form[action*="/return"]`;
      expect(await clickAndWait(page, `${returnForm} button`)).toBe(422);
      expect(await textOf(page, `#return-comment-${toReturn.id}-error`)).toBe(
        'Bitte schreiben Sie, was das Unternehmen prüfen soll.',
      );
      expect(await attributeOf(page, `#return-comment-${toReturn.id}`, 'aria-invalid')).toBe(
        'true',
      );
      await page.locator(`#return-comment-${toReturn.id}`).fill(RETURN_COMMENT);
      expect(await clickAndWait(page, `${returnForm} button`)).toBe(200);
      expect(await textOf(page, '.notice[role=status]')).toContain('zurückgegeben');
      expect(await submissionState(cycle2026.id, toReturn.id)).toEqual({
        state: 'returned',
        return_comment: RETURN_COMMENT,
      });

      await clickAndWait(page, `#unit-${toAccept.id} th a`);
      await clickAndWait(page, `#unit-${toAccept.id} form[action*="/accept"] button`);
      expect(await textOf(page, '.notice[role=status]')).toBe(
        `Der Datensatz von ${toAccept.name} ist angenommen.`,
      );
      expect((await submissionState(cycle2026.id, toAccept.id)).state).toBe('accepted');
      expect(await mainText(page)).toContain('Keine Datensätze in diesem Stand.');

      // Close the cycle; publishing before a snapshot is computed is refused in words.
      await page.goto(t.url(`/cycles/${cycle2026.id}`));
      await clickAndWait(page, `form[action="/cycles/${cycle2026.id}/close"] button`);
      expect(await mainText(page)).toContain('Der Zyklus ist geschlossen');
      expect(
        await clickAndWait(page, `form[action="/cycles/${cycle2026.id}/publish"] button`),
      ).toBe(422);
      const refusal = await textOf(page, '.form-errors');
      expect(refusal).toContain('Der Zyklus wurde nicht veröffentlicht.');
      expect(refusal).toContain('Der Zyklus hat keinen berechneten Snapshot.');
      await screenshot(page, 'publisher-publish-refused-de');

      // Compute the snapshot with this worker held: the page shows it waiting, refreshing
      // itself, then (the worker let go) follows it to the end by its own refreshes.
      await queue(QueueName.Snapshots).pause(true);
      await clickAndWait(page, `form[action="/cycles/${cycle2026.id}/snapshots"] button`);
      expect(new URL(page.url()).pathname).toMatch(/^\/snapshots\/[0-9a-f-]+\/status$/);
      const first = await attributeOf(page, '.progress-card', 'data-state');
      if (first !== 'done') {
        // Another test file's worker may take the job at once; this one did not, so the page
        // shows the state before done with its progress bar and its refresh.
        expect(await attributeOf(page, 'meta[http-equiv="refresh"]', 'content')).toBe('2');
        expect(await attributeOf(page, '#snapshot-progress', 'max')).toBe('100');
        await screenshot(page, 'publisher-snapshot-running-de');
      }
      await queue(QueueName.Snapshots).resume(true);
      const loads = await followProgress(page, (state) => state === 'done' || state === 'failed');
      expect(loads[loads.length - 1].state).toBe('done');
      expect(loads.filter((l) => l.state !== 'done').every((l) => l.refresh === '2')).toBe(true);
      expect(await attributeOf(page, 'meta[http-equiv="refresh"]', 'content')).toBeNull();
      expect(await attributeOf(page, '#snapshot-progress', 'value')).toBe('100');
      // Seven accepted submissions: six from the start, one accepted in the review.
      expect(await textOf(page, '#manifest-units')).toBe('7');
      expect(await mainText(page)).toContain('Manifest-Hash');
      await screenshot(page, 'publisher-snapshot-done-de');

      // Publish the computed snapshot from its page.
      await clickAndWait(page, 'form[action$="/publish"] button');
      expect(new URL(page.url()).pathname).toBe(`/cycles/${cycle2026.id}`);
      expect(await mainText(page)).toContain('Der Zyklus ist veröffentlicht');

      // The participants' reports in German, with this worker held at first as above.
      await queue(QueueName.Reports).pause(true);
      await page.locator('#report-language-en').click();
      await clickAndWait(page, 'form[action$="/reports/batch"] button');
      expect(new URL(page.url()).pathname).toMatch(/^\/report-batches\/[0-9a-f-]+$/);
      expect(await textOf(page, 'dd[data-count="total"]')).toBe('7');
      if ((await attributeOf(page, '.progress-card', 'data-state')) === 'working') {
        expect(await attributeOf(page, 'meta[http-equiv="refresh"]', 'content')).toBe('2');
        expect(await attributeOf(page, '#batch-progress', 'max')).toBe('7');
        await screenshot(page, 'publisher-report-batch-running-de');
      }
      await queue(QueueName.Reports).resume(true);
      await followProgress(page, (state) => state === 'finished', 90);
      expect(await textOf(page, 'dd[data-count="done"]')).toBe('7');
      expect(await textOf(page, 'dd[data-count="failed"]')).toBe('0');
      expect(await attributeOf(page, '#batch-progress', 'value')).toBe('7');
      expect(await mainText(page)).toContain('Alle Berichte sind erzeugt.');
      // The batches of the snapshot: this one, its own 7 reports, none kept.
      expect(await textOf(page, '#report-batches tbody th')).toBe('Auftrag 1 (dieser Auftrag)');
      expect(await textOf(page, '#report-batches td[data-count="kept"]')).toBe('0');
      await screenshot(page, 'publisher-report-batch-done-de');
      // The cycle's page leads to the batches so far, by the newest.
      const batchPath = new URL(page.url()).pathname;
      await page.goto(t.url(`/cycles/${cycle2026.id}`));
      expect(await textOf(page, '#report-batches-link')).toBe(
        'Die bisherigen Aufträge dieses Snapshots (1)',
      );
      expect(await attributeOf(page, '#report-batches-link', 'href')).toBe(batchPath);

      // The trend report over the two published cycles: order, follow, download.
      await page.goto(t.url(`/studies/${study.id}`));
      await clickAndWait(page, `form[action="/studies/${study.id}/trend-reports"] button`);
      expect(new URL(page.url()).pathname).toMatch(/^\/trend-reports\/[0-9a-f-]+$/);
      const reportId = new URL(page.url()).pathname.split('/')[2];
      const trend = await followProgress(
        page,
        (state) => state === 'done' || state === 'failed',
        90,
      );
      expect(trend[trend.length - 1].state).toBe('done');
      await screenshot(page, 'publisher-trend-report-de');
      expect(await attributeOf(page, 'a[href$="/pdf"]', 'href')).toBe(`/reports/${reportId}/pdf`);
      expect(await attributeOf(page, 'a[href$="/preview"]', 'href')).toBe(
        `/reports/${reportId}/preview`,
      );
      const pdf = await fetchInPage(page, `/reports/${reportId}/pdf`);
      expect(pdf).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
      expect(pdf.disposition).toContain('2025-2026');
      const xlsx = await fetchInPage(page, `/trend-reports/${reportId}/xlsx`);
      expect(xlsx.status).toBe(200);
      expect(xlsx.type).toContain('spreadsheetml');
      expect(xlsx.head.slice(0, 2)).toBe('PK');
      await page.browserContext().close();
    },
    FLOW_TEST_MS,
  );

  it(
    'shows the bad cells of a refused cycle import in a table, and the summary of a stored one',
    async () => {
      const page = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(page, publisher);
      await page.goto(t.url(`/cycles/${importCycle.id}`));
      await clickAndWait(page, `a[href="/cycles/${importCycle.id}/import"]`);
      expect(await heading(page)).toBe('Import in den Zyklus 2026');

      const bad = join(files, 'zyklus.csv');
      writeFileSync(bad, `unitId,sickness_rate\n${importUnit.id},150\n`);
      await chooseFile(page, '#file', bad);
      expect(await clickAndWait(page, 'form[enctype="multipart/form-data"] button')).toBe(422);
      expect(await textOf(page, '.form-errors')).toContain(
        'Der Import wurde abgelehnt; nichts wurde gespeichert.',
      );
      const row = await textOf(page, '#import-problems tbody tr');
      expect(row).toContain('B2');
      expect(row).toContain('sickness_rate');
      expect(row).toContain('150');
      expect(row).toContain('max');
      expect(await textOf(page, '#import-problems thead')).toMatch(
        /Blatt\s+Zelle\s+Schlüssel\s+Wert\s+Regel\s+Meldung/,
      );
      // The token travels in the action's query and never ends up in a link of the page.
      expect(await page.$$('a[href*="_csrf"]')).toHaveLength(0);
      await screenshot(page, 'publisher-import-errors-de');
      expect(await submissionState(importCycle.id, importUnit.id)).toBeUndefined();

      const good = join(files, 'zyklus-gut.csv');
      writeFileSync(good, `unitId,agent_fte\n${importUnit.id},95.5\n`);
      await chooseFile(page, '#file', good);
      expect(await clickAndWait(page, 'form[enctype="multipart/form-data"] button')).toBe(200);
      expect(await textOf(page, '#import-summary')).toBe(
        'Der Import ist gespeichert: 1 Einheiten.',
      );
      expect(await submissionState(importCycle.id, importUnit.id)).toMatchObject({
        state: 'draft',
      });

      const csv = await fetchInPage(page, `/cycles/${importCycle.id}/export?format=csv`);
      expect(csv.status).toBe(200);
      expect(csv.type).toContain('text/csv');
      await page.browserContext().close();
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a snapshot being computed with its progress, refreshing itself, in English too',
    async () => {
      const db = await ownerDataSource();
      const [running] = await db.query<{ id: string }[]>(
        `INSERT INTO snapshots (tenant_id, cycle_id, input_key, state, progress, attempts)
         VALUES ($1, $2, 'test-running', 'running', 40, 1) RETURNING id`,
        [importStudy.tenantId, importCycle.id],
      );
      const page = await t.newPage({ acceptLanguage: 'en-GB' });
      await t.signIn(page, publisher);
      await page.goto(t.url(`/snapshots/${running.id}/status`));
      expect(await heading(page)).toBe('Snapshot of the cycle 2026');
      expect(await textOf(page, '#snapshot-state')).toBe('computing');
      expect(await attributeOf(page, '#snapshot-progress', 'value')).toBe('40');
      expect(await textOf(page, '.progress-value')).toBe('40\u00a0%');
      expect(await attributeOf(page, 'meta[http-equiv="refresh"]', 'content')).toBe('2');
      expect(await mainText(page)).toContain('This page refreshes itself every 2 seconds');
      // It reloads itself: the next load comes without anybody doing anything.
      const reload = await page.waitForNavigation({ timeout: BROWSER_TIMEOUT_MS });
      expect(reload?.url()).toBe(t.url(`/snapshots/${running.id}/status`));
      await screenshot(page, 'publisher-snapshot-running-en');

      await page.goto(t.url(`/cycles/${importCycle.id}`));
      expect(await textOf(page, `form[action="/cycles/${importCycle.id}/close"] button`)).toBe(
        'Close cycle',
      );
      expect(await mainText(page)).toContain('computing');
      await page.browserContext().close();
      await db.query('DELETE FROM snapshots WHERE id = $1', [running.id]);
    },
    BROWSER_TEST_MS,
  );

  it(
    'shows a company user the 403 page for the studies and another publisher the 404 page for this cycle',
    async () => {
      const company = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(company, companyUser);
      const forbidden = await company.goto(t.url('/studies'));
      expect(forbidden?.status()).toBe(403);
      expect(await heading(company)).toBe('Kein Zugriff');
      await screenshot(company, 'company-studies-forbidden-de');
      await company.browserContext().close();

      const other = await t.newPage({ acceptLanguage: 'de-DE' });
      await t.signIn(other, otherPublisher);
      for (const path of [
        `/cycles/${cycle2026.id}`,
        `/cycles/${cycle2026.id}/review`,
        `/cycles/${cycle2026.id}/import`,
        `/studies/${study.id}`,
      ]) {
        const response = await other.goto(t.url(path));
        expect({ path, status: response?.status() }).toEqual({ path, status: 404 });
      }
      expect(await heading(other)).toBe('Seite nicht gefunden');
      await screenshot(other, 'other-publisher-cycle-not-found-de');
      const accept = await other.goto(t.url(`/studies`));
      expect(accept?.status()).toBe(200);
      expect(await mainText(other)).not.toContain(study.name);
      await other.browserContext().close();
    },
    BROWSER_TEST_MS,
  );
});
