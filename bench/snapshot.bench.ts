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
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  generateDemoData,
  loadCatalogue,
  PROFILE_DIMENSIONS,
  sizeBandFor,
} from '@app/domain';
import {
  benchmarkKpis,
  CycleEntity,
  dataSourceOptions,
  kpiVector,
  loadSnapshotSetting,
  SnapshotComputation,
  SnapshotEntity,
  snapshotInputKey,
  sourceHash,
  TenantDb,
} from '@app/persistence';
import { DataSource } from 'typeorm';
import { argument, benchDatabase, bytes, seconds } from './support/bench-database';

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
    const [{ id: publisherId }] = await owner.query<{ id: string }[]>(
      `INSERT INTO organisations (kind, name) VALUES ('publisher', 'Bench') RETURNING id`,
    );
    const [{ id: versionId }] = await owner.query<{ id: string }[]>(
      `INSERT INTO catalogue_versions (tenant_id, key, version, definition, hash)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [publisherId, DEMO_CATALOGUE.key, DEMO_CATALOGUE.version, DEMO_CATALOGUE, catalogue.hash],
    );
    const [{ id: studyId }] = await owner.query<{ id: string }[]>(
      `INSERT INTO studies (tenant_id, name, catalogue_version_id, peer_group_dimensions, peer_group_pairs, disclosure_policy)
       VALUES ($1, 'Bench', $2, $3, $4, $5) RETURNING id`,
      [
        publisherId,
        versionId,
        [...PROFILE_DIMENSIONS],
        JSON.stringify([['industry', 'sizeBand']]),
        DEFAULT_DISCLOSURE_POLICY,
      ],
    );
    const [{ id: cycleId }] = await owner.query<{ id: string }[]>(
      `INSERT INTO cycles (tenant_id, study_id, year) VALUES ($1, $2, 2025) RETURNING id`,
      [publisherId, studyId],
    );

    const companyIds = new Map<string, string>();
    const companies = data.companies;
    for (let i = 0; i < companies.length; i += BATCH) {
      const slice = companies.slice(i, i + BATCH);
      const rows = await owner.query<{ id: string }[]>(
        `INSERT INTO organisations (kind, name) SELECT 'company', n FROM unnest($1::text[]) n RETURNING id`,
        [slice.map((c) => c.name)],
      );
      slice.forEach((c, j) => companyIds.set(c.key, rows[j].id));
      await owner.query(
        `INSERT INTO participations (tenant_id, study_id, company_id)
         SELECT $1, $2, c FROM unnest($3::uuid[]) c`,
        [publisherId, studyId, rows.map((r) => r.id)],
      );
    }
    const unitIds = new Map<string, string>();
    for (let i = 0; i < data.units.length; i += BATCH) {
      const slice = data.units.slice(i, i + BATCH);
      const rows = await owner.query<{ id: string }[]>(
        `INSERT INTO units (tenant_id, name, industry, country, customer_type, sourcing, agent_fte, size_band)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[])
         RETURNING id`,
        [
          slice.map((u) => companyIds.get(u.companyKey)),
          slice.map((u) => u.name),
          slice.map((u) => u.industry),
          slice.map((u) => u.country),
          slice.map((u) => u.customerType),
          slice.map((u) => u.sourcing),
          slice.map((u) => Math.round(u.agentFte * 100) / 100),
          slice.map((u) => sizeBandFor(u.agentFte)),
        ],
      );
      slice.forEach((u, j) => unitIds.set(u.key, rows[j].id));
    }
    const unitTenant = new Map(data.units.map((u) => [u.key, companyIds.get(u.companyKey)]));
    for (let i = 0; i < data.submissions.length; i += BATCH) {
      const slice = data.submissions.slice(i, i + BATCH);
      await owner.query(
        `INSERT INTO submissions (tenant_id, cycle_id, unit_id, state, answers, kpi_vector)
         SELECT t, $1, u, 'accepted', a::jsonb, v
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bytea[]) AS x(t, u, a, v)`,
        [
          cycleId,
          slice.map((s) => unitTenant.get(s.unitKey)),
          slice.map((s) => unitIds.get(s.unitKey)),
          slice.map((s) => JSON.stringify(s.answers)),
          // As every save stores it.
          slice.map((s) => kpiVector(catalogue, s.answers)),
        ],
      );
    }
    await owner.query('ANALYZE');

    // The full snapshot, as the worker runs it (the Bull processor only calls this).
    const tenantDb = new TenantDb(app);
    const publisher = asTenantId(publisherId);
    const snapshotId = await tenantDb.withTenant(publisher, async (m) => {
      const setting = await loadSnapshotSetting(m, cycleId, new Map());
      if (!setting) {
        throw new Error('bench cycle missing');
      }
      const snapshot = await m.save(
        m.create(SnapshotEntity, {
          tenantId: publisherId,
          cycleId,
          inputKey: snapshotInputKey(setting, await sourceHash(m, cycleId)),
          state: 'queued',
          progress: 0,
          attempts: 0,
        }),
      );
      return snapshot.id;
    });
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
