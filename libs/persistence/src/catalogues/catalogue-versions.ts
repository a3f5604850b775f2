import { CatalogueVersionEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** What a new catalogue version is made of; the rest are the table's defaults. */
export type NewCatalogueVersion = Pick<
  CatalogueVersionEntity,
  'tenantId' | 'key' | 'version' | 'definition' | 'hash'
> &
  Partial<Pick<CatalogueVersionEntity, 'basedOnId'>>;

/** An organisation's own catalogue versions by key, each key's versions newest or oldest first. */
export function catalogueVersionsOf(
  tx: TenantTx,
  tenantId: string,
  versions: 'newest first' | 'oldest first',
): Promise<CatalogueVersionEntity[]> {
  return managerOf(tx).find(CatalogueVersionEntity, {
    where: { tenantId },
    order: { key: 'ASC', version: versions === 'newest first' ? 'DESC' : 'ASC' },
  });
}

/**
 * A catalogue version the caller sees (its own, or one a study it takes part in pins); null
 * otherwise. `lock` holds its row until the transaction ends, for an edit.
 */
export function findCatalogueVersion(
  tx: TenantTx,
  versionId: string,
  lock = false,
): Promise<CatalogueVersionEntity | null> {
  return managerOf(tx).findOne(CatalogueVersionEntity, {
    where: { id: versionId },
    ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
  });
}

/** One of the organisation's own catalogue versions; null for another's or none. */
export function findOwnCatalogueVersion(
  tx: TenantTx,
  tenantId: string,
  versionId: string,
): Promise<CatalogueVersionEntity | null> {
  return managerOf(tx).findOneBy(CatalogueVersionEntity, { id: versionId, tenantId });
}

/**
 * A catalogue version that exists (a study pins it, or it was just written): a missing one
 * throws TypeORM's EntityNotFoundError, an internal error.
 */
export function getCatalogueVersion(
  tx: TenantTx,
  versionId: string,
): Promise<CatalogueVersionEntity> {
  return managerOf(tx).findOneByOrFail(CatalogueVersionEntity, { id: versionId });
}

/** The organisation's version of a key and number, if it has one. */
export function findNumberedCatalogueVersion(
  tx: TenantTx,
  tenantId: string,
  key: string,
  version: number,
): Promise<CatalogueVersionEntity | null> {
  return managerOf(tx).findOneBy(CatalogueVersionEntity, { tenantId, key, version });
}

/** The organisation's latest version of a key, if any. */
export function latestCatalogueVersion(
  tx: TenantTx,
  tenantId: string,
  key: string,
): Promise<CatalogueVersionEntity | null> {
  return managerOf(tx).findOne(CatalogueVersionEntity, {
    where: { tenantId, key },
    order: { version: 'DESC' },
  });
}

/** Stores a new catalogue version. */
export function insertCatalogueVersion(
  tx: TenantTx,
  version: NewCatalogueVersion,
): Promise<CatalogueVersionEntity> {
  const m = managerOf(tx);
  return m.save(m.create(CatalogueVersionEntity, version));
}

/**
 * Changes a draft's definition and hash: only these columns, the application role may change
 * nothing else of a version.
 */
export async function updateCatalogueDraft(
  tx: TenantTx,
  versionId: string,
  draft: Pick<CatalogueVersionEntity, 'definition' | 'hash'>,
): Promise<void> {
  await managerOf(tx).update(CatalogueVersionEntity, { id: versionId }, draft);
}
