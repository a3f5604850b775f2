import { SnapshotEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** A snapshot the caller sees; null for another's or none. */
export function findSnapshot(tx: TenantTx, snapshotId: string): Promise<SnapshotEntity | null> {
  return managerOf(tx).findOneBy(SnapshotEntity, { id: snapshotId });
}

/**
 * A snapshot that exists (a cycle or a report names it): a missing one throws TypeORM's
 * EntityNotFoundError, an internal error.
 */
export function getSnapshot(tx: TenantTx, snapshotId: string): Promise<SnapshotEntity> {
  return managerOf(tx).findOneByOrFail(SnapshotEntity, { id: snapshotId });
}

/** The snapshots of these ids the caller sees, in no particular order. */
export function snapshotsWithIds(
  tx: TenantTx,
  snapshotIds: readonly string[],
): Promise<SnapshotEntity[]> {
  return managerOf(tx).findBy(
    SnapshotEntity,
    snapshotIds.map((id) => ({ id })),
  );
}

/** A cycle's snapshots, the newest first. */
export function snapshotsOfCycle(tx: TenantTx, cycleId: string): Promise<SnapshotEntity[]> {
  return managerOf(tx).find(SnapshotEntity, { where: { cycleId }, order: { createdAt: 'DESC' } });
}

/** A snapshot of this cycle; null for one of another cycle or none. */
export function findSnapshotOfCycle(
  tx: TenantTx,
  snapshotId: string,
  cycleId: string,
): Promise<SnapshotEntity | null> {
  return managerOf(tx).findOneBy(SnapshotEntity, { id: snapshotId, cycleId });
}

/** The cycle's snapshot computed last, if any. */
export function latestComputedSnapshot(
  tx: TenantTx,
  cycleId: string,
): Promise<SnapshotEntity | null> {
  return managerOf(tx).findOne(SnapshotEntity, {
    where: { cycleId, state: 'done' },
    order: { finishedAt: 'DESC' },
  });
}

/**
 * The cycle's latest snapshot of the same inputs that has not failed: one computed, or still
 * to be, from what a new one would be computed from.
 */
export function reusableSnapshot(
  tx: TenantTx,
  cycleId: string,
  inputKey: string,
): Promise<SnapshotEntity | null> {
  return managerOf(tx)
    .createQueryBuilder(SnapshotEntity, 's')
    .where('s.cycle_id = :cycleId AND s.input_key = :inputKey AND s.state <> :failed', {
      cycleId,
      inputKey,
      failed: 'failed',
    })
    .orderBy('s.created_at', 'DESC')
    .getOne();
}

/** Stores a new snapshot of a cycle, queued for its computation. */
export function queueSnapshot(
  tx: TenantTx,
  snapshot: Pick<SnapshotEntity, 'tenantId' | 'cycleId' | 'inputKey'>,
): Promise<SnapshotEntity> {
  const m = managerOf(tx);
  return m.save(
    m.create(SnapshotEntity, { ...snapshot, state: 'queued', progress: 0, attempts: 0 }),
  );
}
