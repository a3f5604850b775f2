import { SubmissionAuditEntity, SubmissionEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** How many of a cycle's submissions are accepted. */
export function acceptedSubmissionCount(tx: TenantTx, cycleId: string): Promise<number> {
  return managerOf(tx).countBy(SubmissionEntity, { cycleId, state: 'accepted' });
}

/** A cycle's submissions, the least recently changed first. */
export function submissionsOfCycle(tx: TenantTx, cycleId: string): Promise<SubmissionEntity[]> {
  return managerOf(tx).find(SubmissionEntity, {
    where: { cycleId },
    order: { updatedAt: 'ASC', id: 'ASC' },
  });
}

/** A unit's accepted submission of a cycle, if it has one. */
export function acceptedSubmission(
  tx: TenantTx,
  cycleId: string,
  unitId: string,
): Promise<SubmissionEntity | null> {
  return managerOf(tx).findOne(SubmissionEntity, {
    where: { cycleId, unitId, state: 'accepted' },
  });
}

/**
 * The current submissions of these units in a cycle, locked until the transaction ends, so
 * that a concurrent save waits for an import that decides on them.
 */
export function lockSubmissionsOfUnits(
  tx: TenantTx,
  cycleId: string,
  unitIds: readonly string[],
): Promise<SubmissionEntity[]> {
  return managerOf(tx)
    .createQueryBuilder(SubmissionEntity, 's')
    .where('s.cycle_id = :cycleId AND s.unit_id = ANY(:unitIds)', { cycleId, unitIds })
    .setLock('pessimistic_write')
    .getMany();
}

/** Stores a submission's changed state, answers or comments. */
export function saveSubmission(
  tx: TenantTx,
  submission: SubmissionEntity,
): Promise<SubmissionEntity> {
  return managerOf(tx).save(submission);
}

/** A submission's audit rows, oldest first. */
export function auditOfSubmission(
  tx: TenantTx,
  submissionId: string,
): Promise<SubmissionAuditEntity[]> {
  return managerOf(tx).find(SubmissionAuditEntity, {
    where: { submissionId },
    order: { id: 'ASC' },
  });
}
