import { InjectQueue, OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import {
  enqueueAllUnlessLive,
  isInfrastructureError,
  JobPayloads,
  JobQueue,
  QueueName,
  ReportJob,
  untilInfrastructureHolds,
  workJob,
} from '@app/jobs';
import { ReportStore } from '@app/application';
import { WorkFailure, workFailureOf } from '@app/domain';
import { reportDocument } from '@app/reporting';
import type { Job } from 'bull';
import { randomUUID } from 'node:crypto';
import { JobReconciler } from '../recovery/job-reconciler';
import { PdfRenderError, PdfRenderFailure } from './pdf-render.error';
import { PdfRenderer } from './pdf-renderer';

/**
 * Bull may hand the worker more jobs than Chromium renders at once; the renderer's own pool
 * (REPORT_CONCURRENCY) is the limit, so the next report's data and HTML are ready when a page
 * frees up.
 */
const JOBS_IN_FLIGHT = 4;

/** Renders company and trend reports: data and HTML from the libraries, the PDF from Chromium. */
@Processor(QueueName.Reports)
export class ReportProcessor {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(
    private readonly store: ReportStore,
    private readonly renderer: PdfRenderer,
    private readonly reconciler: JobReconciler,
    @InjectQueue(QueueName.Mail) private readonly mail: JobQueue<QueueName.Mail>,
  ) {}

  @Process({ name: ReportJob.Render, concurrency: JOBS_IN_FLIGHT })
  async render(job: Job<JobPayloads[ReportJob.Render]>): Promise<void> {
    const { tenantId, reportId } = job.data;
    // PostgreSQL down: wait for it rather than use up the report's attempts.
    const onOutage = (error: unknown, waitMs: number) =>
      this.logger.warn(`report ${reportId}: ${messageOf(error)}; trying again in ${waitMs} ms`);
    try {
      const claimed = await untilInfrastructureHolds(
        () => this.store.claim(tenantId, reportId),
        onOutage,
      );
      if (!claimed) {
        return;
      }
      const document = reportDocument(claimed.content);
      const { pdf, pages } = await this.renderer.render(document.html, document);
      const stored = await untilInfrastructureHolds(
        () => this.store.complete(tenantId, reportId, claimed.attempt, pdf, pages),
        onOutage,
      );
      if (!stored) {
        this.logger.warn(`report ${reportId}: attempt ${claimed.attempt} was taken over`);
        return;
      }
      await this.enqueueMails(stored.map((m) => workJob('mail', m.tenantId, m.messageId)));
    } catch (error) {
      const errorId = randomUUID();
      // Ids and the error only: never a figure or a name of the report.
      this.logger.error(
        `report ${reportId} attempt ${job.attemptsMade + 1} failed (error id ${errorId}): ${messageOf(error)}`,
      );
      if (!isInfrastructureError(error)) {
        const final = await untilInfrastructureHolds(
          () => this.store.fail(tenantId, reportId, reportFailureOf(error, errorId), false),
          onOutage,
        );
        if (final) {
          // The row has used its attempts: no retry by Bull either.
          await job.discard();
        }
      }
      throw error;
    }
  }

  /** The report is stored: a lost add leaves its mails queued for the reconciler. */
  private async enqueueMails(jobs: ReturnType<typeof workJob<'mail'>>[]): Promise<void> {
    try {
      await enqueueAllUnlessLive(this.mail, jobs);
    } catch (error) {
      this.logger.warn(
        `report-ready mails not enqueued (${messageOf(error)}); the reconciler will`,
      );
    }
  }

  @OnQueueFailed()
  async failed(job: Job<JobPayloads[ReportJob.Render]>, error: Error): Promise<void> {
    await this.reconciler.afterFailure('report', job.data.tenantId, job.data.reportId, error);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What a failed render stores: the renderer's reason as a key, else the domain's failure. */
function reportFailureOf(error: unknown, errorId: string): WorkFailure {
  if (!(error instanceof PdfRenderError)) {
    return workFailureOf(error, errorId);
  }
  switch (error.reason) {
    case PdfRenderFailure.Timeout:
      return { key: 'render_timeout', params: {} };
    case PdfRenderFailure.BrowserCrashed:
      return { key: 'browser_crashed', params: {} };
    case PdfRenderFailure.LaunchFailed:
      return { key: 'browser_launch_failed', params: {} };
    case PdfRenderFailure.Closed:
      return { key: 'renderer_closed', params: {} };
    case PdfRenderFailure.RenderFailed:
      return { key: 'render_failed', params: {} };
  }
}
