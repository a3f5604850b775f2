import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The group role that holds the application's grants; login roles are its members. */
export const APP_GROUP_ROLE = 'cockpit_app';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function ident(name: string): string {
  if (!IDENT.test(name)) {
    throw new Error(`Not a safe SQL identifier: ${name}`);
  }
  return `"${name}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Runs every pending migration as the owner role. Returns the names of those applied. */
export async function runMigrations(ownerUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(ownerUrl, 1));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

export interface DatabaseRoles {
  /** Owner: owns the database and its tables, runs migrations, bypasses row-level security. */
  owner: { name: string; password: string };
  /** Application login role: member of cockpit_app, no superuser, no BYPASSRLS. */
  app: { name: string; password: string };
}

/**
 * Creates (or keeps) a database with its owner and application roles, connected as a
 * superuser. Used by the embedded start and by the tests; a managed deployment creates the
 * same roles with its own tooling (see docker/postgres-init.sql).
 */
export async function ensureDatabase(
  superuserUrl: string,
  database: string,
  roles: DatabaseRoles,
): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(APP_GROUP_ROLE)}) THEN
        CREATE ROLE ${ident(APP_GROUP_ROLE)} NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(roles.owner.name)}) THEN
        CREATE ROLE ${ident(roles.owner.name)} LOGIN BYPASSRLS PASSWORD ${literal(roles.owner.password)};
      END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ${literal(roles.app.name)}) THEN
        CREATE ROLE ${ident(roles.app.name)} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal(roles.app.password)}
          IN ROLE ${ident(APP_GROUP_ROLE)};
      END IF;
    END $$`);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(roles.owner.name)}`);
    }
    // Only the owner and the application connect: PUBLIC may neither connect nor make
    // temporary tables, so that a role nobody granted anything reaches nothing.
    await client.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(APP_GROUP_ROLE)}`);
    await client.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${ident(database)} FROM PUBLIC`);
  } finally {
    await client.end();
  }
  // citext is trusted since PostgreSQL 13, so the owner could create it, but only in a
  // database where it has CREATE; creating it here as superuser keeps the owner unprivileged.
  const dbUrl = new URL(superuserUrl);
  dbUrl.pathname = `/${database}`;
  const dbClient = new Client({ connectionString: dbUrl.toString() });
  await dbClient.connect();
  try {
    await dbClient.query('CREATE EXTENSION IF NOT EXISTS citext');
    await dbClient.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    // citext's functions belong to the superuser who created the extension, so only here can
    // they be closed to PUBLIC; the owner and the application compare citext columns.
    await dbClient.query(`DO $$ DECLARE f regprocedure; BEGIN
      FOR f IN SELECT d.objid::regprocedure FROM pg_depend d JOIN pg_extension e ON e.oid = d.refobjid
                WHERE d.classid = 'pg_proc'::regclass AND d.deptype = 'e' AND e.extname = 'citext' LOOP
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO %I, %I', f, ${literal(APP_GROUP_ROLE)}, ${literal(roles.owner.name)});
      END LOOP;
    END $$`);
  } finally {
    await dbClient.end();
  }
}

/** Drops a database and the login roles made for it (tests clean up after themselves). */
export async function dropDatabase(
  superuserUrl: string,
  database: string,
  loginRoles: string[],
): Promise<void> {
  const client = new Client({ connectionString: superuserUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    for (const role of loginRoles) {
      await client.query(`DROP ROLE IF EXISTS ${ident(role)}`);
    }
  } finally {
    await client.end();
  }
}

/** A connection URL for another role and database on the same server. */
export function urlFor(baseUrl: string, database: string, user: string, password: string): string {
  const url = new URL(baseUrl);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}
