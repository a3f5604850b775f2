/**
 * npm run bench:snapshot -- --units 100000
 *
 * Generates a cycle of accepted submissions with the demo generator, computes a full snapshot
 * (read, derive, percentiles, disclosure control, write) and, in the same run, the bare
 * aggregation alone: one PostgreSQL percentile_cont GROUPING SETS query over the same units,
 * KPIs and peer-group levels, on a wide table built for it beforehand (the layout that suits
 * it best). Prints both times, their ratio and the peak memory of this process.
 *
 * The snapshot's time is split by its progress steps (read the inputs, compute, write), and
 * the release audit's share of it is measured by timing, for this run only, every call of
 * `SumAudit.release` and `SumAudit.protect` (the audit's two entry points; the engine calls
 * nothing else of it that takes time). The ratio without the audit is printed beside it.
 */
import {
  asTenantId,
  DEMO_CATALOGUE,
  generateDemoData,
  loadCatalogue,
  sizeBandFor,
  benchmarkKpis,
} from '@app/domain';
import { SnapshotComputation } from '@app/application';
import { CycleEntity, dataSourceOptions, SnapshotEntity, TenantDb } from '@app/persistence';
import { DataSource } from 'typeorm';
import { SumAudit } from '../libs/domain/src/benchmark/release-audit';
import { argument, benchDatabase, bytes, seconds } from './support/bench-database';
import { queueBenchSnapshot, seedBenchStudy } from './support/bench-study';
// The benchmark writes its rows through the transaction as TypeORM's, which the application may not.
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

const BATCH = 2000;

/**
 * Times every call of the release audit's entry points from now on; returns the seconds spent
 * in them so far. The same module as the engine's (one file, one module instance).
 */
function timeReleaseAudit(): () => number {
  let total = 0n;
  const timed = <T>(work: () => T): T => {
    const start = process.hrtime.bigint();
    try {
      return work();
    } finally {
      total += process.hrtime.bigint() - start;
    }
  };
  // Taken by Reflect, unbound on purpose: the wrappers call them with the audit as `this`.
  const release = Reflect.get<SumAudit, 'release'>(SumAudit.prototype, 'release');
  const protect = Reflect.get<SumAudit, 'protect'>(SumAudit.prototype, 'protect');
  SumAudit.prototype.release = function (this: SumAudit, ...args) {
    return timed(() => release.apply(this, args));
  };
  SumAudit.prototype.protect = function (this: SumAudit, ...args) {
    return timed(() => protect.apply(this, args));
  };
  return () => Number(total) / 1e9;
}

