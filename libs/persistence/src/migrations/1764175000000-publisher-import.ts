import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lets the publisher of a cycle's study create submissions for the units of its participating
 * companies, so that a cycle import can store drafts for units that have none yet. The row
 * still belongs to the unit's company (`tenant_id`), and `company_may_submit` still demands
 * that the unit is that company's and the company takes part in the study; the publisher could
 * already read and update these rows. Its audit rows name the publisher as the actor.
 */
export class PublisherImport1764175000000 implements MigrationInterface {
  name = 'PublisherImport1764175000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE POLICY submissions_publisher_insert ON submissions FOR INSERT
        WITH CHECK (cycle_publisher(cycle_id) = app_current_tenant()
          AND company_may_submit(tenant_id, cycle_id, unit_id));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY submissions_publisher_insert ON submissions;`);
  }
}
