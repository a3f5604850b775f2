import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import { generateDemoData } from '@app/domain';
import { ReportEntity } from '@app/persistence';
import { PdfRenderer } from '../apps/worker/src/reports/pdf-renderer';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ApiClient } from './support/api-client';
import { publishSnapshot } from './support/published-snapshot';
import { startApp, TestApp } from './support/app';
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
import { until } from './support/waiting';

/** Hostile names: they must come out as literal text and make no request. */
const HOSTILE_COMPANY = '<img src="http://127.0.0.1:9/x">';
const HOSTILE_UNIT = '{{constructor.constructor}}';

describe('company reports (e2e, real worker and Chromium)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let publisher: TestUser;
  let viewer: TestUser;
  let otherCompany: TestUser;
  let otherPublisher: TestUser;
  let snapshotId: string;
  let unitIds: string[];

  const auth = async (user: TestUser) => ({ Authorization: await t.tokenFor(user) });

  async function renderedReport(user: TestUser, unitId: string, language: 'de' | 'en') {
    const headers = await auth(user);
    const created = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports`)
      .set(headers)
      .send({ unitId, language });
    expect(created.status).toBe(202);
    const reportId = (created.body as { reportId: string }).reportId;
    const report = await until(
      async () =>
        (await t.http().get(`/api/v1/reports/${reportId}`).set(headers)).body as {
          state: string;
          pages: number;
          error: string | null;
        },
      (r) => r.state === 'done' || r.state === 'failed',
    );
    expect(report).toMatchObject({ state: 'done', error: null });
    const pdf = await t
      .http()
      .get(`/api/v1/reports/${reportId}/pdf`)
      .set(headers)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    return {
      reportId,
      report,
      pdf: pdf.body as Buffer,
      disposition: pdf.headers['content-disposition'],
    };
  }

  beforeAll(async () => {
    t = await startApp();
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig())] }).compile()
    ).init();

    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    const study = await createStudy(publisherOrg);
    const cycle = await createCycle(study, 2025);
    const answers = generateDemoData({ units: 12, years: [2025] }).submissions.map(
      (s) => s.answers,
    );
    unitIds = [];
    for (let i = 0; i < 12; i++) {
      const company = await createOrganisation('company', i === 0 ? HOSTILE_COMPANY : undefined);
      await enrol(study, company);
      if (i === 0) {
        viewer = await createUser(company, 'company_viewer');
      }
      const unit = await createUnit(company, 120, { industry: i < 6 ? 'telecom' : 'banking' });
      if (i === 0) {
        await (
          await ownerDataSource()
        ).query('UPDATE units SET name = $1 WHERE id = $2', [HOSTILE_UNIT, unit.id]);
      }
      unitIds.push(unit.id);
      await createSubmission(cycle, unit, { ...answers[i], training_days_new: 10 + 2.5 * i });
    }
    otherCompany = await createUser(await createOrganisation('company'), 'company_admin');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');

    snapshotId = await publishSnapshot(new ApiClient(t, publisher), cycle.id);
  }, 120_000);

  afterAll(async () => {
    await worker.close();
    await t.close();
    await closeOwnerDataSource();
  });

  it("renders a German PDF with the unit's values, labels and the peer group's n", async () => {
    const { report, pdf, disposition } = await renderedReport(viewer, unitIds[0], 'de');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(disposition).toMatch(
      /attachment; filename="Benchmark-Bericht-2025-constructor-constructor\.pdf"/,
    );
    const text = await pdfText(pdf);
    expect(text.pages.length).toBe(report.pages);
    expect(report.pages).toBeGreaterThanOrEqual(3);
    // The hostile names come out as the literal text they are.
    expect(text.text).toContain(HOSTILE_UNIT);
    expect(text.text).toContain(HOSTILE_COMPANY);
    expect(text.text).toContain('Grundausbildung neuer Agenten');
    // Unit 0 trained 10 days; its peer group (telecom, size band M) has the six telecom units.
    expect(text.text).toMatch(/\bn = 6\b/);
    expect(text.text).not.toContain('Basic training of new agents');
    expect(worker.get(PdfRenderer).blockedRequests).toBe(0);
  }, 60_000);

  it('renders the English PDF with English labels and number formats', async () => {
    const { pdf } = await renderedReport(viewer, unitIds[0], 'en');
    const text = await pdfText(pdf);
    expect(text.text).toContain('Basic training of new agents');
    expect(text.text).not.toContain('Grundausbildung neuer Agenten');
    expect(text.text).toMatch(/\bn = 6\b/);
  }, 60_000);

  it('stores one report when the same report is ordered twice', async () => {
    const headers = await auth(viewer);
    const order = () =>
      t
        .http()
        .post(`/api/v1/snapshots/${snapshotId}/reports`)
        .set(headers)
        .send({ unitId: unitIds[0], language: 'de' });
    const [a, b] = [await order(), await order()];
    expect(a.body).toEqual(b.body);
    const db = await ownerDataSource();
    expect(
      await db
        .getRepository(ReportEntity)
        .countBy({ snapshotId, unitId: unitIds[0], language: 'de' }),
    ).toBe(1);
  });

  it('serves the HTML preview with no script and the names escaped', async () => {
    const { reportId } = await renderedReport(viewer, unitIds[0], 'de');
    const res = await t
      .http()
      .get(`/api/v1/reports/${reportId}/html`)
      .set(await auth(viewer));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).not.toContain('<img src="http://127.0.0.1:9/x">');
    expect(res.text).toContain('&lt;img');
  }, 60_000);

  it('answers another tenant with 404 on every report path', async () => {
    const { reportId } = await renderedReport(viewer, unitIds[0], 'de');
    for (const user of [otherCompany, otherPublisher]) {
      const headers = await auth(user);
      for (const path of [
        `/api/v1/reports/${reportId}`,
        `/api/v1/reports/${reportId}/pdf`,
        `/api/v1/reports/${reportId}/html`,
      ]) {
        expect([path, (await t.http().get(path).set(headers)).status]).toEqual([path, 404]);
      }
      const order = await t
        .http()
        .post(`/api/v1/snapshots/${snapshotId}/reports`)
        .set(headers)
        .send({ unitId: unitIds[0], language: 'de' });
      expect(order.status).toBe(404);
    }
    // A company gets its own units' reports only.
    const foreignUnit = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports`)
      .set(await auth(viewer))
      .send({ unitId: unitIds[1], language: 'de' });
    expect(foreignUnit.status).toBe(404);
  }, 60_000);

  it('completes a batch with every report exactly once when the browser is killed midway', async () => {
    const headers = await auth(publisher);
    const created = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports/batch`)
      .set(headers)
      .send({ languages: ['de', 'en'] });
    expect(created.status).toBe(202);
    const { batchId, total } = created.body as { batchId: string; total: number };
    expect(total).toBe(24);
    const progress = () =>
      t
        .http()
        .get(`/api/v1/report-batches/${batchId}`)
        .set(headers)
        .then((r) => r.body as { done: number; failed: number; pending: number; total: number });
    await until(progress, (p) => p.done >= 4);
    worker.get(PdfRenderer).killBrowser();
    const finished = await until(progress, (p) => p.pending === 0);
    expect(finished).toMatchObject({ total: 24, done: 24, failed: 0 });
    const db = await ownerDataSource();
    const rows = await db.getRepository(ReportEntity).findBy({ snapshotId });
    expect(rows.length).toBe(24);
    expect(rows.every((r) => r.state === 'done' && r.sha256 !== null)).toBe(true);
  }, 120_000);

  it('retries only the failed reports of a batch, whose failure each reader reads in their language', async () => {
    const headers = await auth(publisher);
    const created = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports/batch`)
      .set(headers)
      .send({ languages: ['en'] });
    const { batchId } = created.body as { batchId: string };
    const db = await ownerDataSource();
    const reports = db.getRepository(ReportEntity);
    const [broken, ...others] = await reports.findBy({ snapshotId, language: 'en' });
    await reports.update(
      { id: broken.id },
      {
        state: 'failed',
        error: {
          key: 'stopped_after_attempts',
          params: { attempts: 3 },
          cause: { key: 'browser_crashed', params: {} },
        },
        pdf: null,
        sha256: null,
        sizeBytes: null,
        pages: null,
        renderedAt: null,
      },
    );
    const failed = await t.http().get(`/api/v1/report-batches/${batchId}`).set(headers);
    expect(failed.body).toMatchObject({ total: 12, done: 11, failed: 1 });
    expect((failed.body as { failures: { reportId: string; error: string }[] }).failures).toEqual([
      expect.objectContaining({
        reportId: broken.id,
        error: 'Stopped after 3 attempts: Chromium crashed while rendering the PDF.',
      }),
    ]);
    const inGerman = { ...headers, 'Accept-Language': 'de' };
    const gescheitert = await t.http().get(`/api/v1/report-batches/${batchId}`).set(inGerman);
    expect((gescheitert.body as { failures: { error: string }[] }).failures).toEqual([
      expect.objectContaining({
        error: 'Nach 3 Versuchen abgebrochen: Chromium brach während der Erstellung des PDF ab.',
      }),
    ]);
    const report = await t.http().get(`/api/v1/reports/${broken.id}`).set(inGerman);
    expect(report.body).toMatchObject({
      state: 'failed',
      error: 'Nach 3 Versuchen abgebrochen: Chromium brach während der Erstellung des PDF ab.',
    });

    const retried = await t.http().post(`/api/v1/report-batches/${batchId}/retry`).set(headers);
    expect(retried.status).toBe(200);
    await until(
      () => reports.findOneByOrFail({ id: broken.id }),
      (r) => r.state === 'done',
    );
    const after = await reports.findBy({ snapshotId, language: 'en' });
    for (const other of others) {
      // Rendered once: not touched by the retry.
      expect(after.find((r) => r.id === other.id)?.renderedAt).toEqual(other.renderedAt);
    }
  }, 120_000);
});
