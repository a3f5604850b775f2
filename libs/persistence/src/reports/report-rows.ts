import { createHash } from 'node:crypto';
import { MAX_WORK_ATTEMPTS } from '@app/jobs';
import type { EntityManager } from 'typeorm';
import { ReportEntity } from '../entities';

/**
 * Marks a report as rendering under a row lock, counting the attempt; null when it is done
 * already (a repeated job) or not the caller's, so that a report is never rendered or stored
 * twice. A report left `rendering` by a worker that died is claimed again.
 */
export async function claimReport(
  m: EntityManager,
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
  m: EntityManager,
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
  m: EntityManager,
  reportId: string,
  error: string,
  final: boolean,
): Promise<boolean> {
  const [rows] = await m.query<[{ state: string }[], number]>(
    `UPDATE reports
        SET state = CASE WHEN $3 OR attempts >= $4 THEN 'failed' ELSE 'queued' END, error = $2
      WHERE id = $1 AND state IN ('queued', 'rendering')
      RETURNING state`,
    [reportId, error.slice(0, 2000), final, MAX_WORK_ATTEMPTS],
  );
  return rows.length === 0 || rows[0].state === 'failed';
}
