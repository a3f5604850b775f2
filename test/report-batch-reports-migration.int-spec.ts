import { createStudyWorld, createUnit, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/** The migration adds a table and a column and fills them; it runs on a database of its own. */
describe('migration ReportBatchReports', () => {
  const ReportBatchReports = migrationOnOwnDatabase('ReportBatchReports1764310000000');

  it('links each stored batch to the reports its own transaction ordered and counts the older ones as kept', async () => {
    const world = await createStudyWorld();
    const second = await createUnit(world.company);
    const db = await ownerDataSource();
    const migration = new ReportBatchReports();
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      const [{ id: snapshotId }] = await db.query<{ id: string }[]>(
        `INSERT INTO snapshots (tenant_id, cycle_id, input_key, state, attempts)
         VALUES ($1, $2, 'test', 'queued', 0) RETURNING id`,
        [world.publisher.id, world.cycle.id],
      );
      const batch = async (languages: string[], at: string): Promise<string> => {
        const [{ id }] = await db.query<{ id: string }[]>(
          `INSERT INTO report_batches (tenant_id, snapshot_id, languages, created_at)
           VALUES ($1, $2, $3, $4) RETURNING id`,
          [world.publisher.id, snapshotId, languages, at],
        );
        return id;
      };
      const report = async (unitId: string, language: string, at: string): Promise<string> => {
        const [{ id }] = await db.query<{ id: string }[]>(
          `INSERT INTO reports (tenant_id, kind, snapshot_id, unit_id, unit_tenant, language, created_at)
           VALUES ($1, 'company', $2, $3, $4, $5, $6) RETURNING id`,
          [world.publisher.id, snapshotId, unitId, world.company.id, language, at],
        );
        return id;
      };
      // Unit 1's German report ordered alone; then a batch in both languages ordered the other
      // three; then an English batch that found both English reports.
      await report(world.unit.id, 'de', '2026-03-01T10:00:00Z');
      const first = await batch(['de', 'en'], '2026-03-02T10:00:00Z');
      const ordered = [
        await report(world.unit.id, 'en', '2026-03-02T10:00:00Z'),
        await report(second.id, 'de', '2026-03-02T10:00:00Z'),
        await report(second.id, 'en', '2026-03-02T10:00:00Z'),
      ];
      const english = await batch(['en'], '2026-03-03T10:00:00Z');

      await migration.up(runner);
      const links = await db.query<{ batch_id: string; report_id: string }[]>(
        'SELECT batch_id, report_id FROM report_batch_reports',
      );
      expect(links.map((l) => [l.batch_id, l.report_id]).sort()).toEqual(
        ordered.map((id) => [first, id]).sort(),
      );
      const kept = await db.query<{ id: string; kept: number }[]>(
        'SELECT id, kept FROM report_batches',
      );
      expect(Object.fromEntries(kept.map((b) => [b.id, b.kept]))).toEqual({
        [first]: 1,
        [english]: 2,
      });

      await migration.down(runner);
      const [{ table }] = await db.query<{ table: string | null }[]>(
        `SELECT to_regclass('report_batch_reports')::text AS table`,
      );
      expect(table).toBeNull();
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
