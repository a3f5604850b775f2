import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Action, DomainError, DomainErrorCode } from '@app/domain';
import type { Response } from 'express';
import { Public, UseCase } from '../../auth/auth.decorators';
import { AuthService } from '../../auth/auth.service';
import { LANGUAGE_COOKIE, LANGUAGES, Language } from '../../common/request-context';
import { LOGIN_PATH, safeNextPath } from '../page-paths';
import { Page, PageContext } from '../views/page-context';
import { PageRenderer } from '../views/page-renderer';
import { seeOther, sendPage } from '../views/page-response';
import { SignInDto } from './dto/sign-in.dto';
import { SignInAttempts } from './sign-in-attempts';
import { SessionRequest, WebSessionService } from './web-session.service';

/** A year: the language is a preference, not a secret. */
const LANGUAGE_COOKIE_MAX_AGE_MS = 365 * 24 * 60 * 60 * 1000;

interface FormError {
  field: 'email' | 'password' | null;
  message: string;
}

/** Sign-in, sign-out and the language switch of the pages. */
@ApiExcludeController()
@Controller()
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
    private readonly attempts: SignInAttempts,
    private readonly pages: PageRenderer,
  ) {}

  /** The sign-in form; a person who is signed in already goes on to `next`. */
  @Get('login')
  @Public()
  async form(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Page() page: PageContext,
    @Query('next') next: unknown,
    @Query('signedOut') signedOut: unknown,
  ): Promise<void> {
    // The AuthGuard verified the session already, public pages included.
    if (request.actor) {
      seeOther(response, safeNextPath(next));
      return;
    }
    const notice =
      signedOut !== undefined
        ? page.texts.session.signedOut
        : next !== undefined
          ? page.texts.session.signInToContinue
          : null;
    const html = this.loginPage(page, { next: safeNextPath(next), notice });
    // The form's CSRF token is stored before the form goes out (a 503 page when it cannot be).
    await this.sessions.store(request);
    sendPage(response, html, 200);
  }

  /** Checks the form with AuthService, starts the session and returns to `next`. */
  @Post('login')
  @Public()
  async signIn(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Page() page: PageContext,
    @Body() body: SignInDto,
  ): Promise<void> {
    const t = page.texts.session;
    const email = (body.email ?? '').trim();
    const password = body.password ?? '';
    const next = safeNextPath(body.next);
    const again = (status: number, errors: FormError[]): void =>
      sendPage(response, this.loginPage(page, { next, email, errors }), status);
    const missing: FormError[] = [
      ...(email === '' ? [{ field: 'email' as const, message: t.missingEmail }] : []),
      ...(password === '' ? [{ field: 'password' as const, message: t.missingPassword }] : []),
    ];
    if (missing.length > 0) {
      again(422, missing);
      return;
    }
    if (!(await this.attempts.allow(request.ip, email))) {
      again(429, [{ field: null, message: t.tooManyAttempts }]);
      return;
    }
    try {
      const { accessToken } = await this.auth.login(email, password);
      await this.sessions.signIn(request, await this.auth.authenticate(accessToken));
    } catch (error: unknown) {
      if (error instanceof DomainError && error.code === DomainErrorCode.Unauthenticated) {
        again(401, [{ field: null, message: t.wrongCredentials }]);
        return;
      }
      throw error;
    }
    seeOther(response, next);
  }

  /** Ends the session and shows the sign-in form. */
  @Post('logout')
  @UseCase(Action.SignOut)
  async signOut(@Req() request: SessionRequest, @Res() response: Response): Promise<void> {
    await this.sessions.signOut(request, response);
    seeOther(response, `${LOGIN_PATH}?signedOut`);
  }

  /**
   * The language switch: a link (no form, so it works for visitors without a session) that
   * keeps the choice in a cookie and returns to the page it came from; a signed-in person's
   * choice becomes their user's language, which their mails are written in.
   */
  @Get('language')
  @Public()
  async switchLanguage(
    @Req() request: SessionRequest,
    @Res() response: Response,
    @Query('lang') lang: unknown,
    @Query('next') next: unknown,
  ): Promise<void> {
    if (LANGUAGES.includes(lang as Language)) {
      await this.sessions.rememberLanguage(request.actor, lang as Language);
      response.cookie(LANGUAGE_COOKIE, lang, {
        httpOnly: true,
        sameSite: 'lax',
        secure: request.secure,
        path: '/',
        maxAge: LANGUAGE_COOKIE_MAX_AGE_MS,
      });
    }
    seeOther(response, safeNextPath(next));
  }

  private loginPage(
    page: PageContext,
    form: { next: string; email?: string; errors?: FormError[]; notice?: string | null },
  ): string {
    const errors = form.errors ?? [];
    const fieldError = (field: FormError['field']): string | null =>
      errors.find((e) => e.field === field)?.message ?? null;
    return this.pages.render(page, 'session/login', {
      title: page.texts.session.title,
      notice: form.notice ?? null,
      next: form.next,
      errors,
      email: { value: form.email ?? '', error: fieldError('email') },
      password: { error: fieldError('password') },
    });
  }
}
