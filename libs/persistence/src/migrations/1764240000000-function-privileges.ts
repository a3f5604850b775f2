import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No function, and no connection, for PUBLIC. The first migration revoked EXECUTE from PUBLIC
 * only on the functions that existed then; every later one (the security-definer doors
 * `benchmark_source`, `benchmark_frozen_inputs`, `cycle_publisher`, ... and a trigger
 * function) was executable by any role that could connect, and a database set up without
 * tightening let any role connect: a role with no grants read every unit's raw answers.
 *
 * Now EXECUTE on every function of the schema is revoked from PUBLIC again, the owner's default
 * privileges keep every future function closed until a migration grants it to `cockpit_app`,
 * and the database and its schema are closed to PUBLIC here as well as in each set-up
 * (`ensureDatabase`, docker/postgres-init.sql), so that a managed database is closed too.
 */
export class FunctionPrivileges1764240000000 implements MigrationInterface {
  name = 'FunctionPrivileges1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
      ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
      DO $$ BEGIN
        -- The schema belongs to the database owner since PostgreSQL 15, before that to the
        -- superuser, whose set-up has to close it.
        IF pg_has_role((SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'USAGE') THEN
          REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        END IF;
        -- The application role keeps its connection before PUBLIC loses the one it had.
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO cockpit_app', current_database());
        EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
      END $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO PUBLIC;
    `);
  }
}
