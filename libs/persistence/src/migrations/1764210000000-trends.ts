import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trend data and trend reports.
 *
 * A trend is the publisher's study over its published cycles, computed from the frozen inputs
 * of their published snapshots. Its `input_key` names those snapshots, so the same published
 * cycles give the same trend, computed once. Once its data are written they are frozen: the
 * application may fill a trend's data once and never change them.
 *
 * A trend report is a row of `reports` of kind `trend`: it belongs to the publisher alone (no
 * `unit_tenant`), so no company ever reads one.
 */
export class Trends1764210000000 implements MigrationInterface {
  name = 'Trends1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE trends (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        study_id uuid NOT NULL REFERENCES studies(id),
        input_key text NOT NULL,
        years integer[] NOT NULL,
        snapshot_ids uuid[] NOT NULL,
        data jsonb,
        manifest jsonb,
        manifest_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        computed_at timestamptz,
        UNIQUE (study_id, input_key),
        CHECK (cardinality(years) = cardinality(snapshot_ids) AND cardinality(years) >= 2),
        CHECK (num_nulls(data, manifest, manifest_hash, computed_at) IN (0, 4))
      );
      CREATE INDEX trends_tenant_idx ON trends (tenant_id, study_id);

      ALTER TABLE trends ENABLE ROW LEVEL SECURITY;
      ALTER TABLE trends FORCE ROW LEVEL SECURITY;
      CREATE POLICY trends_read ON trends FOR SELECT USING (tenant_id = app_current_tenant());
      CREATE POLICY trends_insert ON trends FOR INSERT WITH CHECK (
        tenant_id = app_current_tenant()
        AND EXISTS (SELECT 1 FROM studies s WHERE s.id = study_id AND s.tenant_id = app_current_tenant()));
      -- Only a trend without data may be written to: computed data are frozen.
      CREATE POLICY trends_compute ON trends FOR UPDATE
        USING (tenant_id = app_current_tenant() AND data IS NULL)
        WITH CHECK (tenant_id = app_current_tenant());
      GRANT SELECT, INSERT ON trends TO cockpit_app;
      GRANT UPDATE (data, manifest, manifest_hash, computed_at) ON trends TO cockpit_app;

      ALTER TABLE reports DROP CONSTRAINT reports_kind_check;
      ALTER TABLE reports ADD CONSTRAINT reports_kind_check CHECK (kind IN ('company', 'trend'));
      ALTER TABLE reports ADD COLUMN trend_id uuid REFERENCES trends(id);
      ALTER TABLE reports
        ALTER COLUMN snapshot_id DROP NOT NULL,
        ALTER COLUMN unit_id DROP NOT NULL,
        ALTER COLUMN unit_tenant DROP NOT NULL;
      ALTER TABLE reports ADD CONSTRAINT reports_kind_keys CHECK (
        CASE kind
          WHEN 'company' THEN num_nulls(snapshot_id, unit_id, unit_tenant) = 0 AND trend_id IS NULL
          WHEN 'trend' THEN trend_id IS NOT NULL AND num_nonnulls(snapshot_id, unit_id, unit_tenant) = 0
        END);
      CREATE UNIQUE INDEX reports_trend_language_key ON reports (trend_id, language)
        WHERE trend_id IS NOT NULL;

      DROP POLICY reports_insert ON reports;
      CREATE POLICY reports_insert ON reports FOR INSERT WITH CHECK (
        CASE kind
          WHEN 'company' THEN
            EXISTS (SELECT 1 FROM snapshots s WHERE s.id = snapshot_id AND s.tenant_id = reports.tenant_id)
            AND EXISTS (SELECT 1 FROM units u WHERE u.id = unit_id AND u.tenant_id = unit_tenant)
            AND (tenant_id = app_current_tenant()
              OR (unit_tenant = app_current_tenant() AND snapshot_published_to_company(snapshot_id)))
          WHEN 'trend' THEN
            tenant_id = app_current_tenant()
            AND EXISTS (SELECT 1 FROM trends t WHERE t.id = trend_id AND t.tenant_id = app_current_tenant())
        END);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM reports WHERE kind = 'trend';
      DROP POLICY reports_insert ON reports;
      CREATE POLICY reports_insert ON reports FOR INSERT WITH CHECK (
        EXISTS (SELECT 1 FROM snapshots s WHERE s.id = snapshot_id AND s.tenant_id = reports.tenant_id)
        AND EXISTS (SELECT 1 FROM units u WHERE u.id = unit_id AND u.tenant_id = unit_tenant)
        AND (tenant_id = app_current_tenant()
          OR (unit_tenant = app_current_tenant() AND snapshot_published_to_company(snapshot_id))));
      ALTER TABLE reports DROP CONSTRAINT reports_kind_keys;
      ALTER TABLE reports DROP COLUMN trend_id;
      ALTER TABLE reports
        ALTER COLUMN snapshot_id SET NOT NULL,
        ALTER COLUMN unit_id SET NOT NULL,
        ALTER COLUMN unit_tenant SET NOT NULL;
      ALTER TABLE reports DROP CONSTRAINT reports_kind_check;
      ALTER TABLE reports ADD CONSTRAINT reports_kind_check CHECK (kind IN ('company'));
      DROP TABLE trends;
    `);
  }
}
