import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, isCompanyRole, notFound } from '@app/domain';
import { enqueueUnlessLive, JobQueue, QueueName, workJob } from '@app/jobs';
import { computedTrend, reportContent, trendSource } from '@app/application';
import {
  CycleEntity,
  ReportBatchEntity,
  ReportEntity,
  SnapshotEntity,
  SnapshotReader,
  StudyEntity,
  TenantDb,
  TrendEntity,
  UnitEntity,
} from '@app/persistence';
import { companyReportFileName, reportDocument, trendReportFileName } from '@app/reporting';
import { EXPORT_MEDIA_TYPES, trendWorkbook } from '@app/spreadsheet';
import type { EntityManager } from 'typeorm';
import type { FileResult } from '../common/file-download';
import { requireQueueReachable } from '../common/queue-reachable';
import type { CallerContext, Language } from '../common/request-context';
import {
  CreatedReportBatchDto,
  CreatedReportDto,
  ReportBatchDto,
  ReportDto,
} from './dto/report.dto';

const PDF_TYPE = 'application/pdf';

function toReportDto(r: ReportEntity): ReportDto {
  return {
    id: r.id,
    kind: r.kind,
    snapshotId: r.snapshotId,
    unitId: r.unitId,
    trendId: r.trendId,
    language: r.language,
    state: r.state,
    error: r.error,
    attempts: r.attempts,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    pages: r.pages,
    createdAt: r.createdAt.toISOString(),
    renderedAt: r.renderedAt?.toISOString() ?? null,
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
  ): Promise<CreatedReportDto> {
    const { actor } = caller;
    const report = await this.db.withTenant(actor.tenantId, async (m) => {
      const snapshot = await this.reader.computedSnapshot(m, snapshotId, caller.language);
      const unit = await m.findOneBy(UnitEntity, { id: unitId });
      const inputs = await this.reader.frozenInputs(m, snapshotId);
      if (
        !unit ||
        !inputs.unitIds.includes(unitId) ||
        (isCompanyRole(actor.role) && unit.tenantId !== actor.tenantId)
      ) {
        throw notFound('Unit', unitId);
      }
      await m.query(
        `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language)
         VALUES ($1, 'company', $2, $3, $4, $5)
         ON CONFLICT (snapshot_id, unit_id, language) DO NOTHING`,
        [snapshot.tenantId, snapshotId, unitId, unit.tenantId, language],
      );
      return m.findOneByOrFail(ReportEntity, { snapshotId, unitId, language });
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
  ): Promise<CreatedReportDto> {
    const { actor } = caller;
    const report = await this.db.withTenant(actor.tenantId, async (m) => {
      const source = await trendSource(m, studyId, actor.tenantId, caller.language);
      await m.query(
        `INSERT INTO trends (tenant_id, study_id, input_key, years, snapshot_ids)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (study_id, input_key) DO NOTHING`,
        [actor.tenantId, studyId, source.inputKey, source.years, source.snapshotIds],
      );
      const trend = await m.findOneByOrFail(TrendEntity, { studyId, inputKey: source.inputKey });
      await m.query(
        `INSERT INTO reports (tenant_id, kind, trend_id, language)
         VALUES ($1, 'trend', $2, $3)
         ON CONFLICT (trend_id, language) WHERE trend_id IS NOT NULL DO NOTHING`,
        [actor.tenantId, trend.id, language],
      );
      return m.findOneByOrFail(ReportEntity, { trendId: trend.id, language });
    });
    if (report.state === 'queued' || report.state === 'rendering') {
      await this.enqueue(report.tenantId, [report.id], caller.language);
    }
    return { reportId: report.id };
  }

  get(caller: CallerContext, reportId: string): Promise<ReportDto> {
    return this.db.withTenant(caller.actor.tenantId, async (m) =>
      toReportDto(await this.find(m, reportId)),
    );
  }

  /** The stored PDF of a rendered report. */
  pdf(caller: CallerContext, reportId: string): Promise<FileResult> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const report = await this.find(m, reportId);
      this.requireDone(caller, report);
      const [row] = await m.query<{ pdf: Buffer }[]>('SELECT pdf FROM reports WHERE id = $1', [
        reportId,
      ]);
      if (report.trendId !== null) {
        // The name needs the study and the years only, not the trend's data.
        const trend = await m.findOneOrFail(TrendEntity, {
          where: { id: report.trendId },
          select: { id: true, studyId: true, years: true },
        });
        const study = await m.findOneByOrFail(StudyEntity, { id: trend.studyId });
        return {
          buffer: row.pdf,
          type: PDF_TYPE,
          fileName: trendReportFileName({ language: report.language, study, trend }),
        };
      }
      const snapshot = await m.findOneByOrFail(SnapshotEntity, { id: report.snapshotId ?? '' });
      const cycle = await m.findOneByOrFail(CycleEntity, { id: snapshot.cycleId });
      const unit = await m.findOneBy(UnitEntity, { id: report.unitId ?? '' });
      return {
        buffer: row.pdf,
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
   * Orders the reports of every participant of a snapshot in the given languages. Reports that
   * exist already are kept (rendered ones are not rendered again), so a batch never duplicates.
   */
  async createBatch(
    caller: CallerContext,
    snapshotId: string,
    languages: ('de' | 'en')[],
  ): Promise<CreatedReportBatchDto> {
    const { actor } = caller;
    const { batch, total, pending } = await this.db.withTenant(actor.tenantId, async (m) => {
      const snapshot = await this.reader.computedSnapshot(m, snapshotId, caller.language);
      if (snapshot.tenantId !== actor.tenantId) {
        throw notFound('Snapshot', snapshotId);
      }
      const inputs = await this.reader.frozenInputs(m, snapshotId);
      const batch = await m.save(
        m.create(ReportBatchEntity, { tenantId: actor.tenantId, snapshotId, languages }),
      );
      await m.query(
        `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language)
         SELECT $1, 'company', $2, u.id, u.tenant, l
           FROM unnest($3::uuid[], $4::uuid[]) AS u(id, tenant) CROSS JOIN unnest($5::text[]) AS l
         ON CONFLICT (snapshot_id, unit_id, language) DO NOTHING`,
        [actor.tenantId, snapshotId, inputs.unitIds, inputs.unitTenants, languages],
      );
      const pending = await m.query<{ id: string }[]>(
        `SELECT id FROM reports
          WHERE snapshot_id = $1 AND language = ANY($2::text[]) AND state IN ('queued', 'rendering')
          ORDER BY unit_id, language`,
        [snapshotId, languages],
      );
      return { batch, total: inputs.unitIds.length * languages.length, pending };
    });
    await this.enqueue(
      actor.tenantId,
      pending.map((r) => r.id),
      caller.language,
    );
    return { batchId: batch.id, total };
  }

  /** Progress of a batch: done, failed and pending reports, and why each failure failed. */
  batch(caller: CallerContext, batchId: string): Promise<ReportBatchDto> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const batch = await this.findBatch(m, batchId);
      const counts = await m.query<{ state: string; n: number }[]>(
        `SELECT state, count(*)::int AS n FROM reports
          WHERE snapshot_id = $1 AND language = ANY($2::text[]) GROUP BY state`,
        [batch.snapshotId, batch.languages],
      );
      const count = (...states: string[]) =>
        counts.filter((c) => states.includes(c.state)).reduce((sum, c) => sum + c.n, 0);
      const failures = await m.query<
        { id: string; unit_id: string; name: string; language: string; error: string | null }[]
      >(
        `SELECT r.id, r.unit_id, u.name, r.language, r.error FROM reports r
           JOIN units u ON u.id = r.unit_id
          WHERE r.snapshot_id = $1 AND r.language = ANY($2::text[]) AND r.state = 'failed'
          ORDER BY u.name, r.language`,
        [batch.snapshotId, batch.languages],
      );
      return {
        id: batch.id,
        snapshotId: batch.snapshotId,
        languages: batch.languages,
        total: count('queued', 'rendering', 'done', 'failed'),
        done: count('done'),
        failed: count('failed'),
        pending: count('queued', 'rendering'),
        failures: failures.map((f) => ({
          reportId: f.id,
          unitId: f.unit_id,
          unitName: f.name,
          language: f.language,
          error: f.error ?? '',
        })),
        createdAt: batch.createdAt.toISOString(),
      };
    });
  }

  /**
   * Renders the failed reports of a batch again, and gives a pending one whose job was lost (a
   * Redis restart, a worker that died) a new job; done reports are left as they are.
   */
  async retryBatch(caller: CallerContext, batchId: string): Promise<ReportBatchDto> {
    const unfinished = await this.db.withTenant(caller.actor.tenantId, async (m) => {
      const batch = await this.findBatch(m, batchId);
      await m.query(
        `UPDATE reports SET state = 'queued', attempts = 0
          WHERE snapshot_id = $1 AND language = ANY($2::text[]) AND state = 'failed'`,
        [batch.snapshotId, batch.languages],
      );
      return m.query<{ id: string }[]>(
        `SELECT id FROM reports
          WHERE snapshot_id = $1 AND language = ANY($2::text[]) AND state IN ('queued', 'rendering')
          ORDER BY unit_id, language`,
        [batch.snapshotId, batch.languages],
      );
    });
    await this.enqueue(
      caller.actor.tenantId,
      unfinished.map((r) => r.id),
      caller.language,
    );
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
    for (const reportId of reportIds) {
      await enqueueUnlessLive(this.queue, workJob('report', tenantId, reportId));
    }
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

  private async findBatch(m: EntityManager, batchId: string): Promise<ReportBatchEntity> {
    const batch = await m.findOneBy(ReportBatchEntity, { id: batchId });
    if (!batch) {
      throw notFound('Report batch', batchId);
    }
    return batch;
  }

  private async find(m: EntityManager, reportId: string): Promise<ReportEntity> {
    const report = await m.findOneBy(ReportEntity, { id: reportId });
    if (!report) {
      throw notFound('Report', reportId);
    }
    return report;
  }
}
