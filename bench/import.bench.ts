import type { JobQueue, QueueName } from '@app/jobs';
// Benchmark: a publisher's cycle import of 5,000 units x every input KPI (XLSX), against the
// time exceljs alone needs to read the same file, both measured in this run. It makes its own
// database (like the tests' global set-up) and drops it at the end.
import {
  asTenantId,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  generateDemoData,
  loadCatalogue,
  PROFILE_DIMENSIONS,
  sizeBandFor,
} from '@app/domain';
import {
  CatalogueVersionEntity,
  CycleEntity,
  dataSourceOptions,
  OrganisationEntity,
  ParticipationEntity,
  SnapshotReader,
  StudyEntity,
  SubmissionRepository,
  TenantDb,
  UnitEntity,
} from '@app/persistence';
import { readCycleImport, readSpreadsheet, SpreadsheetParsePool } from '@app/spreadsheet';
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { backendCpuMs, backendCpuSpent } from './support/backend-cpu';
import { benchDatabase } from './support/bench-database';
import { type CallerContext, ImportsService, SubmissionsService } from '@app/application';

const UNITS = Number(process.env.BENCH_UNITS ?? 5000);
const COMPANIES = Math.ceil(UNITS / 4);
const EXCELJS_RUNS = 3;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** User and system time of a `process.cpuUsage` difference, in ms. */
const cpuMs = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1000;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** A publisher with one study of the demo catalogue, its companies and units, two open cycles. */
async function arrange(owner: DataSource, unitSpecs: ReturnType<typeof generateDemoData>['units']) {
  const organisations = owner.getRepository(OrganisationEntity);
  const publisher = await organisations.save({ kind: 'publisher', name: 'Bench Publisher' });
  const catalogue = await owner.getRepository(CatalogueVersionEntity).save({
    tenantId: publisher.id,
    key: DEMO_CATALOGUE.key,
    version: DEMO_CATALOGUE.version,
    definition: DEMO_CATALOGUE,
    hash: loadCatalogue(DEMO_CATALOGUE).hash,
  });
  const study = await owner.getRepository(StudyEntity).save({
    tenantId: publisher.id,
    name: 'Bench Study',
    catalogueVersionId: catalogue.id,
    languages: ['de', 'en'],
    peerGroupDimensions: [...PROFILE_DIMENSIONS],
    peerGroupPairs: [['industry', 'sizeBand']],
    disclosurePolicy: { ...DEFAULT_DISCLOSURE_POLICY },
  });
  const cycles = await owner.getRepository(CycleEntity).save(
    [2025, 2026].map((year) => ({
      tenantId: publisher.id,
      studyId: study.id,
      year,
      state: 'open' as const,
    })),
  );
  const companies = await organisations.save(
    Array.from({ length: COMPANIES }, (_, i) => ({ kind: 'company' as const, name: `Bench ${i}` })),
    { chunk: 500 },
  );
  await owner.getRepository(ParticipationEntity).save(
    companies.map((c) => ({ tenantId: publisher.id, studyId: study.id, companyId: c.id })),
    { chunk: 500 },
  );
  const units = await owner.getRepository(UnitEntity).save(
    unitSpecs.map((spec, i) => ({
      tenantId: companies[i % COMPANIES].id,
      name: spec.name.slice(0, 200),
      industry: spec.industry,
      country: spec.country,
      customerType: spec.customerType,
      sourcing: spec.sourcing,
      agentFte: spec.agentFte,
      sizeBand: sizeBandFor(spec.agentFte),
    })),
    { chunk: 500 },
  );
  return { publisher, cycles, units };
}

