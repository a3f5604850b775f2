import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asTenantId, type TenantId } from '@app/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

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
    work: (manager: EntityManager) => Promise<T>,
    isolation: IsolationLevel = 'READ COMMITTED',
  ): Promise<T> {
    return this.dataSource.transaction(isolation, async (manager) => {
      await setTenant(manager, tenant);
      return work(manager);
    });
  }

  /**
   * Onboarding in one transaction: `create` runs as `tenant` and makes a new tenant (an
   * organisation), then `work` runs as the new tenant, so that what it writes there (the first
   * user) is written by that tenant and `tenant` gets no standing access to it.
   */
  async withNewTenant<T extends { id: string }, R>(
    tenant: TenantId,
    create: (manager: EntityManager) => Promise<T>,
    work: (manager: EntityManager, created: T) => Promise<R>,
  ): Promise<R> {
    return this.withTenant(tenant, async (manager) => {
      const created = await create(manager);
      await setTenant(manager, asTenantId(created.id));
      return work(manager, created);
    });
  }

  /**
   * Runs `work` with no tenant set: only the SECURITY DEFINER authentication functions return
   * anything there.
   */
  async withoutTenant<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Liveness of the database for the readiness check. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

/** Sets the transaction's tenant; `true`: local to the transaction, never the pooled session. */
async function setTenant(manager: EntityManager, tenant: TenantId): Promise<void> {
  await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
}
