import { createHash } from 'node:crypto';
import type { WorkFailure } from '@app/domain';
import { MAX_WORK_ATTEMPTS } from '@app/jobs';
import type { TenantTx } from '../tenant/tenant-db';
import { ReportEntity, TrendEntity } from '../entities';
import { managerOf } from '../tenant/tenant-tx';

/**
 * Marks a report as rendering under a row lock, counting the attempt; null when it is done
 * already (a repeated job) or not the caller's, so that a report is never rendered or stored
 * twice. A report left `rendering` by a worker that died is claimed again.
 */
export async function claimReport(
  m: TenantTx,
  reportId: string,
): Promise<{ report: ReportEntity; attempt: number } | null> {
  const report = await managerOf(m).findOne(ReportEntity, {
    where: { id: reportId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!report || report.state === 'done') {
    return null;
  }
  const attempt = report.attempts + 1;
  await managerOf(m).update(
    ReportEntity,
    { id: reportId },
    { state: 'rendering', attempts: attempt, error: null },
  );
  return { report, attempt };
}

/**
 * Stores the PDF of the claiming attempt with its checksum. False when a later attempt has
 * claimed the report meanwhile: that attempt stores its own.
 */
export async function storeReportPdf(
  m: TenantTx,
  reportId: string,
  attempt: number,
  pdf: Buffer,
  pages: number,
): Promise<boolean> {
  const result = await managerOf(m).update(
    ReportEntity,
    { id: reportId, state: 'rendering', attempts: attempt },
    {
      state: 'done',
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      sizeBytes: pdf.length,
      pages,
      renderedAt: new Date(),
      error: null,
    },
  );
  return (result.affected ?? 0) > 0;
}

/**
 * Records a failed attempt: queued again for a retry, failed after the last one (or at once
 * when `final`). True when the report is failed for good.
 */
export async function recordReportFailure(
  m: TenantTx,
  reportId: string,
  error: WorkFailure,
  final: boolean,
): Promise<boolean> {
  const [rows] = await managerOf(m).query<[{ state: string }[], number]>(
    `UPDATE reports
        SET state = CASE WHEN $3 OR attempts >= $4 THEN 'failed' ELSE 'queued' END, error = $2::jsonb
      WHERE id = $1 AND state IN ('queued', 'rendering')
      RETURNING state`,
    [reportId, JSON.stringify(error), final, MAX_WORK_ATTEMPTS],
  );
  return rows.length === 0 || rows[0].state === 'failed';
}

/**
 * The company report of a unit for a snapshot in a language, ordered if there is none yet: the
 * same report is rendered and stored once.
 */
export async function orderCompanyReport(
  m: TenantTx,
  order: { snapshotTenantId: string; snapshotId: string; unitId: string; unitTenantId: string },
  language: 'de' | 'en',
): Promise<ReportEntity> {
  await managerOf(m).query(
    `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language)
     VALUES ($1, 'company', $2, $3, $4, $5)
     ON CONFLICT (snapshot_id, unit_id, language) DO NOTHING`,
    [order.snapshotTenantId, order.snapshotId, order.unitId, order.unitTenantId, language],
  );
  return managerOf(m).findOneByOrFail(ReportEntity, {
    snapshotId: order.snapshotId,
    unitId: order.unitId,
    language,
  });
}

/**
 * The trend report over a study's published snapshots in a language, the trend and the report
 * ordered if there is none yet for the same snapshots (`inputKey`).
 */
export async function orderTrendReport(
  m: TenantTx,
  tenantId: string,
  source: { studyId: string; inputKey: string; years: number[]; snapshotIds: string[] },
  language: 'de' | 'en',
): Promise<ReportEntity> {
  await managerOf(m).query(
    `INSERT INTO trends (tenant_id, study_id, input_key, years, snapshot_ids)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (study_id, input_key) DO NOTHING`,
    [tenantId, source.studyId, source.inputKey, source.years, source.snapshotIds],
  );
  const trend = await managerOf(m).findOneByOrFail(TrendEntity, {
    studyId: source.studyId,
    inputKey: source.inputKey,
  });
  await managerOf(m).query(
    `INSERT INTO reports (tenant_id, kind, trend_id, language)
     VALUES ($1, 'trend', $2, $3)
     ON CONFLICT (trend_id, language) WHERE trend_id IS NOT NULL DO NOTHING`,
    [tenantId, trend.id, language],
  );
  return managerOf(m).findOneByOrFail(ReportEntity, { trendId: trend.id, language });
}

/** The stored PDF of a report the caller sees. */
export async function reportPdf(m: TenantTx, reportId: string): Promise<Buffer> {
  const [row] = await managerOf(m).query<{ pdf: Buffer }[]>(
    'SELECT pdf FROM reports WHERE id = $1',
    [reportId],
  );
  return row.pdf;
}

/**
 * Orders for a batch the company reports of the units (each with its company) in the
 * languages, and links the batch to its own reports: those it ordered new and the failed ones
 * it put back in the queue. The others that exist already are kept and stay another order's.
 * Returns how many reports the batch owns and how many it kept.
 */
export async function orderBatchReports(
  m: TenantTx,
  batch: { tenantId: string; batchId: string; snapshotId: string },
  units: { unitIds: readonly string[]; unitTenants: readonly string[] },
  languages: readonly ('de' | 'en')[],
): Promise<{ own: number; kept: number }> {
  // TypeORM answers an INSERT ... RETURNING with its rows, an UPDATE with [rows, count].
  const created = await managerOf(m).query<{ id: string }[]>(
    `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language)
     SELECT $1, 'company', $2, u.id, u.tenant, l
       FROM unnest($3::uuid[], $4::uuid[]) AS u(id, tenant) CROSS JOIN unnest($5::text[]) AS l
     ON CONFLICT (snapshot_id, unit_id, language) DO NOTHING
     RETURNING id`,
    [batch.tenantId, batch.snapshotId, units.unitIds, units.unitTenants, languages],
  );
  const [requeued] = await managerOf(m).query<[{ id: string }[], number]>(
    `UPDATE reports SET state = 'queued', attempts = 0
      WHERE snapshot_id = $1 AND unit_id = ANY($2::uuid[]) AND language = ANY($3::text[])
        AND state = 'failed'
      RETURNING id`,
    [batch.snapshotId, units.unitIds, languages],
  );
  const own = [...created, ...requeued].map((r) => r.id);
  await linkBatchReports(m, batch, own);
  const kept = units.unitIds.length * languages.length - own.length;
  await managerOf(m).query('UPDATE report_batches SET kept = $2 WHERE id = $1', [
    batch.batchId,
    kept,
  ]);
  return { own: own.length, kept };
}

async function linkBatchReports(
  m: TenantTx,
  batch: { tenantId: string; batchId: string },
  reportIds: readonly string[],
): Promise<void> {
  await managerOf(m).query(
    `INSERT INTO report_batch_reports (tenant_id, batch_id, report_id)
     SELECT $1, $2, r FROM unnest($3::uuid[]) AS r
     ON CONFLICT DO NOTHING`,
    [batch.tenantId, batch.batchId, reportIds],
  );
}

/** The ids of a snapshot's reports in the languages that are queued or rendering. */
export async function unfinishedReportIds(
  m: TenantTx,
  snapshotId: string,
  languages: readonly string[],
): Promise<string[]> {
  const rows = await managerOf(m).query<{ id: string }[]>(
    `SELECT id FROM reports
      WHERE snapshot_id = $1 AND language = ANY($2::text[]) AND state IN ('queued', 'rendering')
      ORDER BY unit_id, language`,
    [snapshotId, languages],
  );
  return rows.map((r) => r.id);
}

/** The ids of a batch's own reports that are queued or rendering. */
export async function unfinishedBatchReportIds(m: TenantTx, batchId: string): Promise<string[]> {
  const rows = await managerOf(m).query<{ id: string }[]>(
    `SELECT r.id FROM report_batch_reports br JOIN reports r ON r.id = br.report_id
      WHERE br.batch_id = $1 AND r.state IN ('queued', 'rendering')
      ORDER BY r.unit_id, r.language`,
    [batchId],
  );
  return rows.map((r) => r.id);
}

/** A failed report of a batch with its unit's name. */
export interface FailedReport {
  reportId: string;
  unitId: string;
  unitName: string;
  language: string;
  error: WorkFailure | null;
}

/** A batch's own reports counted by state. */
export interface ReportBatchCounts {
  total: number;
  done: number;
  failed: number;
  /** Queued or rendering. */
  pending: number;
}

/** A report batch with the counts of its own reports, and how many reports it kept. */
export interface ReportBatchRow extends ReportBatchCounts {
  id: string;
  snapshotId: string;
  languages: ('de' | 'en')[];
  kept: number;
  createdAt: Date;
}

const BATCH_ROWS = `
  SELECT b.id, b.snapshot_id, b.languages, b.kept, b.created_at,
         count(r.id)::int AS total,
         count(r.id) FILTER (WHERE r.state = 'done')::int AS done,
         count(r.id) FILTER (WHERE r.state = 'failed')::int AS failed,
         count(r.id) FILTER (WHERE r.state IN ('queued', 'rendering'))::int AS pending
    FROM report_batches b
    LEFT JOIN report_batch_reports br ON br.batch_id = b.id
    LEFT JOIN reports r ON r.id = br.report_id`;

interface BatchRowRecord {
  id: string;
  snapshot_id: string;
  languages: ('de' | 'en')[];
  kept: number;
  created_at: Date;
  total: number;
  done: number;
  failed: number;
  pending: number;
}

const toBatchRow = (b: BatchRowRecord): ReportBatchRow => ({
  id: b.id,
  snapshotId: b.snapshot_id,
  languages: b.languages,
  kept: b.kept,
  createdAt: b.created_at,
  total: b.total,
  done: b.done,
  failed: b.failed,
  pending: b.pending,
});

/** A batch with the counts of its own reports; null when the caller sees no such batch. */
export async function reportBatch(m: TenantTx, batchId: string): Promise<ReportBatchRow | null> {
  const rows = await managerOf(m).query<BatchRowRecord[]>(
    `${BATCH_ROWS} WHERE b.id = $1 GROUP BY b.id`,
    [batchId],
  );
  return rows.length === 0 ? null : toBatchRow(rows[0]);
}

/** The batches of a snapshot, newest first, each with the counts of its own reports. */
export async function reportBatchesOfSnapshot(
  m: TenantTx,
  snapshotId: string,
): Promise<ReportBatchRow[]> {
  const rows = await managerOf(m).query<BatchRowRecord[]>(
    `${BATCH_ROWS} WHERE b.snapshot_id = $1 GROUP BY b.id ORDER BY b.created_at DESC, b.id DESC`,
    [snapshotId],
  );
  return rows.map(toBatchRow);
}

/** The failed reports of a batch's own, by unit name. */
export async function failedBatchReports(m: TenantTx, batchId: string): Promise<FailedReport[]> {
  const failures = await managerOf(m).query<
    { id: string; unit_id: string; name: string; language: string; error: WorkFailure | null }[]
  >(
    `SELECT r.id, r.unit_id, u.name, r.language, r.error
       FROM report_batch_reports br
       JOIN reports r ON r.id = br.report_id
       JOIN units u ON u.id = r.unit_id
      WHERE br.batch_id = $1 AND r.state = 'failed'
      ORDER BY u.name, r.language`,
    [batchId],
  );
  return failures.map((f) => ({
    reportId: f.id,
    unitId: f.unit_id,
    unitName: f.name,
    language: f.language,
    error: f.error,
  }));
}

/** Queues a batch's own failed reports again, with their attempts reset. */
export async function requeueFailedBatchReports(m: TenantTx, batchId: string): Promise<void> {
  await managerOf(m).query(
    `UPDATE reports SET state = 'queued', attempts = 0
      WHERE state = 'failed'
        AND id IN (SELECT report_id FROM report_batch_reports WHERE batch_id = $1)`,
    [batchId],
  );
}
