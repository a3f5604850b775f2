import { ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/** The compression each JSON column of an import's writes has: 'l' lz4, 'p' pglz, '' default. */
async function compressions(): Promise<Record<string, string>> {
  const db = await ownerDataSource();
  const rows = await db.query<{ name: string; compression: string }[]>(
    `SELECT c.relname || '.' || a.attname AS name, a.attcompression::text AS compression
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE (c.relname, a.attname) IN (('submissions', 'answers'), ('submissions', 'derived'),
             ('submissions', 'warnings'), ('submission_audit', 'changes'))`,
  );
  return Object.fromEntries(rows.map((row) => [row.name, row.compression]));
}

/** Whether this server was built with lz4: setting it as the default fails otherwise. */
async function serverHasLz4(): Promise<boolean> {
  const db = await ownerDataSource();
  const runner = db.createQueryRunner();
  try {
    await runner.startTransaction();
    await runner.query(`SET LOCAL default_toast_compression = 'lz4'`);
    return true;
  } catch {
    return false;
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
  }
}

describe('migration Lz4SubmissionJson', () => {
  const Lz4SubmissionJson = migrationOnOwnDatabase('Lz4SubmissionJson1764480000000');

  it('compresses the JSON of submissions and audit rows with lz4 where the server has it, and down restores the default', async () => {
    const db = await ownerDataSource();
    const runner = db.createQueryRunner();
    const migration = new Lz4SubmissionJson();
    try {
      const all = (compression: string) => ({
        'submissions.answers': compression,
        'submissions.derived': compression,
        'submissions.warnings': compression,
        'submission_audit.changes': compression,
      });
      const migrated = all((await serverHasLz4()) ? 'l' : '');
      expect(await compressions()).toEqual(migrated);

      await migration.down(runner);
      expect(await compressions()).toEqual(all(''));

      await migration.up(runner);
      expect(await compressions()).toEqual(migrated);
    } finally {
      await runner.release();
    }
  });
});
