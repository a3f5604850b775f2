import type { EntityManager } from 'typeorm';

declare const tenantSet: unique symbol;
declare const noTenantSet: unique symbol;

/**
 * A transaction whose tenant is set. Readers and writers of tenant data take one, and only
 * TenantDb mints it (the brand's symbol is not exported, and lint refuses `as TenantTx`
 * elsewhere), so that a query without a tenant does not compile. It is opaque: outside
 * `libs/persistence` it opens no query, so that every statement is one of its readers or
 * writers.
 */
export interface TenantTx {
  readonly [tenantSet]: true;
}

/**
 * A transaction with no tenant set, in which row-level security returns no tenant row: only the
 * security-definer functions of the cross-tenant reader answer there.
 */
export interface NoTenantTx {
  readonly [noTenantSet]: true;
}

/**
 * The entity manager behind a transaction handle, for the readers and writers of this library
 * only: the library's index does not export it, and lint refuses a path into the library.
 */
export function managerOf(tx: TenantTx | NoTenantTx): EntityManager {
  return tx as unknown as EntityManager;
}
