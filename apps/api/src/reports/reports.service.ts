import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode, isCompanyRole, notFound } from '@app/domain';
import { JobPayloads, jobIds, QueueName, ReportJob } from '@app/jobs';
import {
  companyReportInput,
  CycleEntity,
  ReportBatchEntity,
  ReportEntity,
  SnapshotEntity,
  SnapshotReader,
  TenantDb,
  UnitEntity,
} from '@app/persistence';
import { companyReportFileName, renderCompanyReportHtml } from '@app/reporting';
import type { Queue } from 'bull';
import type { EntityManager } from 'typeorm';
import type { CallerContext } from '../common/request-context';
import {
  CreatedReportBatchDto,
  CreatedReportDto,
  ReportBatchDto,
  ReportDto,
} from './dto/report.dto';

/** A PDF as served: its bytes and a file name a person recognises. */
export interface ReportFile {
  pdf: Buffer;
  fileName: string;
}

function toReportDto(r: ReportEntity): ReportDto {
  return {
    id: r.id,
    snapshotId: r.snapshotId,
    unitId: r.unitId,
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

/** Company reports: ordering their rendering, their status, the PDF and the HTML preview. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: TenantDb,
    private readonly reader: SnapshotReader,
    @InjectQueue(QueueName.Reports) private readonly queue: Queue,
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
      await this.enqueue(report.tenantId, [report.id]);
    }
    return { reportId: report.id };
  }

  get(caller: CallerContext, reportId: string): Promise<ReportDto> {
    return this.db.withTenant(caller.actor.tenantId, async (m) =>
      toReportDto(await this.find(m, reportId)),
    );
  }

  /** The stored PDF of a rendered report. */
  pdf(caller: CallerContext, reportId: string): Promise<ReportFile> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const report = await this.find(m, reportId);
      if (report.state !== 'done') {
        throw new DomainError(
          DomainErrorCode.InvalidState,
          caller.language === 'de'
            ? `Der Bericht ist noch nicht fertig (Status ${report.state}).`
            : `The report is not ready yet (state ${report.state}).`,
        );
      }
      const [row] = await m.query<{ pdf: Buffer }[]>('SELECT pdf FROM reports WHERE id = $1', [
        reportId,
      ]);
      const snapshot = await m.findOneByOrFail(SnapshotEntity, { id: report.snapshotId });
      const cycle = await m.findOneByOrFail(CycleEntity, { id: snapshot.cycleId });
      const unit = await m.findOneBy(UnitEntity, { id: report.unitId });
      return {
        pdf: row.pdf,
        fileName: companyReportFileName({
          language: report.language,
          cycle: { year: cycle.year },
          unit: { name: unit?.name ?? '' },
        }),
      };
    });
  }

  /** The report as HTML for the browser: the same document the PDF is printed from. */
  html(caller: CallerContext, reportId: string): Promise<string> {
    return this.db.withTenant(caller.actor.tenantId, async (m) => {
      const report = await this.find(m, reportId);
      const input = await companyReportInput(
        m,
        this.reader,
        report.snapshotId,
        report.unitId,
        report.language,
        report.renderedAt ?? new Date(),
      );
      return renderCompanyReportHtml(input);
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

  /** Renders the failed reports of a batch again; the others are left as they are. */
  async retryBatch(caller: CallerContext, batchId: string): Promise<ReportBatchDto> {
    const failed = await this.db.withTenant(caller.actor.tenantId, async (m) => {
      const batch = await this.findBatch(m, batchId);
      // TypeORM answers an UPDATE ... RETURNING with [rows, affected count].
      const [rows] = await m.query<[{ id: string }[], number]>(
        `UPDATE reports SET state = 'queued', attempts = 0
          WHERE snapshot_id = $1 AND language = ANY($2::text[]) AND state = 'failed'
          RETURNING id`,
        [batch.snapshotId, batch.languages],
      );
      return rows;
    });
    await this.enqueue(
      caller.actor.tenantId,
      failed.map((r) => r.id),
    );
    return this.batch(caller, batchId);
  }

  /**
   * Puts render jobs on the queue under their deterministic ids: a job that is waiting or
   * running already is left alone, a failed one is retried, a missing one added.
   */
  private async enqueue(tenantId: string, reportIds: readonly string[]): Promise<void> {
    for (const reportId of reportIds) {
      const jobId = jobIds.renderReport(reportId);
      const existing = await this.queue.getJob(jobId);
      if (existing && (await existing.isFailed())) {
        await existing.retry();
      } else if (!existing || (await existing.isCompleted())) {
        if (existing) {
          await existing.remove();
        }
        const payload: JobPayloads[ReportJob.RenderCompanyReport] = { tenantId, reportId };
        await this.queue.add(ReportJob.RenderCompanyReport, payload, { jobId });
      }
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
