import { createStudyWorld, createSubmission, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/** The migration rewrites every audit row, so it runs on a database of this file's own. */
describe('migration AuditChangesAsTuples', () => {
  const AuditChangesAsTuples = migrationOnOwnDatabase('AuditChangesAsTuples1764510000000');

  it('rewrites each change as [action, field, old, new] in order, and back down as objects', async () => {
    const world = await createStudyWorld();
    const submission = await createSubmission(world.cycle, world.unit, {}, 'submitted');
    const db = await ownerDataSource();
    const migration = new AuditChangesAsTuples();
    const runner = db.createQueryRunner();
    const changesOf = async (): Promise<unknown[]> =>
      (
        await db.query<{ changes: unknown }[]>(
          `SELECT changes FROM submission_audit WHERE submission_id = $1 AND request_id LIKE 'm%'
            ORDER BY id`,
          [submission.id],
        )
      ).map((row) => row.changes);
    const insert = (requestId: string, changes: unknown[]): Promise<unknown> =>
      db.query(
        `INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_role,
           changes, request_id)
         VALUES ($1, $2, $1, 'company_editor', $3, $4)`,
        [world.company.id, submission.id, JSON.stringify(changes), requestId],
      );
    try {
      // As an older database holds them: objects of four keys.
      await migration.down(runner);
      await insert('m1', [
        { action: 'answer', field: 'leavers', old: null, new: 12 },
        { action: 'answer', field: 'strategy_horizon', old: 'short_term', new: null },
        { action: 'answer', field: 'has_service_strategy', old: false, new: true },
      ]);
      await insert('m2', [{ action: 'state', field: null, old: 'draft', new: 'submitted' }]);
      await migration.up(runner);
      expect(await changesOf()).toEqual([
        [
          ['answer', 'leavers', null, 12],
          ['answer', 'strategy_horizon', 'short_term', null],
          ['answer', 'has_service_strategy', false, true],
        ],
        [['state', null, 'draft', 'submitted']],
      ]);

      await migration.down(runner);
      expect(await changesOf()).toEqual([
        [
          { action: 'answer', field: 'leavers', old: null, new: 12 },
          { action: 'answer', field: 'strategy_horizon', old: 'short_term', new: null },
          { action: 'answer', field: 'has_service_strategy', old: false, new: true },
        ],
        [{ action: 'state', field: null, old: 'draft', new: 'submitted' }],
      ]);
    } finally {
      await migration.up(runner);
      await runner.release();
    }
  });
});
