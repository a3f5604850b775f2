import { MigrationInterface, QueryRunner } from 'typeorm';

/** The body both versions of `snapshot_published_to_company` test. */
const PUBLISHED_TO_COMPANY = `EXISTS (
  SELECT 1 FROM cycles c JOIN participations p ON p.study_id = c.study_id
   WHERE c.published_snapshot_id = snapshot AND c.state = 'published'
     AND p.company_id = app_current_tenant())`;

/**
 * The two access checks of every request for published benchmarks keep their query plans for
 * the connection's life.
 *
 * - `snapshot_published_to_company` becomes PL/pgSQL, with the same body. A SQL function
 *   with its own search path is never inlined, and PostgreSQL plans its body again in every
 *   statement that calls it. The read policies of snapshots, peer groups and cells, and the
 *   frozen-inputs check, call it three times per request: about 0.3 ms of planning each, most
 *   of the database time of such a request. PL/pgSQL keeps the plan per connection. With
 *   pgbench on 10,000 units, the snapshot-opening statement went from 1,460 to 4,330 a second.
 * - `app_current_tenant_disabled_at()` answers whether the current tenant's organisation is
 *   disabled. Authentication used to join `organisations`, and planning that join takes the
 *   table's read policy with its two subqueries on `participations` each time. That made the
 *   read 3 × slower than the same read of `users` alone. The function runs as its caller, so
 *   the organisation's read policy still decides, and keeps its plan.
 */
export class CachedPlanAccessChecks1764440000000 implements MigrationInterface {
  name = 'CachedPlanAccessChecks1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION snapshot_published_to_company(snapshot uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS
        $$ BEGIN RETURN ${PUBLISHED_TO_COMPANY}; END $$;
      CREATE FUNCTION app_current_tenant_disabled_at() RETURNS timestamptz
        LANGUAGE plpgsql STABLE SET search_path = public AS
        $$ BEGIN
             RETURN (SELECT o.disabled_at FROM organisations o WHERE o.id = app_current_tenant());
           END $$;
      GRANT EXECUTE ON FUNCTION app_current_tenant_disabled_at() TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION app_current_tenant_disabled_at();
      CREATE OR REPLACE FUNCTION snapshot_published_to_company(snapshot uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT ${PUBLISHED_TO_COMPANY} $$;
    `);
  }
}
