import { ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/** The result columns of benchmark_source, and whether benchmark_source_entry exists. */
async function sourceFunctions(): Promise<{ result: string; entry: boolean }> {
  const db = await ownerDataSource();
  const [row] = await db.query<{ result: string; entry: boolean }[]>(
    `SELECT pg_get_function_result('benchmark_source(uuid, integer)'::regprocedure) AS result,
            to_regprocedure('benchmark_source_entry(units, submissions)') IS NOT NULL AS entry`,
  );
  return row;
}

describe('migration SnapshotSourceInOneRead', () => {
  const SnapshotSourceInOneRead = migrationOnOwnDatabase('SnapshotSourceInOneRead1764490000000');

  it('returns the hash with the source, and down restores the separate reads', async () => {
    const db = await ownerDataSource();
    const runner = db.createQueryRunner();
    const migration = new SnapshotSourceInOneRead();
    const oneRead = {
      result: 'TABLE(hash text, units text, vectors text, missing uuid[], missing_answers text[])',
      entry: true,
    };
    try {
      expect(await sourceFunctions()).toEqual(oneRead);

      await migration.down(runner);
      expect(await sourceFunctions()).toEqual({
        result: 'TABLE(units text, vectors bytea, missing integer[], missing_answers text[])',
        entry: false,
      });

      await migration.up(runner);
      expect(await sourceFunctions()).toEqual(oneRead);
    } finally {
      await runner.release();
    }
  });
});
