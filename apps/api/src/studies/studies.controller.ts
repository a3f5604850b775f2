import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Action, Actor, CatalogueDefinition } from '@app/domain';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import {
  CatalogueDto,
  CatalogueVersionDto,
  CreateCatalogueVersionDto,
  CreateCycleDto,
  CreateParticipationDto,
  CreateStudyDto,
  CycleDto,
  ParticipationDto,
  StudyDto,
  UpdateCycleDto,
  UpdateStudyDto,
  PublishCycleDto,
} from './dto/study.dto';
import { StudiesService } from '@app/application';

@ApiTags('studies')
@ApiBearerAuth()
@Controller(API)
export class StudiesController {
  constructor(private readonly studies: StudiesService) {}

  @Get('studies')
  @UseCase(Action.StudyRead)
  @ApiOkResponse({ type: [StudyDto] })
  listStudies(@CurrentActor() actor: Actor): Promise<StudyDto[]> {
    return this.studies.listStudies(actor);
  }

  @Post('studies')
  @UseCase(Action.StudyCreate)
  @ApiCreatedResponse({ type: StudyDto })
  createStudy(@CurrentActor() actor: Actor, @Body() body: CreateStudyDto): Promise<StudyDto> {
    return this.studies.createStudy(actor, body);
  }

  @Get('studies/:studyId')
  @UseCase(Action.StudyRead)
  @ApiOkResponse({ type: StudyDto })
  getStudy(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<StudyDto> {
    return this.studies.getStudy(actor, studyId);
  }

  @Patch('studies/:studyId')
  @UseCase(Action.StudyUpdate)
  @ApiOkResponse({ type: StudyDto })
  updateStudy(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: UpdateStudyDto,
  ): Promise<StudyDto> {
    return this.studies.updateStudy(actor, studyId, body);
  }

  @Get('studies/:studyId/catalogue')
  @UseCase(Action.StudyRead)
  @ApiOkResponse({ type: CatalogueDto })
  getCatalogue(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<CatalogueDto> {
    return this.studies.getStudyCatalogue(actor, studyId);
  }

  @Post('studies/:studyId/cycles')
  @UseCase(Action.CycleCreate)
  @ApiCreatedResponse({ type: CycleDto })
  createCycle(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: CreateCycleDto,
  ): Promise<CycleDto> {
    const { year, ...deadline } = body;
    return this.studies.createCycle(actor, studyId, year, deadline);
  }

  @Get('cycles/:cycleId')
  @UseCase(Action.StudyRead)
  @ApiOkResponse({ type: CycleDto })
  getCycle(
    @CurrentActor() actor: Actor,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
  ): Promise<CycleDto> {
    return this.studies.getCycle(actor, cycleId);
  }

  @Patch('cycles/:cycleId')
  @UseCase(Action.CycleUpdate)
  @ApiOkResponse({ type: CycleDto })
  updateCycle(
    @CurrentActor() actor: Actor,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: UpdateCycleDto,
  ): Promise<CycleDto> {
    return this.studies.updateCycle(actor, cycleId, body);
  }

  @Post('cycles/:cycleId/close')
  @HttpCode(200)
  @UseCase(Action.CycleClose)
  @ApiOkResponse({ type: CycleDto })
  closeCycle(
    @CurrentActor() actor: Actor,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
  ): Promise<CycleDto> {
    return this.studies.transitionCycle(actor, cycleId, 'close');
  }

  @Post('cycles/:cycleId/publish')
  @HttpCode(200)
  @UseCase(Action.CyclePublish)
  @ApiOkResponse({ type: CycleDto })
  publishCycle(
    @CurrentActor() actor: Actor,
    @Param('cycleId', ParseUUIDPipe) cycleId: string,
    @Body() body: PublishCycleDto,
  ): Promise<CycleDto> {
    return this.studies.transitionCycle(actor, cycleId, 'publish', body.snapshotId);
  }

  @Get('studies/:studyId/participations')
  @UseCase(Action.ParticipationRead)
  @ApiOkResponse({ type: [ParticipationDto] })
  listParticipations(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<ParticipationDto[]> {
    return this.studies.listParticipations(actor, studyId);
  }

  @Post('studies/:studyId/participations')
  @UseCase(Action.ParticipationEnrol)
  @ApiCreatedResponse({ type: ParticipationDto })
  enrol(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: CreateParticipationDto,
  ): Promise<ParticipationDto> {
    return this.studies.enrol(actor, studyId, body.companyId);
  }

  @Delete('studies/:studyId/participations/:participationId')
  @HttpCode(204)
  @UseCase(Action.ParticipationWithdraw)
  @ApiNoContentResponse()
  withdraw(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Param('participationId', ParseUUIDPipe) participationId: string,
  ): Promise<void> {
    return this.studies.withdraw(actor, studyId, participationId);
  }

  @Get('catalogue-versions')
  @UseCase(Action.CatalogueVersionRead)
  @ApiOkResponse({ type: [CatalogueVersionDto] })
  listCatalogueVersions(@CurrentActor() actor: Actor): Promise<CatalogueVersionDto[]> {
    return this.studies.listCatalogueVersions(actor);
  }

  @Post('catalogue-versions')
  @UseCase(Action.CatalogueVersionCreate)
  @ApiCreatedResponse({ type: CatalogueVersionDto })
  createCatalogueVersion(
    @CurrentActor() actor: Actor,
    @Body() body: CreateCatalogueVersionDto,
  ): Promise<CatalogueVersionDto> {
    return this.studies.createCatalogueVersion(
      actor,
      body.definition as unknown as CatalogueDefinition,
    );
  }
}
