// Global set-up runs outside Jest's module mapping, so the @app aliases come from tsconfig.
import 'tsconfig-paths/register';
import { dropDatabase } from '@app/persistence';
import Redis from 'ioredis';

/** Drops the run's database and roles and its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const { TEST_SUPERUSER_URL, TEST_DB_NAME, TEST_DB_ROLES, TEST_REDIS_URL, TEST_REDIS_PREFIX } =
    process.env;
  if (TEST_SUPERUSER_URL && TEST_DB_NAME) {
    await dropDatabase(
      TEST_SUPERUSER_URL,
      TEST_DB_NAME,
      (TEST_DB_ROLES ?? '').split(',').filter(Boolean),
    );
  }
  if (TEST_REDIS_URL && TEST_REDIS_PREFIX) {
    const redis = new Redis(TEST_REDIS_URL);
    const keys = await redis.keys(`${TEST_REDIS_PREFIX}:*`);
    if (keys.length > 0) {
      await redis.del(...keys);
    }
    await redis.quit();
  }
}
