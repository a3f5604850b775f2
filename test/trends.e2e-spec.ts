import { Test } from '@nestjs/testing';
import type { INestApplicationContext } from '@nestjs/common';
import {
  asTenantId,
  canonicalJson,
  DEFAULT_DISCLOSURE_POLICY,
  generateDemoData,
} from '@app/domain';
import { computedTrend } from '@app/application';
import { SnapshotReader, TenantDb, TrendEntity } from '@app/persistence';
import ExcelJS from 'exceljs';
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
import { binary, until } from './support/waiting';
// The tests reach the tenant's transaction as TypeORM's, which the application may not.
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

/** The median of a list, computed here independently of the engine. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Every object of a JSON value that is a released trend figure. */
function releasedFigures(value: unknown): Array<{ n: number }> {
  if (Array.isArray(value)) {
    return value.flatMap(releasedFigures);
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const own = record.released === true ? [record as { n: number }] : [];
    return [...own, ...Object.values(record).flatMap(releasedFigures)];
  }
  return [];
}

// 2024: units 0..14 trained 10 + 2i days. 2025: units 0..9 (the panel) trained 3 days more,
// and five newcomers 40 to 48 days. The panel differs from either year's units by five, so
// the differencing rule releases it. Units 12..14 are the only ones in banking.
const TRAINING_2024 = Array.from({ length: 15 }, (_, i) => 10 + 2 * i);
const TRAINING_2025_PANEL = Array.from({ length: 10 }, (_, i) => 13 + 2 * i);
const TRAINING_2025_NEW = [40, 42, 44, 46, 48];

