import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { Caller, CallerContext } from '../common/request-context';
import { DisclosureReportDto } from './dto/disclosure-report.dto';
import { DisclosureReportsService } from '@app/application';

@ApiTags('snapshots')
@ApiBearerAuth()
@Controller(API)
export class DisclosureReportsController {
  constructor(private readonly reports: DisclosureReportsService) {}

  /**
   * The publisher's disclosure report of a snapshot. Company roles pass the role check so that
   * they get the same 404 as another publisher: whether a ledger exists is none of theirs.
   */
  @Get('snapshots/:snapshotId/disclosure-report')
  @UseCase(Action.DisclosureReportRead)
  @ApiOkResponse({ type: DisclosureReportDto })
  report(
    @Caller() caller: CallerContext,
    @Param('snapshotId', ParseUUIDPipe) snapshotId: string,
  ): Promise<DisclosureReportDto> {
    return this.reports.report(caller, snapshotId);
  }
}
