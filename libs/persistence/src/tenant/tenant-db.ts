import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { asTenantId, type TenantId } from '@app/domain';
import { DataSource, EntityManager, QueryFailedError, QueryRunner } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { managerOf, type NoTenantTx, type TenantTx } from './tenant-tx';

export type { NoTenantTx, TenantTx } from './tenant-tx';

/** A tenant id as set into SQL text: a uuid, nothing else can pass (see `beginAsTenant`). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISOLATION_LEVELS: readonly IsolationLevel[] = [
  'READ UNCOMMITTED',
  'READ COMMITTED',
  'REPEATABLE READ',
  'SERIALIZABLE',
];

/** A value a tenant read takes (see `tenantRead`). */
export type ReadValue = string | number | boolean | Date | null;

declare const rowsOf: unique symbol;

/**
 * The database's functions of the reads of every request (migration
 * `CachedPlanAccessChecks1764440000000`). Each takes the tenant first, sets it for its own
 * statement and reads as that tenant; each is STABLE, so it cannot write, and runs as its
 * caller, so row-level security decides what it sees.
 */
export const TENANT_READ_FUNCTIONS = [
  'tenant_active_user',
  'tenant_snapshot_group_access',
] as const;
export type TenantReadFunction = (typeof TENANT_READ_FUNCTIONS)[number];

/** A call of a tenant read function whose rows are `R`: what `TenantDb.read` runs. */
export interface TenantRead<R> {
  readonly fn: TenantReadFunction;
  readonly args: readonly ReadValue[];
  readonly [rowsOf]?: R;
}

/** A call of `fn` with `args`, after the tenant that `TenantDb.read` puts first. */
export function tenantRead<R>(
  fn: TenantReadFunction,
  ...args: readonly ReadValue[]
): TenantRead<R> {
  return { fn, args };
}

/** The driver's client, for a statement prepared once per connection under its name. */
interface PgClient {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

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
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const tx = await beginAsTenant(runner, tenant, isolation);
      let result: T;
      try {
        result = await work(tx);
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
   * Runs one read of what `tenant` may see in one round trip, where `withTenant` takes three
   * (begin with the tenant, the read, commit): for the reads of every request, the access
   * checks of authentication and of published snapshots. The read is a function of the database
   * that sets the tenant for its own statement, which PostgreSQL runs as one implicit
   * transaction, so the pooled connection is left without a tenant, as after `withTenant`. The
   * call is a prepared statement and the function keeps its plans, both per connection: these
   * reads are small, and planning them again each time cost more than running them.
   */
  async read<R>(tenant: TenantId, statement: TenantRead<R>): Promise<R[]> {
    requireUuid(tenant);
    const parameters = statement.args.map((_, i) => `$${i + 2}`);
    const text = `SELECT * FROM ${statement.fn}(${['$1', ...parameters].join(', ')})`;
    const runner = this.dataSource.createQueryRunner();
    try {
      // The driver's client itself: TypeORM's `query` prepares no named statement.
      const client = (await runner.connect()) as PgClient;
      const result = await client
        .query<R>({ name: statement.fn, text, values: [tenant, ...statement.args] })
        .catch((error: unknown) => {
          throw new QueryFailedError(text, undefined, error as Error);
        });
      return result.rows;
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
    create: (tx: TenantTx) => Promise<T>,
    work: (tx: TenantTx, created: T) => Promise<R>,
  ): Promise<R> {
    return this.withTenant(tenant, async (tx) => {
      const created = await create(tx);
      return work(await setTenant(managerOf(tx), asTenantId(created.id)), created);
    });
  }

  /**
   * Runs `work` with no tenant set: only the security-definer functions of the cross-tenant
   * reader (sign-in, the reconciler's unfinished work) return anything there.
   */
  async withoutTenant<T>(work: (tx: NoTenantTx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work(manager as unknown as NoTenantTx));
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
 * leave it, so that saves inside nest as savepoints and commit and rollback end it. One of the
 * two places a TenantTx is minted.
 */
async function beginAsTenant(
  runner: QueryRunner,
  tenant: TenantId,
  isolation: IsolationLevel,
): Promise<TenantTx> {
  requireUuid(tenant);
  if (!ISOLATION_LEVELS.includes(isolation)) {
    throw new Error(`not an isolation level: ${isolation}`);
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
  return runner.manager as unknown as TenantTx;
}

/** The tenant goes into SQL text: only a uuid may. */
function requireUuid(tenant: TenantId): void {
  if (!UUID.test(tenant)) {
    throw new Error(`not a tenant id: ${tenant}`);
  }
}

/**
 * Switches the transaction's tenant; `true`: local to the transaction, never the pooled
 * session. The other place a TenantTx is minted.
 */
async function setTenant(manager: EntityManager, tenant: TenantId): Promise<TenantTx> {
  await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
  return manager as unknown as TenantTx;
}
