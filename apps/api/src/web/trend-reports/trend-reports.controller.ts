import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, notFound } from '@app/domain';
import { UseCase } from '../../auth/auth.decorators';
import { download } from '../../common/file-download';
import { Caller, CallerContext } from '../../common/request-context';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { trendReportModel } from './trend-reports.model';
import { ReportsService } from '@app/application';

/**
 * A trend report's page: its state while it is rendered (the page refreshes itself), then the
 * links to its preview and PDF (the report pages under /reports, shared with company reports)
 * and the download of its data as XLSX.
 */
@ApiExcludeController()
@Controller()
export class TrendReportsPagesController {
  constructor(
    private readonly reports: ReportsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('trend-reports/:reportId')
  @UseCase(Action.TrendReportRead)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('reportId', PageIdPipe) reportId: string,
  ): Promise<string> {
    const report = await this.reports.get(caller, reportId);
    if (report.kind !== 'trend') {
      // A company report has its own page; under this address it does not exist.
      throw notFound('Trend report', reportId);
    }
    return this.pages.render(page, 'trend-reports/report', trendReportModel(report, page));
  }

  /** The trend report's data as XLSX, in the report's language. */
  @Get('trend-reports/:reportId/xlsx')
  @UseCase(Action.TrendReportRead)
  async xlsx(
    @Caller() caller: CallerContext,
    @Param('reportId', PageIdPipe) reportId: string,
  ): Promise<StreamableFile> {
    return download(await this.reports.trendData(caller, reportId));
  }
}
