import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Submissions (one per unit and cycle) and their append-only audit trail.
 *
 * A submission belongs to the company (its tenant); the publisher of the cycle's study reads it
 * and moves its state (accept, return). Audit rows can be inserted and read, never changed: the
 * application role is granted neither UPDATE nor DELETE on them.
 */
export class Submissions1764170000000 implements MigrationInterface {
  name = 'Submissions1764170000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'accepted', 'returned')),
        answers jsonb NOT NULL DEFAULT '{}',
        derived jsonb NOT NULL DEFAULT '{}',
        warnings jsonb NOT NULL DEFAULT '[]',
        warning_comments jsonb NOT NULL DEFAULT '{}',
        return_comment text,
        version integer NOT NULL DEFAULT 1,
        submitted_at timestamptz,
        reviewed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (cycle_id, unit_id)
      );
      CREATE INDEX submissions_tenant_idx ON submissions (tenant_id, cycle_id);
      CREATE INDEX submissions_cycle_idx ON submissions (cycle_id, state);

      -- The publisher that runs the cycle's study, read past the cycles policy.
      CREATE FUNCTION cycle_publisher(cycle uuid) RETURNS uuid LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public AS
        $$ SELECT tenant_id FROM cycles WHERE id = cycle $$;

      -- The company may write a submission only for its own unit in a study it takes part in.
      CREATE FUNCTION company_may_submit(company uuid, cycle uuid, unit uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT EXISTS (SELECT 1 FROM units u WHERE u.id = unit AND u.tenant_id = company)
              AND EXISTS (SELECT 1 FROM cycles c JOIN participations p ON p.study_id = c.study_id
                          WHERE c.id = cycle AND p.company_id = company) $$;

      ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
      ALTER TABLE submissions FORCE ROW LEVEL SECURITY;
      CREATE POLICY submissions_read ON submissions FOR SELECT
        USING (tenant_id = app_current_tenant() OR cycle_publisher(cycle_id) = app_current_tenant());
      CREATE POLICY submissions_insert ON submissions FOR INSERT
        WITH CHECK (tenant_id = app_current_tenant() AND company_may_submit(tenant_id, cycle_id, unit_id));
      CREATE POLICY submissions_update ON submissions FOR UPDATE
        USING (tenant_id = app_current_tenant() OR cycle_publisher(cycle_id) = app_current_tenant())
        WITH CHECK (company_may_submit(tenant_id, cycle_id, unit_id)
          AND (tenant_id = app_current_tenant() OR cycle_publisher(cycle_id) = app_current_tenant()));

      CREATE TABLE submission_audit (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        submission_id uuid NOT NULL REFERENCES submissions(id),
        actor_organisation_id uuid NOT NULL,
        actor_user_id uuid,
        actor_api_key_id uuid,
        actor_role text NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        action text NOT NULL CHECK (action IN ('answer', 'state', 'warning_comment', 'return_comment')),
        field text,
        old_value jsonb,
        new_value jsonb,
        request_id text
      );
      CREATE INDEX submission_audit_tenant_idx ON submission_audit (tenant_id, submission_id, id);

      ALTER TABLE submission_audit ENABLE ROW LEVEL SECURITY;
      ALTER TABLE submission_audit FORCE ROW LEVEL SECURITY;
      CREATE POLICY submission_audit_read ON submission_audit FOR SELECT USING (
        tenant_id = app_current_tenant()
        OR EXISTS (SELECT 1 FROM submissions s WHERE s.id = submission_id)
      );
      CREATE POLICY submission_audit_insert ON submission_audit FOR INSERT WITH CHECK (
        actor_organisation_id = app_current_tenant()
        AND EXISTS (SELECT 1 FROM submissions s WHERE s.id = submission_id AND s.tenant_id = submission_audit.tenant_id)
      );

      GRANT SELECT, INSERT, UPDATE ON submissions TO cockpit_app;
      -- Append-only: no UPDATE, no DELETE, for anybody connecting as the application.
      GRANT SELECT, INSERT ON submission_audit TO cockpit_app;
      GRANT EXECUTE ON FUNCTION cycle_publisher(uuid), company_may_submit(uuid, uuid, uuid) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE submission_audit, submissions;
      DROP FUNCTION company_may_submit(uuid, uuid, uuid), cycle_publisher(uuid);
    `);
  }
}
