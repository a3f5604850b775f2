import { MigrationInterface, QueryRunner } from 'typeorm';

/** The body both versions of `snapshot_published_to_company` test. */
const PUBLISHED_TO_COMPANY = `EXISTS (
  SELECT 1 FROM cycles c JOIN participations p ON p.study_id = c.study_id
   WHERE c.published_snapshot_id = snapshot AND c.state = 'published'
     AND p.company_id = app_current_tenant())`;

/**
 * The reads of every request for published benchmarks keep their query plans for the
 * connection's life. PostgreSQL plans a statement of the simple protocol, and the body of a SQL
 * function that cannot be inlined, again in every statement. For these small reads, planning
 * cost more than running them: the read policies bring in their subqueries and functions.
 * PL/pgSQL keeps its plans per connection.
 *
 * - `snapshot_published_to_company` becomes PL/pgSQL, with the same body. The read policies of
 *   snapshots, peer groups and cells, and the frozen-inputs check, call it up to three times
 *   per request.
 * - `tenant_active_user` and `tenant_snapshot_group_access` are the two reads of such a
 *   request (`TenantDb.read`). Each takes the tenant, sets it for its own statement and reads
 *   as that tenant, in one round trip. They run as their caller, so row-level security
 *   decides what they see. They are STABLE, so they cannot write.
 *   - `tenant_active_user` is authentication's read of the user and its organisation.
 *   - `tenant_snapshot_group_access` is a snapshot, the access check of its frozen inputs, and
 *     one of its peer groups.
 *
 * Measured with pgbench on 10,000 units, 4 clients, side by side on a loaded machine: the
 * snapshot read went from 1,460 a second (SQL function) to 2,700–3,500 (PL/pgSQL function, the
 * read as a simple-protocol statement) to 6,200–7,600 (`tenant_snapshot_group_access`); the
 * user read from 3,100–3,200 to 8,100–10,100.
 */
export class CachedPlanAccessChecks1764440000000 implements MigrationInterface {
  name = 'CachedPlanAccessChecks1764440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION snapshot_published_to_company(snapshot uuid) RETURNS boolean
        LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS
        $$ BEGIN RETURN ${PUBLISHED_TO_COMPANY}; END $$;

      CREATE FUNCTION tenant_active_user(tenant uuid, user_id uuid, signed_in_at timestamptz)
        RETURNS TABLE (role text, disabled_at timestamptz, revoked boolean)
        LANGUAGE plpgsql STABLE SET search_path = public AS
        $$ BEGIN
             PERFORM set_config('app.tenant_id', tenant::text, true);
             RETURN QUERY
               SELECT u.role, coalesce(u.disabled_at, o.disabled_at),
                      coalesce(u.sessions_revoked_at > signed_in_at, false)
                 FROM users u JOIN organisations o ON o.id = u.tenant_id
                WHERE u.id = user_id;
           END $$;

      CREATE FUNCTION tenant_snapshot_group_access(tenant uuid, snapshot uuid, group_id text)
        RETURNS TABLE (cycle_id uuid, state text, progress integer, readable boolean,
                       peer_group jsonb)
        LANGUAGE plpgsql STABLE SET search_path = public AS
        $$ BEGIN
             PERFORM set_config('app.tenant_id', tenant::text, true);
             RETURN QUERY
               SELECT s.cycle_id, s.state, s.progress, benchmark_frozen_inputs_readable(s.id),
                      to_jsonb(g)
                 FROM snapshots s
                 LEFT JOIN snapshot_peer_groups g
                   ON g.snapshot_id = s.id AND g.peer_group_id = group_id
                WHERE s.id = snapshot;
           END $$;

      GRANT EXECUTE ON FUNCTION tenant_active_user(uuid, uuid, timestamptz),
        tenant_snapshot_group_access(uuid, uuid, text) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION tenant_active_user(uuid, uuid, timestamptz),
        tenant_snapshot_group_access(uuid, uuid, text);
      CREATE OR REPLACE FUNCTION snapshot_published_to_company(snapshot uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT ${PUBLISHED_TO_COMPANY} $$;
    `);
  }
}
