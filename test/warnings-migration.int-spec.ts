import { createStudyWorld, createSubmission, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/**
 * The migration rewrites every submission of its database, so it runs on a database of this
 * file's own, not on the one the other test files share.
 */
describe('migration WarningsAsData', () => {
  const WarningsAsData = migrationOnOwnDatabase('WarningsAsData1764270000000');

  it('turns stored German and English sentences into data, and back into English sentences', async () => {
    const world = await createStudyWorld();
    const submission = await createSubmission(world.cycle, world.unit, {}, 'submitted');
    const db = await ownerDataSource();
    const sentences = [
      {
        key: 'employee_nps',
        rule: 'previous_cycle_deviation',
        message: 'Mitarbeiter-NPS (eNPS): 13 ist mehr als das Doppelte des Vorjahreswerts von 6.',
      },
      {
        key: 'agent_fte',
        rule: 'benchmark_range',
        message:
          'Agents (full-time equivalents): 1,250.5 FTE is outside the usual range of 10 FTE to 900 FTE in the last published benchmark.',
      },
    ];
    await db.query('UPDATE submissions SET warnings = $2 WHERE id = $1', [
      submission.id,
      JSON.stringify(sentences),
    ]);
    const warningsNow = async (): Promise<unknown> =>
      (
        await db.query<{ warnings: unknown }[]>('SELECT warnings FROM submissions WHERE id = $1', [
          submission.id,
        ])
      )[0].warnings;
    const migration = new WarningsAsData();
    const runner = db.createQueryRunner();
    try {
      await migration.up(runner);
      expect(await warningsNow()).toEqual([
        {
          key: 'employee_nps',
          rule: 'previous_cycle_deviation',
          params: { value: 13, previous: 6 },
        },
        {
          key: 'agent_fte',
          rule: 'benchmark_range',
          params: { value: 1250.5, lower: 10, upper: 900 },
        },
      ]);
      await migration.down(runner);
      expect(await warningsNow()).toEqual([
        {
          key: 'employee_nps',
          rule: 'previous_cycle_deviation',
          message: "Employee NPS (eNPS): 13 is more than twice last cycle's value of 6.",
        },
        sentences[1],
      ]);
    } finally {
      await runner.release();
    }
  });
});
