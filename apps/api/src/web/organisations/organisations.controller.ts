import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, roleMay } from '@app/domain';
import type { Response } from 'express';
import { UseCase } from '../../auth/auth.decorators';
import { Caller, CallerContext } from '../../common/request-context';
import { CreateOrganisationDto } from '../../organisations/dto/organisation.dto';
import { FormError, refusalOf } from '../cycles/form-refusal.util';
import { formInput, FormBody, givenFields } from '../invitations/form-input.util';
import { pagePaths } from '../page-urls';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import {
  organisationPageModel,
  organisationsListModel,
  organisationsNoticeOf,
} from './organisations-page.model';
import { InvitationsService, OrganisationsService } from '@app/application';

/**
 * The platform operator's console: every tenant with its state, the form that creates one and
 * invites its first admin, a tenant's users and invitations (sent again from here) and the form
 * that disables it. The same services and use-cases as the API's routes.
 */
@ApiExcludeController()
@Controller('organisations')
export class OrganisationsPagesController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly invitations: InvitationsService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  @UseCase(Action.OrganisationRead)
  async list(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Query('notice') notice: unknown,
  ): Promise<string> {
    return this.listPage(caller, page, organisationsNoticeOf(notice, page));
  }

  /** Creates a tenant and invites its first administrator by e-mail. */
  @Post()
  @UseCase(Action.OrganisationCreate)
  async create(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Body() body: FormBody,
    @Res() res: Response,
  ): Promise<void> {
    const values = givenFields(body);
    const posted = {
      kind: values.kind,
      name: values.name,
      admin: {
        name: values['admin.name'],
        email: values['admin.email'],
        language: values['admin.language'],
      },
    };
    const again = async (errors: FormError[]) =>
      sendPage(res, await this.listPage(caller, page, null, { values, errors }), 422);
    const checked = await formInput(CreateOrganisationDto, posted, page);
    if (checked.input === null) {
      await again(checked.errors);
      return;
    }
    try {
      await this.organisations.createOrganisation(caller.actor, checked.input);
    } catch (error) {
      const refusal = refusalOf(error, page.language, page.texts.organisations.refused);
      await again([
        { field: null, message: refusal.message },
        { field: null, message: refusal.detail },
      ]);
      return;
    }
    seeOther(res, `${pagePaths.organisations()}?notice=created`);
  }

  @Get(':organisationId')
  @UseCase(Action.OrganisationMembersRead)
  async show(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('organisationId', PageIdPipe) organisationId: string,
    @Query('notice') notice: unknown,
  ): Promise<string> {
    return this.organisationPage(
      caller,
      page,
      organisationId,
      organisationsNoticeOf(notice, page),
      [],
    );
  }

  @Post(':organisationId/disable')
  @UseCase(Action.OrganisationDisable)
  async disable(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('organisationId', PageIdPipe) organisationId: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.organisations.disableOrganisation(caller.actor, organisationId);
    } catch (error) {
      const refusal = refusalOf(error, page.language, page.texts.organisations.refused);
      sendPage(
        res,
        await this.organisationPage(caller, page, organisationId, null, [
          { field: null, message: refusal.detail },
        ]),
        422,
      );
      return;
    }
    seeOther(res, `${pagePaths.organisation(organisationId)}?notice=disabled`);
  }

  @Post(':organisationId/invitations/:invitationId/resend')
  @UseCase(Action.OrganisationInvitationResend)
  async resend(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('organisationId', PageIdPipe) organisationId: string,
    @Param('invitationId', PageIdPipe) invitationId: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.invitations.resendIntoTenant(caller.actor, organisationId, invitationId);
    } catch (error) {
      const refusal = refusalOf(error, page.language, page.texts.invitations.refused);
      sendPage(
        res,
        await this.organisationPage(caller, page, organisationId, null, [
          { field: null, message: refusal.detail },
        ]),
        422,
      );
      return;
    }
    seeOther(res, `${pagePaths.organisation(organisationId)}?notice=resent`);
  }

  private async listPage(
    caller: CallerContext,
    page: PageContext,
    notice: string | null,
    refused?: { values: Record<string, string>; errors: FormError[] },
  ): Promise<string> {
    const organisations = await this.organisations.listOrganisations(caller.actor);
    const model = organisationsListModel(organisations, page, {
      canCreate: roleMay(caller.actor.role, Action.OrganisationCreate),
      notice,
      refused,
    });
    return this.pages.render(page, 'organisations/list', model);
  }

  private async organisationPage(
    caller: CallerContext,
    page: PageContext,
    organisationId: string,
    notice: string | null,
    errors: FormError[],
  ): Promise<string> {
    const { actor } = caller;
    const users = await this.organisations.tenantUsers(actor, organisationId);
    const invitations = await this.organisations.tenantInvitations(actor, organisationId);
    const organisation = await this.organisations.getOrganisation(actor, organisationId);
    const model = organisationPageModel(organisation, users, invitations, page, {
      notice,
      errors,
    });
    return this.pages.render(page, 'organisations/organisation', model);
  }
}
