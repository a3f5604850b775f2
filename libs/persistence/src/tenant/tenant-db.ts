import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TenantId } from '@app/domain';
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
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      return work(manager);
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
