import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations and the operator's console (issue 15, items 2 and 6).
 *
 * - `invitations`: a single-use link that brings a person into an organisation, owned by the
 *   organisation that sent it (`tenant_id`: a publisher inviting a company's first contact to a
 *   study, a company admin inviting a colleague, the platform inviting a new tenant's first
 *   admin) and naming the organisation the person joins (`organisation_id`). The SHA-256 of the
 *   token is stored, never the token; re-inviting replaces hash, expiry and `token_id` (the
 *   object of its mail, so that each link is mailed once). One open invitation per sender,
 *   organisation and address.
 * - `auth_find_invitation`: finds an invitation by its hash before any tenant is known, like
 *   `auth_find_password_reset`.
 * - `organisations.disabled_at`: a disabled tenant's users cannot sign in and its sessions,
 *   access tokens and API keys stop working (`auth_find_user`, `auth_find_api_key` answer its
 *   users and keys as disabled and revoked). A publisher may insert a company (it invites one
 *   that has no tenant yet); it sees it once the company takes part in its study.
 * - `platform_tenant_users`, `platform_tenant_invitations`, `platform_renew_invitation`: the
 *   operator's doors to another tenant's users and invitations, each answering nothing unless
 *   the transaction's tenant is the platform; the operator never reads password hashes or
 *   tokens.
 * - `outbox_messages.purpose` takes `invitation`.
 */
