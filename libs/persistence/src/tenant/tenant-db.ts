import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asTenantId, type TenantId } from '@app/domain';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** A tenant id as set into SQL text: a uuid, nothing else can pass (see `beginAsTenant`). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISOLATION_LEVELS: readonly IsolationLevel[] = [
  'READ UNCOMMITTED',
  'READ COMMITTED',
  'REPEATABLE READ',
  'SERIALIZABLE',
];

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
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await beginAsTenant(runner, tenant, isolation);
      let result: T;
      try {
        result = await work(runner.manager);
      } catch (error) {
        // The work's error is the one to report; a failed rollback ends with the connection.
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      }
      await runner.commitTransaction();
      return result;
    } finally {
      await runner.release();
    }
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

/**
 * Starts the runner's transaction with its isolation level and tenant in one round trip
 * (TypeORM's `transaction` takes three: START, SET TRANSACTION and the tenant; at 50 concurrent
 * reads that doubled the transactions per second, bench/api.bench.ts). A simple-protocol query
 * takes several statements but no parameters, so the tenant goes into the text, and only a uuid
 * may. The runner is then told its transaction is open, as its own `startTransaction` would
 * leave it, so that saves inside nest as savepoints and commit and rollback end it.
 */
async function beginAsTenant(
  runner: QueryRunner,
  tenant: TenantId,
  isolation: IsolationLevel,
): Promise<void> {
  if (!UUID.test(tenant) || !ISOLATION_LEVELS.includes(isolation)) {
    throw new Error(`not a tenant id or isolation level: ${tenant}, ${isolation}`);
  }
  try {
    await runner.query(
      `START TRANSACTION ISOLATION LEVEL ${isolation}; SELECT set_config('app.tenant_id', '${tenant}', true)`,
    );
  } catch (error) {
    // Never hand the pool a connection inside a transaction, aborted or not.
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
}

/** Sets the transaction's tenant; `true`: local to the transaction, never the pooled session. */
async function setTenant(manager: EntityManager, tenant: TenantId): Promise<void> {
  await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
}
