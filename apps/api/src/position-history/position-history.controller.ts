import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { Caller, CallerContext } from '../common/request-context';
import { PositionHistoryDto } from './dto/position-history.dto';
import { PositionHistoryService } from '@app/application';

/** A unit's year over year: its position per KPI in every published cycle of a study. */
@ApiTags('snapshots')
@ApiBearerAuth()
@Controller(API)
export class PositionHistoryController {
  constructor(private readonly history: PositionHistoryService) {}

  @Get('studies/:studyId/units/:unitId/position-history')
  @UseCase(Action.BenchmarkRead)
  @ApiOkResponse({ type: PositionHistoryDto })
  positionHistory(
    @Caller() caller: CallerContext,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<PositionHistoryDto> {
    return this.history.history(caller, studyId, unitId);
  }
}
