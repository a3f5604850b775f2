import { OrganisationEntity } from '../entities';
import { managerOf, type TenantTx } from '../tenant/tenant-tx';

/** Stores a new organisation (a tenant) of a kind and name. */
export function insertOrganisation(
  tx: TenantTx,
  organisation: Pick<OrganisationEntity, 'kind' | 'name'>,
): Promise<OrganisationEntity> {
  const m = managerOf(tx);
  return m.save(m.create(OrganisationEntity, organisation));
}

/** The organisations the caller sees, by name. */
export function organisationsByName(tx: TenantTx): Promise<OrganisationEntity[]> {
  return managerOf(tx).find(OrganisationEntity, { order: { name: 'ASC' } });
}

/**
 * The names of the organisations the caller sees (row-level security: its own, a company's
 * publishers, a publisher's participants), by id.
 */
export async function organisationNames(tx: TenantTx): Promise<Map<string, string>> {
  return new Map((await managerOf(tx).find(OrganisationEntity)).map((o) => [o.id, o.name]));
}

/** An organisation the caller sees; null otherwise. */
export function findOrganisation(
  tx: TenantTx,
  organisationId: string,
): Promise<OrganisationEntity | null> {
  return managerOf(tx).findOneBy(OrganisationEntity, { id: organisationId });
}

/**
 * An organisation the caller sees for certain (its own, or one it just enrolled or made): a
 * missing one throws TypeORM's EntityNotFoundError, an internal error.
 */
export function getOrganisation(tx: TenantTx, organisationId: string): Promise<OrganisationEntity> {
  return managerOf(tx).findOneByOrFail(OrganisationEntity, { id: organisationId });
}

/**
 * A company of that exact name among those the caller sees (row-level security: a
 * publisher's participants), so that the answer tells nothing of other publishers'.
 */
export function findCompanyNamed(tx: TenantTx, name: string): Promise<OrganisationEntity | null> {
  return managerOf(tx).findOneBy(OrganisationEntity, { kind: 'company', name });
}

/** Stores an organisation's changed state. */
export async function saveOrganisation(
  tx: TenantTx,
  organisation: OrganisationEntity,
): Promise<void> {
  await managerOf(tx).save(organisation);
}
