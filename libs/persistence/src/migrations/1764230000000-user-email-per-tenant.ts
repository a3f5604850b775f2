import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An e-mail address is unique within an organisation, not across the platform. With one
 * address per platform, adding a user whose address another tenant uses had to be refused, and
 * the refusal told every company admin which addresses exist elsewhere. Now such a user is
 * simply added; sign-in verifies the password against each account of the address
 * (`auth_find_user` lists them, oldest first).
 */
export class UserEmailPerTenant1764230000000 implements MigrationInterface {
  name = 'UserEmailPerTenant1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_email_key;
      CREATE UNIQUE INDEX users_tenant_email_key ON users (tenant_id, email);
      CREATE OR REPLACE FUNCTION auth_find_user(login_email text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, password_hash text, disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT u.id, u.tenant_id, u.role, u.password_hash, u.disabled_at FROM users u
           WHERE u.email = login_email::citext ORDER BY u.created_at, u.id $$;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION auth_find_user(login_email text)
        RETURNS TABLE (id uuid, tenant_id uuid, role text, password_hash text, disabled_at timestamptz)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT u.id, u.tenant_id, u.role, u.password_hash, u.disabled_at FROM users u WHERE u.email = login_email::citext $$;
      DROP INDEX users_tenant_email_key;
      ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
    `);
  }
}
