import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Action, type Actor } from '@app/domain';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import {
  CreateOrganisationDto,
  CreateUserDto,
  OrganisationDto,
  UserDto,
} from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller(API)
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Post('organisations')
  @UseCase(Action.OrganisationCreate)
  @ApiCreatedResponse({ type: OrganisationDto })
  createOrganisation(
    @CurrentActor() actor: Actor,
    @Body() body: CreateOrganisationDto,
  ): Promise<OrganisationDto> {
    return this.organisations.createOrganisation(actor, body);
  }

  /** The platform operator sees every tenant; others see their own and their study partners. */
  @Get('organisations')
  @UseCase(Action.OrganisationRead)
  @ApiOkResponse({ type: [OrganisationDto] })
  listOrganisations(@CurrentActor() actor: Actor): Promise<OrganisationDto[]> {
    return this.organisations.listOrganisations(actor);
  }

  @Get('users')
  @UseCase(Action.UserRead)
  @ApiOkResponse({ type: [UserDto] })
  listUsers(@CurrentActor() actor: Actor): Promise<UserDto[]> {
    return this.organisations.listUsers(actor);
  }

  @Post('users')
  @UseCase(Action.UserCreate)
  @ApiCreatedResponse({ type: UserDto })
  createUser(@CurrentActor() actor: Actor, @Body() body: CreateUserDto): Promise<UserDto> {
    const { role, ...user } = body;
    return this.organisations.createUser(actor, user, role);
  }
}
