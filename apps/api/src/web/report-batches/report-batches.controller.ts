import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { ReportBatchDto } from '../../reports/dto/report.dto';
import { pagePaths } from '../page-urls';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther } from '../views/page-response';
import { reportBatchModel } from './report-batches.model';
import { StudiesService, SnapshotsService, ReportsService } from '@app/application';

/**
 * The progress of a batch of participants' reports over its own reports: done, failed and total
 * with a progress bar (the page refreshes itself while reports are pending), each failure with
 * its reason, the form that renders the failed ones again, and every batch of the snapshot with
 * its own totals and a link to its page.
 */
@ApiExcludeController()
@Controller()
export class ReportBatchesPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly snapshots: SnapshotsService,
    private readonly studies: StudiesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('report-batches/:batchId')
  @UseCase(Action.ReportBatchRead)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('batchId', PageIdPipe) batchId: string,
  ): Promise<string> {
    return this.batchPage(caller, page, await this.reports.batch(caller, batchId));
  }

  /** Renders the failed reports of the batch again; the page then shows their progress. */
  @Post('report-batches/:batchId/retry')
  @UseCase(Action.ReportBatchRetry)
  async retry(
    @Caller() caller: CallerContext,
    @Param('batchId', PageIdPipe) batchId: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.reports.retryBatch(caller, batchId);
    seeOther(res, pagePaths.reportBatch(batchId));
  }

  private async batchPage(
    caller: CallerContext,
    page: PageContext,
    batch: ReportBatchDto,
  ): Promise<string> {
    const snapshot = await this.snapshots.get(caller, batch.snapshotId);
    const cycle = await this.studies.getCycle(caller.actor, snapshot.cycleId);
    const batches = await this.reports.batches(caller, batch.snapshotId);
    return this.pages.render(
      page,
      'report-batches/batch',
      reportBatchModel(batch, batches, cycle, page),
    );
  }
}
