import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { JobPayloads, QueueName, ReportJob } from '@app/jobs';
import { ReportStore } from '@app/persistence';
import { reportDocument } from '@app/reporting';
import type { Job } from 'bull';
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
  ) {}

  @Process({ name: ReportJob.Render, concurrency: JOBS_IN_FLIGHT })
  async render(job: Job<JobPayloads[ReportJob.Render]>): Promise<void> {
    const { tenantId, reportId } = job.data;
    try {
      const content = await this.store.claim(tenantId, reportId);
      if (!content) {
        return;
      }
      const document = reportDocument(content);
      const { pdf, pages } = await this.renderer.render(document.html, document);
      await this.store.complete(tenantId, reportId, pdf, pages);
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = error instanceof Error ? error.message : String(error);
      // Ids and the error only: never a figure or a name of the report.
      this.logger.error(`report ${reportId} attempt ${job.attemptsMade + 1} failed: ${message}`);
      await this.store.fail(tenantId, reportId, message, final);
      throw error;
    }
  }
}
