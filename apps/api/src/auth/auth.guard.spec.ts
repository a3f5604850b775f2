import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Action, Actor, DomainError, DomainErrorCode, TenantId } from '@app/domain';
import type { WebSessionService } from '../web/session/web-session.service';
import { Public, UseCase } from './auth.decorators';
import { AuthGuard } from './auth.guard';
import type { AuthService } from './auth.service';

const viewer: Actor = {
  userId: 'u1',
  apiKeyId: null,
  apiKeyScopes: [],
  tenantId: 'a1f0c3e2-0000-4000-8000-000000000002' as TenantId,
  organisationKind: 'company',
  role: 'company_viewer',
};

class Endpoints {
  @Public()
  open(): void {}

  @UseCase(Action.ReportRead)
  read(): void {}

  @UseCase(Action.UnitCreate)
  create(): void {}

  /** Names neither a use-case nor @Public(): a forgotten decorator. */
  undeclared(): void {}
}

function contextOf(handler: keyof Endpoints, authorization?: string): ExecutionContext {
  const request = { path: '/api/v1/anything', headers: { authorization } };
  return {
    getHandler: () => Endpoints.prototype[handler],
    getClass: () => Endpoints,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
}

const guard = new AuthGuard(
  new Reflector(),
  { authenticate: () => Promise.resolve(viewer) } as unknown as AuthService,
  {} as WebSessionService,
);

async function codeOf(run: () => Promise<boolean>): Promise<DomainErrorCode | 'admitted'> {
  try {
    await run();
    return 'admitted';
  } catch (e: unknown) {
    if (e instanceof DomainError) {
      return e.code;
    }
    throw e;
  }
}

describe('AuthGuard on the API', () => {
  it('admits anyone to a public endpoint', async () => {
    expect(await codeOf(() => guard.canActivate(contextOf('open')))).toBe('admitted');
  });

  it('refuses an anonymous caller every endpoint that is not public, one without a use-case too', async () => {
    expect(await codeOf(() => guard.canActivate(contextOf('read')))).toBe(
      DomainErrorCode.Unauthenticated,
    );
    expect(await codeOf(() => guard.canActivate(contextOf('undeclared')))).toBe(
      DomainErrorCode.Unauthenticated,
    );
  });

  it('admits a role to its use-case and refuses one the policy does not give it', async () => {
    expect(await codeOf(() => guard.canActivate(contextOf('read', 'Bearer t')))).toBe('admitted');
    expect(await codeOf(() => guard.canActivate(contextOf('create', 'Bearer t')))).toBe(
      DomainErrorCode.Forbidden,
    );
  });

  it('refuses every signed-in caller an endpoint that names no use-case', async () => {
    expect(await codeOf(() => guard.canActivate(contextOf('undeclared', 'Bearer t')))).toBe(
      DomainErrorCode.Forbidden,
    );
  });
});
