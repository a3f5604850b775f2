import {
  Catalogue,
  loadCatalogue,
  PeerGroupDefinition,
  SnapshotState,
  WorkFailure,
} from '@app/domain';
import { MAX_WORK_ATTEMPTS } from '@app/jobs';
import type { TenantTx } from '../tenant/tenant-db';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { CatalogueVersionEntity, CycleEntity, SnapshotEntity, StudyEntity } from '../entities';
import { managerOf } from '../tenant/tenant-tx';

/** What a snapshot is computed from, besides the submissions. */
export interface SnapshotSetting {
  cycle: CycleEntity;
  study: StudyEntity;
  catalogueVersion: CatalogueVersionEntity;
  catalogue: Catalogue;
}

/** Loads cycle, study and catalogue of a cycle as the current tenant sees them. */
export async function loadSnapshotSetting(
  m: TenantTx,
  cycleId: string,
  catalogues: Map<string, Catalogue>,
): Promise<SnapshotSetting | null> {
  const cycle = await managerOf(m).findOneBy(CycleEntity, { id: cycleId });
  if (!cycle) {
    return null;
  }
  const study = await managerOf(m).findOneByOrFail(StudyEntity, { id: cycle.studyId });
  const catalogueVersion = await managerOf(m).findOneByOrFail(CatalogueVersionEntity, {
    id: study.catalogueVersionId,
  });
  let catalogue = catalogues.get(catalogueVersion.id);
  if (!catalogue) {
    catalogue = loadCatalogue(catalogueVersion.definition);
    catalogues.set(catalogueVersion.id, catalogue);
  }
  return { cycle, study, catalogueVersion, catalogue };
}

/**
 * Marks a queued, running or failed snapshot as running, counting the attempt; false when it is
 * done already or not the caller's.
 */
export async function claimSnapshot(
  m: TenantTx,
  snapshotId: string,
  startedAt: Date,
): Promise<boolean> {
  const result = await managerOf(m)
    .createQueryBuilder()
    .update(SnapshotEntity)
    .set({ state: 'running', startedAt, progress: 0, attempts: () => 'attempts + 1' })
    .where('id = :id AND state IN (:...states)', {
      id: snapshotId,
      states: ['queued', 'running', 'failed'],
    })
    .execute();
  return (result.affected ?? 0) > 0;
}

/** The progress of a running snapshot, 0..100. */
export async function setSnapshotProgress(
  m: TenantTx,
  snapshotId: string,
  percent: number,
): Promise<void> {
  await managerOf(m).update(
    SnapshotEntity,
    { id: snapshotId, state: 'running' },
    { progress: percent },
  );
}

/** What a computed snapshot stores: its frozen inputs, its peer groups and cells, its manifest. */
export interface ComputedSnapshot {
  /** The units packed by `packUnits`. */
  units: string;
  kpiKeys: readonly string[];
  /** The values encoded by `encodeValues`. */
  values: Buffer;
  peerGroups: readonly PeerGroupDefinition[];
  result: Pick<SnapshotState, 'groups'>;
  manifest: Record<string, unknown>;
  manifestHash: string;
  finishedAt: Date;
}

/**
 * Stores a computed snapshot in the caller's transaction, with the state `done`: frozen inputs,
 * peer groups with their cells, and the manifest.
 */
export async function storeComputedSnapshot(
  m: TenantTx,
  snapshot: Pick<SnapshotEntity, 'id' | 'tenantId'>,
  computed: ComputedSnapshot,
): Promise<void> {
  await managerOf(m).query(
    `INSERT INTO snapshot_inputs (snapshot_id, tenant_id, units, kpi_keys, kpi_values)
     VALUES ($1, $2, $3, $4, $5)`,
    [snapshot.id, snapshot.tenantId, computed.units, computed.kpiKeys, computed.values],
  );
  await writePeerGroups(m, snapshot, computed.peerGroups, computed.result, 0);
  await managerOf(m).update(
    SnapshotEntity,
    { id: snapshot.id },
    {
      state: 'done',
      progress: 100,
      error: null,
      // TypeORM types a JSON column's update as a deep partial of its fields.
      manifest: computed.manifest as QueryDeepPartialEntity<Record<string, unknown>>,
      manifestHash: computed.manifestHash,
      finishedAt: computed.finishedAt,
    },
  );
}

