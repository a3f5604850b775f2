import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  Answers,
  asTenantId,
  benchmarkKpis,
  canonicalJson,
  Catalogue,
  computeSnapshot,
  disclosurePolicyOf,
  foldedCategoriesFrom,
  foldSizeBands,
  FrozenInputs,
  kpiVector,
  loadCatalogue,
  PeerGroupDefinition,
  predefinedPeerGroups,
  SnapshotState,
  TenantId,
} from '@app/domain';
import { MAX_WORK_ATTEMPTS, untilInfrastructureHolds } from '@app/jobs';
import type { EntityManager } from 'typeorm';
import { CatalogueVersionEntity, CycleEntity, SnapshotEntity, StudyEntity } from '../entities';
import { TenantDb } from '../tenant/tenant-db';
import {
  columnsOfVectors,
  decodeValues,
  encodeValues,
  packUnits,
  unpackUnits,
} from './frozen-inputs';

/**
 * Bumped whenever the computation changes what it outputs for the same inputs, so that a
 * manifest says which code made its cells.
 */
export const SNAPSHOT_ENGINE_VERSION = '2';

/** What `benchmark_source` returns: one row for the whole cycle. */
interface SourceRow {
  units: string;
  vectors: Buffer;
  missing: number[];
  missing_answers: string[];
}

/** What a snapshot is computed from, besides the submissions. */
export interface SnapshotSetting {
  cycle: CycleEntity;
  study: StudyEntity;
  catalogueVersion: CatalogueVersionEntity;
  catalogue: Catalogue;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The key under which equal requests share one snapshot: the inputs' hash (computed by the
 * database over the accepted submissions) and everything else the cells depend on.
 */
export function snapshotInputKey(setting: SnapshotSetting, sourceHash: string): string {
  return sha256(
    canonicalJson({
      sourceHash,
      catalogueHash: setting.catalogue.hash,
      policy: disclosurePolicyOf(setting.study.disclosurePolicy),
      dimensions: setting.study.peerGroupDimensions,
      pairs: setting.study.peerGroupPairs,
      engine: SNAPSHOT_ENGINE_VERSION,
    }),
  );
}

/** Loads cycle, study and catalogue of a cycle as the current tenant sees them. */
export async function loadSnapshotSetting(
  m: EntityManager,
  cycleId: string,
  catalogues: Map<string, Catalogue>,
): Promise<SnapshotSetting | null> {
  const cycle = await m.findOneBy(CycleEntity, { id: cycleId });
  if (!cycle) {
    return null;
  }
  const study = await m.findOneByOrFail(StudyEntity, { id: cycle.studyId });
  const catalogueVersion = await m.findOneByOrFail(CatalogueVersionEntity, {
    id: study.catalogueVersionId,
  });
  let catalogue = catalogues.get(catalogueVersion.id);
  if (!catalogue) {
    catalogue = loadCatalogue(catalogueVersion.definition);
    catalogues.set(catalogueVersion.id, catalogue);
  }
  return { cycle, study, catalogueVersion, catalogue };
}

/** The database's hash of a cycle's accepted submissions; only its publisher gets one. */
export async function sourceHash(m: EntityManager, cycleId: string): Promise<string> {
  const [row] = await m.query<{ hash: string }[]>('SELECT benchmark_source_hash($1) AS hash', [
    cycleId,
  ]);
  return row.hash;
}

/**
 * Computes a snapshot: the one place that reads the accepted submissions of every company of
 * a cycle (through `benchmark_source`), and it writes nothing but what disclosure control
 * released, next to the frozen inputs that only the publisher and the position computation
 * read. Everything is written in one transaction with the state `done`, so a failure leaves
 * no half-written snapshot.
 */
@Injectable()
export class SnapshotComputation {
  private readonly catalogues = new Map<string, Catalogue>();

  constructor(private readonly db: TenantDb) {}

