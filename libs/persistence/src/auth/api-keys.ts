import { ApiKeyEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** Stores a new API key (its secret as a hash only). */
export function insertApiKey(
  tx: TenantTx,
  key: Pick<
    ApiKeyEntity,
    'tenantId' | 'name' | 'role' | 'scopes' | 'prefix' | 'secretHash' | 'createdBy'
  >,
): Promise<ApiKeyEntity> {
  const m = managerOf(tx);
  return m.save(m.create(ApiKeyEntity, key));
}

/** The caller's organisation's API keys, the oldest first. */
export function apiKeysByAge(tx: TenantTx): Promise<ApiKeyEntity[]> {
  return managerOf(tx).find(ApiKeyEntity, { order: { createdAt: 'ASC' } });
}

/** One of the caller's organisation's API keys; null otherwise. */
export function findApiKey(tx: TenantTx, id: string): Promise<ApiKeyEntity | null> {
  return managerOf(tx).findOneBy(ApiKeyEntity, { id });
}

/** Stores a key's revocation. */
export function saveApiKey(tx: TenantTx, key: ApiKeyEntity): Promise<ApiKeyEntity> {
  return managerOf(tx).save(key);
}
