/**
 * npm run bench:reports -- --reports 200 [--renders-per-context 1]
 *
 * Renders that many company reports through the whole pipeline as the worker runs it (report
 * data from the snapshot, charts, templates, the locked-down Chromium pool, storage) and, in
 * the same run, the bare Chromium cost: the same HTML documents put through page.pdf() in the
 * same number of reused pages. Prints reports per second for both and their ratio.
 * `--renders-per-context` overrides REPORT_RENDERS_PER_CONTEXT (1: a fresh context per report).
 */
import { generateDemoData } from '@app/domain';
import { loadConfig } from '@app/config';
import { ReportStore } from '@app/application';
import { dataSourceOptions, SnapshotReader, TenantDb } from '@app/persistence';
import { ReportDocument, reportDocument } from '@app/reporting';
import puppeteer from 'puppeteer';
import { DataSource } from 'typeorm';
import { PdfRenderer } from '../apps/worker/src/reports/pdf-renderer';
import { argument, benchDatabase, bytes, seconds } from './support/bench-database';
import { publishBenchSnapshot, seedBenchStudy } from './support/bench-study';

/** As the report processor: Bull hands out a few more jobs than Chromium renders at once. */
const JOBS_IN_FLIGHT = 4;

/** Runs `work` over the items with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        await work(items[next++]);
      }
    }),
  );
}

async function main(): Promise<void> {
  const reports = Number(argument('--reports', '200'));
  const rendersPerContext = argument('--renders-per-context', '');
  // Peer groups of a realistic study: at least the demo's 180 units.
  const units = Math.max(reports, 180);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://unused@localhost/unused',
    REDIS_URL: 'redis://localhost',
    JWT_SECRET: 'bench-bench-bench-bench-bench-bench',
    ...(rendersPerContext !== '' && { REPORT_RENDERS_PER_CONTEXT: rendersPerContext }),
  });
  const bench = await benchDatabase('reports');
  const owner = await new DataSource(dataSourceOptions(bench.ownerUrl, 2)).initialize();
  const app = await new DataSource(dataSourceOptions(bench.appUrl, 8)).initialize();
  const renderer = new PdfRenderer({
    executablePath: config.CHROMIUM_PATH,
    concurrency: config.REPORT_CONCURRENCY,
    timeoutMs: config.REPORT_TIMEOUT_MS,
    rendersPerContext: config.REPORT_RENDERS_PER_CONTEXT,
  });
  try {
    const data = generateDemoData({ units, years: [2025] });
    const study = await seedBenchStudy(owner, data, [2025]);
    const [cycleId] = study.cycleIds;
    const tenantDb = new TenantDb(app);
    const snapshotId = await publishBenchSnapshot(owner, tenantDb, study.publisherId, cycleId);
    const reportIds = (
      await owner.query<{ id: string }[]>(
        `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language)
         SELECT $1, 'company', $2, u.id, u.tenant_id, 'de'
           FROM units u JOIN submissions s ON s.unit_id = u.id AND s.cycle_id = $3
          ORDER BY u.id LIMIT $4
         RETURNING id`,
        [study.publisherId, snapshotId, cycleId, reports],
      )
    ).map((r) => r.id);

    // Both runs start with a warm Chromium.
    await renderer.render('<p>warm-up</p>');
    const store = new ReportStore(tenantDb, new SnapshotReader(), 'http://localhost:8080');
    const documents: ReportDocument[] = [];
    let pages = 0;
    const pipelineStart = process.hrtime.bigint();
    await pool(reportIds, JOBS_IN_FLIGHT, async (reportId) => {
      const claimed = await store.claim(study.publisherId, reportId);
      if (!claimed) {
        throw new Error(`report ${reportId} was not claimable`);
      }
      const document = reportDocument(claimed.content);
      const rendered = await renderer.render(document.html, document);
      await store.complete(
        study.publisherId,
        reportId,
        claimed.attempt,
        rendered.pdf,
        rendered.pages,
      );
      documents.push(document);
      pages += rendered.pages;
    });
    const pipelineSeconds = seconds(pipelineStart);
    await renderer.close();

    // Bare Chromium: the same documents, the same number of pages, reused, nothing else.
    const browser = await puppeteer.launch({
      executablePath: config.CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    try {
      const pagesOpen = await Promise.all(
        Array.from({ length: config.REPORT_CONCURRENCY }, () => browser.newPage()),
      );
      await pagesOpen[0].setContent('<p>warm-up</p>');
      await pagesOpen[0].pdf();
      let next = 0;
      const bareStart = process.hrtime.bigint();
      await Promise.all(
        pagesOpen.map(async (page) => {
          while (next < documents.length) {
            const document = documents[next++];
            await page.setContent(document.html, { waitUntil: 'load' });
            await page.pdf({
              format: 'A4',
              printBackground: true,
              displayHeaderFooter: true,
              headerTemplate: document.headerTemplate,
              footerTemplate: document.footerTemplate,
              margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
            });
          }
        }),
      );
      const bareSeconds = seconds(bareStart);
      const pipelineRate = reportIds.length / pipelineSeconds;
      const bareRate = documents.length / bareSeconds;
      const stored = await owner.query<{ n: number; bytes: string }[]>(
        `SELECT count(*)::int AS n, sum(size_bytes) AS bytes FROM reports WHERE state = 'done'`,
      );
      console.log(
        [
          `reports                       ${reportIds.length} (${(pages / reportIds.length).toFixed(1)} pages each, concurrency ${config.REPORT_CONCURRENCY}, ${config.REPORT_RENDERS_PER_CONTEXT} renders per context)`,
          `pipeline                      ${pipelineSeconds.toFixed(2)} s, ${pipelineRate.toFixed(2)} reports/s`,
          `bare Chromium page.pdf()      ${bareSeconds.toFixed(2)} s, ${bareRate.toFixed(2)} reports/s`,
          `ratio pipeline / bare         ${(pipelineRate / bareRate).toFixed(2)}`,
          `stored                        ${stored[0].n} PDFs, ${bytes(Number(stored[0].bytes))}`,
          `1,000 reports would take      ${(1000 / pipelineRate / 60).toFixed(1)} min`,
        ].join('\n'),
      );
    } finally {
      await browser.close();
    }
  } finally {
    await renderer.close();
    await app.destroy();
    await owner.destroy();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
