import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, DomainErrorCode, Role } from '@app/domain';
import type { Request } from 'express';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import { AuthService } from './auth.service';

/**
 * Authenticates every request and checks its role. An endpoint that declares neither roles
 * nor @Public() is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new DomainError(
        DomainErrorCode.Unauthenticated,
        'Sign in first: send an access token or an API key as "Authorization: Bearer <token>".',
      );
    }
    const actor = await this.auth.authenticate(match[1]);
    request.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || !roles.includes(actor.role)) {
      throw new DomainError(
        DomainErrorCode.Forbidden,
        `Your role ${actor.role} may not do this${roles ? `; allowed: ${roles.join(', ')}` : ''}.`,
      );
    }
    return true;
  }
}