describe('trend reports (e2e, real worker and Chromium)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let publisher: TestUser;
  let companyAdmin: TestUser;
  let otherPublisher: TestUser;
  let studyId: string;
  let reportId: string;

  const auth = async (user: TestUser) => ({ Authorization: await t.tokenFor(user) });

  async function orderTrendReport(language: 'de' | 'en'): Promise<string> {
    const api = new ApiClient(t, publisher);
    const { reportId: id } = await api.orderTrendReport(studyId, language);
    const report = await until(
      () => api.report(id),
      (r) => r.state === 'done' || r.state === 'failed',
    );
    expect(report).toMatchObject({ state: 'done', error: null, kind: 'trend' });
    return id;
  }

  beforeAll(async () => {
    t = await startApp();
    worker = await (
      await Test.createTestingModule({ imports: [WorkerModule.forRoot(testConfig())] }).compile()
    ).init();

    const publisherOrg = await createOrganisation('publisher');
    publisher = await createUser(publisherOrg, 'publisher_admin');
    otherPublisher = await createUser(await createOrganisation('publisher'), 'publisher_admin');
    const study = await createStudy(publisherOrg, 'Trendstudie DACH');
    studyId = study.id;
    const cycle2024 = await createCycle(study, 2024);
    const cycle2025 = await createCycle(study, 2025);
    const answers = generateDemoData({ units: 20, years: [2025] }).submissions.map(
      (s) => s.answers,
    );
    for (let i = 0; i < 20; i++) {
      const company = await createOrganisation('company');
      await enrol(study, company);
      if (i === 0) {
        companyAdmin = await createUser(company, 'company_admin');
      }
      const unit = await createUnit(company, 120, {
        industry: i >= 12 && i < 15 ? 'banking' : 'telecom',
      });
      if (i < 15) {
        await createSubmission(cycle2024, unit, {
          ...answers[i],
          training_days_new: TRAINING_2024[i],
        });
      }
      if (i < 10 || i >= 15) {
        await createSubmission(cycle2025, unit, {
          ...answers[i],
          training_days_new: i < 10 ? TRAINING_2025_PANEL[i] : TRAINING_2025_NEW[i - 15],
        });
      }
    }
    await publishSnapshot(new ApiClient(t, publisher), cycle2024.id);
  }, 120_000);

  afterAll(async () => {
    await worker.close();
    await t.close();
    await closeOwnerDataSource();
  });

  it('refuses a trend report over a single published cycle, naming the rule', async () => {
    const res = await t
      .http()
      .post(`/api/v1/studies/${studyId}/trend-reports`)
      .set(await auth(publisher))
      .send({ language: 'en' });
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain('at least two published cycles');
  });

  it('renders the German trend report over two published cycles as a PDF', async () => {
    const db = await ownerDataSource();
    const [cycle2025] = await db.query<{ id: string }[]>(
      'SELECT id FROM cycles WHERE study_id = $1 AND year = 2025',
      [studyId],
    );
    await publishSnapshot(new ApiClient(t, publisher), cycle2025.id);
    reportId = await orderTrendReport('de');

    const pdf = await t
      .http()
      .get(`/api/v1/reports/${reportId}/pdf`)
      .set(await auth(publisher))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('2024-2025');
    const text = await pdfText(pdf.body as Buffer);
    expect(text.text).toContain('Trendstudie DACH');
    expect(text.text).toContain('Grundausbildung neuer Agenten');
    expect(text.text).toContain('2024');
    expect(text.text).toContain('2025');
    expect(text.text).not.toContain('Basic training of new agents');
    expect(worker.get(PdfRenderer).blockedRequests).toBe(0);
  }, 120_000);

  it('stores the trend data once, with no released figure on fewer than min_n units', async () => {
    const db = await ownerDataSource();
    const trends = await db.getRepository(TrendEntity).findBy({ studyId });
    expect(trends).toHaveLength(1);
    const [trend] = trends;
    expect(trend.years).toEqual([2024, 2025]);
    expect(trend.manifestHash).toMatch(/^[0-9a-f]{64}$/);
    const figures = releasedFigures(trend.data);
    expect(figures.length).toBeGreaterThan(100);
    for (const figure of figures) {
      expect(figure.n).toBeGreaterThanOrEqual(DEFAULT_DISCLOSURE_POLICY.minN);
    }
    // Three banking units in 2024: below min_n, so their count is withheld.
    const byIndustry = trend.data?.participation[0].byIndustry ?? [];
    expect(byIndustry.find((cell) => cell.category === 'banking')?.units).toMatchObject({
      released: false,
      suppression: { rule: 'min_n' },
    });
  });

  it('computes the same data and manifest hash again from the same published snapshots', async () => {
    const db = await ownerDataSource();
    const [stored] = await db.getRepository(TrendEntity).findBy({ studyId });
    const again = await db.getRepository(TrendEntity).save({
      tenantId: stored.tenantId,
      studyId,
      inputKey: `${stored.inputKey}:again`,
      years: stored.years,
      snapshotIds: stored.snapshotIds,
    });
    const computed = await worker
      .get(TenantDb)
      .withTenant(asTenantId(stored.tenantId), (m) =>
        computedTrend(m, new SnapshotReader(), again.id),
      );
    expect(computed.trend.manifestHash).toBe(stored.manifestHash);
    expect(canonicalJson(computed.trend.data)).toBe(canonicalJson(stored.data));
  });

  it('refuses to change computed trend data, even for its publisher', async () => {
    const db = await ownerDataSource();
    const [stored] = await db.getRepository(TrendEntity).findBy({ studyId });
    const updated = await worker
      .get(TenantDb)
      .withTenant(asTenantId(stored.tenantId), (m) =>
        managerOf(m).query<[unknown[], number]>(
          `UPDATE trends SET data = '{}'::jsonb WHERE id = $1 RETURNING id`,
          [stored.id],
        ),
      );
    // Row-level security lets the application fill a trend's data once and never again.
    expect(updated[1]).toBe(0);
    const [after] = await db.getRepository(TrendEntity).findBy({ id: stored.id });
    expect(after.manifestHash).toBe(stored.manifestHash);
  });

  it('exports the trend data to XLSX with medians and changes as computed by hand', async () => {
    const res = await t
      .http()
      .get(`/api/v1/reports/${reportId}/xlsx`)
      .set(await auth(publisher))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as ExcelJS.Buffer);
    const rowsOf = (sheetName: string): Array<Record<string, unknown>> => {
      const sheet = workbook.getWorksheet(sheetName);
      if (!sheet) {
        throw new Error(`no sheet ${sheetName}`);
      }
      // Row values are sparse arrays from index 1.
      const header = Array.from(sheet.getRow(1).values as unknown[], String);
      const rows: Array<Record<string, unknown>> = [];
      sheet.eachRow((row, r) => {
        if (r > 1) {
          const values = row.values as unknown[];
          rows.push(Object.fromEntries(header.map((name, c) => [name, values[c]])));
        }
      });
      return rows;
    };

    const training = rowsOf('Kennzahlen').filter((r) => r['Schlüssel'] === 'training_days_new');
    const all2025 = [...TRAINING_2025_PANEL, ...TRAINING_2025_NEW];
    expect(training.map((r) => [r.Jahr, r.n, r.Median])).toEqual([
      [2024, 15, median(TRAINING_2024)],
      [2025, 15, median(all2025)],
    ]);

    const [change] = rowsOf('Veränderungen').filter((r) => r['Schlüssel'] === 'training_days_new');
    const allChange = median(all2025) - median(TRAINING_2024);
    expect(change['Alle: Veränderung Median']).toBeCloseTo(allChange, 9);
    expect(change['Alle: Veränderung Median %']).toBeCloseTo(
      (allChange / median(TRAINING_2024)) * 100,
      9,
    );
    // The panel: units 0..9 in both years; they trained 3 days more each.
    const panelFrom = median(TRAINING_2024.slice(0, 10));
    const panelTo = median(TRAINING_2025_PANEL);
    expect(change['Panel: n']).toBe(10);
    expect(change['Panel: Median von']).toBeCloseTo(panelFrom, 9);
    expect(change['Panel: Median bis']).toBeCloseTo(panelTo, 9);
    expect(change['Panel: Veränderung Median']).toBeCloseTo(3, 9);
  });

  it('renders the English report and serves its HTML preview without script', async () => {
    const english = await orderTrendReport('en');
    const res = await t
      .http()
      .get(`/api/v1/reports/${english}/html`)
      .set(await auth(publisher));
    expect(res.status).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).toContain('Basic training of new agents');
    // The German and the English report read one trend.
    const trendOf = async (id: string) =>
      (
        (
          await t
            .http()
            .get(`/api/v1/reports/${id}`)
            .set(await auth(publisher))
        ).body as { trendId: string }
      ).trendId;
    expect(await trendOf(english)).toBe(await trendOf(reportId));
  }, 120_000);

  it.each(['de', 'en'] as const)(
    'renders a tagged trend report PDF in %s with its language, its title and its headings in reading order',
    async (language) => {
      const id = await orderTrendReport(language);
      const headers = await auth(publisher);
      const pdf = await t
        .http()
        .get(`/api/v1/reports/${id}/pdf`)
        .set(headers)
        .buffer(true)
        .parse(binary);
      const html = await t.http().get(`/api/v1/reports/${id}/html`).set(headers);
      expect([pdf.status, html.status]).toEqual([200, 200]);
      const expected = outlineOfHtml(html.text, 8);
      // The preview is the report's own HTML in its language, with headings enough to compare.
      expect(expected.language).toBe(language);
      expect(expected.headings).toHaveLength(8);
      expect(readingOutline(await pdfStructure(pdf.body as Buffer), 8)).toEqual(expected);
    },
    120_000,
  );

  it('keeps every trend path from a company user: 403 or 404', async () => {
    const headers = await auth(companyAdmin);
    const order = await t
      .http()
      .post(`/api/v1/studies/${studyId}/trend-reports`)
      .set(headers)
      .send({ language: 'de' });
    expect(order.status).toBe(403);
    for (const path of ['', '/pdf', '/html', '/xlsx']) {
      const res = await t.http().get(`/api/v1/reports/${reportId}${path}`).set(headers);
      expect([403, 404]).toContain(res.status);
    }
  });

  it("answers 404 to another publisher on the study's and the report's paths", async () => {
    const headers = await auth(otherPublisher);
    const order = await t
      .http()
      .post(`/api/v1/studies/${studyId}/trend-reports`)
      .set(headers)
      .send({ language: 'de' });
    expect(order.status).toBe(404);
    for (const path of ['', '/pdf', '/html', '/xlsx']) {
      const res = await t.http().get(`/api/v1/reports/${reportId}${path}`).set(headers);
      expect(res.status).toBe(404);
    }
  });

  it('refuses the data export of a company report', async () => {
    const db = await ownerDataSource();
    const [snapshot] = await db.query<{ id: string; unit_id: string }[]>(
      `SELECT c.published_snapshot_id AS id, s.unit_id FROM cycles c
         JOIN submissions s ON s.cycle_id = c.id
        WHERE c.study_id = $1 AND c.year = 2025 LIMIT 1`,
      [studyId],
    );
    const headers = await auth(publisher);
    const created = await t
      .http()
      .post(`/api/v1/snapshots/${snapshot.id}/reports`)
      .set(headers)
      .send({ unitId: snapshot.unit_id, language: 'de' });
    const id = (created.body as { reportId: string }).reportId;
    const res = await t.http().get(`/api/v1/reports/${id}/xlsx`).set(headers);
    expect(res.status).toBe(409);
    expect(JSON.stringify(res.body)).toContain('Only a trend report');
    // Let the worker finish the report before it shuts down.
    await until(
      async () =>
        ((await t.http().get(`/api/v1/reports/${id}`).set(headers)).body as { state: string })
          .state,
      (state) => state === 'done',
    );
  });

  it('shows computed trend data under the policy they were disclosed with, after the study changed it', async () => {
    const db = await ownerDataSource();
    const [{ disclosure_policy: before }] = await db.query<
      { disclosure_policy: Record<string, unknown> }[]
    >('SELECT disclosure_policy FROM studies WHERE id = $1', [studyId]);
    await db.query('UPDATE studies SET disclosure_policy = $1 WHERE id = $2', [
      { ...before, minN: 7 },
      studyId,
    ]);
    try {
      const res = await t
        .http()
        .get(`/api/v1/reports/${reportId}/xlsx`)
        .set(await auth(publisher))
        .buffer(true)
        .parse(binary);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as ExcelJS.Buffer);
      const minN: unknown[] = [];
      workbook.getWorksheet('Methode')?.eachRow((row) => {
        if (row.getCell(1).value === 'Mindestzahl Einheiten je Zahl (min_n)') {
          minN.push(row.getCell(2).value);
        }
      });
      expect(minN).toEqual([DEFAULT_DISCLOSURE_POLICY.minN]);
    } finally {
      await db.query('UPDATE studies SET disclosure_policy = $1 WHERE id = $2', [before, studyId]);
    }
  });
});
