import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { DomainError, DomainErrorCode } from '@app/domain';
import type { Response } from 'express';
import { Public } from '../../auth/auth.decorators';
import { PASSWORD_MIN_LENGTH, PasswordResetService, PASSWORD_RESET_TEXTS } from '@app/application';
import { SignInAttempts } from '../session/sign-in-attempts';
import { SessionRequest, WebSessionService } from '../session/web-session.service';
import { fill } from '../views/localized';
import { Page, PageContext } from '../views/page-context';
import { PageRenderer } from '../views/page-renderer';
import { sendPage } from '../views/page-response';
import {
  PasswordResetConfirmFormDto,
  PasswordResetRequestFormDto,
} from './dto/password-reset-forms.dto';

interface FormError {
  field: 'email' | 'password' | null;
  message: string;
}

/** The password reset pages: ask for a link by e-mail, and set the new password through it. */
@ApiExcludeController()
@Controller('password-reset')
export class PasswordResetPagesController {
  constructor(
    private readonly resets: PasswordResetService,
    private readonly sessions: WebSessionService,
    private readonly attempts: SignInAttempts,
    private readonly pages: PageRenderer,
  ) {}

  /** The form that asks for a link. */
  @Get()
  @Public()
  async requestForm(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Page() page: PageContext,
  ): Promise<void> {
    const html = this.requestPage(page, {});
    // The form's CSRF token is stored before the form goes out (a 503 page when it cannot be).
    await this.sessions.store(request);
    sendPage(response, html, 200);
  }

  /** Asks for a link; the same notice whether the address has an account or not. */
  @Post()
  @Public()
  async request(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Page() page: PageContext,
    @Body() body: PasswordResetRequestFormDto,
  ): Promise<void> {
    const t = page.texts.passwordReset;
    const email = (body.email ?? '').trim();
    if (email === '') {
      sendPage(
        response,
        this.requestPage(page, { errors: [{ field: 'email', message: t.missingEmail }] }),
        422,
      );
      return;
    }
    // A count of its own beside the sign-in's (the key differs), per client and address.
    if (!(await this.attempts.allow(request.ip, `password-reset|${email}`))) {
      sendPage(
        response,
        this.requestPage(page, { email, errors: [{ field: null, message: t.tooManyRequests }] }),
        429,
      );
      return;
    }
    await this.resets.request(email);
    sendPage(
      response,
      this.requestPage(page, { notice: PASSWORD_RESET_TEXTS.requested[page.language] }),
      200,
    );
  }

  /** The form for the new password, or why the link cannot be used. */
  @Get('confirm')
  @Public()
  async confirmForm(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Page() page: PageContext,
    @Query('token') token: unknown,
  ): Promise<void> {
    const given = typeof token === 'string' ? token : '';
    try {
      await this.resets.check(given);
    } catch (error) {
      const refusal = this.tokenRefusal(error, page);
      sendPage(response, this.confirmPage(page, null, [refusal]), 400);
      return;
    }
    const html = this.confirmPage(page, { token: given, passwordError: null }, []);
    await this.sessions.store(request);
    sendPage(response, html, 200);
  }

  /** Sets the new password; the form again with the reason when it cannot be. */
  @Post('confirm')
  @Public()
  async confirm(
    @Res() response: Response,
    @Page() page: PageContext,
    @Body() body: PasswordResetConfirmFormDto,
  ): Promise<void> {
    const t = page.texts.passwordReset;
    const token = body.token ?? '';
    const password = body.password ?? '';
    const again = (message: string): void =>
      sendPage(
        response,
        this.confirmPage(page, { token, passwordError: message }, [{ field: 'password', message }]),
        422,
      );
    if (password !== (body.passwordRepeat ?? '')) {
      again(t.passwordsDiffer);
      return;
    }
    try {
      await this.resets.complete(token, password);
    } catch (error) {
      if (
        error instanceof DomainError &&
        error.code === DomainErrorCode.ValidationFailed &&
        error.problems.some((problem) => problem.key === 'password')
      ) {
        again(error.messageIn(page.language));
        return;
      }
      sendPage(response, this.confirmPage(page, null, [this.tokenRefusal(error, page)]), 422);
      return;
    }
    sendPage(response, this.pages.render(page, 'password-reset/done', { title: t.doneTitle }), 200);
  }

  /** The page's words for a refused token; anything else is thrown on to the error pages. */
  private tokenRefusal(error: unknown, page: PageContext): FormError {
    if (error instanceof DomainError && error.code === DomainErrorCode.ValidationFailed) {
      return { field: null, message: error.messageIn(page.language) };
    }
    throw error;
  }

  private requestPage(
    page: PageContext,
    form: { email?: string; errors?: FormError[]; notice?: string },
  ): string {
    const errors = form.errors ?? [];
    return this.pages.render(page, 'password-reset/request', {
      title: page.texts.passwordReset.requestTitle,
      notice: form.notice ?? null,
      errors,
      email: {
        value: form.email ?? '',
        error: errors.find((e) => e.field === 'email')?.message ?? null,
      },
    });
  }

  private confirmPage(
    page: PageContext,
    form: { token: string; passwordError: string | null } | null,
    errors: FormError[],
  ): string {
    const t = page.texts.passwordReset;
    return this.pages.render(page, 'password-reset/confirm', {
      title: t.confirmTitle,
      errors,
      form: form && {
        ...form,
        intro: fill(t.confirmIntro, { min: PASSWORD_MIN_LENGTH }),
      },
    });
  }
}
