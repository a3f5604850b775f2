import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  asTenantId,
  benchmarkKpis,
  canonicalJson,
  Catalogue,
  computeSnapshot,
  disclosurePolicyOf,
  foldedCategoriesFrom,
  foldCategories,
  predefinedPeerGroups,
  standingAlone,
  TenantId,
  WorkFailure,
} from '@app/domain';
import { untilInfrastructureHolds } from '@app/jobs';
import {
  claimSnapshot,
  encodeValues,
  loadSnapshotSetting,
  packUnits,
  readSource,
  recordSnapshotFailure,
  setSnapshotProgress,
  SnapshotSetting,
  storeComputedSnapshot,
  TenantDb,
  getSnapshot,
} from '@app/persistence';

/**
 * Bumped whenever the computation changes what it outputs for the same inputs, so that a
 * manifest says which code made its cells.
 */
export const SNAPSHOT_ENGINE_VERSION = '3';

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
    const started = await untilInfrastructureHolds(() =>
      this.db.withTenant(tenant, (m) => claimSnapshot(m, snapshotId, startedAt)),
    );
    if (!started) {
      // Done already (a repeated job) or not ours: nothing to do.
      return;
    }
    await untilInfrastructureHolds(() => this.compute(tenant, snapshotId, startedAt, onProgress));
  }

  private async compute(
    tenant: TenantId,
    snapshotId: string,
    startedAt: Date,
    onProgress: (percent: number) => Promise<void>,
  ): Promise<void> {
    const progress = async (percent: number) => {
      await this.db.withTenant(tenant, (m) => setSnapshotProgress(m, snapshotId, percent));
      await onProgress(percent);
    };
    await progress(5);
    // The setting, the hash and the rows come from one repeatable-read transaction (the hash
    // and the rows from one statement): they describe the same state. The results are written
    // in another, all at once with the state done.
    const { snapshot, setting, source, inputs } = await this.db.withTenant(
      tenant,
      async (m) => {
        const snapshot = await getSnapshot(m, snapshotId);
        const setting = await loadSnapshotSetting(m, snapshot.cycleId, this.catalogues);
        if (!setting) {
          throw new Error(`cycle ${snapshot.cycleId} of snapshot ${snapshotId} is not readable`);
        }
        const read = await readSource(m, snapshot.cycleId, setting.catalogue);
        return { snapshot, setting, source: read.sourceHash, inputs: read.inputs };
      },
      'REPEATABLE READ',
    );
    await progress(40);
    const policy = disclosurePolicyOf(setting.study.disclosurePolicy);
    // Folding depends on the units' profiles and companies only, so it is part of the
    // computation, and the manifest says what was folded for the method appendix and the
    // disclosure report.
    const standsAlone = standingAlone(inputs.unitTenants, policy.minN);
    const folding = foldCategories(inputs.profiles, standsAlone, policy);
    const peerGroups = predefinedPeerGroups(
      setting.study.peerGroupDimensions,
      setting.study.peerGroupPairs,
      inputs.profiles,
      folding,
      standsAlone,
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
      folding: foldedCategoriesFrom(folding, peerGroups),
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
      const finishedAt = new Date();
      await storeComputedSnapshot(m, snapshot, {
        units,
        kpiKeys: inputs.kpiKeys,
        values,
        peerGroups,
        result,
        manifest: {
          ...manifest,
          requestedAt: snapshot.createdAt.toISOString(),
          startedAt: startedAt.toISOString(),
          finishedAt: finishedAt.toISOString(),
        },
        // The hash leaves out the times: recomputing equal inputs gives the equal hash.
        manifestHash: sha256(canonicalJson(manifest)),
        finishedAt,
      });
    });
  }

  /**
   * Records a failed attempt: queued again for a retry, failed after the last one (or at once
   * when `final`). True when it is failed for good.
   */
  recordFailure(
    tenantId: string,
    snapshotId: string,
    error: WorkFailure,
    final: boolean,
  ): Promise<boolean> {
    return this.db.withTenant(asTenantId(tenantId), (m) =>
      recordSnapshotFailure(m, snapshotId, error, final),
    );
  }
}
