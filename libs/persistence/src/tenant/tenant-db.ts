import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asTenantId, type TenantId } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

declare const tenantSet: unique symbol;
declare const noTenantSet: unique symbol;

/**
 * A transaction whose tenant is set. Readers and writers of tenant data take one, and only
 * TenantDb mints it (the brand's symbol is not exported, and lint refuses `as TenantTx`
 * elsewhere), so that a query without a tenant does not compile.
 */
export type TenantTx = EntityManager & { readonly [tenantSet]: true };

/**
 * A transaction with no tenant set, in which row-level security returns no tenant row: only the
 * security-definer functions of the cross-tenant reader answer there.
 */
export type NoTenantTx = EntityManager & { readonly [noTenantSet]: true };

/**
 * The only way the application reaches tenant data: every unit of work is one transaction
 * whose tenant is set with `set_config(..., true)`, so it cannot leak to the next user of the
 * pooled connection, and row-level security does the filtering.
 */
@Injectable()
export class TenantDb {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction that sees exactly what `tenant` may see; read committed unless
   * the work needs all its reads to see one state of the database.
   */
  async withTenant<T>(
    tenant: TenantId,
    work: (tx: TenantTx) => Promise<T>,
    isolation: IsolationLevel = 'READ COMMITTED',
  ): Promise<T> {
    return this.dataSource.transaction(isolation, async (manager) => {
      return work(await setTenant(manager, tenant));
    });
  }

  /**
   * Onboarding in one transaction: `create` runs as `tenant` and makes a new tenant (an
   * organisation), then `work` runs as the new tenant, so that what it writes there (the first
   * user) is written by that tenant and `tenant` gets no standing access to it.
   */
  async withNewTenant<T extends { id: string }, R>(
    tenant: TenantId,
    create: (tx: TenantTx) => Promise<T>,
    work: (tx: TenantTx, created: T) => Promise<R>,
  ): Promise<R> {
    return this.withTenant(tenant, async (tx) => {
      const created = await create(tx);
      return work(await setTenant(tx, asTenantId(created.id)), created);
    });
  }

  /**
   * Runs `work` with no tenant set: only the security-definer functions of the cross-tenant
   * reader (sign-in, the reconciler's unfinished work) return anything there.
   */
  async withoutTenant<T>(work: (tx: NoTenantTx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(manager as NoTenantTx));
  }

  /** Liveness of the database for the readiness check. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

/**
 * Sets the transaction's tenant; `true`: local to the transaction, never the pooled session.
 * The one place a TenantTx is minted.
 */
async function setTenant(manager: EntityManager, tenant: TenantId): Promise<TenantTx> {
  await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
  return manager as TenantTx;
}
