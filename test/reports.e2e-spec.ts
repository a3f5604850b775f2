import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import type { App } from 'supertest/types';
import { generateDemoData } from '@app/domain';
import { ReportEntity } from '@app/persistence';
import type {
  CreatedReportBatchDto,
  ReportBatchDto,
  ReportBatchSummaryDto,
} from '../apps/api/src/reports/dto/report.dto';
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
import { outlineOfHtml, pdfStructure, pdfText, readingOutline } from './support/pdf-text';
import { testConfig } from './support/test-env';
import { until } from './support/waiting';

/** Hostile names: they must come out as literal text and make no request. */
const HOSTILE_COMPANY = '<img src="http://127.0.0.1:9/x">';
const HOSTILE_UNIT = '{{constructor.constructor}}';

/** A row of the list of a snapshot's batches on a batch's page. */
interface BatchListRow {
  name: string;
  href: string | null;
  counts: Record<string, string>;
}

/** The rows of the table `#report-batches` of a batch's page, top to bottom. */
function batchListRows(html: string): BatchListRow[] {
  const table = /<table class="table" id="report-batches">([\s\S]*?)<\/table>/.exec(html);
  if (!table) {
    throw new Error('no list of batches on the page');
  }
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, row]) => {
    const head = /<th scope="row">([\s\S]*?)<\/th>/.exec(row)?.[1] ?? '';
    const counts: Record<string, string> = {};
    for (const [, key, value] of row.matchAll(/<td data-count="(\w+)">([^<]*)<\/td>/g)) {
      counts[key] = value.trim();
    }
    return {
      name: head
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
      href: /<a href="([^"]+)">/.exec(head)?.[1] ?? null,
      counts,
    };
  });
}

