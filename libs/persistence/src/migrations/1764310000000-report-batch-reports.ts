import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A report batch knows its own reports: `report_batch_reports` links a batch to each report it
 * ordered new or put back in the queue, and `report_batches.kept` counts the reports of the
 * snapshot it found existing and kept. A link table rather than a batch id on the report,
 * because one report can belong to two batches: the first ordered it, and it failed; a later
 * batch put it back in the queue. Both batches count it. A link goes with its batch or its
 * report, should either be deleted by hand.
 *
 * The batches stored before are linked from what their rows still tell: a batch inserted its
 * new reports in its own transaction, so they have its `created_at` (`now()` of that
 * transaction); the reports of its snapshot and languages created before were kept.
 */
export class ReportBatchReports1764310000000 implements MigrationInterface {
  name = 'ReportBatchReports1764310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_batch_reports (
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        batch_id uuid NOT NULL REFERENCES report_batches(id) ON DELETE CASCADE,
        report_id uuid NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        PRIMARY KEY (batch_id, report_id)
      );
      CREATE INDEX report_batch_reports_tenant_idx ON report_batch_reports (tenant_id, batch_id);
      CREATE INDEX report_batch_reports_report_idx ON report_batch_reports (tenant_id, report_id);

      ALTER TABLE report_batch_reports ENABLE ROW LEVEL SECURITY;
      ALTER TABLE report_batch_reports FORCE ROW LEVEL SECURITY;
      CREATE POLICY report_batch_reports_tenant ON report_batch_reports
        USING (tenant_id = app_current_tenant())
        WITH CHECK (tenant_id = app_current_tenant()
          AND EXISTS (SELECT 1 FROM report_batches b
                       WHERE b.id = batch_id AND b.tenant_id = app_current_tenant())
          AND EXISTS (SELECT 1 FROM reports r
                       WHERE r.id = report_id AND r.tenant_id = app_current_tenant()));
      GRANT SELECT, INSERT ON report_batch_reports TO cockpit_app;

      ALTER TABLE report_batches ADD COLUMN kept integer NOT NULL DEFAULT 0;
      GRANT UPDATE (kept) ON report_batches TO cockpit_app;

      INSERT INTO report_batch_reports (tenant_id, batch_id, report_id)
      SELECT b.tenant_id, b.id, r.id
        FROM report_batches b
        JOIN reports r ON r.snapshot_id = b.snapshot_id AND r.tenant_id = b.tenant_id
       WHERE r.language = ANY(b.languages) AND r.created_at = b.created_at;
      UPDATE report_batches b
         SET kept = (SELECT count(*) FROM reports r
                      WHERE r.snapshot_id = b.snapshot_id AND r.tenant_id = b.tenant_id
                        AND r.language = ANY(b.languages) AND r.created_at < b.created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      REVOKE UPDATE (kept) ON report_batches FROM cockpit_app;
      ALTER TABLE report_batches DROP COLUMN kept;
      DROP TABLE report_batch_reports;
    `);
  }
}
