import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import {
  Action,
  DomainError,
  DomainErrorCode,
  notFound,
  requireAccess,
  workFailureText,
} from '@app/domain';
import { enqueueAllUnlessLive, JobQueue, QueueName, workJob } from '@app/jobs';
import {
  failedBatchReports,
  orderBatchReports,
  orderCompanyReport,
  orderTrendReport,
  reportBatch,
  reportBatchesOfSnapshot,
  ReportEntity,
  reportPdf,
  requeueFailedBatchReports,
  SnapshotReader,
  TenantDb,
  unfinishedBatchReportIds,
  unfinishedReportIds,
  findUnit,
  trendNaming,
  studyOf,
  getSnapshot,
  cycleOf,
  insertReportBatch,
  findSnapshot,
  findReport,
} from '@app/persistence';
import { companyReportFileName, reportDocument, trendReportFileName } from '@app/reporting';
import { EXPORT_MEDIA_TYPES, trendWorkbook } from '@app/spreadsheet';
import type { ReportBatchRow, TenantTx } from '@app/persistence';
import type { CallerContext, Language } from '../common/caller';
import type { FileResult } from '../common/file-result';
import { requireQueueReachable } from '../common/queue-reachable';
import { computedTrend, trendSource } from '../trends/trend-computation';
import { reportContent } from './report-store';
import type {
  CreatedReport,
  CreatedReportBatch,
  ReportBatchSummary,
  ReportBatchView,
  ReportView,
} from './report.types';

const PDF_TYPE = 'application/pdf';

function toReportDto(r: ReportEntity, language: Language): ReportView {
  return {
    id: r.id,
    kind: r.kind,
    snapshotId: r.snapshotId,
    unitId: r.unitId,
    trendId: r.trendId,
    language: r.language,
    state: r.state,
    error: r.error && workFailureText(r.error, language),
    attempts: r.attempts,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    pages: r.pages,
    createdAt: r.createdAt.toISOString(),
    renderedAt: r.renderedAt?.toISOString() ?? null,
  };
}

function toBatchSummaryDto(b: ReportBatchRow): ReportBatchSummary {
  return {
    id: b.id,
    snapshotId: b.snapshotId,
    languages: b.languages,
    total: b.total,
    done: b.done,
    failed: b.failed,
    pending: b.pending,
    kept: b.kept,
    createdAt: b.createdAt.toISOString(),
  };
}

