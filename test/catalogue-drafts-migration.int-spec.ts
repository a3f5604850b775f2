import { createStudyWorld, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/**
 * The migration adds columns, a grant and a trigger to `catalogue_versions`, which every study
 * reads, so it runs down and up on a database of this file's own.
 */
describe('migration CatalogueDrafts', () => {
  const CatalogueDrafts = migrationOnOwnDatabase('CatalogueDrafts1764360000000');

  it('keeps stored versions, lets the app role change a definition only, and goes down clean', async () => {
    const world = await createStudyWorld();
    const db = await ownerDataSource();
    const migration = new CatalogueDrafts();
    const runner = db.createQueryRunner();
    const grants = () =>
      db.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.column_privileges
          WHERE table_name = 'catalogue_versions' AND grantee = 'cockpit_app'
            AND privilege_type = 'UPDATE' ORDER BY column_name`,
      );
    try {
      await migration.down(runner);
      expect(await grants()).toEqual([]);
      const columns = await db.query<{ column_name: string }[]>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'catalogue_versions' AND column_name IN ('based_on_id', 'updated_at')`,
      );
      expect(columns).toEqual([]);

      await migration.up(runner);
      expect((await grants()).map((g) => g.column_name)).toEqual([
        'definition',
        'hash',
        'updated_at',
      ]);
      const [version] = await db.query<{ based_on_id: string | null; hash: string }[]>(
        'SELECT based_on_id, hash FROM catalogue_versions WHERE id = $1',
        [world.study.catalogueVersionId],
      );
      expect(version.based_on_id).toBeNull();
      // The owner too is refused the change of a version a cycle uses: the trigger asks no role.
      await expect(
        db.query(`UPDATE catalogue_versions SET hash = 'x' WHERE id = $1`, [
          world.study.catalogueVersionId,
        ]),
      ).rejects.toThrow(/is used by a cycle and never changes/);
    } finally {
      await runner.release();
    }
  });
});
