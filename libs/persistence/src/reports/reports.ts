import { ReportBatchEntity, ReportEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** A report the caller sees; null for another's or none. */
export function findReport(tx: TenantTx, reportId: string): Promise<ReportEntity | null> {
  return managerOf(tx).findOneBy(ReportEntity, { id: reportId });
}

/** Stores a new batch of a snapshot's reports in these languages. */
export function insertReportBatch(
  tx: TenantTx,
  batch: Pick<ReportBatchEntity, 'tenantId' | 'snapshotId' | 'languages'>,
): Promise<ReportBatchEntity> {
  const m = managerOf(tx);
  return m.save(m.create(ReportBatchEntity, batch));
}
