// Global set-up runs outside Jest's module mapping, so the @app aliases come from tsconfig.
import 'tsconfig-paths/register';
import { ensureDatabase, runMigrations, urlFor } from '@app/persistence';
import { randomBytes } from 'node:crypto';

/**
 * Creates a fresh database for this test run, with its own owner and application login roles,
 * and migrates it. Nothing depends on what an earlier run left behind.
 */
export default async function globalSetup(): Promise<void> {
  const superuserUrl =
    process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `cockpit_test_${id}`;
  const owner = { name: `cockpit_test_owner_${id}`, password: randomBytes(12).toString('hex') };
  const app = { name: `cockpit_test_app_${id}`, password: randomBytes(12).toString('hex') };
  await ensureDatabase(superuserUrl, database, { owner, app });
  process.env.TEST_SUPERUSER_URL = superuserUrl;
  process.env.TEST_DB_NAME = database;
  process.env.TEST_DB_ROLES = `${app.name},${owner.name}`;
  process.env.TEST_OWNER_URL = urlFor(superuserUrl, database, owner.name, owner.password);
  process.env.TEST_APP_URL = urlFor(superuserUrl, database, app.name, app.password);
  process.env.TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.TEST_REDIS_PREFIX = `cockpit-test-${id}`;
  process.env.TZ = 'UTC';
  await runMigrations(process.env.TEST_OWNER_URL);
}