describe('company reports (e2e, real worker and Chromium)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let publisher: TestUser;
  let viewer: TestUser;
  let otherCompany: TestUser;
  let otherPublisher: TestUser;
  let snapshotId: string;
  let unitIds: string[];
  /** The first batch: ordered after unit 0's two reports, rendered in full. */
  let firstBatchId: string;

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
  }, 240_000);

  it('renders the English PDF with English labels and number formats', async () => {
    const { pdf } = await renderedReport(viewer, unitIds[0], 'en');
    const text = await pdfText(pdf);
    expect(text.text).toContain('Basic training of new agents');
    expect(text.text).not.toContain('Grundausbildung neuer Agenten');
    expect(text.text).toMatch(/\bn = 6\b/);
  }, 240_000);

  it.each(['de', 'en'] as const)(
    'renders a tagged PDF in %s with its language, its title and its headings in reading order',
    async (language) => {
      const { reportId, pdf } = await renderedReport(viewer, unitIds[0], language);
      const html = await t
        .http()
        .get(`/api/v1/reports/${reportId}/html`)
        .set(await auth(viewer));
      expect(html.status).toBe(200);
      const expected = outlineOfHtml(html.text, 8);
      // The preview is the report's own HTML in its language, with headings enough to compare.
      expect(expected.language).toBe(language);
      expect(expected.headings).toHaveLength(8);
      expect(readingOutline(await pdfStructure(pdf), 8)).toEqual(expected);
    },
    240_000,
  );

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
  }, 240_000);

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
  }, 240_000);

  it('completes a batch with every report exactly once when the browser is killed midway', async () => {
    const headers = await auth(publisher);
    const created = await t
      .http()
      .post(`/api/v1/snapshots/${snapshotId}/reports/batch`)
      .set(headers)
      .send({ languages: ['de', 'en'] });
    expect(created.status).toBe(202);
    const { batchId, total, kept } = created.body as CreatedReportBatchDto;
    firstBatchId = batchId;
    // 12 units x 2 languages; unit 0's German and English reports were ordered before: kept.
    expect({ total, kept }).toEqual({ total: 22, kept: 2 });
    const progress = () =>
      t
        .http()
        .get(`/api/v1/report-batches/${batchId}`)
        .set(headers)
        .then((r) => r.body as { done: number; failed: number; pending: number; total: number });
    await until(progress, (p) => p.done >= 4);
    worker.get(PdfRenderer).killBrowser();
    const finished = await until(progress, (p) => p.pending === 0);
    expect(finished).toMatchObject({ total: 22, done: 22, failed: 0, kept: 2 });
    const db = await ownerDataSource();
    const rows = await db.getRepository(ReportEntity).findBy({ snapshotId });
    expect(rows.length).toBe(24);
    expect(rows.every((r) => r.state === 'done' && r.sha256 !== null)).toBe(true);
  }, 120_000);

  it('retries only the failed reports of a batch, whose failure each reader reads in their language', async () => {
    const headers = await auth(publisher);
    const batchId = firstBatchId;
    const db = await ownerDataSource();
    const reports = db.getRepository(ReportEntity);
    const english = await reports.findBy({ snapshotId, language: 'en' });
    // One of the batch's own: unit 0's English report was ordered before it.
    const broken = english.find((r) => r.unitId === unitIds[5]);
    if (!broken) {
      throw new Error('no English report of unit 5');
    }
    const others = english.filter((r) => r.id !== broken.id);
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
    expect(failed.body).toMatchObject({ total: 22, done: 21, failed: 1, kept: 2 });
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
  it("counts none of an earlier batch's reports as a later batch's own, says how many it kept, and lists the batches newest first", async () => {
    const headers = await auth(publisher);
    const order = async (languages: ('de' | 'en')[]) => {
      const created = await t
        .http()
        .post(`/api/v1/snapshots/${snapshotId}/reports/batch`)
        .set(headers)
        .send({ languages });
      expect(created.status).toBe(202);
      return created.body as CreatedReportBatchDto;
    };
    const progress = async (batchId: string) => {
      const res = await t.http().get(`/api/v1/report-batches/${batchId}`).set(headers);
      expect(res.status).toBe(200);
      return res.body as ReportBatchDto;
    };
    const list = async () => {
      const res = await t.http().get(`/api/v1/snapshots/${snapshotId}/report-batches`).set(headers);
      expect(res.status).toBe(200);
      return res.body as ReportBatchSummaryDto[];
    };

    // Every English report exists and is rendered: the second batch orders none of its own.
    const second = await order(['en']);
    expect({ total: second.total, kept: second.kept }).toEqual({ total: 0, kept: 12 });
    expect(await progress(second.batchId)).toMatchObject({
      id: second.batchId,
      total: 0,
      done: 0,
      failed: 0,
      pending: 0,
      kept: 12,
      failures: [],
    });

    // A German report failed for good: the third batch puts it back in the queue as its own.
    const db = await ownerDataSource();
    const reports = db.getRepository(ReportEntity);
    const failing = await reports.findOneByOrFail({
      snapshotId,
      unitId: unitIds[3],
      language: 'de',
    });
    await reports.update(
      { id: failing.id },
      {
        state: 'failed',
        error: { key: 'browser_crashed', params: {} },
        pdf: null,
        sha256: null,
        sizeBytes: null,
        pages: null,
        renderedAt: null,
      },
    );
    const third = await order(['de']);
    expect({ total: third.total, kept: third.kept }).toEqual({ total: 1, kept: 11 });
    const thirdDone = await until(
      () => progress(third.batchId),
      (p) => p.pending === 0,
    );
    expect(thirdDone).toMatchObject({ total: 1, done: 1, failed: 0, kept: 11 });

    // Newest first, each with its own totals. The first batch ordered the report the third one
    // rendered again: it counts it too, done again.
    const batches = await list();
    expect(
      batches.map(({ id, languages, total, done, failed, pending, kept }) => ({
        id,
        languages,
        total,
        done,
        failed,
        pending,
        kept,
      })),
    ).toEqual([
      { id: third.batchId, languages: ['de'], total: 1, done: 1, failed: 0, pending: 0, kept: 11 },
      { id: second.batchId, languages: ['en'], total: 0, done: 0, failed: 0, pending: 0, kept: 12 },
      {
        id: firstBatchId,
        languages: ['de', 'en'],
        total: 22,
        done: 22,
        failed: 0,
        pending: 0,
        kept: 2,
      },
    ]);
    expect(batches.every((b) => b.snapshotId === snapshotId)).toBe(true);

    // Another publisher finds neither the list nor any of the batches.
    const foreign = await auth(otherPublisher);
    const paths = [
      `/api/v1/snapshots/${snapshotId}/report-batches`,
      ...[firstBatchId, second.batchId, third.batchId].map((id) => `/api/v1/report-batches/${id}`),
    ];
    for (const path of paths) {
      expect([path, (await t.http().get(path).set(foreign)).status]).toEqual([path, 404]);
    }
    for (const id of [firstBatchId, second.batchId, third.batchId]) {
      const path = `/api/v1/report-batches/${id}/retry`;
      expect([path, (await t.http().post(path).set(foreign)).status]).toEqual([path, 404]);
    }

    // The page of a batch lists every batch of the snapshot in German and in English.
    const server = t.app.getHttpServer() as App;
    const signedIn = async (user: TestUser) => {
      const agent = request.agent(server);
      const form = await agent.get('/login');
      const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)?.[1] ?? '';
      await agent
        .post('/login')
        .type('form')
        .send({ _csrf: csrf, email: user.email, password: user.password });
      return agent;
    };
    const publisherPages = await signedIn(publisher);
    const counts = (total: number, done: number, kept: number) => ({
      total: String(total),
      done: String(done),
      failed: '0',
      pending: '0',
      kept: String(kept),
    });
    const german = await publisherPages
      .get(`/report-batches/${second.batchId}`)
      .set('Accept-Language', 'de-DE');
    expect(german.status).toBe(200);
    expect(german.text).toContain('Alle Aufträge dieses Snapshots');
    expect(german.text).toContain(
      '12 Berichte des Snapshots gab es schon. Dieser Auftrag hat sie übernommen und zählt sie nicht zu seinen eigenen.',
    );
    expect(batchListRows(german.text)).toEqual([
      { name: 'Auftrag 3', href: `/report-batches/${third.batchId}`, counts: counts(1, 1, 11) },
      { name: 'Auftrag 2 (dieser Auftrag)', href: null, counts: counts(0, 0, 12) },
      { name: 'Auftrag 1', href: `/report-batches/${firstBatchId}`, counts: counts(22, 22, 2) },
    ]);
    const english = await publisherPages
      .get(`/report-batches/${firstBatchId}`)
      .set('Accept-Language', 'en-GB');
    expect(english.status).toBe(200);
    expect(english.text).toContain('Every batch of this snapshot');
    expect(english.text).toContain(
      '2 reports of the snapshot existed already. This batch kept them and does not count them as its own.',
    );
    expect(batchListRows(english.text)).toEqual([
      { name: 'Batch 3', href: `/report-batches/${third.batchId}`, counts: counts(1, 1, 11) },
      { name: 'Batch 2', href: `/report-batches/${second.batchId}`, counts: counts(0, 0, 12) },
      { name: 'Batch 1 (this batch)', href: null, counts: counts(22, 22, 2) },
    ]);
    // Another publisher's session gets the not-found page for each batch.
    const otherPages = await signedIn(otherPublisher);
    for (const id of [firstBatchId, second.batchId, third.batchId]) {
      const res = await otherPages.get(`/report-batches/${id}`).set('Accept-Language', 'en-GB');
      expect([id, res.status]).toEqual([id, 404]);
    }
  }, 120_000);
  it("documents the list of a snapshot's batches in OpenAPI with each batch's own totals and kept", async () => {
    const docs = await t.http().get('/api/docs-json');
    expect(docs.status).toBe(200);
    const spec = docs.body as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(
      spec.paths['/api/v1/snapshots/{snapshotId}/report-batches']?.get?.responses['200'],
    ).toEqual(
      expect.objectContaining({
        content: {
          'application/json': {
            schema: {
              type: 'array',
              items: { $ref: '#/components/schemas/ReportBatchSummaryDto' },
            },
          },
        },
      }),
    );
    expect(Object.keys(spec.components.schemas.ReportBatchSummaryDto.properties)).toEqual([
      'id',
      'snapshotId',
      'languages',
      'total',
      'done',
      'failed',
      'pending',
      'kept',
      'createdAt',
    ]);
  });
});
