import { urlFor } from '@app/persistence';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * What a role that nobody granted anything reaches in the application's database: nothing.
 * (A role that could connect once ran the security-definer functions as PUBLIC and read every
 * unit's raw answers.)
 */
describe('database privileges of a role without grants (real PostgreSQL)', () => {
  const superuserUrl = () => {
    const url = process.env.TEST_SUPERUSER_URL;
    if (!url || !process.env.TEST_DB_NAME) {
      throw new Error('run the tests through jest, whose global setup creates the test database');
    }
    return url;
  };
  const database = () => process.env.TEST_DB_NAME!;
  const grantless = {
    name: `cockpit_test_grantless_${randomBytes(4).toString('hex')}`,
    password: randomBytes(12).toString('hex'),
  };
  let superuser: Client;

  beforeAll(async () => {
    const url = new URL(superuserUrl());
    url.pathname = `/${database()}`;
    superuser = new Client({ connectionString: url.toString() });
    await superuser.connect();
    await superuser.query(
      `CREATE ROLE ${grantless.name} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD '${grantless.password}'`,
    );
  });

  afterAll(async () => {
    await superuser.query(`DROP ROLE IF EXISTS ${grantless.name}`);
    await superuser.end();
  });

  it('lists no function of the database that it may execute', async () => {
    const { rows } = await superuser.query<{ fn: string }>(
      `SELECT p.oid::regprocedure::text AS fn
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND has_function_privilege($1, p.oid, 'EXECUTE')
        ORDER BY 1`,
      [grantless.name],
    );
    expect(rows.map((r) => r.fn)).toEqual([]);
  });

  it('lists every security-definer function among those the application role may execute only', async () => {
    // The guard of the test above: the query sees the doors it is about.
    const { rows } = await superuser.query<{ fn: string }>(
      `SELECT p.proname AS fn FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.prosecdef AND has_function_privilege('cockpit_app', p.oid, 'EXECUTE')`,
    );
    expect(rows.map((r) => r.fn)).toEqual(
      expect.arrayContaining([
        'benchmark_source',
        'benchmark_frozen_inputs',
        'benchmark_source_hash',
        'cycle_publisher',
        'company_may_submit',
        'snapshot_published_to_company',
      ]),
    );
  });

  it('may neither connect to the database nor create in its schema or make temporary tables', async () => {
    const { rows } = await superuser.query<{ connect: boolean; temp: boolean; create: boolean }>(
      `SELECT has_database_privilege($1, current_database(), 'CONNECT') AS connect,
              has_database_privilege($1, current_database(), 'TEMPORARY') AS temp,
              has_schema_privilege($1, 'public', 'CREATE') AS create`,
      [grantless.name],
    );
    expect(rows[0]).toEqual({ connect: false, temp: false, create: false });
    const client = new Client({
      connectionString: urlFor(superuserUrl(), database(), grantless.name, grantless.password),
    });
    await expect(client.connect()).rejects.toThrow(/permission denied for database/);
  });
});
