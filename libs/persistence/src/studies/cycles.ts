import { IsNull, LessThan, LessThanOrEqual, In, Not } from 'typeorm';
import { CycleEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** What a new cycle is made of; the rest are the table's defaults. */
export type NewCycle = Pick<
  CycleEntity,
  'tenantId' | 'studyId' | 'year' | 'state' | 'reminderOffsets'
> &
  Partial<Pick<CycleEntity, 'submissionDeadline'>>;

/**
 * A cycle the caller sees; null for another's or none. `lock` holds its row until the
 * transaction ends, for a use-case that decides on its state.
 */
export function findCycle(
  tx: TenantTx,
  cycleId: string,
  lock = false,
): Promise<CycleEntity | null> {
  return managerOf(tx).findOne(CycleEntity, {
    where: { id: cycleId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/**
 * The cycle a snapshot belongs to: it exists, the foreign key says so (a missing one throws
 * TypeORM's EntityNotFoundError, an internal error).
 */
export function cycleOf(tx: TenantTx, of: { cycleId: string }): Promise<CycleEntity> {
  return managerOf(tx).findOneByOrFail(CycleEntity, { id: of.cycleId });
}

/** The cycle if it is still open. */
export function findOpenCycle(tx: TenantTx, cycleId: string): Promise<CycleEntity | null> {
  return managerOf(tx).findOneBy(CycleEntity, { id: cycleId, state: 'open' });
}

/** The cycle that published a snapshot, if one did. */
export function cyclePublishing(tx: TenantTx, snapshotId: string): Promise<CycleEntity | null> {
  return managerOf(tx).findOneBy(CycleEntity, { publishedSnapshotId: snapshotId });
}

/** A study's published cycles, oldest first. */
export function publishedCyclesOf(tx: TenantTx, studyId: string): Promise<CycleEntity[]> {
  return managerOf(tx).find(CycleEntity, {
    where: { studyId, state: 'published' },
    order: { year: 'ASC' },
  });
}

/** The study's cycle before this one, whatever its state. */
export function findPreviousCycle(tx: TenantTx, cycle: CycleEntity): Promise<CycleEntity | null> {
  return managerOf(tx).findOne(CycleEntity, {
    where: { studyId: cycle.studyId, year: LessThan(cycle.year) },
    order: { year: 'DESC' },
  });
}

/** The study's latest cycle before this one that published a snapshot. */
export function previousPublishedCycle(
  tx: TenantTx,
  cycle: CycleEntity,
): Promise<CycleEntity | null> {
  return managerOf(tx).findOne(CycleEntity, {
    where: {
      studyId: cycle.studyId,
      year: LessThan(cycle.year),
      state: 'published',
      publishedSnapshotId: Not(IsNull()),
    },
    order: { year: 'DESC' },
  });
}

/** The study's published cycles before `year`, at most `count`, the latest first. */
export function publishedCyclesBefore(
  tx: TenantTx,
  studyId: string,
  year: number,
  count: number,
): Promise<CycleEntity[]> {
  return managerOf(tx).find(CycleEntity, {
    where: { studyId, year: LessThanOrEqual(year - 1), state: In(['published']) },
    order: { year: 'DESC' },
    take: count,
  });
}

/** Stores a new cycle. */
export function insertCycle(tx: TenantTx, cycle: NewCycle): Promise<CycleEntity> {
  const m = managerOf(tx);
  return m.save(m.create(CycleEntity, cycle));
}

/** Stores a cycle's changed state, dates or deadline. */
export function saveCycle(tx: TenantTx, cycle: CycleEntity): Promise<CycleEntity> {
  return managerOf(tx).save(cycle);
}

/** Marks the snapshot the cycle publishes. */
export async function setPublishedSnapshot(
  tx: TenantTx,
  cycleId: string,
  snapshotId: string,
): Promise<void> {
  await managerOf(tx).update(CycleEntity, { id: cycleId }, { publishedSnapshotId: snapshotId });
}
