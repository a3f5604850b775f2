import { Inject, Injectable } from '@nestjs/common';
import { asTenantId, type WorkFailure } from '@app/domain';
import {
  claimReport,
  recordReportFailure,
  ReportEntity,
  SnapshotReader,
  storeReportPdf,
  TenantDb,
  type TenantTx,
} from '@app/persistence';
import type { ReportContent } from '@app/reporting';
import { trendReportInput } from '../trends/trend-computation';
import { queueReportReadyMails, type QueuedMail } from '../notifications/notification-mails';
import { PUBLIC_URL } from '../notifications/public-url';
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
    @Inject(PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  /**
   * Marks a report as rendering and returns what it shows, computing a trend report's data
   * first if they are not yet; null when it is done already (a repeated job) so that a report
   * is never rendered or stored twice. A report left `rendering` by a worker that died is
   * claimed again: the attempt count says how often a worker started it.
   */
  claim(tenantId: string, reportId: string): Promise<ClaimedReport | null> {
    return this.db.withTenant(asTenantId(tenantId), async (m) => {
      const claimed = await claimReport(m, reportId);
      if (!claimed) {
        return null;
      }
      return {
        content: await reportContent(m, this.reader, claimed.report, new Date()),
        attempt: claimed.attempt,
      };
    });
  }

  /**
   * Stores the PDF of the claiming attempt, and in the same transaction writes the mails that
   * tell the unit's company its report of a published snapshot is ready (see
   * queueReportReadyMails), for the caller to enqueue. Null when a later attempt has claimed the
   * report meanwhile (this one's worker was taken for dead): that attempt stores its own, so a
   * report is stored once.
   */
  complete(
    tenantId: string,
    reportId: string,
    attempt: number,
    pdf: Buffer,
    pages: number,
  ): Promise<QueuedMail[] | null> {
    return this.db.withTenant(asTenantId(tenantId), async (m) =>
      (await storeReportPdf(m, reportId, attempt, pdf, pages))
        ? queueReportReadyMails(m, reportId, this.publicUrl)
        : null,
    );
  }

  /**
   * Records a failed attempt: queued again for a retry, failed after the last one (or at once
   * when `final`). True when the report is failed for good.
   */
  fail(tenantId: string, reportId: string, error: WorkFailure, final: boolean): Promise<boolean> {
    return this.db.withTenant(asTenantId(tenantId), (m) =>
      recordReportFailure(m, reportId, error, final),
    );
  }
}

/** What a report shows, read in the caller's transaction; a trend's data computed if need be. */
export async function reportContent(
  m: TenantTx,
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
