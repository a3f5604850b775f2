import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, COMPANY_ROLES, PUBLISHER_ROLES } from '@app/domain';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { Language, RequestId, RequestLanguage } from '../common/request-context';
import {
  AuditEntryDto,
  ReturnSubmissionDto,
  SaveDraftDto,
  SubmissionDto,
  SubmitDto,
} from './dto/submission.dto';
import { SubmissionRequest, SubmissionsService } from './submissions.service';

const PATH = `${API}/cycles/:cycleId/units/:unitId/submission`;

@ApiTags('submissions')
@ApiBearerAuth()
@Controller(PATH)
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get()
  @Roles(...COMPANY_ROLES, ...PUBLISHER_ROLES)
  @ApiOkResponse({ type: SubmissionDto })
  get(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @RequestId() requestId: string | null,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<SubmissionDto> {
    return this.submissions.get({ actor, language, requestId }, cycleId, unitId);
  }

  @Put()
  @Roles('company_admin', 'company_editor')
  @ApiOkResponse({ type: SubmissionDto })
  saveDraft(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @RequestId() requestId: string | null,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: SaveDraftDto,
  ): Promise<SubmissionDto> {
    return this.submissions.saveDraft({ actor, language, requestId }, cycleId, unitId, body);
  }

  @Post('submit')
  @HttpCode(200)
  @Roles('company_admin', 'company_editor')
  @ApiOkResponse({ type: SubmissionDto })
  submit(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @RequestId() requestId: string | null,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: SubmitDto,
  ): Promise<SubmissionDto> {
    return this.submissions.submit({ actor, language, requestId }, cycleId, unitId, body.version);
  }

  @Post('accept')
  @HttpCode(200)
  @Roles(...PUBLISHER_ROLES)
  @ApiOkResponse({ type: SubmissionDto })
  accept(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @RequestId() requestId: string | null,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<SubmissionDto> {
    return this.submissions.accept({ actor, language, requestId }, cycleId, unitId);
  }

  @Post('return')
  @HttpCode(200)
  @Roles(...PUBLISHER_ROLES)
  @ApiOkResponse({ type: SubmissionDto })
  returnToCompany(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @RequestId() requestId: string | null,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: ReturnSubmissionDto,
  ): Promise<SubmissionDto> {
    const request: SubmissionRequest = { actor, language, requestId };
    return this.submissions.returnToCompany(request, cycleId, unitId, body.comment);
  }

  @Get('audit')
  @Roles(...COMPANY_ROLES, ...PUBLISHER_ROLES)
  @ApiOkResponse({ type: [AuditEntryDto] })
  audit(
    @CurrentActor() actor: Actor,
    @RequestLanguage() language: Language,
    @RequestId() requestId: string | null,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<AuditEntryDto[]> {
    return this.submissions.audit({ actor, language, requestId }, cycleId, unitId);
  }
}
