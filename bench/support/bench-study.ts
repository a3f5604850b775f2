import {
  asTenantId,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  DemoDataset,
  loadCatalogue,
  PROFILE_DIMENSIONS,
  sizeBandFor,
  kpiVector,
} from '@app/domain';
import { SnapshotComputation, snapshotInputKey } from '@app/application';
import { loadSnapshotSetting, SnapshotEntity, sourceHash, TenantDb } from '@app/persistence';
import type { DataSource } from 'typeorm';
// The benchmark writes its rows through the transaction as TypeORM's, which the application may not.
import { managerOf } from '../../libs/persistence/src/tenant/tenant-tx';

const BATCH = 2000;

/** What `seedBenchStudy` made. */
export interface BenchStudy {
  publisherId: string;
  studyId: string;
  /** One cycle per year asked for, in that order. */
  cycleIds: string[];
  /** Unit ids by the generator's unit key. */
  unitIds: Map<string, string>;
}

/**
 * A publisher with the demo catalogue, a study and an open cycle per year of `years`, and the
 * generated companies, units and accepted submissions of those years, written in a few
 * thousand-row statements as the owner (the workflow is not what a bench measures).
 */
export async function seedBenchStudy(
  owner: DataSource,
  data: DemoDataset,
  years: readonly number[],
): Promise<BenchStudy> {
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
  const cycleIds: string[] = [];
  for (const year of years) {
    const [{ id }] = await owner.query<{ id: string }[]>(
      `INSERT INTO cycles (tenant_id, study_id, year) VALUES ($1, $2, $3) RETURNING id`,
      [publisherId, studyId, year],
    );
    cycleIds.push(id);
  }

  const companyIds = new Map<string, string>();
  for (let i = 0; i < data.companies.length; i += BATCH) {
    const slice = data.companies.slice(i, i + BATCH);
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
  for (const [c, year] of years.entries()) {
    const submissions = data.submissions.filter((s) => s.year === year);
    for (let i = 0; i < submissions.length; i += BATCH) {
      const slice = submissions.slice(i, i + BATCH);
      await owner.query(
        `INSERT INTO submissions (tenant_id, cycle_id, unit_id, state, answers, kpi_vector)
         SELECT t, $1, u, 'accepted', a::jsonb, v
           FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::bytea[]) AS x(t, u, a, v)`,
        [
          cycleIds[c],
          slice.map((s) => unitTenant.get(s.unitKey)),
          slice.map((s) => unitIds.get(s.unitKey)),
          slice.map((s) => JSON.stringify(s.answers)),
          // As every save stores it.
          slice.map((s) => kpiVector(catalogue, s.answers)),
        ],
      );
    }
  }
  await owner.query('ANALYZE');
  return { publisherId, studyId, cycleIds, unitIds };
}

/** A queued snapshot of the cycle, as the api creates one; the caller runs its computation. */
export function queueBenchSnapshot(
  tenantDb: TenantDb,
  publisherId: string,
  cycleId: string,
): Promise<string> {
  return tenantDb.withTenant(asTenantId(publisherId), async (m) => {
    const setting = await loadSnapshotSetting(m, cycleId, new Map());
    if (!setting) {
      throw new Error('bench cycle missing');
    }
    const snapshot = await managerOf(m).save(
      managerOf(m).create(SnapshotEntity, {
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
}

/**
 * Computes a snapshot of the cycle as the worker does and publishes it (as the owner: the
 * publishing workflow is not what a bench measures). Returns the snapshot's id.
 */
export async function publishBenchSnapshot(
  owner: DataSource,
  tenantDb: TenantDb,
  publisherId: string,
  cycleId: string,
): Promise<string> {
  const snapshotId = await queueBenchSnapshot(tenantDb, publisherId, cycleId);
  await new SnapshotComputation(tenantDb).run(publisherId, snapshotId, () => Promise.resolve());
  await owner.query(
    `UPDATE cycles SET state = 'published', published_snapshot_id = $1 WHERE id = $2`,
    [snapshotId, cycleId],
  );
  return snapshotId;
}
