import { Injectable } from '@nestjs/common';
import {
  Action,
  Actor,
  ApiKeyScope,
  assertScopesGrantable,
  DomainError,
  DomainErrorCode,
  notFound,
  requireAccess,
  Role,
  rolesFor,
} from '@app/domain';
import {
  ApiKeyEntity,
  TenantDb,
  insertApiKey,
  apiKeysByAge,
  findApiKey,
  saveApiKey,
} from '@app/persistence';
import { randomBytes } from 'node:crypto';
import { API_KEY_PREFIX, hashApiKeySecret } from './api-key-secret';
import { ROLE_REFUSALS } from '../common/roles.texts';
import type { ApiKeyView, CreatedApiKey } from './api-key.types';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomPrefix(): string {
  return Array.from(randomBytes(12), (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}

function toDto(key: ApiKeyEntity): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    role: key.role,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeysService {
  constructor(private readonly db: TenantDb) {}

  async create(
    actor: Actor,
    name: string,
    role: Role,
    scopes: readonly ApiKeyScope[],
  ): Promise<CreatedApiKey> {
    requireAccess(actor, Action.ApiKeyCreate);
    assertScopesGrantable(actor, scopes);
    if (!rolesFor(actor.organisationKind).includes(role)) {
      throw new DomainError(
        DomainErrorCode.ValidationFailed,
        ROLE_REFUSALS.apiKeyRole(actor.organisationKind, role),
        [
          {
            key: 'role',
            rule: 'role_of_organisation',
            message: ROLE_REFUSALS.roleOneOf(rolesFor(actor.organisationKind)),
          },
        ],
      );
    }
    const prefix = randomPrefix();
    const secret = randomBytes(32).toString('base64url');
    const saved = await this.db.withTenant(actor.tenantId, (m) =>
      insertApiKey(m, {
        tenantId: actor.tenantId,
        name,
        role,
        scopes: [...scopes],
        prefix,
        secretHash: hashApiKeySecret(secret),
        createdBy: actor.userId,
      }),
    );
    const reloaded = await this.get(actor, saved.id);
    return { ...reloaded, key: `${API_KEY_PREFIX}${prefix}_${secret}` };
  }

  list(actor: Actor): Promise<ApiKeyView[]> {
    requireAccess(actor, Action.ApiKeyRead);
    return this.db.withTenant(actor.tenantId, async (m) => (await apiKeysByAge(m)).map(toDto));
  }

  async get(actor: Actor, id: string): Promise<ApiKeyView> {
    requireAccess(actor, Action.ApiKeyRead);
    const key = await this.db.withTenant(actor.tenantId, (m) => findApiKey(m, id));
    if (!key) {
      throw notFound('API key', id);
    }
    return toDto(key);
  }

  /** Revokes a key; it stops working at once. Revoking twice is harmless. */
  async revoke(actor: Actor, id: string): Promise<ApiKeyView> {
    requireAccess(actor, Action.ApiKeyRevoke);
    return this.db.withTenant(actor.tenantId, async (m) => {
      const key = await findApiKey(m, id);
      if (!key) {
        throw notFound('API key', id);
      }
      key.revokedAt ??= new Date();
      return toDto(await saveApiKey(m, key));
    });
  }
}
