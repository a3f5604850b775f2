import { dropDatabase, ensureDatabase, runMigrations, urlFor } from '@app/persistence';
import { randomBytes } from 'node:crypto';

export interface BenchDatabase {
  ownerUrl: string;
  appUrl: string;
  drop: () => Promise<void>;
}

/**
 * A fresh, migrated database with its own owner and application roles, as the tests make
 * theirs; `drop` removes it and the roles again.
 */
export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const superuserUrl =
    process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const id = `${name}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const database = `cockpit_bench_${id}`;
  const owner = { name: `cockpit_bench_owner_${id}`, password: randomBytes(12).toString('hex') };
  const app = { name: `cockpit_bench_app_${id}`, password: randomBytes(12).toString('hex') };
  await ensureDatabase(superuserUrl, database, { owner, app });
  const ownerUrl = urlFor(superuserUrl, database, owner.name, owner.password);
  await runMigrations(ownerUrl);
  return {
    ownerUrl,
    appUrl: urlFor(superuserUrl, database, app.name, app.password),
    drop: () => dropDatabase(superuserUrl, database, [app.name, owner.name]),
  };
}

/** The value after a command-line flag (`--units 1000`), or the default. */
export function argument(flag: string, fallback: string): string {
  const i = process.argv.indexOf(flag);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** Seconds since a `process.hrtime.bigint()` reading. */
export function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export function bytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(0)} MiB`;
}
