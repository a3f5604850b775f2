import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { Actor } from './actor';

/**
 * What an API key may do besides acting in its role: make further credentials (ACCESS_POLICY
 * names the actions that need a scope). A key has none unless whoever creates it names them,
 * so that revoking one leaked key contains the leak: the key cannot have made keys or users
 * that outlive its revocation.
 */
export const API_KEY_SCOPES = ['api_keys:create', 'users:create'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/**
 * Refuses scopes for a new key that the caller does not hold itself: a user may give any, a key
 * only its own, so that no key can make a wider one.
 */
export function assertScopesGrantable(actor: Actor, scopes: readonly ApiKeyScope[]): void {
  const beyond = scopes.filter((s) => actor.apiKeyId !== null && !actor.apiKeyScopes.includes(s));
  if (beyond.length > 0) {
    throw new DomainError(
      DomainErrorCode.Forbidden,
      {
        de: `Ein API-Schlüssel kann einem neuen Schlüssel nur Scopes geben, die er selbst hat; er hat ${beyond.join(', ')} nicht.`,
        en: `An API key can give a new key only scopes it holds itself; it does not hold ${beyond.join(', ')}.`,
      },
      [
        {
          key: 'scopes',
          rule: 'scope_not_held',
          message: {
            de: `scopes darf ${beyond.join(', ')} nicht enthalten.`,
            en: `scopes may not include ${beyond.join(', ')}.`,
          },
        },
      ],
    );
  }
}
