import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { JobPayloads, QueueName, ReportJob } from '@app/jobs';
import { ReportStore } from '@app/persistence';
import {
  renderCompanyReportHtml,
  reportFooterTemplate,
  reportHeaderTemplate,
} from '@app/reporting';
import type { Job } from 'bull';
import { PdfRenderer } from './pdf-renderer';

/**
 * Bull may hand the worker more jobs than Chromium renders at once; the renderer's own pool
 * (REPORT_CONCURRENCY) is the limit, so the next report's data and HTML are ready when a page
 * frees up.
 */
const JOBS_IN_FLIGHT = 4;

/** Renders company reports: data and HTML from the libraries, the PDF from Chromium. */
@Processor(QueueName.Reports)
export class ReportProcessor {
  private readonly logger = new Logger(ReportProcessor.name);

  constructor(
    private readonly store: ReportStore,
    private readonly renderer: PdfRenderer,
  ) {}

  @Process({ name: ReportJob.RenderCompanyReport, concurrency: JOBS_IN_FLIGHT })
  async render(job: Job<JobPayloads[ReportJob.RenderCompanyReport]>): Promise<void> {
    const { tenantId, reportId } = job.data;
    try {
      const input = await this.store.claim(tenantId, reportId);
      if (!input) {
        return;
      }
      const { pdf, pages } = await this.renderer.render(renderCompanyReportHtml(input), {
        headerTemplate: reportHeaderTemplate(input),
        footerTemplate: reportFooterTemplate(input),
      });
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
