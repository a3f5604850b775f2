import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations, users, API keys, catalogue versions, studies, cycles, participations and
 * units, each tenant-owned table under forced row-level security.
 *
 * The application connects as a member of the group role `cockpit_app`, which owns nothing and
 * bypasses nothing; the tenant of a transaction is `app.tenant_id`, set with
 * `set_config(..., true)` so that it ends with the transaction. The few reads that must cross
 * tenants before a tenant is known (login, API keys) are SECURITY DEFINER functions owned by
 * the migrating owner role, which must be a superuser or have BYPASSRLS.
 */
export class Foundation1764160000000 implements MigrationInterface {
  name = 'Foundation1764160000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cockpit_app') THEN
          RAISE EXCEPTION 'role cockpit_app is missing: create it (NOLOGIN NOSUPERUSER NOBYPASSRLS) before migrating';
        END IF;
      END $$;
      CREATE EXTENSION IF NOT EXISTS citext;

      CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('app.tenant_id', true), '')::uuid $$;

      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('platform', 'publisher', 'company')),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      -- Reads the organisations table past its own policy; a policy on organisations that
      -- queried organisations directly would recurse.
      CREATE FUNCTION app_current_is_platform() RETURNS boolean LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public AS
        $$ SELECT EXISTS (SELECT 1 FROM organisations WHERE id = app_current_tenant() AND kind = 'platform') $$;

      CREATE FUNCTION organisation_kind(org_id uuid) RETURNS text LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public AS
        $$ SELECT kind FROM organisations WHERE id = org_id $$;

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        email citext NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('platform_admin', 'publisher_admin', 'publisher_analyst',
          'company_admin', 'company_editor', 'company_viewer')),
        password_hash text NOT NULL,
        preferred_language text NOT NULL DEFAULT 'de' CHECK (preferred_language IN ('de', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      );
      CREATE INDEX users_tenant_idx ON users (tenant_id);

      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        name text NOT NULL,
        prefix text NOT NULL UNIQUE,
        secret_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('publisher_admin', 'publisher_analyst',
          'company_admin', 'company_editor', 'company_viewer')),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id);

      CREATE TABLE catalogue_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        key text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        definition jsonb NOT NULL,
        hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, key, version)
      );

      CREATE TABLE studies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        catalogue_version_id uuid NOT NULL REFERENCES catalogue_versions(id),
        languages text[] NOT NULL DEFAULT '{de,en}',
        peer_group_dimensions text[] NOT NULL DEFAULT '{industry,country,sizeBand,customerType,sourcing}',
        peer_group_pairs jsonb NOT NULL DEFAULT '[["industry","sizeBand"]]',
        disclosure_policy jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX studies_tenant_idx ON studies (tenant_id);

      -- Ties rows that hang off a study to the study's own tenant without a policy that reads
      -- studies (whose read policy reads participations: that would recurse).
      CREATE FUNCTION study_tenant(study uuid) RETURNS uuid LANGUAGE sql STABLE
        SECURITY DEFINER SET search_path = public AS
        $$ SELECT tenant_id FROM studies WHERE id = study $$;

      CREATE TABLE participations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        study_id uuid NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
        company_id uuid NOT NULL REFERENCES organisations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (study_id, company_id)
      );
      CREATE INDEX participations_tenant_idx ON participations (tenant_id, study_id);
      CREATE INDEX participations_company_idx ON participations (company_id);

      CREATE TABLE cycles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        study_id uuid NOT NULL REFERENCES studies(id) ON DELETE CASCADE,
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        state text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed', 'published')),
        created_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        published_at timestamptz,
        UNIQUE (study_id, year)
      );
      CREATE INDEX cycles_tenant_idx ON cycles (tenant_id, study_id);

      CREATE TABLE units (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        industry text NOT NULL,
        country text NOT NULL,
        customer_type text NOT NULL CHECK (customer_type IN ('b2b', 'b2c', 'mixed')),
        sourcing text NOT NULL CHECK (sourcing IN ('inhouse', 'outsourced', 'mixed')),
        agent_fte numeric(10, 2) NOT NULL CHECK (agent_fte >= 0),
        size_band text NOT NULL CHECK (size_band IN ('S', 'M', 'L', 'XL')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX units_tenant_idx ON units (tenant_id);

      -- Login and API-key authentication happen before a tenant is known.
      CREATE FUNCTION auth_find_user(login_email text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, password_hash text, disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT u.id, u.tenant_id, u.role, u.password_hash, u.disabled_at FROM users u WHERE u.email = login_email::citext $$;

      CREATE FUNCTION auth_find_api_key(key_prefix text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, secret_hash text, revoked_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT k.id, k.tenant_id, k.role, k.secret_hash, k.revoked_at FROM api_keys k WHERE k.prefix = key_prefix $$;

      ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
      ALTER TABLE organisations FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisations_read ON organisations FOR SELECT USING (
        id = app_current_tenant()
        OR app_current_is_platform()
        OR id IN (SELECT company_id FROM participations)
        OR id IN (SELECT tenant_id FROM participations)
      );
      CREATE POLICY organisations_platform_insert ON organisations FOR INSERT WITH CHECK (app_current_is_platform());
      CREATE POLICY organisations_update ON organisations FOR UPDATE
        USING (id = app_current_tenant() OR app_current_is_platform())
        WITH CHECK (id = app_current_tenant() OR app_current_is_platform());
    `);

    // Tables a tenant reads and writes only as itself.
    for (const table of ['users', 'api_keys']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_tenant ON ${table}
          USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      `);
    }

    // Publisher-owned tables that the participants of a study may read.
    const participantRead: Record<string, string> = {
      studies: `EXISTS (SELECT 1 FROM participations p WHERE p.study_id = studies.id AND p.company_id = app_current_tenant())`,
      cycles: `EXISTS (SELECT 1 FROM participations p WHERE p.study_id = cycles.study_id AND p.company_id = app_current_tenant())`,
      participations: `company_id = app_current_tenant()`,
      catalogue_versions: `EXISTS (SELECT 1 FROM studies s WHERE s.catalogue_version_id = catalogue_versions.id)`,
    };
    for (const [table, readable] of Object.entries(participantRead)) {
      const owned =
        table === 'cycles' || table === 'participations'
          ? `tenant_id = app_current_tenant() AND study_tenant(study_id) = app_current_tenant()`
          : `tenant_id = app_current_tenant()`;
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT
          USING (tenant_id = app_current_tenant() OR ${readable});
        CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (${owned});
        CREATE POLICY ${table}_update ON ${table} FOR UPDATE
          USING (tenant_id = app_current_tenant()) WITH CHECK (${owned});
        CREATE POLICY ${table}_delete ON ${table} FOR DELETE USING (tenant_id = app_current_tenant());
      `);
    }

    // Company-owned units: the publisher of a study the company takes part in reads them.
    await q.query(`
      ALTER TABLE units ENABLE ROW LEVEL SECURITY;
      ALTER TABLE units FORCE ROW LEVEL SECURITY;
      CREATE POLICY units_read ON units FOR SELECT USING (
        tenant_id = app_current_tenant()
        OR EXISTS (SELECT 1 FROM participations p
                   WHERE p.company_id = units.tenant_id AND p.tenant_id = app_current_tenant())
      );
      CREATE POLICY units_insert ON units FOR INSERT WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY units_update ON units FOR UPDATE
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
      CREATE POLICY units_delete ON units FOR DELETE USING (tenant_id = app_current_tenant());

      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC;
      REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO cockpit_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON organisations, users, api_keys, studies,
        participations, cycles, units TO cockpit_app;
      -- A catalogue version never changes: a new questionnaire is a new version.
      GRANT SELECT, INSERT ON catalogue_versions TO cockpit_app;
      GRANT EXECUTE ON FUNCTION app_current_tenant(), app_current_is_platform(),
        organisation_kind(uuid), study_tenant(uuid), auth_find_user(text), auth_find_api_key(text) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE units, cycles, participations, studies, catalogue_versions, api_keys, users, organisations CASCADE;
      DROP FUNCTION auth_find_api_key(text), auth_find_user(text), organisation_kind(uuid), study_tenant(uuid),
        app_current_is_platform(), app_current_tenant();
    `);
  }
}
