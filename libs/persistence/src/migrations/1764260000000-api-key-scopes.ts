import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scopes of API keys: what a key may do besides acting in its role (API_KEY_SCOPES). Existing
 * keys get none, so that a key can no longer make further keys or users unless its creator
 * said so; `auth_find_api_key` returns them with the key.
 */
export class ApiKeyScopes1764260000000 implements MigrationInterface {
  name = 'ApiKeyScopes1764260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT '{}'
        CHECK (scopes <@ ARRAY['api_keys:create', 'users:create']);
      DROP FUNCTION auth_find_api_key(text);
      CREATE FUNCTION auth_find_api_key(key_prefix text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, secret_hash text, revoked_at timestamptz,
          scopes text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT k.id, k.tenant_id, k.role, k.secret_hash, k.revoked_at, k.scopes
             FROM api_keys k WHERE k.prefix = key_prefix $$;
      REVOKE EXECUTE ON FUNCTION auth_find_api_key(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_api_key(text) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION auth_find_api_key(text);
      CREATE FUNCTION auth_find_api_key(key_prefix text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, secret_hash text, revoked_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT k.id, k.tenant_id, k.role, k.secret_hash, k.revoked_at FROM api_keys k WHERE k.prefix = key_prefix $$;
      REVOKE EXECUTE ON FUNCTION auth_find_api_key(text) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION auth_find_api_key(text) TO cockpit_app;
      ALTER TABLE api_keys DROP COLUMN scopes;
    `);
  }
}
