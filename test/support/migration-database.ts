import { MIGRATIONS } from '@app/persistence';
import type { MigrationInterface } from 'typeorm';
import { closeOwnerDataSource } from './factories';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * The migration of this name, for a spec that runs it down and up again: that rewrites tables
 * and functions the other test files rely on, so it registers the hooks that give the spec's
 * file a database of its own (the factories write there) and drop it afterwards. Call it in the
 * `describe` block; it refuses a migration that is not registered.
 */
export function migrationOnOwnDatabase(name: string): new () => MigrationInterface {
  const migration = MIGRATIONS.find((m) => m.name === name);
  if (migration === undefined) {
    throw new Error(`${name} is not registered`);
  }
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(process.env.TEST_SUPERUSER_URL ?? '');
    process.env.TEST_OWNER_URL = database.ownerUrl;
  });
  afterAll(async () => {
    await closeOwnerDataSource();
    await database.drop();
  });
  return migration;
}
