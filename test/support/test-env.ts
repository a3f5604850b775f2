import { AppConfig, loadConfig } from '@app/config';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the tests through jest, whose global setup creates the test database`,
    );
  }
  return value;
}

/** The owner connection of this run's database (bypasses row-level security; for set-up). */
export const ownerUrl = (): string => required('TEST_OWNER_URL');

/** The application connection of this run's database (row-level security applies). */
export const appUrl = (): string => required('TEST_APP_URL');

/** The api's configuration in tests. */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  return loadConfig({
    DATABASE_URL: appUrl(),
    REDIS_URL: required('TEST_REDIS_URL'),
    REDIS_PREFIX: required('TEST_REDIS_PREFIX'),
    JWT_SECRET: 'test-secret-test-secret-test-secret-42',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    // The test files share one database: a reconciler would give the rows that other files
    // set up as work in progress real jobs. The recovery tests turn it on in their own.
    JOB_RECONCILE_INTERVAL_MS: '0',
    NOTIFICATION_INTERVAL_MS: '0',
    ...overrides,
  });
}
