import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, DomainError, DomainErrorCode, notFound, roleMay } from '@app/domain';
import type { Response } from 'express';
import { Public, UseCase } from '../../auth/auth.decorators';
import { AuthService } from '../../auth/auth.service';
import { Caller, CallerContext } from '../../common/request-context';
import { InviteColleagueDto, InviteCompanyDto } from '../../invitations/dto/invitation.dto';
import { PASSWORD_MIN_LENGTH, StudiesService, InvitationsService } from '@app/application';
import type { StudyDto } from '../../studies/dto/study.dto';
import { FormError, refusalOf } from '../cycles/form-refusal.util';
import { PasswordResetConfirmFormDto } from '../password-reset/dto/password-reset-forms.dto';
import { pagePaths } from '../page-urls';
import { formInput, FormBody, givenFields } from './form-input.util';
import { SessionRequest, WebSessionService } from '../session/web-session.service';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageIdPipe } from '../views/page-id.pipe';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import {
  InvitationsPageState,
  invitationsNoticeOf,
  invitationsPageModel,
} from './invitations-page.model';

/**
 * The invitations a publisher or a company admin sent, with the forms that invite (a company to
 * one of the publisher's studies, a colleague into the company), send again and revoke; and
 * the public page of an invitation's link, which sets the invitee's password and signs them in.
 */
