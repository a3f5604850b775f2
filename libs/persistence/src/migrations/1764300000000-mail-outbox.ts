import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `unfinished_work()` as WorkFailuresAsData1764290000000 made it: snapshots and reports, their
 * failures as data (jsonb).
 */
const WORK_OF_SNAPSHOTS_AND_REPORTS = `
  SELECT 'snapshot', s.id, s.tenant_id, s.state, s.attempts, s.error
    FROM snapshots s WHERE s.state IN ('queued', 'running')
  UNION ALL
  SELECT 'report', r.id, r.tenant_id, r.state, r.attempts, r.error
    FROM reports r WHERE r.state IN ('queued', 'rendering')`;

/**
 * E-mail and password reset (issue 15).
 *
 * - `outbox_messages`: every e-mail is a row before it is sent, so that an outage of SMTP or
 *   Redis delays it and never loses it; one per (recipient, purpose, object), so that the same
 *   mail is never written, and so never sent, twice. The link of a password reset is kept in
 *   `secret_params` only until the mail is sent or given up. Why it was not sent is data, a
 *   WorkFailure in `error` (jsonb), as for snapshots and reports. `unfinished_work()` lists the
 *   queued ones beside those, so that the worker's reconciler gives each a job if Redis has
 *   none and fails all three kinds alike.
 * - `password_reset_tokens`: the SHA-256 of a single-use token, its expiry and its use;
 *   `auth_find_password_reset` finds one by its hash before a tenant is known, like
 *   `auth_find_user` does for sign-in.
 * - `users.sessions_revoked_at`: every session and access token of the user that began before
 *   it has ended (a password reset sets it).
 * - `user_identities`: an external subject (an SSO issuer's `sub`) linked to a user, for the
 *   single sign-on to come; nothing writes it yet.
 */
export class MailOutbox1764300000000 implements MigrationInterface {
  name = 'MailOutbox1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        recipient citext NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
        language text NOT NULL CHECK (language IN ('de', 'en')),
        purpose text NOT NULL CHECK (purpose IN ('password_reset')),
        object_id uuid NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        secret_params jsonb,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        error jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK (state = 'queued' OR secret_params IS NULL)
      );
      CREATE UNIQUE INDEX outbox_messages_once_key
        ON outbox_messages (tenant_id, recipient, purpose, object_id);
      CREATE INDEX outbox_messages_unsent_idx ON outbox_messages (state) WHERE state = 'queued';

      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      );
      CREATE INDEX password_reset_tokens_tenant_idx ON password_reset_tokens (tenant_id, user_id);

      CREATE TABLE user_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        issuer text NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, issuer, subject)
      );
      CREATE INDEX user_identities_user_idx ON user_identities (tenant_id, user_id);

      ALTER TABLE users ADD COLUMN sessions_revoked_at timestamptz;
    `);
    for (const table of ['outbox_messages', 'password_reset_tokens', 'user_identities']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      `);
    }
    await q.query(`
      -- A reset link is followed before any tenant is known. The hash is of 256 random bits.
      CREATE FUNCTION auth_find_password_reset(hash text)
        RETURNS TABLE (id uuid, tenant_id uuid, user_id uuid, expired boolean, used boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT t.id, t.tenant_id, t.user_id, t.expires_at <= now(), t.used_at IS NOT NULL
             FROM password_reset_tokens t WHERE t.token_hash = hash $$;

      CREATE OR REPLACE FUNCTION unfinished_work()
        RETURNS TABLE (kind text, id uuid, tenant_id uuid, state text, attempts integer, error jsonb)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
          ${WORK_OF_SNAPSHOTS_AND_REPORTS}
          UNION ALL
          SELECT 'mail', o.id, o.tenant_id, o.state, o.attempts, o.error
            FROM outbox_messages o WHERE o.state = 'queued'
      $$;

      REVOKE EXECUTE ON FUNCTION auth_find_password_reset(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_password_reset(text) TO cockpit_app;
      GRANT SELECT, INSERT, UPDATE ON outbox_messages, password_reset_tokens TO cockpit_app;
      GRANT SELECT, INSERT, DELETE ON user_identities TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION unfinished_work()
        RETURNS TABLE (kind text, id uuid, tenant_id uuid, state text, attempts integer, error jsonb)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
          ${WORK_OF_SNAPSHOTS_AND_REPORTS}
      $$;
      DROP FUNCTION auth_find_password_reset(text);
      ALTER TABLE users DROP COLUMN sessions_revoked_at;
      DROP TABLE user_identities, password_reset_tokens, outbox_messages;
    `);
  }
}
