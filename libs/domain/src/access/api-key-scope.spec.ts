import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { Actor, TenantId } from './actor';
import { assertScopesGrantable } from './api-key-scope';

const base = {
  tenantId: 'a1f0c3e2-0000-4000-8000-000000000001' as TenantId,
  organisationKind: 'company',
  role: 'company_admin',
} as const;
const user: Actor = { ...base, userId: 'u1', apiKeyId: null, apiKeyScopes: [] };
const keyMaker: Actor = {
  ...base,
  userId: null,
  apiKeyId: 'k2',
  apiKeyScopes: ['api_keys:create'],
};

function codeOf(run: () => void): DomainErrorCode | null {
  try {
    run();
    return null;
  } catch (e: unknown) {
    return e instanceof DomainError ? e.code : null;
  }
}

describe('assertScopesGrantable', () => {
  it('lets a user give any scope and a key only those it holds', () => {
    expect(
      codeOf(() => assertScopesGrantable(user, ['api_keys:create', 'users:create'])),
    ).toBeNull();
    expect(codeOf(() => assertScopesGrantable(keyMaker, ['api_keys:create']))).toBeNull();
    expect(codeOf(() => assertScopesGrantable(keyMaker, []))).toBeNull();
    expect(codeOf(() => assertScopesGrantable(keyMaker, ['users:create']))).toBe(
      DomainErrorCode.Forbidden,
    );
  });
});
