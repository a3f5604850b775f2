import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One audit row per write of a submission (a save, an import, a transition, a comment) instead
 * of one per changed field: the row's `changes` lists every change of that write in order, each
 * with its action, field, old and new value. It tells the same story (who, when, which request,
 * what changed from what to what) and stays append-only, but an import of 5,000 units writes
 * 5,000 rows instead of 185,000. A row stored before becomes a row of one change.
 */
export class AuditPerWrite1764295000000 implements MigrationInterface {
  name = 'AuditPerWrite1764295000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE submission_audit ADD COLUMN changes jsonb;
      UPDATE submission_audit
         SET changes = jsonb_build_array(jsonb_build_object(
               'action', action, 'field', field, 'old', old_value, 'new', new_value));
      ALTER TABLE submission_audit
        ALTER COLUMN changes SET NOT NULL,
        ADD CONSTRAINT submission_audit_changes CHECK (
          jsonb_typeof(changes) = 'array' AND jsonb_array_length(changes) > 0),
        DROP COLUMN action,
        DROP COLUMN field,
        DROP COLUMN old_value,
        DROP COLUMN new_value;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    // A row per change again, in the order of the writes and of their changes.
    await q.query(`
      ALTER TABLE submission_audit
        ADD COLUMN action text,
        ADD COLUMN field text,
        ADD COLUMN old_value jsonb,
        ADD COLUMN new_value jsonb;
      INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_user_id,
          actor_api_key_id, actor_role, at, request_id, changes, action, field, old_value, new_value)
        SELECT a.tenant_id, a.submission_id, a.actor_organisation_id, a.actor_user_id,
               a.actor_api_key_id, a.actor_role, a.at, a.request_id, '[{}]'::jsonb,
               c.change->>'action', c.change->>'field', c.change->'old', c.change->'new'
          FROM submission_audit a, jsonb_array_elements(a.changes) WITH ORDINALITY AS c(change, n)
         WHERE a.action IS NULL
         ORDER BY a.id, c.n;
      DELETE FROM submission_audit WHERE action IS NULL;
      ALTER TABLE submission_audit
        DROP CONSTRAINT submission_audit_changes,
        DROP COLUMN changes,
        ALTER COLUMN action SET NOT NULL,
        ADD CONSTRAINT submission_audit_action_check
          CHECK (action IN ('answer', 'state', 'warning_comment', 'return_comment'));
    `);
  }
}