async function importFile(
  answers: Record<string, number | boolean | string>[],
  unitIds: string[],
): Promise<Buffer> {
  const keys = loadCatalogue(DEMO_CATALOGUE)
    .inputs()
    .map((i) => i.key);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Import');
  sheet.addRow(['unitId', ...keys]);
  answers.forEach((a, i) => sheet.addRow([unitIds[i], ...keys.map((k) => a[k] ?? null)]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  process.env.TZ = 'UTC';
  const bench = await benchDatabase('import');
  let ownerDb: DataSource | undefined;
  let appDb: DataSource | undefined;
  const parser = new SpreadsheetParsePool();
  try {
    ownerDb = await new DataSource(dataSourceOptions(bench.ownerUrl, 2)).initialize();
    appDb = await new DataSource(dataSourceOptions(bench.appUrl, 4)).initialize();

    // Units that answer in both years, so that the second import checks every row against the
    // previous cycle (the generator lets a few units skip a year).
    const data = generateDemoData({ units: Math.ceil(UNITS * 1.2), years: [2025, 2026] });
    const answered = (year: number) =>
      new Map(data.submissions.filter((s) => s.year === year).map((s) => [s.unitKey, s.answers]));
    const [first, second] = [answered(2025), answered(2026)];
    const specs = data.units.filter((u) => first.has(u.key) && second.has(u.key)).slice(0, UNITS);
    if (specs.length < UNITS) {
      throw new Error(`the generator gave only ${specs.length} units that answer in both years`);
    }
    const { publisher, cycles, units } = await arrange(ownerDb, specs);
    const unitIds = units.map((u) => u.id);
    const files = [
      await importFile(
        specs.map((u) => first.get(u.key) ?? {}),
        unitIds,
      ),
      await importFile(
        specs.map((u) => second.get(u.key) ?? {}),
        unitIds,
      ),
    ];
    const cells = UNITS * loadCatalogue(DEMO_CATALOGUE).inputs().length;

    const tenantDb = new TenantDb(appDb);
    const store = new SubmissionRepository(new SnapshotReader());
    const imports = new ImportsService(
      tenantDb,
      // An import saves drafts and never reviews: it writes no mail and needs no mail queue.
      new SubmissionsService(tenantDb, store, {} as JobQueue<QueueName.Mail>, 'http://localhost'),
      store,
      parser,
    );
    const caller: CallerContext = {
      actor: {
        userId: null,
        apiKeyId: null,
        apiKeyScopes: [],
        tenantId: asTenantId(publisher.id),
        organisationKind: 'publisher',
        role: 'publisher_admin',
      },
      language: 'en',
      requestId: 'bench-import',
    };

    // exceljs alone, warmed up, best of a few runs.
    let exceljsMs = Infinity;
    for (let run = 0; run <= EXCELJS_RUNS; run++) {
      const [, ms] = await timed(() =>
        new ExcelJS.Workbook().xlsx.load(files[0] as unknown as ExcelJS.Buffer),
      );
      if (run > 0) {
        exceljsMs = Math.min(exceljsMs, ms);
      }
    }
    // What our readers add on top of exceljs: the zip guard, the table, the cell checks.
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    const [, readMs] = await timed(async () =>
      readCycleImport(
        await readSpreadsheet({ buffer: files[0] }, { language: 'en' }),
        catalogue,
        'en',
      ),
    );
    // The parser threads are started before, as a running api has them: under ts-node a new
    // thread compiles the reader first, seconds that no upload to a running api pays.
    await parser.readCycleImport({ buffer: files[0] }, catalogue, {
      language: 'en',
      listProblems: 1,
    });
    const results: [string, number, string][] = [];
    for (const [i, cycle] of cycles.entries()) {
      // The rows are stored while the file is read, so statement times overlap the read and
      // each other: what the database spent is its backends' CPU time.
      const dbBefore = await backendCpuMs(ownerDb);
      const ownBefore = process.cpuUsage();
      const [result, ms] = await timed(() =>
        imports.importCycle(caller, cycle.id, {
          buffer: files[i],
          originalname: 'bench.xlsx',
          size: files[i].length,
        }),
      );
      results.push([
        i === 0
          ? `import into ${cycle.year} (new drafts)`
          : `import into ${cycle.year} (plausibility vs ${cycles[0].year})`,
        ms,
        `${result.created} created, ${result.updated} updated; CPU: PostgreSQL ${seconds(backendCpuSpent(dbBefore, await backendCpuMs(ownerDb)))}, this process ${seconds(cpuMs(process.cpuUsage(ownBefore)))} with its parser thread`,
      ]);
    }
    const audit = await ownerDb.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM submission_audit',
    );

    console.log(
      `Publisher import: ${UNITS.toLocaleString('en')} units x ${loadCatalogue(DEMO_CATALOGUE).inputs().length} input KPIs = ${cells.toLocaleString('en')} cells, XLSX of ${(files[0].length / 1e6).toFixed(2)} MB`,
    );
    console.log(
      `  exceljs alone reads it in       ${seconds(exceljsMs)} (best of ${EXCELJS_RUNS})`,
    );
    console.log(
      `  our readers read and check it   ${seconds(readMs)}  ratio ${(readMs / exceljsMs).toFixed(2)}  (zip guard, exceljs, cells; no database)`,
    );
    for (const [label, ms, what] of results) {
      console.log(
        `  ${label.padEnd(31)} ${seconds(ms)}  ratio ${(ms / exceljsMs).toFixed(2)}  (${what})`,
      );
    }
    console.log(
      `  audit rows written by both imports: ${Number(audit[0].n).toLocaleString('en')} (one per submission written)`,
    );
  } finally {
    await parser.close();
    await appDb?.destroy();
    await ownerDb?.destroy();
    await bench.drop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