async function main(): Promise<void> {
  const units = Number(argument('--units', '10000'));
  const bench = await benchDatabase('snapshot');
  const owner = new DataSource(dataSourceOptions(bench.ownerUrl, 2));
  const app = new DataSource(dataSourceOptions(bench.appUrl, 3));
  await owner.initialize();
  await app.initialize();
  try {
    console.log(`generating ${units} units with the demo generator ...`);
    const data = generateDemoData({ units, years: [2025] });
    const catalogue = loadCatalogue(DEMO_CATALOGUE);
    const {
      publisherId,
      cycleIds: [cycleId],
    } = await seedBenchStudy(owner, data, [2025]);

    // The full snapshot, as the worker runs it (the Bull processor only calls this).
    const tenantDb = new TenantDb(app);
    const publisher = asTenantId(publisherId);
    const snapshotId = await queueBenchSnapshot(tenantDb, publisherId, cycleId);
    const rssBefore = process.memoryUsage().rss;
    const auditSeconds = timeReleaseAudit();
    // When each progress step was reached: 40 after reading the inputs, 80 after computing.
    const steps = new Map<number, number>();
    const snapshotStart = process.hrtime.bigint();
    await new SnapshotComputation(tenantDb).run(publisherId, snapshotId, (percent) => {
      steps.set(percent, seconds(snapshotStart));
      return Promise.resolve();
    });
    const snapshotSeconds = seconds(snapshotStart);
    const audit = auditSeconds();
    const read = steps.get(40) ?? NaN;
    const compute = (steps.get(80) ?? NaN) - read;
    const write = snapshotSeconds - (steps.get(80) ?? NaN);
    const peakRss = process.resourceUsage().maxRSS * 1024;

    // The wide table for the bare query, built from the same derived values (not timed).
    const kpis = benchmarkKpis(catalogue).filter((k) => k.benchmarked);
    await owner.query(
      `CREATE TABLE bench_wide (industry text, country text, size_band text, customer_type text,
         sourcing text, ${kpis.map((_, k) => `k${k} float8`).join(', ')})`,
    );
    const profileOf = new Map(data.units.map((u) => [u.key, u]));
    for (let i = 0; i < data.submissions.length; i += BATCH) {
      const slice = data.submissions.slice(i, i + BATCH);
      const columns = kpis.map((kpi) =>
        slice.map((s) => {
          const value = catalogue.item(kpi.key)?.formula
            ? catalogue.derive(s.answers)[kpi.key]
            : s.answers[kpi.key];
          return typeof value === 'boolean'
            ? Number(value)
            : typeof value === 'number'
              ? value
              : null;
        }),
      );
      const profiles = slice.map((s) => profileOf.get(s.unitKey));
      await owner.query(
        `INSERT INTO bench_wide SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
           ${kpis.map((_, k) => `$${k + 6}::float8[]`).join(', ')})`,
        [
          profiles.map((p) => p?.industry),
          profiles.map((p) => p?.country),
          profiles.map((p) => (p ? sizeBandFor(p.agentFte) : null)),
          profiles.map((p) => p?.customerType),
          profiles.map((p) => p?.sourcing),
          ...columns,
        ],
      );
    }
    await owner.query('ANALYZE bench_wide');
    const aggregates = kpis
      .map(
        (_, k) =>
          `count(k${k}), avg(k${k}), percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]) WITHIN GROUP (ORDER BY k${k})`,
      )
      .join(',\n');
    const bareStart = process.hrtime.bigint();
    const groups = await owner.query<unknown[]>(
      `SELECT industry, country, size_band, customer_type, sourcing, ${aggregates}
         FROM bench_wide
        GROUP BY GROUPING SETS ((), (industry), (country), (size_band), (customer_type), (sourcing),
                                (industry, size_band))`,
    );
    const bareSeconds = seconds(bareStart);

    const manifest = await tenantDb.withTenant(publisher, (m) =>
      managerOf(m).findOneByOrFail(SnapshotEntity, { id: snapshotId }),
    );
    const cycle = await owner.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
    console.log(
      [
        `units                         ${units} (cycle ${cycle.year}, ${kpis.length} benchmarked KPIs)`,
        `snapshot state                ${manifest.state}, ${String(manifest.manifest?.peerGroups)} peer groups`,
        `full snapshot                 ${snapshotSeconds.toFixed(2)} s`,
        `  read / compute / write      ${read.toFixed(2)} s / ${compute.toFixed(2)} s / ${write.toFixed(2)} s`,
        `  of it the release audit     ${audit.toFixed(2)} s (${((audit / snapshotSeconds) * 100).toFixed(0)} % of the snapshot)`,
        `bare percentile_cont query    ${bareSeconds.toFixed(2)} s (${groups.length} groups)`,
        `ratio snapshot / bare query   ${(snapshotSeconds / bareSeconds).toFixed(2)}`,
        `  without the audit's time    ${((snapshotSeconds - audit) / bareSeconds).toFixed(2)}`,
        `peak memory (this process)    ${bytes(peakRss)} (rss before the snapshot ${bytes(rssBefore)})`,
      ].join('\n'),
    );
  } finally {
    await app.destroy();
    await owner.destroy();
    await bench.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
