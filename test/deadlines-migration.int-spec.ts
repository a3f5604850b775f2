import { createStudyWorld, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/** The migration adds columns, tables and functions; it runs on a database of its own. */
describe('migration DeadlinesAndNotifications', () => {
  const DeadlinesAndNotifications = migrationOnOwnDatabase(
    'DeadlinesAndNotifications1764330000000',
  );

  it('gives a stored cycle no deadline and the default offsets, refuses an offset beyond a year, and goes down without its tables and mails', async () => {
    const world = await createStudyWorld();
    const db = await ownerDataSource();
    const migration = new DeadlinesAndNotifications();
    const runner = db.createQueryRunner();
    try {
      const [cycle] = await db.query<
        { submission_deadline: Date | null; reminder_offsets: number[] }[]
      >('SELECT submission_deadline, reminder_offsets FROM cycles WHERE id = $1', [world.cycle.id]);
      expect(cycle).toEqual({ submission_deadline: null, reminder_offsets: [-14, -3, 1] });
      await expect(
        db.query(`UPDATE cycles SET reminder_offsets = '{-400}' WHERE id = $1`, [world.cycle.id]),
      ).rejects.toThrow(/check constraint/);
      await expect(
        db.query(`UPDATE cycles SET reminder_offsets = '{}' WHERE id = $1`, [world.cycle.id]),
      ).rejects.toThrow(/check constraint/);
      await db.query(
        `INSERT INTO outbox_messages (tenant_id, recipient, language, purpose, object_id)
         VALUES ($1, 'a@test.example', 'de', 'deadline_reminder', gen_random_uuid()),
                ($1, 'a@test.example', 'de', 'password_reset', gen_random_uuid())`,
        [world.publisher.id],
      );

      await migration.down(runner);
      const tables = await db.query<{ name: string }[]>(
        `SELECT to_regclass('deadline_reminders')::text AS name
         UNION ALL SELECT to_regclass('notification_opt_outs')::text`,
      );
      expect(tables).toEqual([{ name: null }, { name: null }]);
      // Mails of purposes the schema before did not know go with it; a reset link stays.
      const purposes = await db.query<{ purpose: string }[]>(
        'SELECT purpose FROM outbox_messages WHERE tenant_id = $1',
        [world.publisher.id],
      );
      expect(purposes).toEqual([{ purpose: 'password_reset' }]);
    } finally {
      await runner.release();
    }
  });
});
