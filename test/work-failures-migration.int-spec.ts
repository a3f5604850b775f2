import { createStudyWorld, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/**
 * The migration changes the type of columns and remakes a function that every worker calls, so
 * it runs on a database of this file's own, not on the one the other test files share.
 */
describe('migration WorkFailuresAsData', () => {
  const WorkFailuresAsData = migrationOnOwnDatabase('WorkFailuresAsData1764290000000');

  it('keeps a stored failure text as unexplained data, and unfinished_work() returns it', async () => {
    const world = await createStudyWorld();
    const db = await ownerDataSource();
    const migration = new WorkFailuresAsData();
    const runner = db.createQueryRunner();
    try {
      // As the database was before: failures as sentences.
      await migration.down(runner);
      const [{ id }] = await db.query<{ id: string }[]>(
        `INSERT INTO snapshots (tenant_id, cycle_id, input_key, state, attempts, error)
         VALUES ($1, $2, 'test', 'queued', 1, 'Chromium crashed') RETURNING id`,
        [world.publisher.id, world.cycle.id],
      );
      await migration.up(runner);
      const stored = { key: 'unexplained', params: { detail: 'Chromium crashed' } };
      const [row] = await db.query<{ error: unknown }[]>(
        'SELECT error FROM snapshots WHERE id = $1',
        [id],
      );
      expect(row.error).toEqual(stored);
      const unfinished = await db.query<{ id: string; error: unknown }[]>(
        'SELECT id, error FROM unfinished_work()',
      );
      expect(unfinished).toEqual([{ id, error: stored }]);

      await migration.down(runner);
      const [back] = await db.query<{ error: unknown }[]>(
        'SELECT error FROM snapshots WHERE id = $1',
        [id],
      );
      expect(back.error).toBe('Chromium crashed');
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
