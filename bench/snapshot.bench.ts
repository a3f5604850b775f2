/**
 * npm run bench:snapshot -- --units 100000
 *
 * Generates a cycle of accepted submissions with the demo generator, computes a full snapshot
 * (read, derive, percentiles, disclosure control, write) and, in the same run, the bare
 * aggregation alone: one PostgreSQL percentile_cont GROUPING SETS query over the same units,
 * KPIs and peer-group levels, on a wide table built for it beforehand (the layout that suits
 * it best). Prints both times, their ratio and the peak memory of this process.
 */
import {
  asTenantId,
  DEMO_CATALOGUE,
  generateDemoData,
  loadCatalogue,
  sizeBandFor,
} from '@app/domain';
import {
  benchmarkKpis,
  CycleEntity,
  dataSourceOptions,
  SnapshotComputation,
  SnapshotEntity,
  TenantDb,
} from '@app/persistence';
import { DataSource } from 'typeorm';
import { argument, benchDatabase, bytes, seconds } from './support/bench-database';
import { queueBenchSnapshot, seedBenchStudy } from './support/bench-study';

const BATCH = 2000;

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
    const snapshotStart = process.hrtime.bigint();
    await new SnapshotComputation(tenantDb).run(publisherId, snapshotId, () => Promise.resolve());
    const snapshotSeconds = seconds(snapshotStart);
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
      m.findOneByOrFail(SnapshotEntity, { id: snapshotId }),
    );
    const cycle = await owner.getRepository(CycleEntity).findOneByOrFail({ id: cycleId });
    console.log(
      [
        `units                         ${units} (cycle ${cycle.year}, ${kpis.length} benchmarked KPIs)`,
        `snapshot state                ${manifest.state}, ${String(manifest.manifest?.peerGroups)} peer groups`,
        `full snapshot                 ${snapshotSeconds.toFixed(2)} s`,
        `bare percentile_cont query    ${bareSeconds.toFixed(2)} s (${groups.length} groups)`,
        `ratio snapshot / bare query   ${(snapshotSeconds / bareSeconds).toFixed(2)}`,
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