  /**
   * Runs the computation of a queued (or retried) snapshot. `onProgress` hears 0..100 and may
   * write it elsewhere; progress is committed on its own so that readers see it move. While
   * PostgreSQL is unreachable it waits and goes on (`untilInfrastructureHolds`): an outage
   * does not use up an attempt, only a start of the computation does.
   */
  async run(
    tenantId: string,
    snapshotId: string,
    onProgress: (percent: number) => Promise<void>,
  ): Promise<void> {
    const tenant = asTenantId(tenantId);
    const startedAt = new Date();
    const started = await untilInfrastructureHolds(() => this.claim(tenant, snapshotId, startedAt));
    if (!started) {
      // Done already (a repeated job) or not ours: nothing to do.
      return;
    }
    await untilInfrastructureHolds(() => this.compute(tenant, snapshotId, startedAt, onProgress));
  }

  private claim(tenant: TenantId, snapshotId: string, startedAt: Date): Promise<boolean> {
    return this.db.withTenant(tenant, async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(SnapshotEntity)
        .set({ state: 'running', startedAt, progress: 0, attempts: () => 'attempts + 1' })
        .where('id = :id AND state IN (:...states)', {
          id: snapshotId,
          states: ['queued', 'running', 'failed'],
        })
        .execute();
      return (result.affected ?? 0) > 0;
    });
  }

  private async compute(
    tenant: TenantId,
    snapshotId: string,
    startedAt: Date,
    onProgress: (percent: number) => Promise<void>,
  ): Promise<void> {
    const progress = async (percent: number) => {
      await this.db.withTenant(tenant, (m) =>
        m.update(SnapshotEntity, { id: snapshotId, state: 'running' }, { progress: percent }),
      );
      await onProgress(percent);
    };
    await progress(5);
    // The hash and the rows come from one repeatable-read transaction: they describe the same
    // state. The results are written in another, all at once with the state done.
    const { snapshot, setting, source, inputs } = await this.db.withTenant(
      tenant,
      async (m) => {
        const snapshot = await m.findOneByOrFail(SnapshotEntity, { id: snapshotId });
        const setting = await loadSnapshotSetting(m, snapshot.cycleId, this.catalogues);
        if (!setting) {
          throw new Error(`cycle ${snapshot.cycleId} of snapshot ${snapshotId} is not readable`);
        }
        const source = await sourceHash(m, snapshot.cycleId);
        const inputs = await readSource(m, snapshot.cycleId, setting.catalogue);
        return { snapshot, setting, source, inputs };
      },
      'REPEATABLE READ',
    );
    await progress(40);
    const policy = disclosurePolicyOf(setting.study.disclosurePolicy);
    // Folding depends on the units' profiles only, so it is part of the computation, and the
    // manifest says what was folded for the method appendix and the disclosure report.
    const folding = foldSizeBands(inputs.profiles, policy.foldBelowN);
    const peerGroups = predefinedPeerGroups(
      setting.study.peerGroupDimensions,
      setting.study.peerGroupPairs,
      inputs.profiles,
      folding,
    );
    const result = computeSnapshot({
      profiles: inputs.profiles,
      owners: inputs.unitTenants,
      kpis: benchmarkKpis(setting.catalogue),
      values: inputs.values,
      peerGroups,
      policy,
    });
    await progress(80);
    const units = packUnits(inputs.unitIds, inputs.unitTenants, inputs.profiles);
    const values = encodeValues(inputs.values, inputs.unitIds.length);
    const manifest = {
      cycleId: setting.cycle.id,
      studyId: setting.study.id,
      year: setting.cycle.year,
      catalogue: {
        versionId: setting.catalogueVersion.id,
        key: setting.catalogue.key,
        version: setting.catalogue.version,
        hash: setting.catalogue.hash,
      },
      policy,
      peerGroupDimensions: setting.study.peerGroupDimensions,
      peerGroupPairs: setting.study.peerGroupPairs,
      /** Categories merged into one band before the groups were formed. */
      folding: foldedCategoriesFrom(folding),
      /** The database's hash of the accepted submissions: what publishing checks. */
      sourceHash: source,
      /** sha256 of the frozen inputs: units, profiles, KPI keys and values. */
      inputHash: createHash('sha256')
        .update(units)
        .update(inputs.kpiKeys.join(','))
        .update(values)
        .digest('hex'),
      units: inputs.unitIds.length,
      companies: new Set(inputs.unitTenants).size,
      peerGroups: peerGroups.length,
      engineVersion: SNAPSHOT_ENGINE_VERSION,
      cellsHash: sha256(canonicalJson(result.groups)),
    };
    await this.db.withTenant(tenant, async (m) => {
      await m.query(
        `INSERT INTO snapshot_inputs (snapshot_id, tenant_id, units, kpi_keys, kpi_values)
         VALUES ($1, $2, $3, $4, $5)`,
        [snapshot.id, snapshot.tenantId, units, inputs.kpiKeys, values],
      );
      await writePeerGroups(m, snapshot, peerGroups, result, 0);
      const finishedAt = new Date();
      await m.update(
        SnapshotEntity,
        { id: snapshotId },
        {
          state: 'done',
          progress: 100,
          error: null,
          manifest: {
            ...manifest,
            requestedAt: snapshot.createdAt.toISOString(),
            startedAt: startedAt.toISOString(),
            finishedAt: finishedAt.toISOString(),
          },
          // The hash leaves out the times: recomputing equal inputs gives the equal hash.
          manifestHash: sha256(canonicalJson(manifest)),
          finishedAt,
        },
      );
    });
  }

  /**
   * Records a failed attempt: queued again for a retry, failed after the last one (or at once
   * when `final`); a failure frees the inputs' key for a new request. A snapshot computed
   * meanwhile (by an attempt that took over) is left as it is. True when it is failed for good.
   */
  async recordFailure(
    tenantId: string,
    snapshotId: string,
    error: string,
    final: boolean,
  ): Promise<boolean> {
    const [rows] = await this.db.withTenant(asTenantId(tenantId), (m) =>
      m.query<[{ state: string }[], number]>(
        `UPDATE snapshots
            SET state = CASE WHEN $3 OR attempts >= $4 THEN 'failed' ELSE 'queued' END,
                error = $2, progress = 0
          WHERE id = $1 AND state IN ('queued', 'running')
          RETURNING state`,
        [snapshotId, error.slice(0, 2000), final, MAX_WORK_ATTEMPTS],
      ),
    );
    return rows.length === 0 || rows[0].state === 'failed';
  }
}

