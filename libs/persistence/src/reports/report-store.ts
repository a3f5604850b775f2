import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { asTenantId } from '@app/domain';
import { MAX_WORK_ATTEMPTS } from '@app/jobs';
import type { ReportContent } from '@app/reporting';
import { ReportEntity } from '../entities';
import { SnapshotReader } from '../snapshots/snapshot-reader';
import type { EntityManager } from 'typeorm';
import { TenantDb } from '../tenant/tenant-db';
import { trendReportInput } from '../trends/trend-computation';
import { companyReportInput } from './company-report-data';

/** A claimed report: what it shows, and which attempt claimed it. */
export interface ClaimedReport {
  content: ReportContent;
  attempt: number;
}

/**
 * The stored side of report rendering, for the worker: claim a queued report, read what it
 * shows, store the PDF with its checksum, or record a failure. The rendering itself (HTML and
 * Chromium) happens between these calls.
 */
@Injectable()
export class ReportStore {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: SnapshotReader,
  ) {}

  /**
   * Marks a report as rendering and returns what it shows, computing a trend report's data
   * first if they are not yet; null when it is done already (a repeated job) so that a report
   * is never rendered or stored twice. A report left `rendering` by a worker that died is
   * claimed again: the attempt count says how often a worker started it.
   */
  claim(tenantId: string, reportId: string): Promise<ClaimedReport | null> {
    return this.db.withTenant(asTenantId(tenantId), async (m) => {
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
      return { content: await reportContent(m, this.reader, report, new Date()), attempt };
    });
  }

  /**
   * Stores the PDF of the claiming attempt. False when a later attempt has claimed the report
   * meanwhile (this one's worker was taken for dead): that attempt stores its own, so a report
   * is stored once.
   */
  async complete(
    tenantId: string,
    reportId: string,
    attempt: number,
    pdf: Buffer,
    pages: number,
  ): Promise<boolean> {
    const result = await this.db.withTenant(asTenantId(tenantId), (m) =>
      m.update(
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
      ),
    );
    return (result.affected ?? 0) > 0;
  }

  /**
   * Records a failed attempt: queued again for a retry, failed after the last one (or at once
   * when `final`). True when the report is failed for good.
   */
  async fail(tenantId: string, reportId: string, error: string, final: boolean): Promise<boolean> {
    const [rows] = await this.db.withTenant(asTenantId(tenantId), (m) =>
      m.query<[{ state: string }[], number]>(
        `UPDATE reports
            SET state = CASE WHEN $3 OR attempts >= $4 THEN 'failed' ELSE 'queued' END, error = $2
          WHERE id = $1 AND state IN ('queued', 'rendering')
          RETURNING state`,
        [reportId, error.slice(0, 2000), final, MAX_WORK_ATTEMPTS],
      ),
    );
    return rows.length === 0 || rows[0].state === 'failed';
  }
}

/** What a report shows, read in the caller's transaction; a trend's data computed if need be. */
export async function reportContent(
  m: EntityManager,
  reader: SnapshotReader,
  report: ReportEntity,
  generatedAt: Date,
): Promise<ReportContent> {
  if (report.kind === 'trend' && report.trendId !== null) {
    return {
      kind: 'trend',
      input: await trendReportInput(m, reader, report.trendId, report.language, generatedAt),
    };
  }
  if (report.kind === 'company' && report.snapshotId !== null && report.unitId !== null) {
    return {
      kind: 'company',
      input: await companyReportInput(
        m,
        reader,
        report.snapshotId,
        report.unitId,
        report.language,
        generatedAt,
      ),
    };
  }
  // The table's check constraint makes this unreachable.
  throw new Error(`report ${report.id} of kind ${report.kind} lacks its keys`);
}
