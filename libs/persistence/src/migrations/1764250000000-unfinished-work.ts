import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `unfinished_work()`: the snapshots and reports of every tenant that are queued or running,
 * with their attempts and last error, for the worker's reconciler, which gives each of them a
 * job if Redis has none. Ids, states and counts only: no tenant data leave through it. Like
 * every cross-tenant door it is executable by the application role only.
 */
export class UnfinishedWork1764250000000 implements MigrationInterface {
  name = 'UnfinishedWork1764250000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION unfinished_work()
        RETURNS TABLE (kind text, id uuid, tenant_id uuid, state text, attempts integer, error text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
          SELECT 'snapshot', s.id, s.tenant_id, s.state, s.attempts, s.error
            FROM snapshots s WHERE s.state IN ('queued', 'running')
          UNION ALL
          SELECT 'report', r.id, r.tenant_id, r.state, r.attempts, r.error
            FROM reports r WHERE r.state IN ('queued', 'rendering')
      $$;
      REVOKE EXECUTE ON FUNCTION unfinished_work() FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION unfinished_work() TO cockpit_app;
      -- The reconciler looks for unfinished rows every minute; done ones are most of the table.
      CREATE INDEX snapshots_unfinished_idx ON snapshots (state) WHERE state IN ('queued', 'running');
      CREATE INDEX reports_unfinished_idx ON reports (state) WHERE state IN ('queued', 'rendering');
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP INDEX reports_unfinished_idx, snapshots_unfinished_idx;
      DROP FUNCTION unfinished_work();
    `);
  }
}
