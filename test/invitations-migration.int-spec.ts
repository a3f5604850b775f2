import { createOrganisation, createUser, ownerDataSource } from './support/factories';
import { migrationOnOwnDatabase } from './support/migration-database';

/**
 * The migration remakes `auth_find_user` and `auth_find_api_key`, so it runs on a database of
 * this file's own, not on the one the other test files share.
 */
describe('migration Invitations', () => {
  const Invitations = migrationOnOwnDatabase('Invitations1764320000000');

  it("answers a disabled tenant's users as disabled to sign-in, and down gives back the functions and tables as they were", async () => {
    const company = await createOrganisation('company');
    const user = await createUser(company, 'company_editor');
    const db = await ownerDataSource();
    const disabledOf = async (): Promise<(Date | null)[]> =>
      (
        await db.query<{ disabled_at: Date | null }[]>(
          'SELECT disabled_at FROM auth_find_user($1)',
          [user.email],
        )
      ).map((row) => row.disabled_at);
    expect(await disabledOf()).toEqual([null]);
    const since = new Date('2026-12-01T09:00:00.000Z');
    await db.query('UPDATE organisations SET disabled_at = $2 WHERE id = $1', [company.id, since]);
    expect(await disabledOf()).toEqual([since]);

    const runner = db.createQueryRunner();
    try {
      await new Invitations().down(runner);
      // Before the migration a tenant could not be disabled: its user is active again.
      expect(await disabledOf()).toEqual([null]);
      const tables = await db.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM pg_tables WHERE tablename = 'invitations'`,
      );
      expect(tables).toEqual([{ n: '0' }]);
      await new Invitations().up(runner);
      expect(await disabledOf()).toEqual([null]);
    } finally {
      await runner.release();
    }
  });
});