/**
 * Records a failed attempt: queued again for a retry, failed after the last one (or at once
 * when `final`); a failure frees the inputs' key for a new request. A snapshot computed
 * meanwhile (by an attempt that took over) is left as it is. True when it is failed for good.
 */
export async function recordSnapshotFailure(
  m: TenantTx,
  snapshotId: string,
  error: WorkFailure,
  final: boolean,
): Promise<boolean> {
  const [rows] = await managerOf(m).query<[{ state: string }[], number]>(
    `UPDATE snapshots
        SET state = CASE WHEN $3 OR attempts >= $4 THEN 'failed' ELSE 'queued' END,
            error = $2::jsonb, progress = 0
      WHERE id = $1 AND state IN ('queued', 'running')
      RETURNING state`,
    [snapshotId, JSON.stringify(error), final, MAX_WORK_ATTEMPTS],
  );
  return rows.length === 0 || rows[0].state === 'failed';
}

/**
 * Writes peer groups (from `ordinal` on) and their cells in two statements, whatever their
 * number. Custom groups come through here too, one at a time.
 */
export async function writePeerGroups(
  m: TenantTx,
  snapshot: Pick<SnapshotEntity, 'id' | 'tenantId'>,
  definitions: readonly PeerGroupDefinition[],
  result: Pick<SnapshotState, 'groups'>,
  firstOrdinal: number,
): Promise<void> {
  const groups = definitions.map((definition, i) => {
    const computed = result.groups.find((g) => g.id === definition.id);
    if (!computed) {
      throw new Error(`peer group ${definition.id} was not computed`);
    }
    return { definition, computed, ordinal: firstOrdinal + i };
  });
  await managerOf(m).query(
    `INSERT INTO snapshot_peer_groups (snapshot_id, tenant_id, ordinal, peer_group_id, kind, filter, label, n, released)
     SELECT $1, $2, g.ordinal, g.id, g.kind, g.filter::jsonb, g.label::jsonb, g.n, g.released
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::boolean[])
         AS g(ordinal, id, kind, filter, label, n, released)`,
    [
      snapshot.id,
      snapshot.tenantId,
      groups.map((g) => g.ordinal),
      groups.map((g) => g.definition.id),
      groups.map((g) => g.definition.kind),
      groups.map((g) => JSON.stringify(g.definition.filter)),
      groups.map((g) => JSON.stringify(g.definition.label)),
      groups.map((g) => g.computed.n),
      groups.map((g) => g.computed.cells.some((c) => c.suppressed === null)),
    ],
  );
  const cells = groups.flatMap((g) => g.computed.cells.map((cell) => ({ group: g, cell })));
  const column = <T>(pick: (c: (typeof cells)[number]['cell']) => T) =>
    cells.map(({ cell }) => pick(cell));
  await managerOf(m).query(
    `INSERT INTO snapshot_cells (snapshot_id, tenant_id, peer_group_id, kpi_key, n, mean, p10, p25, p50, p75, p90,
                                 pooled, suppressed, suppressed_statistics)
     SELECT $1, $2, c.peer_group_id, c.kpi_key, c.n, c.mean, c.p10, c.p25, c.p50, c.p75, c.p90, c.pooled,
            c.suppressed::jsonb, c.suppressed_statistics::jsonb
       FROM unnest($3::text[], $4::text[], $5::int[], $6::float8[], $7::float8[], $8::float8[],
                   $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[], $14::text[])
         AS c(peer_group_id, kpi_key, n, mean, p10, p25, p50, p75, p90, pooled, suppressed,
              suppressed_statistics)`,
    [
      snapshot.id,
      snapshot.tenantId,
      cells.map(({ group }) => group.definition.id),
      column((c) => c.kpiKey),
      column((c) => c.n),
      column((c) => c.mean),
      column((c) => c.p10),
      column((c) => c.p25),
      column((c) => c.p50),
      column((c) => c.p75),
      column((c) => c.p90),
      column((c) => c.pooled),
      column((c) => (c.suppressed ? JSON.stringify(c.suppressed) : null)),
      column((c) => JSON.stringify(c.suppressedStatistics)),
    ],
  );
}
