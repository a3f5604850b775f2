import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action, Actor } from '@app/domain';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import { CreateUnitDto, UnitDto, UpdateUnitDto } from './dto/unit.dto';
import { UnitsService } from '@app/application';

@ApiTags('units')
@ApiBearerAuth()
@Controller(API)
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get('units')
  @UseCase(Action.UnitRead)
  @ApiOkResponse({ type: [UnitDto] })
  list(@CurrentActor() actor: Actor): Promise<UnitDto[]> {
    return this.units.listUnits(actor);
  }

  @Post('units')
  @UseCase(Action.UnitCreate)
  @ApiCreatedResponse({ type: UnitDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateUnitDto): Promise<UnitDto> {
    return this.units.createUnit(actor, body);
  }

  @Get('units/:unitId')
  @UseCase(Action.UnitRead)
  @ApiOkResponse({ type: UnitDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
  ): Promise<UnitDto> {
    return this.units.getUnit(actor, unitId);
  }

  @Patch('units/:unitId')
  @UseCase(Action.UnitUpdate)
  @ApiOkResponse({ type: UnitDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('unitId', ParseUUIDPipe) unitId: string,
    @Body() body: UpdateUnitDto,
  ): Promise<UnitDto> {
    return this.units.updateUnit(actor, unitId, body);
  }

  @Get('studies/:studyId/units')
  @UseCase(Action.UnitRead)
  @ApiOkResponse({ type: [UnitDto] })
  listStudyUnits(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
  ): Promise<UnitDto[]> {
    return this.units.listStudyUnits(actor, studyId);
  }
}
