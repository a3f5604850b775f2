import { dropDatabase, ensureDatabase, runMigrations, urlFor } from '@app/persistence';
import { randomBytes } from 'node:crypto';

/** A migrated database of its own, with its owner and application login roles. */
export interface TestDatabase {
  name: string;
  /** The owner connection (bypasses row-level security; for set-up). */
  ownerUrl: string;
  /** The application connection (row-level security applies). */
  appUrl: string;
  roles: string[];
  drop(): Promise<void>;
}

/**
 * Creates and migrates a fresh database on the server of `superuserUrl`: the test run's, or a
 * test file's own when its workers must see no other file's rows.
 */
export async function createTestDatabase(superuserUrl: string): Promise<TestDatabase> {
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const name = `cockpit_test_${id}`;
  const owner = { name: `cockpit_test_owner_${id}`, password: randomBytes(12).toString('hex') };
  const app = { name: `cockpit_test_app_${id}`, password: randomBytes(12).toString('hex') };
  await ensureDatabase(superuserUrl, name, { owner, app });
  const ownerUrl = urlFor(superuserUrl, name, owner.name, owner.password);
  await runMigrations(ownerUrl);
  const roles = [app.name, owner.name];
  return {
    name,
    ownerUrl,
    appUrl: urlFor(superuserUrl, name, app.name, app.password),
    roles,
    drop: () => dropDatabase(superuserUrl, name, roles),
  };
}
