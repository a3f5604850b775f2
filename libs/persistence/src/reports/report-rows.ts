import { createHash } from 'node:crypto';
import type { WorkFailure } from '@app/domain';
import { MAX_WORK_ATTEMPTS } from '@app/jobs';
import type { TenantTx } from '../tenant/tenant-db';
import { ReportEntity, TrendEntity } from '../entities';

/**
 * Marks a report as rendering under a row lock, counting the attempt; null when it is done
 * already (a repeated job) or not the caller's, so that a report is never rendered or stored
 * twice. A report left `rendering` by a worker that died is claimed again.
 */
export async function claimReport(
  m: TenantTx,
  reportId: string,
): Promise<{ report: ReportEntity; attempt: number } | null> {
  const report = await m.findOne(ReportEntity, {
    where: { id: reportId },
    lock: { mode: 'pessimistic_write' },
  });
  if (!report || report.state === 'done') {
    return null;
  }
  const attempt = report.attempts + 1;
  await m.update(
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
  const result = await m.update(
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
  const [rows] = await m.query<[{ state: string }[], number]>(
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
  await m.query(
    `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language)
     VALUES ($1, 'company', $2, $3, $4, $5)
     ON CONFLICT (snapshot_id, unit_id, language) DO NOTHING`,
    [order.snapshotTenantId, order.snapshotId, order.unitId, order.unitTenantId, language],
  );
  return m.findOneByOrFail(ReportEntity, {
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
  await m.query(
    `INSERT INTO trends (tenant_id, study_id, input_key, years, snapshot_ids)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (study_id, input_key) DO NOTHING`,
    [tenantId, source.studyId, source.inputKey, source.years, source.snapshotIds],
  );
  const trend = await m.findOneByOrFail(TrendEntity, {
    studyId: source.studyId,
    inputKey: source.inputKey,
  });
  await m.query(
    `INSERT INTO reports (tenant_id, kind, trend_id, language)
     VALUES ($1, 'trend', $2, $3)
     ON CONFLICT (trend_id, language) WHERE trend_id IS NOT NULL DO NOTHING`,
    [tenantId, trend.id, language],
  );
  return m.findOneByOrFail(ReportEntity, { trendId: trend.id, language });
}

/** The stored PDF of a report the caller sees. */
export async function reportPdf(m: TenantTx, reportId: string): Promise<Buffer> {
  const [row] = await m.query<{ pdf: Buffer }[]>('SELECT pdf FROM reports WHERE id = $1', [
    reportId,
  ]);
  return row.pdf;
}

/**
 * Orders the company reports of the units (each with its company) in the languages; reports
 * that exist already are kept.
 */
export async function orderCompanyReports(
  m: TenantTx,
  tenantId: string,
  snapshotId: string,
  units: { unitIds: readonly string[]; unitTenants: readonly string[] },
  languages: readonly ('de' | 'en')[],
): Promise<void> {
  await m.query(
    `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language)
     SELECT $1, 'company', $2, u.id, u.tenant, l
       FROM unnest($3::uuid[], $4::uuid[]) AS u(id, tenant) CROSS JOIN unnest($5::text[]) AS l
     ON CONFLICT (snapshot_id, unit_id, language) DO NOTHING`,
    [tenantId, snapshotId, units.unitIds, units.unitTenants, languages],
  );
}

/** The ids of a snapshot's reports in the languages that are queued or rendering. */
export async function unfinishedReportIds(
  m: TenantTx,
  snapshotId: string,
  languages: readonly string[],
): Promise<string[]> {
  const rows = await m.query<{ id: string }[]>(
    `SELECT id FROM reports
      WHERE snapshot_id = $1 AND language = ANY($2::text[]) AND state IN ('queued', 'rendering')
      ORDER BY unit_id, language`,
    [snapshotId, languages],
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

/** A snapshot's reports in the languages counted by state, and the failed ones by unit name. */
export async function reportBatchProgress(
  m: TenantTx,
  snapshotId: string,
  languages: readonly string[],
): Promise<{ counts: { state: string; n: number }[]; failures: FailedReport[] }> {
  const counts = await m.query<{ state: string; n: number }[]>(
    `SELECT state, count(*)::int AS n FROM reports
      WHERE snapshot_id = $1 AND language = ANY($2::text[]) GROUP BY state`,
    [snapshotId, languages],
  );
  const failures = await m.query<
    { id: string; unit_id: string; name: string; language: string; error: WorkFailure | null }[]
  >(
    `SELECT r.id, r.unit_id, u.name, r.language, r.error FROM reports r
       JOIN units u ON u.id = r.unit_id
      WHERE r.snapshot_id = $1 AND r.language = ANY($2::text[]) AND r.state = 'failed'
      ORDER BY u.name, r.language`,
    [snapshotId, languages],
  );
  return {
    counts,
    failures: failures.map((f) => ({
      reportId: f.id,
      unitId: f.unit_id,
      unitName: f.name,
      language: f.language,
      error: f.error,
    })),
  };
}

/** Queues a snapshot's failed reports in the languages again, with their attempts reset. */
export async function requeueFailedReports(
  m: TenantTx,
  snapshotId: string,
  languages: readonly string[],
): Promise<void> {
  await m.query(
    `UPDATE reports SET state = 'queued', attempts = 0
      WHERE snapshot_id = $1 AND language = ANY($2::text[]) AND state = 'failed'`,
    [snapshotId, languages],
  );
}
