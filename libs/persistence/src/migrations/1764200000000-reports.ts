import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered reports and report batches.
 *
 * A company report belongs to the publisher of its snapshot (`tenant_id`); the company that runs
 * the unit (`unit_tenant`) reads it once the snapshot is the published one of its cycle, and may
 * ask for it then. The PDF is stored in the row with its sha256, size and page count; one
 * report per snapshot, unit and language, so rendering it twice stores one.
 */
export class Reports1764200000000 implements MigrationInterface {
  name = 'Reports1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        snapshot_id uuid NOT NULL REFERENCES snapshots(id),
        languages text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX report_batches_tenant_idx ON report_batches (tenant_id, snapshot_id);

      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        kind text NOT NULL CHECK (kind IN ('company')),
        snapshot_id uuid NOT NULL REFERENCES snapshots(id),
        unit_id uuid NOT NULL REFERENCES units(id),
        unit_tenant uuid NOT NULL REFERENCES organisations(id),
        language text NOT NULL CHECK (language IN ('de', 'en')),
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'rendering', 'done', 'failed')),
        error text,
        attempts integer NOT NULL DEFAULT 0,
        pdf bytea,
        sha256 text,
        size_bytes integer,
        pages integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        rendered_at timestamptz,
        UNIQUE (snapshot_id, unit_id, language),
        CHECK (state <> 'done' OR num_nulls(pdf, sha256, size_bytes, pages, rendered_at) = 0)
      );
      ALTER TABLE reports ALTER COLUMN pdf SET STORAGE EXTERNAL;
      CREATE INDEX reports_tenant_idx ON reports (tenant_id, snapshot_id, state);
      CREATE INDEX reports_unit_tenant_idx ON reports (unit_tenant, snapshot_id);

      ALTER TABLE report_batches ENABLE ROW LEVEL SECURITY;
      ALTER TABLE report_batches FORCE ROW LEVEL SECURITY;
      CREATE POLICY report_batches_tenant ON report_batches
        USING (tenant_id = app_current_tenant())
        WITH CHECK (tenant_id = app_current_tenant()
          AND EXISTS (SELECT 1 FROM snapshots s WHERE s.id = snapshot_id AND s.tenant_id = app_current_tenant()));

      ALTER TABLE reports ENABLE ROW LEVEL SECURITY;
      ALTER TABLE reports FORCE ROW LEVEL SECURITY;
      CREATE POLICY reports_read ON reports FOR SELECT USING (
        tenant_id = app_current_tenant()
        OR (unit_tenant = app_current_tenant() AND snapshot_published_to_company(snapshot_id)));
      CREATE POLICY reports_insert ON reports FOR INSERT WITH CHECK (
        EXISTS (SELECT 1 FROM snapshots s WHERE s.id = snapshot_id AND s.tenant_id = reports.tenant_id)
        AND EXISTS (SELECT 1 FROM units u WHERE u.id = unit_id AND u.tenant_id = unit_tenant)
        AND (tenant_id = app_current_tenant()
          OR (unit_tenant = app_current_tenant() AND snapshot_published_to_company(snapshot_id))));
      CREATE POLICY reports_update ON reports FOR UPDATE
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

      GRANT SELECT, INSERT ON report_batches TO cockpit_app;
      GRANT SELECT, INSERT, UPDATE ON reports TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE reports, report_batches;`);
  }
}
