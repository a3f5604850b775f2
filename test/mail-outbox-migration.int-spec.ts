import { randomUUID } from 'node:crypto';
import { createStudyWorld, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/**
 * The migration remakes `unfinished_work()`, which WorkFailuresAsData1764290000000 made before
 * it, so it runs on a database of this file's own, not on the one the other test files share.
 */
describe('migration MailOutbox', () => {
  const MailOutbox = migrationOnOwnDatabase('MailOutbox1764300000000');

  it('lists queued mails beside snapshots and reports in unfinished_work(), failures as data, and down keeps the rest', async () => {
    const world = await createStudyWorld();
    const db = await ownerDataSource();
    const snapshotFailure = { key: 'job_stalled', params: {} };
    const mailFailure = { key: 'mail_deferred', params: { code: 421 } };
    const [snapshot] = await db.query<{ id: string }[]>(
      `INSERT INTO snapshots (tenant_id, cycle_id, input_key, state, attempts, error)
       VALUES ($1, $2, 'test', 'queued', 1, $3::jsonb) RETURNING id`,
      [world.publisher.id, world.cycle.id, JSON.stringify(snapshotFailure)],
    );
    const [mail] = await db.query<{ id: string }[]>(
      `INSERT INTO outbox_messages (tenant_id, recipient, language, purpose, object_id, error)
       VALUES ($1, 'someone@test.example', 'de', 'password_reset', $2, $3::jsonb) RETURNING id`,
      [world.company.id, randomUUID(), JSON.stringify(mailFailure)],
    );
    const unfinished = () =>
      db.query<{ kind: string; id: string; error: unknown }[]>(
        'SELECT kind, id, error FROM unfinished_work() ORDER BY kind',
      );
    expect(await unfinished()).toEqual([
      { kind: 'mail', id: mail.id, error: mailFailure },
      { kind: 'snapshot', id: snapshot.id, error: snapshotFailure },
    ]);

    const runner = db.createQueryRunner();
    try {
      await new MailOutbox().down(runner);
      expect(await unfinished()).toEqual([
        { kind: 'snapshot', id: snapshot.id, error: snapshotFailure },
      ]);
      await new MailOutbox().up(runner);
      expect(await unfinished()).toEqual([
        { kind: 'snapshot', id: snapshot.id, error: snapshotFailure },
      ]);
    } finally {
      await runner.release();
    }
  });
});
