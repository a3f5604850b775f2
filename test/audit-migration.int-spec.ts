import { createStudyWorld, createSubmission, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/** The migration rewrites the audit table, so it runs on a database of this file's own. */
describe('migration AuditPerWrite', () => {
  const AuditPerWrite = migrationOnOwnDatabase('AuditPerWrite1764295000000');

  it('keeps every change stored a row each as a row of one change, and gives them back', async () => {
    const world = await createStudyWorld();
    const submission = await createSubmission(world.cycle, world.unit, {}, 'submitted');
    const db = await ownerDataSource();
    const migration = new AuditPerWrite();
    const runner = db.createQueryRunner();
    try {
      // Back to a row per change, as an older database holds them.
      await migration.down(runner);
      await db.query(
        `INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_role,
           action, field, old_value, new_value, request_id)
         VALUES ($1, $2, $1, 'company_editor', 'answer', 'leavers', NULL, '12', 'r1'),
                ($1, $2, $1, 'company_editor', 'state', NULL, '"draft"', '"submitted"', 'r2')`,
        [world.company.id, submission.id],
      );
      await migration.up(runner);
      const rows = await db.query<{ request_id: string; changes: unknown }[]>(
        'SELECT request_id, changes FROM submission_audit WHERE submission_id = $1 ORDER BY id',
        [submission.id],
      );
      expect(rows).toEqual([
        {
          request_id: 'r1',
          changes: [{ action: 'answer', field: 'leavers', old: null, new: 12 }],
        },
        {
          request_id: 'r2',
          changes: [{ action: 'state', field: null, old: 'draft', new: 'submitted' }],
        },
      ]);
      // A write of two changes comes back down as two rows, in order.
      await db.query(
        `INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_role,
           changes, request_id)
         VALUES ($1, $2, $1, 'company_editor', $3, 'r3')`,
        [
          world.company.id,
          submission.id,
          JSON.stringify([
            { action: 'answer', field: 'leavers', old: 12, new: 11 },
            { action: 'answer', field: 'hires', old: null, new: 4 },
          ]),
        ],
      );
      await migration.down(runner);
      const down = await db.query<
        { request_id: string; field: string | null; new_value: unknown }[]
      >(
        `SELECT request_id, field, new_value FROM submission_audit WHERE submission_id = $1
          ORDER BY id`,
        [submission.id],
      );
      expect(down).toEqual([
        { request_id: 'r1', field: 'leavers', new_value: 12 },
        { request_id: 'r2', field: null, new_value: 'submitted' },
        { request_id: 'r3', field: 'leavers', new_value: 11 },
        { request_id: 'r3', field: 'hires', new_value: 4 },
      ]);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  });
});