/**
 * Company and trend reports: ordering their rendering, their status, the PDF, the HTML preview
 * and a trend report's data as XLSX.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: SnapshotReader,
    @InjectQueue(QueueName.Reports) private readonly queue: JobQueue<QueueName.Reports>,
  ) {}

  /**
   * Queues the report of a unit for a snapshot in a language, or returns the one there is:
   * the same report is rendered and stored once.
   */
  async create(
    caller: CallerContext,
    snapshotId: string,
    unitId: string,
    language: 'de' | 'en',
  ): Promise<CreatedReport> {
    const { actor } = caller;
    const report = await this.db.withTenant(actor.tenantId, async (m) => {
      const snapshot = await this.reader.computedSnapshot(m, snapshotId, caller.language);
      const unit = await findUnit(m, unitId);
      const inputs = await this.reader.frozenInputs(m, snapshotId);
      if (!unit || !inputs.unitIds.includes(unitId)) {
        throw notFound('Unit', unitId);
      }
      requireAccess(actor, Action.ReportOrder, {
        thing: 'Unit',
        id: unitId,
        ownerId: unit.tenantId,
      });
      return orderCompanyReport(
        m,
        { snapshotTenantId: snapshot.tenantId, snapshotId, unitId, unitTenantId: unit.tenantId },
        language,
      );
    });
    if (report.state === 'queued' || report.state === 'rendering') {
      await this.enqueue(report.tenantId, [report.id], caller.language);
    }
    return { reportId: report.id };
  }

  /**
   * Queues the trend report of a study over its published cycles in a language, or returns the
   * one there is for the same published snapshots. The worker computes the trend's data first.
   */
  async createTrendReport(
    caller: CallerContext,
    studyId: string,
    language: 'de' | 'en',
  ): Promise<CreatedReport> {
    const { actor } = caller;
    const report = await this.db.withTenant(actor.tenantId, async (m) => {
      const source = await trendSource(m, studyId, actor, caller.language);
      return orderTrendReport(m, actor.tenantId, { studyId, ...source }, language);
    });
    if (report.state === 'queued' || report.state === 'rendering') {
      await this.enqueue(report.tenantId, [report.id], caller.language);
    }
    return { reportId: report.id };
  }

  get(caller: CallerContext, reportId: string): Promise<ReportView> {
    requireAccess(caller.actor, Action.ReportRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) =>
      toReportDto(await this.find(m, reportId), caller.language),
    );
  }

  /** The stored PDF of a rendered report. */
  pdf(caller: CallerContext, reportId: string): Promise<FileResult> {
    requireAccess(caller.actor, Action.ReportRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const report = await this.find(m, reportId);
      this.requireDone(caller, report);
      const pdf = await reportPdf(m, reportId);
      if (report.trendId !== null) {
        // The name needs the study and the years only, not the trend's data.
        const trend = await trendNaming(m, report.trendId);
        const study = await studyOf(m, trend);
        return {
          buffer: pdf,
          type: PDF_TYPE,
          fileName: trendReportFileName({ language: report.language, study, trend }),
        };
      }
      const snapshot = await getSnapshot(m, report.snapshotId ?? '');
      const cycle = await cycleOf(m, snapshot);
      const unit = await findUnit(m, report.unitId ?? '');
      return {
        buffer: pdf,
        type: PDF_TYPE,
        fileName: companyReportFileName({
          language: report.language,
          cycle: { year: cycle.year },
          unit: { name: unit?.name ?? '' },
        }),
      };
    });
  }

  /**
   * The report as HTML for the browser: the same document the PDF is printed from. A trend
   * report's is there once the worker computed its data and rendered it.
   */
  html(caller: CallerContext, reportId: string): Promise<string> {
    requireAccess(caller.actor, Action.ReportRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const report = await this.find(m, reportId);
      if (report.kind === 'trend') {
        this.requireDone(caller, report);
      }
      const content = await reportContent(m, this.reader, report, report.renderedAt ?? new Date());
      return reportDocument(content).html;
    });
  }

  /** A rendered trend report's data as an XLSX workbook for the publisher's own analysis. */
  trendData(caller: CallerContext, reportId: string): Promise<FileResult> {
    requireAccess(caller.actor, Action.TrendReportRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const report = await this.find(m, reportId);
      if (report.trendId === null) {
        throw new DomainError(
          DomainErrorCode.InvalidState,
          caller.language === 'de'
            ? 'Nur ein Trendbericht hat Trenddaten zum Herunterladen.'
            : 'Only a trend report has trend data to download.',
        );
      }
      this.requireDone(caller, report);
      const { study, trend, policy, catalogue } = await computedTrend(
        m,
        this.reader,
        report.trendId,
      );
      const fileName = trendReportFileName({
        language: report.language,
        study,
        trend: trend.data,
      }).replace(/\.pdf$/, '.xlsx');
      return {
        buffer: await trendWorkbook({
          language: report.language,
          study: { name: study.name },
          catalogue,
          policy,
          trend: trend.data,
        }),
        type: EXPORT_MEDIA_TYPES.xlsx,
        fileName,
      };
    });
  }

  /**
   * Orders the reports of every participant of a snapshot in the given languages. The batch's
   * own reports are those it ordered new and the failed ones it put back in the queue; the
   * others that exist already are kept (rendered ones are not rendered again), so a batch never
   * duplicates, and counted as kept.
   */
  async createBatch(
    caller: CallerContext,
    snapshotId: string,
    languages: ('de' | 'en')[],
  ): Promise<CreatedReportBatch> {
    const { actor } = caller;
    const { batch, own, kept, pending } = await this.db.withTenant(actor.tenantId, async (m) => {
      const snapshot = await this.reader.computedSnapshot(m, snapshotId, caller.language);
      requireAccess(actor, Action.ReportBatchOrder, {
        thing: 'Snapshot',
        id: snapshotId,
        ownerId: snapshot.tenantId,
      });
      const inputs = await this.reader.frozenInputs(m, snapshotId);
      const batch = await insertReportBatch(m, { tenantId: actor.tenantId, snapshotId, languages });
      const { own, kept } = await orderBatchReports(
        m,
        { tenantId: actor.tenantId, batchId: batch.id, snapshotId },
        inputs,
        languages,
      );
      // Reports kept while still queued get a job too, should theirs have been lost.
      const pending = await unfinishedReportIds(m, snapshotId, languages);
      return { batch, own, kept, pending };
    });
    await this.enqueue(actor.tenantId, pending, caller.language);
    return { batchId: batch.id, total: own, kept };
  }

  /**
   * Progress of a batch over its own reports: done, failed and pending, why each failure
   * failed, and how many reports of the snapshot it kept.
   */
  batch(caller: CallerContext, batchId: string): Promise<ReportBatchView> {
    requireAccess(caller.actor, Action.ReportBatchRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const batch = await this.findBatch(m, batchId);
      const failures = await failedBatchReports(m, batchId);
      return {
        ...toBatchSummaryDto(batch),
        failures: failures.map((f) => ({
          ...f,
          error: f.error ? workFailureText(f.error, caller.language) : '',
        })),
      };
    });
  }

  /** The batches of a snapshot, newest first, each with the counts of its own reports. */
  batches(caller: CallerContext, snapshotId: string): Promise<ReportBatchSummary[]> {
    requireAccess(caller.actor, Action.ReportBatchRead);
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const snapshot = await findSnapshot(m, snapshotId);
      if (!snapshot) {
        throw notFound('Snapshot', snapshotId);
      }
      requireAccess(caller.actor, Action.ReportBatchRead, {
        thing: 'Snapshot',
        id: snapshotId,
        ownerId: snapshot.tenantId,
      });
      return (await reportBatchesOfSnapshot(m, snapshotId)).map(toBatchSummaryDto);
    });
  }

  /**
   * Renders the batch's own failed reports again, and gives a pending one whose job was lost (a
   * Redis restart, a worker that died) a new job; done reports are left as they are.
   */
  async retryBatch(caller: CallerContext, batchId: string): Promise<ReportBatchView> {
    requireAccess(caller.actor, Action.ReportBatchRetry);
    const unfinished = await this.db.withTenant(caller.actor.tenantId, async (m) => {
      await this.findBatch(m, batchId);
      await requeueFailedBatchReports(m, batchId);
      return unfinishedBatchReportIds(m, batchId);
    });
    await this.enqueue(caller.actor.tenantId, unfinished, caller.language);
    return this.batch(caller, batchId);
  }

  /**
   * Puts render jobs on the queue under their deterministic ids: a job that is waiting or
   * running already is left alone, a failed, finished or missing one replaced.
   */
  private async enqueue(
    tenantId: string,
    reportIds: readonly string[],
    language: Language,
  ): Promise<void> {
    requireQueueReachable(this.queue, language);
    await enqueueAllUnlessLive(
      this.queue,
      reportIds.map((reportId) => workJob('report', tenantId, reportId)),
    );
  }

  /** A report whose PDF is stored; refused, naming its state, before. */
  private requireDone(caller: CallerContext, report: ReportEntity): void {
    if (report.state !== 'done') {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        caller.language === 'de'
          ? `Der Bericht ist noch nicht fertig (Status ${report.state}).`
          : `The report is not ready yet (state ${report.state}).`,
      );
    }
  }

  private async findBatch(m: TenantTx, batchId: string): Promise<ReportBatchRow> {
    const batch = await reportBatch(m, batchId);
    if (!batch) {
      throw notFound('Report batch', batchId);
    }
    return batch;
  }

  private async find(m: TenantTx, reportId: string): Promise<ReportEntity> {
    const report = await findReport(m, reportId);
    if (!report) {
      throw notFound('Report', reportId);
    }
    return report;
  }
}