/**
 * The accepted submissions of a cycle as value columns: the stored KPI vectors, and for units
 * without a current one their answers derived here.
 */
async function readSource(
  m: EntityManager,
  cycleId: string,
  catalogue: Catalogue,
): Promise<FrozenInputs> {
  const kpis = benchmarkKpis(catalogue);
  const [row] = await m.query<SourceRow[]>('SELECT * FROM benchmark_source($1, $2)', [
    cycleId,
    kpis.length * 8,
  ]);
  const units = unpackUnits(row.units);
  const vectors = row.vectors;
  row.missing.forEach((u, i) => {
    const answers = JSON.parse(row.missing_answers[i]) as Answers;
    kpiVector(catalogue, answers).copy(vectors, u * kpis.length * 8);
  });
  return {
    ...units,
    kpiKeys: kpis.map((k) => k.key),
    values: columnsOfVectors(vectors, kpis.length, units.unitIds.length),
  };
}

/**
 * Writes peer groups (from `ordinal` on) and their cells in two statements, whatever their
 * number. Custom groups come through here too, one at a time.
 */
export async function writePeerGroups(
  m: EntityManager,
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
  await m.query(
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
  await m.query(
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

interface FrozenInputsRow {
  units: string;
  kpi_keys: string[];
  kpi_values: Buffer;
}

/**
 * The frozen inputs of a snapshot through `benchmark_frozen_inputs`: for its publisher, or for a
 * participant once it is published. Callers compute positions and custom groups from them and
 * release only what disclosure control lets through; null when the caller may not read them.
 */
export async function readFrozenInputs(
  m: EntityManager,
  snapshotId: string,
): Promise<FrozenInputs | null> {
  const [row] = await m.query<FrozenInputsRow[]>('SELECT * FROM benchmark_frozen_inputs($1)', [
    snapshotId,
  ]);
  if (!row) {
    return null;
  }
  const units = unpackUnits(row.units);
  return {
    ...units,
    kpiKeys: row.kpi_keys,
    values: decodeValues(row.kpi_values, row.kpi_keys.length, units.unitIds.length),
  };
}
