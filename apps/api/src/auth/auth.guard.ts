import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, DomainError, DomainErrorCode, Role } from '@app/domain';
import type { Request } from 'express';
import { isPagePath } from '../web/page-paths';
import { verifyCsrfToken } from '../web/session/csrf';
import { SessionRequest, WebSessionService } from '../web/session/web-session.service';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Authenticates every request and checks its role. An endpoint that declares neither roles
 * nor @Public() is refused, so a forgotten decorator fails closed.
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
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (isPagePath(request.path)) {
      return this.admitPage(request, isPublic, roles);
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
    assertRole(actor, roles);
    return true;
  }

  /**
   * A page: the session's actor (also on public pages, which show the header accordingly), a
   * sign-in before anything else when a protected page has none (the exception filter redirects
   * to the sign-in and back), then the CSRF token of a request that changes something, then the
   * role.
   */
  private async admitPage(
    request: SessionRequest,
    isPublic: boolean,
    roles: Role[] | undefined,
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
      assertRole(actor, roles);
    }
    return true;
  }
}

function assertRole(actor: Actor, roles: Role[] | undefined): void {
  if (!roles || !roles.includes(actor.role)) {
    const allowed = roles ? roles.join(', ') : '';
    throw new DomainError(DomainErrorCode.Forbidden, {
      de: `Ihre Rolle ${actor.role} darf das nicht${roles ? `; erlaubt: ${allowed}` : ''}.`,
      en: `Your role ${actor.role} may not do this${roles ? `; allowed: ${allowed}` : ''}.`,
    });
  }
}
