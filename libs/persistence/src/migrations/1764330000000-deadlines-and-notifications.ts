import { MigrationInterface, QueryRunner } from 'typeorm';

/** The purposes the outbox took before this migration. */
const PURPOSES_BEFORE = `'password_reset', 'invitation'`;

/** The purposes of deadlines and notifications (issue 15, items 4 and 5). */
const PURPOSES = `${PURPOSES_BEFORE}, 'deadline_reminder', 'submission_returned', 'submission_accepted', 'report_ready', 'submission_digest'`;

/**
 * Deadlines, reminders and notifications (issue 15, items 4 and 5).
 *
 * - `cycles.submission_deadline` and `cycles.reminder_offsets`: when a cycle's submissions are
 *   due, and the days relative to it on which the units that have not submitted are reminded
 *   (negative before, positive after; by default 14 and 3 days before and 1 day after).
 * - `deadline_reminders`: every reminder sent to a unit, owned by the cycle's publisher. A
 *   scheduled one is unique per (cycle, unit, offset) and a manual one per (cycle, unit,
 *   request), so that a reminder job run twice, or a form sent twice, writes (and mails) once.
 * - `notification_opt_outs`: the optional notifications a user switched off.
 * - `notification_open_cycles()`: the open cycles of every publisher (ids only), for the
 *   worker's pass that sends due reminders and digests before any tenant is known.
 * - `notification_contacts(cycle, purpose)`: for the cycle's own publisher only, the people a
 *   mail about a unit of the cycle goes to: the active company admins and editors of the units'
 *   companies (every active user of the company for a ready report), less those who switched
 *   the purpose off, with their language. The publisher writes those mails into its own outbox
 *   in the transaction of the change they tell of.
 */
export class DeadlinesAndNotifications1764330000000 implements MigrationInterface {
  name = 'DeadlinesAndNotifications1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cycles
        ADD COLUMN submission_deadline timestamptz,
        ADD COLUMN reminder_offsets integer[] NOT NULL DEFAULT '{-14,-3,1}'
          CHECK (cardinality(reminder_offsets) BETWEEN 1 AND 10
            AND -365 <= ALL (reminder_offsets) AND 365 >= ALL (reminder_offsets));

      ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_purpose_check;
      ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_purpose_check
        CHECK (purpose IN (${PURPOSES}));

      CREATE TABLE deadline_reminders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        cycle_id uuid NOT NULL REFERENCES cycles(id) ON DELETE CASCADE,
        unit_id uuid NOT NULL REFERENCES units(id),
        offset_days integer,
        request_id uuid,
        sent_by uuid REFERENCES users(id) ON DELETE SET NULL,
        recipients integer NOT NULL CHECK (recipients >= 0),
        sent_at timestamptz NOT NULL,
        CHECK ((offset_days IS NULL) <> (request_id IS NULL))
      );
      CREATE INDEX deadline_reminders_tenant_idx
        ON deadline_reminders (tenant_id, cycle_id, unit_id, sent_at);
      CREATE UNIQUE INDEX deadline_reminders_scheduled_once
        ON deadline_reminders (tenant_id, cycle_id, unit_id, offset_days) WHERE offset_days IS NOT NULL;
      CREATE UNIQUE INDEX deadline_reminders_manual_once
        ON deadline_reminders (tenant_id, cycle_id, unit_id, request_id) WHERE request_id IS NOT NULL;

      CREATE TABLE notification_opt_outs (
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (purpose IN ('submission_accepted', 'report_ready', 'submission_digest')),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, user_id, purpose)
      );
    `);
    for (const table of ['deadline_reminders', 'notification_opt_outs']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
    await q.query(`
      CREATE FUNCTION notification_open_cycles()
        RETURNS TABLE (id uuid, tenant_id uuid)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT c.id, c.tenant_id FROM cycles c WHERE c.state = 'open' ORDER BY c.tenant_id, c.id $$;

      CREATE FUNCTION notification_contacts(cycle uuid, mail_purpose text)
        RETURNS TABLE (unit_id uuid, unit_name text, user_id uuid, email text, name text, language text)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
          SELECT un.id, un.name, u.id, u.email::text, u.name, u.preferred_language
            FROM cycles c
            JOIN participations p ON p.study_id = c.study_id
            JOIN units un ON un.tenant_id = p.company_id
            JOIN users u ON u.tenant_id = p.company_id
           WHERE c.id = cycle AND c.tenant_id = app_current_tenant()
             AND u.disabled_at IS NULL
             AND (u.role IN ('company_admin', 'company_editor') OR mail_purpose = 'report_ready')
             AND NOT EXISTS (SELECT 1 FROM notification_opt_outs o
                              WHERE o.user_id = u.id AND o.purpose = mail_purpose)
           ORDER BY un.id, u.email
      $$;

      REVOKE EXECUTE ON FUNCTION notification_open_cycles(), notification_contacts(uuid, text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION notification_open_cycles(), notification_contacts(uuid, text) TO cockpit_app;
      GRANT SELECT, INSERT ON deadline_reminders TO cockpit_app;
      GRANT SELECT, INSERT, DELETE ON notification_opt_outs TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION notification_contacts(uuid, text), notification_open_cycles();
      DROP TABLE notification_opt_outs, deadline_reminders;
      DELETE FROM outbox_messages WHERE purpose NOT IN (${PURPOSES_BEFORE});
      ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_purpose_check;
      ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_purpose_check
        CHECK (purpose IN (${PURPOSES_BEFORE}));
      ALTER TABLE cycles DROP COLUMN reminder_offsets, DROP COLUMN submission_deadline;
    `);
  }
}
