import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { asTenantId } from '@app/domain';
import type { ReportContent } from '@app/reporting';
import { ReportEntity } from '../entities';
import { SnapshotReader } from '../snapshots/snapshot-reader';
import type { EntityManager } from 'typeorm';
import { TenantDb } from '../tenant/tenant-db';
import { trendReportInput } from '../trends/trend-computation';
import { companyReportInput } from './company-report-data';

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
   * is never rendered or stored twice.
   */
  claim(tenantId: string, reportId: string): Promise<ReportContent | null> {
    return this.db.withTenant(asTenantId(tenantId), async (m) => {
      const report = await m.findOne(ReportEntity, {
        where: { id: reportId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!report || report.state === 'done') {
        return null;
      }
      await m.update(
        ReportEntity,
        { id: reportId },
        { state: 'rendering', attempts: report.attempts + 1, error: null },
      );
      return reportContent(m, this.reader, report, new Date());
    });
  }

  async complete(tenantId: string, reportId: string, pdf: Buffer, pages: number): Promise<void> {
    await this.db.withTenant(asTenantId(tenantId), (m) =>
      m.update(
        ReportEntity,
        { id: reportId },
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
  }

  /** Records a failed attempt: queued again for a retry, failed after the last one. */
  async fail(tenantId: string, reportId: string, error: string, final: boolean): Promise<void> {
    await this.db.withTenant(asTenantId(tenantId), (m) =>
      m.update(
        ReportEntity,
        { id: reportId },
        { state: final ? 'failed' : 'queued', error: error.slice(0, 2000) },
      ),
    );
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
