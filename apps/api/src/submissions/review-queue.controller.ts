import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { Caller, CallerContext } from '../common/request-context';
import {
  BulkAcceptDto,
  BulkAcceptResultDto,
  ReviewComparisonDto,
  ReviewQueueDto,
  ReviewQueueQueryDto,
} from './dto/review-queue.dto';
import { reviewQuery, ReviewQueueService } from '@app/application';

const PATH = `${API}/cycles/:cycleId/review-queue`;

@ApiTags('submissions')
@ApiBearerAuth()
@Controller(PATH)
export class ReviewQueueController {
  constructor(private readonly queue: ReviewQueueService) {}

  /** A page of the cycle's units with their submissions, filtered and sorted. */
  @Get()
  @UseCase(Action.SubmissionReview)
  @ApiOkResponse({ type: ReviewQueueDto })
  list(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Query() query: ReviewQueueQueryDto,
  ): Promise<ReviewQueueDto> {
    return this.queue.queue(caller, cycleId, reviewQuery(query));
  }

  /** One unit's submission beside its previous year and the released quartiles. */
  @Get('units/:unitId')
  @UseCase(Action.SubmissionReview)
  @ApiOkResponse({ type: ReviewComparisonDto })
  compare(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<ReviewComparisonDto> {
    return this.queue.compare(caller, cycleId, unitId);
  }

  /** Accepts the listed submissions in the listed versions, all or none (409 names each). */
  @Post('accept')
  @HttpCode(200)
  @UseCase(Action.SubmissionBulkAccept)
  @ApiOkResponse({ type: BulkAcceptResultDto })
  accept(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: BulkAcceptDto,
  ): Promise<BulkAcceptResultDto> {
    return this.queue.acceptMany(caller, cycleId, body.submissions);
  }
}
