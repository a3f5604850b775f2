import { Controller, Get, Param } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { disclosureReportPageModel } from './disclosure-report-page.model';
import { StudiesService, DisclosureReportsService } from '@app/application';

/**
 * A snapshot's disclosure report for its publisher, from the same service as the API's JSON.
 * Company roles pass the role check so that they see the same not-found page as another
 * publisher.
 */
@ApiExcludeController()
@Controller()
export class DisclosureReportsPagesController {
  constructor(
    private readonly reports: DisclosureReportsService,
    private readonly studies: StudiesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('snapshots/:snapshotId/disclosure-report')
  @UseCase(Action.DisclosureReportRead)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('snapshotId', PageIdPipe) snapshotId: string,
  ): Promise<string> {
    const report = await this.reports.report(caller, snapshotId);
    const cycle = await this.studies.getCycle(caller.actor, report.cycleId);
    return this.pages.render(
      page,
      'disclosure-reports/report',
      disclosureReportPageModel(report, cycle, page.language, page.texts.disclosureReports),
    );
  }
}
