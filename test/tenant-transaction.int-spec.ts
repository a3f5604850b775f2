import { asTenantId, sizeBandFor } from '@app/domain';
import { dataSourceOptions, TenantDb, tenantRead, UnitEntity } from '@app/persistence';
import { DataSource } from 'typeorm';
import {
  closeOwnerDataSource,
  createOrganisation,
  createUnit,
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

  describe('one-statement reads (TenantDb.read)', () => {
    it('reads as the tenant, in a read-only transaction, and leaves the connection without one', async () => {
      const company = await createOrganisation('company');
      const [row] = await tenantDb.read(
        asTenantId(company.id),
        tenantRead<{ tenant: string; readOnly: string }>`
          SELECT current_setting('app.tenant_id') AS tenant,
                 current_setting('transaction_read_only') AS "readOnly"`,
      );
      expect(row.tenant).toBe(company.id);
      expect(row.readOnly).toBe('on');
      const [after] = await appDb.query<{ tenant: string | null }[]>(
        `SELECT current_setting('app.tenant_id', true) AS tenant`,
      );
      expect(after.tenant ?? '').toBe('');
    });

    it("sees the tenant's own rows only (row-level security)", async () => {
      const company = await createOrganisation('company');
      const other = await createOrganisation('company');
      const own = await createUnit(company);
      const foreign = await createUnit(other);
      const rows = await tenantDb.read(
        asTenantId(company.id),
        tenantRead<{ id: string }>`SELECT id FROM units WHERE id IN (${own.id}, ${foreign.id})`,
      );
      expect(rows).toEqual([{ id: own.id }]);
    });

    it('writes nothing: a statement that would write fails and leaves no row', async () => {
      const company = await createOrganisation('company');
      await expect(
        tenantDb.read(
          asTenantId(company.id),
          tenantRead`INSERT INTO units (tenant_id, name, industry, country, customer_type, sourcing, agent_fte, size_band)
                     VALUES (${company.id}, 'x', 'telecom', 'DE', 'b2c', 'inhouse', 1, 'S') RETURNING id`,
        ),
      ).rejects.toThrow(/read-only transaction/);
      const [after] = await appDb.query<{ idle: boolean }[]>(
        `SELECT now() = statement_timestamp() AS idle`,
      );
      expect(after.idle).toBe(true);
    });

    it('takes every value as a literal of its own, never as SQL text', async () => {
      const company = await createOrganisation('company');
      const hostile = [
        `'; SELECT set_config('app.tenant_id', NULL, false); --`,
        `\\'); DROP TABLE units; --`,
        `a'b\\c"d$$e`,
        '',
      ];
      const when = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
      const [row] = await tenantDb.read(
        asTenantId(company.id),
        tenantRead<{ texts: string[]; n: number; yes: boolean; nothing: null; at: Date }>`
          SELECT ARRAY[${hostile[0]}, ${hostile[1]}, ${hostile[2]}, ${hostile[3]}]::text[] AS texts,
                 ${2.5}::float8 AS n, ${true} AS yes, ${null}::text AS nothing,
                 ${when}::timestamptz AS at`,
      );
      expect(row).toEqual({ texts: hostile, n: 2.5, yes: true, nothing: null, at: when });
      expect(() => tenantRead`SELECT ${Number.NaN}`).toThrow(/not a finite number/);
    });

    it('refuses a tenant id that is not a uuid before anything reaches the database', async () => {
      await expect(
        tenantDb.read(
          asTenantId(`x', true); SELECT set_config('app.tenant_id', 'y`),
          tenantRead`SELECT 1`,
        ),
      ).rejects.toThrow(/not a tenant id/);
    });
  });
});
