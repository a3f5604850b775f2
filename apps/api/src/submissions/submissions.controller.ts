import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action } from '@app/domain';
import { UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { Caller, CallerContext } from '../common/request-context';
import {
  AuditEntryDto,
  ReturnSubmissionDto,
  SaveDraftDto,
  SubmissionDto,
  SubmitDto,
} from './dto/submission.dto';
import { SubmissionsService } from '@app/application';

const PATH = `${API}/cycles/:cycleId/units/:unitId/submission`;

@ApiTags('submissions')
@ApiBearerAuth()
@Controller(PATH)
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @UseCase(Action.SubmissionRead)
  @ApiOkResponse({ type: SubmissionDto })
  get(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<SubmissionDto> {
    return this.submissions.get(caller, cycleId, unitId);
  }

  @Put()
  @UseCase(Action.SubmissionSaveDraft)
  @ApiOkResponse({ type: SubmissionDto })
  saveDraft(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: SaveDraftDto,
  ): Promise<SubmissionDto> {
    return this.submissions.saveDraft(caller, cycleId, unitId, body);
  }

  @Post('submit')
  @HttpCode(200)
  @UseCase(Action.SubmissionSubmit)
  @ApiOkResponse({ type: SubmissionDto })
  submit(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: SubmitDto,
  ): Promise<SubmissionDto> {
    return this.submissions.submit(caller, cycleId, unitId, body.version);
  }

  @Post('accept')
  @HttpCode(200)
  @UseCase(Action.SubmissionReview)
  @ApiOkResponse({ type: SubmissionDto })
  accept(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<SubmissionDto> {
    return this.submissions.accept(caller, cycleId, unitId);
  }

  @Post('return')
  @HttpCode(200)
  @UseCase(Action.SubmissionReview)
  @ApiOkResponse({ type: SubmissionDto })
  returnToCompany(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: ReturnSubmissionDto,
  ): Promise<SubmissionDto> {
    return this.submissions.returnToCompany(caller, cycleId, unitId, body.comment);
  }

  @Get('audit')
  @UseCase(Action.SubmissionRead)
  @ApiOkResponse({ type: [AuditEntryDto] })
  audit(
    @Caller() caller: CallerContext,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<AuditEntryDto[]> {
    return this.submissions.audit(caller, cycleId, unitId);
  }
}
