import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Action, Actor, DomainError, DomainErrorCode, requireAccess } from '@app/domain';
import type { Request } from 'express';
import { isPagePath } from '../web/page-paths';
import { verifyCsrfToken } from '../web/session/csrf';
import { SessionRequest, WebSessionService } from '../web/session/web-session.service';
import { ACTION_KEY, AuthenticatedRequest, PUBLIC_KEY } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Authenticates every request and refuses a role that may never carry out the endpoint's
 * use-case (ACCESS_POLICY), so that a refused caller learns it before its body is validated or
 * its upload parsed. An endpoint that names neither a use-case nor @Public() is refused to
 * everyone, and to an anonymous caller as unauthenticated, so a forgotten decorator fails
 * closed.
 *
 * The JSON API under /api/v1 takes a bearer credential only (access token or API key), never
 * the session cookie: a browser sends the cookie along with any request another site makes,
 * so a cookie-authenticated API would be open to cross-site requests. The pages take the
 * session only, and every page request that changes something must carry the session's CSRF
 * token; it is checked here, before any interceptor (upload parsing), pipe or handler runs.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACTION_KEY, targets);
    if (isPagePath(request.path)) {
      return this.admitPage(request, isPublic, action);
    }
    if (isPublic) {
      return true;
    }
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new DomainError(DomainErrorCode.Unauthenticated, {
        de: 'Melden Sie sich zuerst an: senden Sie ein Zugangstoken oder einen API-Schlüssel als "Authorization: Bearer <token>".',
        en: 'Sign in first: send an access token or an API key as "Authorization: Bearer <token>".',
      });
    }
    const actor = await this.auth.authenticate(match[1]);
    request.actor = actor;
    requireUseCase(actor, action);
    return true;
  }

  /**
   * A page: the session's actor (also on public pages, which show the header accordingly), a
   * sign-in before anything else when a protected page has none (the exception filter redirects
   * to the sign-in and back), then the CSRF token of a request that changes something, then the
   * role's access to the page's use-case.
   */
  private async admitPage(
    request: SessionRequest,
    isPublic: boolean,
    action: Action | undefined,
  ): Promise<boolean> {
    const actor = await this.sessions.actorOf(request);
    if (actor) {
      request.actor = actor;
    } else if (!isPublic) {
      throw new DomainError(DomainErrorCode.Unauthenticated, {
        de: 'Melden Sie sich zuerst an.',
        en: 'Sign in first.',
      });
    }
    verifyCsrfToken(request);
    if (!isPublic && actor) {
      requireUseCase(actor, action);
    }
    return true;
  }
}

function requireUseCase(actor: Actor, action: Action | undefined): void {
  if (action === undefined) {
    throw new DomainError(DomainErrorCode.Forbidden, {
      de: `Ihre Rolle ${actor.role} darf das nicht.`,
      en: `Your role ${actor.role} may not do this.`,
    });
  }
  requireAccess(actor, action);
}