export class Invitations1764320000000 implements MigrationInterface {
  name = 'Invitations1764320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations ADD COLUMN disabled_at timestamptz;
      CREATE POLICY organisations_publisher_insert ON organisations FOR INSERT
        WITH CHECK (kind = 'company' AND organisation_kind(app_current_tenant()) = 'publisher');

      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        study_id uuid REFERENCES studies(id) ON DELETE SET NULL,
        email citext NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('publisher_admin', 'company_admin', 'company_editor',
          'company_viewer')),
        language text NOT NULL CHECK (language IN ('de', 'en')),
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        token_id uuid NOT NULL,
        invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      );
      CREATE INDEX invitations_tenant_idx ON invitations (tenant_id, created_at);
      CREATE UNIQUE INDEX invitations_open_key ON invitations (tenant_id, organisation_id, email)
        WHERE accepted_at IS NULL AND revoked_at IS NULL;
      CREATE INDEX invitations_organisation_idx ON invitations (organisation_id);
      ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
      CREATE POLICY invitations_tenant ON invitations
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

      ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_purpose_check;
      ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_purpose_check
        CHECK (purpose IN ('password_reset', 'invitation'));

      -- An invitation's link is followed before any tenant is known. The hash is of 256 random bits.
      CREATE FUNCTION auth_find_invitation(hash text)
        RETURNS TABLE (id uuid, tenant_id uuid, organisation_id uuid, email text, name text,
          role text, language text, expired boolean, accepted boolean, revoked boolean,
          organisation_disabled boolean)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT i.id, i.tenant_id, i.organisation_id, i.email::text, i.name, i.role, i.language,
                  i.expires_at <= now(), i.accepted_at IS NOT NULL, i.revoked_at IS NOT NULL,
                  o.disabled_at IS NOT NULL
             FROM invitations i JOIN organisations o ON o.id = i.organisation_id
            WHERE i.token_hash = hash $$;

      CREATE OR REPLACE FUNCTION auth_find_user(login_email text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, password_hash text, disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT u.id, u.tenant_id, u.role, u.password_hash, coalesce(u.disabled_at, o.disabled_at)
             FROM users u JOIN organisations o ON o.id = u.tenant_id
            WHERE u.email = login_email::citext ORDER BY u.created_at, u.id $$;

      DROP FUNCTION auth_find_api_key(text);
      CREATE FUNCTION auth_find_api_key(key_prefix text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, secret_hash text, revoked_at timestamptz,
          scopes text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT k.id, k.tenant_id, k.role, k.secret_hash, coalesce(k.revoked_at, o.disabled_at), k.scopes
             FROM api_keys k JOIN organisations o ON o.id = k.tenant_id WHERE k.prefix = key_prefix $$;

      CREATE FUNCTION platform_tenant_users(organisation uuid)
        RETURNS TABLE (id uuid, email text, name text, role text, created_at timestamptz,
          disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT u.id, u.email::text, u.name, u.role, u.created_at, u.disabled_at
             FROM users u WHERE u.tenant_id = organisation AND app_current_is_platform()
            ORDER BY u.email $$;

      CREATE FUNCTION platform_tenant_invitations(organisation uuid)
        RETURNS TABLE (id uuid, tenant_id uuid, organisation_id uuid, study_id uuid, email text,
          name text, role text, language text, created_at timestamptz, sent_at timestamptz,
          expires_at timestamptz, accepted_at timestamptz, revoked_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT i.id, i.tenant_id, i.organisation_id, i.study_id, i.email::text, i.name, i.role,
                  i.language, i.created_at, i.sent_at, i.expires_at, i.accepted_at, i.revoked_at
             FROM invitations i WHERE i.organisation_id = organisation AND app_current_is_platform()
            ORDER BY i.created_at DESC, i.id $$;

      -- The operator resends an open invitation of any tenant: a new token replaces the old one.
      CREATE FUNCTION platform_renew_invitation(invitation uuid, hash text, valid_seconds integer)
        RETURNS TABLE (id uuid, organisation_id uuid, email text, name text, role text,
          language text, token_id uuid)
        LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS
        $$ UPDATE invitations i
              SET token_hash = hash, token_id = gen_random_uuid(), sent_at = now(),
                  expires_at = now() + make_interval(secs => valid_seconds)
            WHERE i.id = invitation AND i.accepted_at IS NULL AND i.revoked_at IS NULL
              AND app_current_is_platform()
        RETURNING i.id, i.organisation_id, i.email::text, i.name, i.role, i.language, i.token_id $$;

      REVOKE EXECUTE ON FUNCTION auth_find_invitation(text), auth_find_api_key(text),
        platform_tenant_users(uuid), platform_tenant_invitations(uuid),
        platform_renew_invitation(uuid, text, integer) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_invitation(text), auth_find_api_key(text),
        platform_tenant_users(uuid), platform_tenant_invitations(uuid),
        platform_renew_invitation(uuid, text, integer) TO cockpit_app;
      GRANT SELECT, INSERT, UPDATE ON invitations TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION platform_renew_invitation(uuid, text, integer);
      DROP FUNCTION platform_tenant_invitations(uuid);
      DROP FUNCTION platform_tenant_users(uuid);
      DROP FUNCTION auth_find_api_key(text);
      CREATE FUNCTION auth_find_api_key(key_prefix text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, secret_hash text, revoked_at timestamptz,
          scopes text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT k.id, k.tenant_id, k.role, k.secret_hash, k.revoked_at, k.scopes
             FROM api_keys k WHERE k.prefix = key_prefix $$;
      REVOKE EXECUTE ON FUNCTION auth_find_api_key(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_api_key(text) TO cockpit_app;
      CREATE OR REPLACE FUNCTION auth_find_user(login_email text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, password_hash text, disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT u.id, u.tenant_id, u.role, u.password_hash, u.disabled_at FROM users u
           WHERE u.email = login_email::citext ORDER BY u.created_at, u.id $$;
      DROP FUNCTION auth_find_invitation(text);
      DELETE FROM outbox_messages WHERE purpose = 'invitation';
      ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_purpose_check;
      ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_purpose_check
        CHECK (purpose IN ('password_reset'));
      DROP TABLE invitations;
      DROP POLICY organisations_publisher_insert ON organisations;
      ALTER TABLE organisations DROP COLUMN disabled_at;
    `);
  }
}
