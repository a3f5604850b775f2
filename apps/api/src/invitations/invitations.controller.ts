import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Action, type Actor } from '@app/domain';
import { CurrentActor, Public, UseCase } from '../auth/auth.decorators';
import { API } from '../common/api-path';
import {
  AcceptInvitationDto,
  InvitationDto,
  InviteColleagueDto,
  InviteCompanyDto,
} from './dto/invitation.dto';
import { InvitationsService } from '@app/application';

@ApiTags('invitations')
@Controller(API)
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** A publisher invites a company's first contact to a study; a new company is created. */
  @Post('studies/:studyId/invitations')
  @UseCase(Action.InvitationInviteCompany)
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ description: 'No study of the publisher has this id' })
  inviteCompany(
    @CurrentActor() actor: Actor,
    @Param('studyId', ParseUUIDPipe) studyId: string,
    @Body() body: InviteCompanyDto,
  ): Promise<InvitationDto> {
    return this.invitations.inviteCompany(actor, studyId, body);
  }

  /** A company admin invites a colleague as an editor or a viewer. */
  @Post('invitations')
  @UseCase(Action.InvitationInviteColleague)
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiConflictResponse({ description: 'The address has an account in the company already' })
  inviteColleague(
    @CurrentActor() actor: Actor,
    @Body() body: InviteColleagueDto,
  ): Promise<InvitationDto> {
    return this.invitations.inviteColleague(actor, body);
  }

  /** The invitations the caller's organisation sent, newest first, with their state. */
  @Get('invitations')
  @UseCase(Action.InvitationRead)
  @ApiBearerAuth()
  @ApiOkResponse({ type: [InvitationDto] })
  list(@CurrentActor() actor: Actor): Promise<InvitationDto[]> {
    return this.invitations.list(actor);
  }

  /** Sends an open invitation again with a new link; the old link is refused from now on. */
  @Post('invitations/:invitationId/resend')
  @UseCase(Action.InvitationResend)
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ description: 'No invitation of the caller has this id' })
  @ApiConflictResponse({ description: 'The invitation was accepted or revoked' })
  resend(
    @CurrentActor() actor: Actor,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.resend(actor, invitationId);
  }

  @Post('invitations/:invitationId/revoke')
  @UseCase(Action.InvitationRevoke)
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: InvitationDto })
  @ApiNotFoundResponse({ description: 'No invitation of the caller has this id' })
  @ApiConflictResponse({ description: 'The invitation was accepted or revoked already' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
  ): Promise<InvitationDto> {
    return this.invitations.revoke(actor, invitationId);
  }

  /** Follows an invitation's link: sets the invitee's password and makes the account. */
  @Post('auth/invitations/accept')
  @Public()
  @HttpCode(204)
  @ApiTags('auth')
  @ApiNoContentResponse({ description: 'The account is made; sign in with its address' })
  @ApiUnprocessableEntityResponse({
    description: 'The token is unknown, used, revoked or expired, or the password is too short',
  })
  async accept(@Body() body: AcceptInvitationDto): Promise<void> {
    await this.invitations.accept(body.token, body.password);
  }
}
