import { asTenantId, type TenantId } from '@app/domain';
import { dataSourceOptions, TenantDb, UnitEntity } from '@app/persistence';
import { DataSource } from 'typeorm';
import {
  closeOwnerDataSource,
  createCycle,
  createOrganisation,
  createStudy,
  createStudyWorld,
  createSubmission,
  createUnit,
  enrol,
  ownerDataSource,
} from './support/factories';
import { appUrl } from './support/test-env';
// The tests reach the tenant's transaction as TypeORM's, which the application may not.
import { managerOf } from '../libs/persistence/src/tenant/tenant-tx';

describe('row-level security (application role, real PostgreSQL)', () => {
  let appDb: DataSource;
  let tenantDb: TenantDb;

  beforeAll(async () => {
    // One pooled connection, so that every transaction reuses the same session.
    appDb = new DataSource(dataSourceOptions(appUrl(), 1));
    await appDb.initialize();
    tenantDb = new TenantDb(appDb);
  });

  afterAll(async () => {
    await appDb.destroy();
    await closeOwnerDataSource();
  });

  it('connects as a role that owns no table, is no superuser and does not bypass RLS', async () => {
    const [role] = await appDb.query<{ rolsuper: boolean; rolbypassrls: boolean; owns: string }[]>(
      `SELECT r.rolsuper, r.rolbypassrls,
              (SELECT count(*) FROM pg_tables t WHERE t.tableowner = current_user)::text AS owns
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owns: '0' });
  });

  it('forces row-level security with a policy on every table that has a tenant column', async () => {
    const tables = await appDb.query<
      { table_name: string; forced: boolean; enabled: boolean; policies: string }[]
    >(
      `SELECT c.table_name, k.relrowsecurity AS enabled, k.relforcerowsecurity AS forced,
              (SELECT count(*) FROM pg_policies p WHERE p.tablename = c.table_name)::text AS policies
         FROM information_schema.columns c
         JOIN pg_class k ON k.relname = c.table_name AND k.relkind = 'r'
        WHERE c.table_schema = 'public' AND c.column_name = 'tenant_id'
        ORDER BY c.table_name`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(7);
    const unprotected = tables.filter((t) => !t.enabled || !t.forced || t.policies === '0');
    expect(unprotected.map((t) => t.table_name)).toEqual([]);
  });

  it("shows company B none of company A's units", async () => {
    const companyA = await createOrganisation('company');
    const companyB = await createOrganisation('company');
    const unitA = await createUnit(companyA);
    await createUnit(companyB);

    const seenByB = await tenantDb.withTenant(asTenantId(companyB.id), (m) =>
      managerOf(m).find(UnitEntity),
    );
    expect(seenByB.length).toBe(1);
    expect(seenByB.map((u) => u.tenantId)).toEqual([companyB.id]);
    const direct = await tenantDb.withTenant(asTenantId(companyB.id), (m) =>
      managerOf(m).query<unknown[]>('SELECT * FROM units WHERE id = $1', [unitA.id]),
    );
    expect(direct).toEqual([]);
  });

  it("refuses an insert that carries another tenant's id", async () => {
    const companyA = await createOrganisation('company');
    const companyB = await createOrganisation('company');
    await expect(
      tenantDb.withTenant(asTenantId(companyB.id), (m) =>
        managerOf(m).query(
          `INSERT INTO units (tenant_id, name, industry, country, customer_type, sourcing, agent_fte, size_band)
           VALUES ($1, 'smuggled', 'telecom', 'DE', 'b2c', 'inhouse', 10, 'S')`,
          [companyA.id],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const owner = await ownerDataSource();
    expect(
      await owner.getRepository(UnitEntity).countBy({ tenantId: companyA.id, name: 'smuggled' }),
    ).toBe(0);
  });

  it('refuses to move a row to another tenant by an update', async () => {
    const companyA = await createOrganisation('company');
    const companyB = await createOrganisation('company');
    const unitB = await createUnit(companyB);
    await expect(
      tenantDb.withTenant(asTenantId(companyB.id), (m) =>
        managerOf(m).query('UPDATE units SET tenant_id = $1 WHERE id = $2', [
          companyA.id,
          unitB.id,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('shows nothing when no tenant is set', async () => {
    await createStudyWorld();
    const counts = await tenantDb.withoutTenant((m) =>
      managerOf(m).query<{ n: string }[]>(
        `SELECT (SELECT count(*) FROM units) + (SELECT count(*) FROM studies) + (SELECT count(*) FROM cycles)
              + (SELECT count(*) FROM users) + (SELECT count(*) FROM participations)
              + (SELECT count(*) FROM organisations) + (SELECT count(*) FROM catalogue_versions) AS n`,
      ),
    );
    expect(counts[0].n).toBe('0');
  });

  it("lets a publisher read its participants' units but not write them", async () => {
    const { publisher, unit } = await createStudyWorld();
    const tenant = asTenantId(publisher.id);
    const seen = await tenantDb.withTenant(tenant, (m) =>
      managerOf(m).findOneBy(UnitEntity, { id: unit.id }),
    );
    expect(seen?.id).toBe(unit.id);
    const updated = await tenantDb.withTenant(tenant, (m) =>
      managerOf(m).query<[unknown[], number]>(
        `UPDATE units SET name = 'renamed by publisher' WHERE id = $1`,
        [unit.id],
      ),
    );
    expect(updated[1]).toBe(0);
  });

  it("lets a publisher read, update and create the submissions of its own cycles only, not another publisher's", async () => {
    // One company takes part in two publishers' studies, with a submission in each cycle.
    const { publisher, company, cycle, unit } = await createStudyWorld();
    const otherPublisher = await createOrganisation('publisher');
    const otherStudy = await createStudy(otherPublisher);
    const otherCycle = await createCycle(otherStudy);
    await enrol(otherStudy, company);
    const own = await createSubmission(cycle, unit, { leavers: 1 }, 'draft');
    const other = await createSubmission(otherCycle, unit, { leavers: 2 }, 'draft');
    const newUnit = await createUnit(company);
    const tenant = asTenantId(publisher.id);

    const seen = await tenantDb.withTenant(tenant, (m) =>
      managerOf(m).query<{ id: string }[]>('SELECT id FROM submissions WHERE unit_id = $1', [
        unit.id,
      ]),
    );
    expect(seen.map((s) => s.id)).toEqual([own.id]);
    const updated = await tenantDb.withTenant(tenant, (m) =>
      managerOf(m).query<[unknown[], number]>(
        `UPDATE submissions SET return_comment = 'checked' WHERE id IN ($1, $2)`,
        [own.id, other.id],
      ),
    );
    expect(updated[1]).toBe(1);
    const insert = (cycleId: string) =>
      tenantDb.withTenant(tenant, (m) =>
        managerOf(m).query(
          'INSERT INTO submissions (tenant_id, cycle_id, unit_id) VALUES ($1, $2, $3)',
          [company.id, cycleId, newUnit.id],
        ),
      );
    await expect(insert(otherCycle.id)).rejects.toThrow(/row-level security/);
    await expect(insert(cycle.id)).resolves.toBeDefined();
  });

  it("hides a company's units from a publisher whose studies it does not take part in", async () => {
    const { unit } = await createStudyWorld();
    const otherPublisher = await createOrganisation('publisher');
    const seen = await tenantDb.withTenant(asTenantId(otherPublisher.id), (m) =>
      managerOf(m).findOneBy(UnitEntity, { id: unit.id }),
    );
    expect(seen).toBeNull();
  });

  it('refuses the application role any change of a catalogue version a cycle uses', async () => {
    const { publisher, study } = await createStudyWorld();
    const tenant = asTenantId(publisher.id);
    await expect(
      tenantDb.withTenant(tenant, (m) =>
        managerOf(m).query(`UPDATE catalogue_versions SET hash = 'changed' WHERE id = $1`, [
          study.catalogueVersionId,
        ]),
      ),
    ).rejects.toThrow(/is used by a cycle and never changes/);
    await expect(
      tenantDb.withTenant(tenant, (m) =>
        managerOf(m).query(`UPDATE catalogue_versions SET version = 99 WHERE id = $1`, [
          study.catalogueVersionId,
        ]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      tenantDb.withTenant(tenant, (m) =>
        managerOf(m).query(`DELETE FROM catalogue_versions WHERE id = $1`, [
          study.catalogueVersionId,
        ]),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('lets a publisher change the definition of its own draft only', async () => {
    const { publisher, study } = await createStudyWorld();
    const tenant = asTenantId(publisher.id);
    const [draft] = await tenantDb.withTenant(tenant, (m) =>
      managerOf(m).query<{ id: string }[]>(
        `INSERT INTO catalogue_versions (tenant_id, key, version, definition, hash, based_on_id)
         SELECT tenant_id, key, version + 100, definition, hash, id FROM catalogue_versions
          WHERE id = $1 RETURNING id`,
        [study.catalogueVersionId],
      ),
    );
    const changed = await tenantDb.withTenant(tenant, (m) =>
      managerOf(m).query(`UPDATE catalogue_versions SET hash = 'edited' WHERE id = $1`, [draft.id]),
    );
    expect(changed[1]).toBe(1);
    const intruder = await createOrganisation('publisher');
    const foreign = await tenantDb.withTenant(asTenantId(intruder.id), (m) =>
      managerOf(m).query(`UPDATE catalogue_versions SET hash = 'foreign' WHERE id = $1`, [
        draft.id,
      ]),
    );
    expect(foreign[1]).toBe(0);
  });

  it("refuses a cycle that a publisher adds to another publisher's study", async () => {
    const { study } = await createStudyWorld();
    const intruder = await createOrganisation('publisher');
    await expect(
      tenantDb.withTenant(asTenantId(intruder.id), (m) =>
        managerOf(m).query(`INSERT INTO cycles (tenant_id, study_id, year) VALUES ($1, $2, 2029)`, [
          intruder.id,
          study.id,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps two tenants apart while they alternate on a pool of one connection', async () => {
    const companyA = await createOrganisation('company');
    const companyB = await createOrganisation('company');
    await createUnit(companyA);
    await createUnit(companyB);
    const tenants: TenantId[] = [asTenantId(companyA.id), asTenantId(companyB.id)];
    for (let round = 0; round < 10; round++) {
      const tenant = tenants[round % 2];
      const rows = await tenantDb.withTenant(tenant, (m) => managerOf(m).find(UnitEntity));
      expect(rows.map((r) => r.tenantId)).toEqual([tenant]);
      // After the transaction, the pooled session carries no tenant any more.
      const leaked = await appDb.query<{ t: string | null }[]>(
        `SELECT nullif(current_setting('app.tenant_id', true), '') AS t`,
      );
      expect(leaked[0].t).toBeNull();
    }
  });
});
