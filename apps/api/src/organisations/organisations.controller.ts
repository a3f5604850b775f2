import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Action, type Actor } from '@app/domain';
import { CurrentActor, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import {
  CreateOrganisationDto,
  CreateUserDto,
  OrganisationDto,
  TenantUserDto,
  UserDto,
} from './dto/organisation.dto';
import { InvitationDto } from '../invitations/dto/invitation.dto';
import { InvitationsService, OrganisationsService } from '@app/application';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller(API)
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly invitations: InvitationsService,
  ) {}

  /**
   * A new tenant with its first administrator: with `admin.password` the account is made at
   * once, without it an invitation is mailed to the administrator.
   */
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

  /** The platform operator disables a tenant: its users can no longer sign in. */
  @Post('organisations/:organisationId/disable')
  @UseCase(Action.OrganisationDisable)
  @HttpCode(200)
  @ApiOkResponse({ type: OrganisationDto })
  @ApiNotFoundResponse({ description: 'No organisation has this id' })
  @ApiConflictResponse({ description: "The platform operator's own organisation" })
  disableOrganisation(
    @CurrentActor() actor: Actor,
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
  ): Promise<OrganisationDto> {
    return this.organisations.disableOrganisation(actor, organisationId);
  }

  /** A tenant's users, for the platform operator. */
  @Get('organisations/:organisationId/users')
  @UseCase(Action.OrganisationMembersRead)
  @ApiOkResponse({ type: [TenantUserDto] })
  @ApiNotFoundResponse({ description: 'No organisation has this id' })
  tenantUsers(
    @CurrentActor() actor: Actor,
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
  ): Promise<TenantUserDto[]> {
    return this.organisations.tenantUsers(actor, organisationId);
  }

  /** The invitations into a tenant, whoever sent them, for the platform operator. */
  @Get('organisations/:organisationId/invitations')
  @UseCase(Action.OrganisationMembersRead)
  @ApiOkResponse({ type: [InvitationDto] })
  @ApiNotFoundResponse({ description: 'No organisation has this id' })
  tenantInvitations(
    @CurrentActor() actor: Actor,
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
  ): Promise<InvitationDto[]> {
    return this.organisations.tenantInvitations(actor, organisationId);
  }

  /** The platform operator sends an open invitation into a tenant again, with a new link. */
  @Post('organisations/:organisationId/invitations/:invitationId/resend')
  @UseCase(Action.OrganisationInvitationResend)
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ description: 'No invitation into this organisation has this id' })
  @ApiConflictResponse({ description: 'The invitation was accepted or revoked' })
  resendInvitation(
    @CurrentActor() actor: Actor,
    @Param('organisationId', ParseUUIDPipe) organisationId: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.resendIntoTenant(actor, organisationId, invitationId);
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
