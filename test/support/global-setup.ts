// Global set-up runs outside Jest's module mapping, so the @app aliases come from tsconfig.
import 'tsconfig-paths/register';
import { createTestDatabase } from './test-database';

/**
 * Creates a fresh database for this test run, with its own owner and application login roles,
 * and migrates it. Nothing depends on what an earlier run left behind.
 */
export default async function globalSetup(): Promise<void> {
  const superuserUrl =
    process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = await createTestDatabase(superuserUrl);
  process.env.TEST_SUPERUSER_URL = superuserUrl;
  process.env.TEST_DB_NAME = database.name;
  process.env.TEST_DB_ROLES = database.roles.join(',');
  process.env.TEST_OWNER_URL = database.ownerUrl;
  process.env.TEST_APP_URL = database.appUrl;
  process.env.TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.TEST_REDIS_PREFIX = `cockpit-test-${database.name.replace('cockpit_test_', '')}`;
  process.env.TZ = 'UTC';
}
