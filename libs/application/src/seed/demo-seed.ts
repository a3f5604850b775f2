import { asTenantId } from '@app/domain';
import {
  DEMO_PUBLISHER_ID,
  loadSnapshotSetting,
  seedDemoData,
  sourceHash,
  TenantDb,
  unpublishedDemoCycles,
  queueSnapshot,
  setPublishedSnapshot,
} from '@app/persistence';
import { SnapshotComputation, snapshotInputKey } from '../snapshots/snapshot-computation';

/**
 * Seeds the demo study once as the owner role (`ownerUrl`) and publishes its published cycles'
 * snapshots. Returns false when the demo was there already.
 */
export function seedDemo(ownerUrl: string): Promise<boolean> {
  return seedDemoData(ownerUrl, publishDemoSnapshots);
}

/**
 * Computes and publishes the snapshots of the demo's published cycles that have none yet, so
 * that a newcomer finds published benchmarks at once; a start interrupted here finishes the
 * job on the next start.
 */
async function publishDemoSnapshots(tenantDb: TenantDb): Promise<void> {
  const computation = new SnapshotComputation(tenantDb);
  const publisher = asTenantId(DEMO_PUBLISHER_ID);
  const cycles = await tenantDb.withTenant(publisher, unpublishedDemoCycles);
  for (const cycle of cycles) {
    const snapshotId = await tenantDb.withTenant(publisher, async (m) => {
      const setting = await loadSnapshotSetting(m, cycle.id, new Map());
      if (!setting) {
        throw new Error(`demo cycle ${cycle.year} is missing`);
      }
      const snapshot = await queueSnapshot(m, {
        tenantId: DEMO_PUBLISHER_ID,
        cycleId: cycle.id,
        inputKey: snapshotInputKey(setting, await sourceHash(m, cycle.id)),
      });
      return snapshot.id;
    });
    await computation.run(DEMO_PUBLISHER_ID, snapshotId, () => Promise.resolve());
    await tenantDb.withTenant(publisher, (m) => setPublishedSnapshot(m, cycle.id, snapshotId));
  }
}
