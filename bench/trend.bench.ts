/**
 * npm run bench:trend -- --units 10000 --cycles 5
 *
 * A study with that many units in each of that many published cycles (the demo generator's
 * panel, with units joining and leaving). Measures, in the same run:
 * - the trend computation as the worker runs it (frozen inputs of every published snapshot
 *   read, the trend data computed, written with its manifest) against the engine alone
 *   (`computeTrendData` on the same input in memory);
 * - the trend report's PDF through the pipeline (report input, HTML, the locked-down Chromium)
 *   against bare Chromium (the same HTML through page.pdf() in a reused page);
 * - the peak memory of the process.
 */
import {
  Actor,
  asTenantId,
  computeTrendData,
  DEMO_CATALOGUE,
  demoTrendInput,
  generateDemoData,
  loadCatalogue,
} from '@app/domain';
import { loadConfig } from '@app/config';
import { computedTrend, trendReportInput, trendSource } from '@app/application';
import { dataSourceOptions, SnapshotReader, TenantDb, TrendEntity } from '@app/persistence';
import { reportDocument } from '@app/reporting';
import puppeteer from 'puppeteer';
import { DataSource } from 'typeorm';
import { PdfRenderer } from '../apps/worker/src/reports/pdf-renderer';
import { argument, benchDatabase, bytes, seconds } from './support/bench-database';
import { publishBenchSnapshot, seedBenchStudy } from './support/bench-study';
// The benchmark writes its rows through the transaction as TypeORM's, which the application may not.
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

const LAST_YEAR = 2025;

/** The process's peak resident memory so far. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

async function main(): Promise<void> {
  const units = Number(argument('--units', '10000'));
  const cycleCount = Number(argument('--cycles', '5'));
  const years = Array.from({ length: cycleCount }, (_, c) => LAST_YEAR - cycleCount + 1 + c);
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: 'postgres://unused@localhost/unused',
    REDIS_URL: 'redis://localhost',
    JWT_SECRET: 'bench-bench-bench-bench-bench-bench',
  });
  const bench = await benchDatabase('trend');
  const owner = await new DataSource(dataSourceOptions(bench.ownerUrl, 2)).initialize();
  const app = await new DataSource(dataSourceOptions(bench.appUrl, 4)).initialize();
  const renderer = new PdfRenderer({
    executablePath: config.CHROMIUM_PATH,
    concurrency: 1,
    timeoutMs: config.REPORT_TIMEOUT_MS,
    rendersPerContext: config.REPORT_RENDERS_PER_CONTEXT,
  });
  try {
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    const data = generateDemoData({ units, years });
    const study = await seedBenchStudy(owner, data, years);
    const tenantDb = new TenantDb(app);
    const snapshotsStart = process.hrtime.bigint();
    for (const cycleId of study.cycleIds) {
      await publishBenchSnapshot(owner, tenantDb, study.publisherId, cycleId);
    }
    const snapshotSeconds = seconds(snapshotsStart);
    const tenant = asTenantId(study.publisherId);
    const publisher: Actor = {
      userId: null,
      apiKeyId: null,
      apiKeyScopes: [],
      tenantId: tenant,
      organisationKind: 'publisher',
      role: 'publisher_analyst',
    };
    const trendId = await tenantDb.withTenant(tenant, async (m) => {
      const source = await trendSource(m, study.studyId, publisher, 'en');
      const trend = await managerOf(m).save(
        managerOf(m).create(TrendEntity, {
          tenantId: study.publisherId,
          studyId: study.studyId,
          inputKey: source.inputKey,
          years: source.years,
          snapshotIds: source.snapshotIds,
        }),
      );
      return trend.id;
    });

    // The engine alone, on the same data in memory, as the baseline.
    const input = demoTrendInput(data, catalogue, years);
    const engineStart = process.hrtime.bigint();
    const engineData = computeTrendData(input);
    const engineSeconds = seconds(engineStart);

    const peakBefore = peakRss();
    const trendStart = process.hrtime.bigint();
    const computed = await tenantDb.withTenant(tenant, (m) =>
      computedTrend(m, new SnapshotReader(), trendId),
    );
    const trendSeconds = seconds(trendStart);
    const peakAfter = peakRss();

    await renderer.render('<p>warm-up</p>');
    const pdfStart = process.hrtime.bigint();
    const content = await tenantDb.withTenant(tenant, async (m) => ({
      kind: 'trend' as const,
      input: await trendReportInput(m, new SnapshotReader(), trendId, 'de', new Date()),
    }));
    const document = reportDocument(content);
    const rendered = await renderer.render(document.html, document);
    const pdfSeconds = seconds(pdfStart);
    await renderer.close();

    const browser = await puppeteer.launch({
      executablePath: config.CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    });
    let bareSeconds: number;
    try {
      const page = await browser.newPage();
      await page.setContent('<p>warm-up</p>');
      await page.pdf();
      const bareStart = process.hrtime.bigint();
      await page.setContent(document.html, { waitUntil: 'load' });
      await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: document.headerTemplate,
        footerTemplate: document.footerTemplate,
        margin: { top: '22mm', bottom: '20mm', left: '16mm', right: '16mm' },
      });
      bareSeconds = seconds(bareStart);
    } finally {
      await browser.close();
    }

    const figures = JSON.stringify(computed.trend.data).length;
    console.log(
      [
        `study                         ${units} units x ${cycleCount} cycles (${years[0]}-${LAST_YEAR}), ${data.submissions.length} submissions, ${input.kpis.length} KPIs`,
        `snapshots (context)           ${cycleCount} computed and published in ${snapshotSeconds.toFixed(2)} s`,
        `engine alone                  ${engineSeconds.toFixed(2)} s (${engineData.drivers.length} driver pairs)`,
        `trend computation             ${trendSeconds.toFixed(2)} s (read, compute, store ${(figures / 1024).toFixed(0)} KiB of JSON)`,
        `ratio computation / engine    ${(trendSeconds / engineSeconds).toFixed(2)}`,
        `trend report PDF              ${pdfSeconds.toFixed(2)} s (${rendered.pages} pages, ${bytes(rendered.pdf.length)})`,
        `bare Chromium page.pdf()      ${bareSeconds.toFixed(2)} s`,
        `ratio PDF / bare Chromium     ${(pdfSeconds / bareSeconds).toFixed(2)}`,
        `peak memory of the process    ${bytes(peakAfter)} (${bytes(peakBefore)} before the trend computation)`,
      ].join('\n'),
    );
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
