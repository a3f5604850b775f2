import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Action, Actor } from '@app/domain';

export const ACTION_KEY = 'action';
export const PUBLIC_KEY = 'public';

/**
 * The use-case an endpoint carries out; ACCESS_POLICY decides who may. Every endpoint names
 * one, or is @Public(). The guard refuses a role that may never do it before the body is
 * validated or an upload parsed; the use-case checks again, with what it acts on.
 */
export const UseCase = (action: Action) => SetMetadata(ACTION_KEY, action);

/** An endpoint that needs no sign-in (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export interface AuthenticatedRequest {
  actor?: Actor;
}

/** The authenticated caller of the request. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) {
    throw new Error('CurrentActor used on an endpoint without authentication');
  }
  return actor;
});
