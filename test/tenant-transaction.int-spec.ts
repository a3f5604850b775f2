import { asTenantId, sizeBandFor } from '@app/domain';
import {
  dataSourceOptions,
  TENANT_READ_FUNCTIONS,
  TenantDb,
  tenantRead,
  UnitEntity,
} from '@app/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  closeOwnerDataSource,
  createOrganisation,
  createUnit,
  createUser,
  ownerDataSource,
} from './support/factories';
import { appUrl } from './support/test-env';
// The tests reach the tenant's transaction as TypeORM's, which the application may not.
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

/** A unit as the company would write it (the factories write as the owner). */
function unitOf(companyId: string, name: string): Partial<UnitEntity> {
  return {
    tenantId: companyId,
    name,
    industry: 'telecom',
    country: 'DE',
    customerType: 'b2c',
    sourcing: 'inhouse',
    agentFte: 40,
    sizeBand: sizeBandFor(40),
  };
}

/**
 * TenantDb opens its transaction and sets the tenant in one round trip of its own making (not
 * TypeORM's `transaction`): these are the guarantees that must survive that.
 */
describe('tenant transaction (application role, real PostgreSQL)', () => {
  let appDb: DataSource;
  let tenantDb: TenantDb;

  beforeAll(async () => {
    // One pooled connection: whatever a transaction left on it, the next one would see.
    appDb = new DataSource(dataSourceOptions(appUrl(), 1));
    await appDb.initialize();
    tenantDb = new TenantDb(appDb);
  });

  afterAll(async () => {
    await appDb.destroy();
    await closeOwnerDataSource();
  });

  it('runs the work as the tenant inside one transaction of the isolation level asked for', async () => {
    const company = await createOrganisation('company');
    const seen = await tenantDb.withTenant(
      asTenantId(company.id),
      async (m) => {
        const [row] = await managerOf(m).query<
          { tenant: string; isolation: string; open: boolean }[]
        >(
          `SELECT current_setting('app.tenant_id') AS tenant,
                  current_setting('transaction_isolation') AS isolation,
                  now() = statement_timestamp() AS open`,
        );
        return row;
      },
      'REPEATABLE READ',
    );
    // In a transaction block, now() is the block's start, earlier than the statement's.
    expect(seen).toEqual({ tenant: company.id, isolation: 'repeatable read', open: false });
  });

  it('rolls back everything the work wrote when it throws, saves included', async () => {
    const company = await createOrganisation('company');
    const failing = tenantDb.withTenant(asTenantId(company.id), async (m) => {
      // `save` opens a savepoint inside the transaction, as it does in TypeORM's own.
      await managerOf(m).save(
        managerOf(m).create(UnitEntity, unitOf(company.id, 'Written then undone')),
      );
      throw new Error('the work failed');
    });
    await expect(failing).rejects.toThrow('the work failed');
    const owner = await ownerDataSource();
    const units = await owner.getRepository(UnitEntity).findBy({ tenantId: company.id });
    expect(units).toEqual([]);
  });

  it('commits what the work wrote when it returns', async () => {
    const company = await createOrganisation('company');
    await tenantDb.withTenant(asTenantId(company.id), async (m) => {
      await managerOf(m).save(managerOf(m).create(UnitEntity, unitOf(company.id, 'Kept')));
    });
    const owner = await ownerDataSource();
    const units = await owner.getRepository(UnitEntity).findBy({ tenantId: company.id });
    expect(units.map((u) => u.name)).toEqual(['Kept']);
  });

  it('hands the pooled connection back with no transaction and no tenant, after a failure too', async () => {
    const company = await createOrganisation('company');
    await createUnit(company);
    await expect(
      tenantDb.withTenant(asTenantId(company.id), async (m) => {
        await managerOf(m).query('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    const [after] = await appDb.query<{ tenant: string | null; idle: boolean }[]>(
      `SELECT current_setting('app.tenant_id', true) AS tenant, now() = statement_timestamp() AS idle`,
    );
    // Outside a block every statement is its own transaction: now() is its own start.
    expect(after.idle).toBe(true);
    expect(after.tenant ?? '').toBe('');
    expect(await appDb.getRepository(UnitEntity).count()).toBe(0);
  });

  it('refuses a tenant id that is not a uuid before anything reaches the database', async () => {
    await expect(
      tenantDb.withTenant(asTenantId(`x', true); SELECT set_config('app.tenant_id', 'y`), () =>
        Promise.resolve(1),
      ),
    ).rejects.toThrow(/not a tenant id/);
    const [after] = await appDb.query<{ idle: boolean }[]>(
      `SELECT now() = statement_timestamp() AS idle`,
    );
    expect(after.idle).toBe(true);
  });

  describe('one-round-trip reads (TenantDb.read)', () => {
    /** What the single pooled connection holds after a read: no tenant, no open transaction. */
    async function connectionLeftClean(): Promise<{ tenant: string; idle: boolean }> {
      const [after] = await appDb.query<{ tenant: string | null; idle: boolean }[]>(
        `SELECT current_setting('app.tenant_id', true) AS tenant,
                now() = statement_timestamp() AS idle`,
      );
      return { tenant: after.tenant ?? '', idle: after.idle };
    }

    it('reads as the tenant it is given, and leaves the connection without one', async () => {
      const company = await createOrganisation('company');
      const editor = await createUser(company, 'company_editor');
      const rows = await tenantDb.read(
        asTenantId(company.id),
        tenantRead('tenant_active_user', editor.id, new Date()),
      );
      expect(rows).toEqual([{ role: 'company_editor', disabled_at: null, revoked: false }]);
      expect(await connectionLeftClean()).toEqual({ tenant: '', idle: true });
    });

    it("sees the tenant's own rows only (row-level security)", async () => {
      const company = await createOrganisation('company');
      const other = await createOrganisation('company');
      const foreign = await createUser(other, 'company_admin');
      const rows = await tenantDb.read(
        asTenantId(company.id),
        tenantRead('tenant_active_user', foreign.id, new Date()),
      );
      expect(rows).toEqual([]);
    });

    it("tells a disabled organisation and sessions ended after the credential's start", async () => {
      const company = await createOrganisation('company');
      const editor = await createUser(company, 'company_editor');
      const owner = await ownerDataSource();
      const signedInAt = new Date(Date.now() - 60_000);
      await owner.query(`UPDATE users SET sessions_revoked_at = now() WHERE id = $1`, [editor.id]);
      await owner.query(`UPDATE organisations SET disabled_at = now() WHERE id = $1`, [company.id]);
      const [row] = await tenantDb.read<{ disabled_at: Date | null; revoked: boolean }>(
        asTenantId(company.id),
        tenantRead('tenant_active_user', editor.id, signedInAt),
      );
      expect(row.disabled_at).toBeInstanceOf(Date);
      expect(row.revoked).toBe(true);
    });

    it('takes every value as a parameter, never as SQL text', async () => {
      const company = await createOrganisation('company');
      for (const hostile of [
        `'; SELECT set_config('app.tenant_id', NULL, false); --`,
        `\\'); DROP TABLE units; --`,
        `a'b\\c"d$$e`,
      ]) {
        const rows = await tenantDb.read(
          asTenantId(company.id),
          tenantRead('tenant_snapshot_group_access', randomUUID(), hostile),
        );
        expect(rows).toEqual([]);
      }
      expect(await connectionLeftClean()).toEqual({ tenant: '', idle: true });
    });

    it('reads only through functions that cannot write and run as their caller', async () => {
      const owner = await ownerDataSource();
      const functions = await owner.query<
        { name: string; volatility: string; definer: boolean; app: boolean }[]
      >(
        `SELECT p.proname AS name, p.provolatile AS volatility, p.prosecdef AS definer,
                has_function_privilege('cockpit_app', p.oid, 'EXECUTE') AS app
           FROM pg_proc p WHERE p.proname = ANY($1) ORDER BY p.proname`,
        [[...TENANT_READ_FUNCTIONS]],
      );
      // STABLE ('s'): PostgreSQL refuses any write inside; not SECURITY DEFINER: row-level
      // security applies to the caller, the application role.
      expect(functions).toEqual(
        [...TENANT_READ_FUNCTIONS]
          .sort()
          .map((name) => ({ name, volatility: 's', definer: false, app: true })),
      );
    });

    it('refuses a tenant id that is not a uuid before anything reaches the database', async () => {
      await expect(
        tenantDb.read(
          asTenantId(`x', true); SELECT set_config('app.tenant_id', 'y`),
          tenantRead('tenant_active_user', randomUUID(), new Date()),
        ),
      ).rejects.toThrow(/not a tenant id/);
    });
  });
});