@ApiExcludeController()
@Controller()
export class InvitationsPagesController {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly studies: StudiesService,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
    private readonly pages: PageRenderer,
  ) {}

  @Get('invitations')
  @UseCase(Action.InvitationRead)
  async list(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Query('notice') notice: unknown,
  ): Promise<string> {
    return this.listPage(caller, page, { notice: invitationsNoticeOf(notice, page) });
  }

  @Post('studies/:studyId/invitations')
  @UseCase(Action.InvitationInviteCompany)
  async inviteCompany(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('studyId', PageIdPipe) studyId: string,
    @Body() body: FormBody,
    @Res() res: Response,
  ): Promise<void> {
    // Another publisher's study is not found, whatever the form holds.
    if (!(await this.ownStudies(caller)).some((study) => study.id === studyId)) {
      throw notFound('Study', studyId);
    }
    const checked = await formInput(InviteCompanyDto, givenFields(body), page);
    const again = async (errors: FormError[]) =>
      sendPage(
        res,
        await this.listPage(caller, page, {
          notice: null,
          refused: { form: studyId, values: givenFields(body), errors },
        }),
        422,
      );
    if (checked.input === null) {
      await again(checked.errors);
      return;
    }
    try {
      await this.invitations.inviteCompany(caller.actor, studyId, checked.input);
    } catch (error) {
      await again(this.refusal(error, page));
      return;
    }
    seeOther(res, `${pagePaths.invitations()}?notice=invited`);
  }

  @Post('invitations')
  @UseCase(Action.InvitationInviteColleague)
  async inviteColleague(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Body() body: FormBody,
    @Res() res: Response,
  ): Promise<void> {
    const checked = await formInput(InviteColleagueDto, givenFields(body), page);
    const again = async (errors: FormError[]) =>
      sendPage(
        res,
        await this.listPage(caller, page, {
          notice: null,
          refused: { form: 'colleague', values: givenFields(body), errors },
        }),
        422,
      );
    if (checked.input === null) {
      await again(checked.errors);
      return;
    }
    try {
      await this.invitations.inviteColleague(caller.actor, checked.input);
    } catch (error) {
      await again(this.refusal(error, page));
      return;
    }
    seeOther(res, `${pagePaths.invitations()}?notice=invited`);
  }

  @Post('invitations/:invitationId/resend')
  @UseCase(Action.InvitationResend)
  async resend(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('invitationId', PageIdPipe) invitationId: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.invitations.resend(caller.actor, invitationId);
    } catch (error) {
      const errors = this.refusal(error, page);
      sendPage(
        res,
        await this.listPage(caller, page, {
          notice: null,
          refused: { form: '', values: {}, errors },
        }),
        422,
      );
      return;
    }
    seeOther(res, `${pagePaths.invitations()}?notice=resent`);
  }

  @Post('invitations/:invitationId/revoke')
  @UseCase(Action.InvitationRevoke)
  async revoke(
    @Caller() caller: CallerContext,
    @Page() page: PageContext,
    @Param('invitationId', PageIdPipe) invitationId: string,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.invitations.revoke(caller.actor, invitationId);
    } catch (error) {
      const errors = this.refusal(error, page);
      sendPage(
        res,
        await this.listPage(caller, page, {
          notice: null,
          refused: { form: '', values: {}, errors },
        }),
        422,
      );
      return;
    }
    seeOther(res, `${pagePaths.invitations()}?notice=revoked`);
  }

  /** The form for the invitee's password, or why the link cannot be used (400). */
  @Get('invitations/accept')
  @Public()
  async acceptForm(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Page() page: PageContext,
    @Query('token') token: unknown,
  ): Promise<void> {
    const given = typeof token === 'string' ? token : '';
    let invitee;
    try {
      invitee = await this.invitations.check(given);
    } catch (error) {
      sendPage(response, this.acceptPage(page, null, [this.tokenRefusal(error, page)]), 400);
      return;
    }
    const html = this.acceptPage(
      page,
      { token: given, intro: this.intro(page, invitee), passwordError: null },
      [],
    );
    // The form's CSRF token is stored before the form goes out.
    await this.sessions.store(request);
    sendPage(response, html, 200);
  }

  /** Sets the password, makes the account, signs the invitee in and shows the cockpit. */
  @Post('invitations/accept')
  @Public()
  async accept(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Page() page: PageContext,
    @Body() body: PasswordResetConfirmFormDto,
  ): Promise<void> {
    const t = page.texts.invitations;
    const token = body.token ?? '';
    const password = body.password ?? '';
    let invitee;
    try {
      invitee = await this.invitations.check(token);
    } catch (error) {
      sendPage(response, this.acceptPage(page, null, [this.tokenRefusal(error, page)]), 422);
      return;
    }
    const again = (message: string): void =>
      sendPage(
        response,
        this.acceptPage(page, { token, intro: this.intro(page, invitee), passwordError: message }, [
          { field: 'password', message },
        ]),
        422,
      );
    if (password !== (body.passwordRepeat ?? '')) {
      again(t.passwordsDiffer);
      return;
    }
    try {
      await this.invitations.accept(token, password);
    } catch (error) {
      if (
        error instanceof DomainError &&
        error.code === DomainErrorCode.ValidationFailed &&
        error.problems.some((problem) => problem.key === 'password')
      ) {
        again(error.messageIn(page.language));
        return;
      }
      sendPage(response, this.acceptPage(page, null, [this.tokenRefusal(error, page)]), 422);
      return;
    }
    const { accessToken } = await this.auth.login(invitee.email, password);
    await this.sessions.signIn(request, await this.auth.authenticate(accessToken));
    seeOther(response, '/');
  }

  private intro(page: PageContext, invitee: { name: string; email: string }): string {
    return fill(page.texts.invitations.acceptIntro, {
      name: invitee.name,
      email: invitee.email,
      min: PASSWORD_MIN_LENGTH,
    });
  }

  /** The page's words for a refused token; anything else goes on to the error pages. */
  private tokenRefusal(error: unknown, page: PageContext): FormError {
    if (error instanceof DomainError && error.code === DomainErrorCode.ValidationFailed) {
      return { field: null, message: error.messageIn(page.language) };
    }
    throw error;
  }

  private refusal(error: unknown, page: PageContext): FormError[] {
    const refusal = refusalOf(error, page.language, page.texts.invitations.refused);
    return [
      { field: null, message: refusal.message },
      ...(refusal.problems.length > 0
        ? refusal.problems.map((p) => ({ field: p.key, message: p.message }))
        : [{ field: null, message: refusal.detail }]),
    ];
  }

  private acceptPage(
    page: PageContext,
    form: { token: string; intro: string; passwordError: string | null } | null,
    errors: FormError[],
  ): string {
    return this.pages.render(page, 'invitations/accept', {
      title: page.texts.invitations.acceptTitle,
      errors,
      form,
    });
  }

  /** The publisher's own studies, to invite companies to. */
  private async ownStudies(caller: CallerContext): Promise<StudyDto[]> {
    const { actor } = caller;
    return (await this.studies.listStudies(actor)).filter((s) => s.publisherId === actor.tenantId);
  }

  private async listPage(
    caller: CallerContext,
    page: PageContext,
    state: Pick<InvitationsPageState, 'notice' | 'refused'>,
  ): Promise<string> {
    const { actor } = caller;
    const invitations = await this.invitations.list(actor);
    const studies = roleMay(actor.role, Action.InvitationInviteCompany)
      ? await this.ownStudies(caller)
      : null;
    const model = invitationsPageModel(invitations, page, {
      ...state,
      studies,
      canInviteColleagues: roleMay(actor.role, Action.InvitationInviteColleague),
      canResend: roleMay(actor.role, Action.InvitationResend),
      canRevoke: roleMay(actor.role, Action.InvitationRevoke),
    });
    return this.pages.render(page, 'invitations/list', model);
  }
}
