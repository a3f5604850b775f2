import { MigrationInterface, QueryRunner } from 'typeorm';

/** The cycles the current tenant runs as their publisher, read once per statement. */
const OWN_CYCLES = 'SELECT c.id FROM cycles c WHERE c.tenant_id = app_current_tenant()';

/**
 * The submissions policies ask whether the current tenant publishes a submission's cycle with
 * `cycle_id IN (its own cycles)` instead of `cycle_publisher(cycle_id) = app_current_tenant()`.
 * Both say the same: a tenant sees every cycle it owns (`cycles_read`), and
 * `cycle_publisher` returns the cycle's owner. But the function, a SECURITY DEFINER with its own
 * search path, ran once per row, and a cycle import of 5,000 units paid it for every
 * submission inserted, for every audit row (whose insert policy looks the submission up) and
 * for every submission read or locked; the uncorrelated subquery is run once per statement and
 * looked up in a hash. `company_may_submit` still checks every row written.
 */
export class PublisherCyclesPerStatement1764410000000 implements MigrationInterface {
  name = 'PublisherCyclesPerStatement1764410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER POLICY submissions_read ON submissions
        USING (tenant_id = app_current_tenant() OR cycle_id IN (${OWN_CYCLES}));
      ALTER POLICY submissions_publisher_insert ON submissions
        WITH CHECK (cycle_id IN (${OWN_CYCLES})
          AND company_may_submit(tenant_id, cycle_id, unit_id));
      ALTER POLICY submissions_update ON submissions
        USING (tenant_id = app_current_tenant() OR cycle_id IN (${OWN_CYCLES}))
        WITH CHECK (company_may_submit(tenant_id, cycle_id, unit_id)
          AND (tenant_id = app_current_tenant() OR cycle_id IN (${OWN_CYCLES})));
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER POLICY submissions_read ON submissions
        USING (tenant_id = app_current_tenant() OR cycle_publisher(cycle_id) = app_current_tenant());
      ALTER POLICY submissions_publisher_insert ON submissions
        WITH CHECK (cycle_publisher(cycle_id) = app_current_tenant()
          AND company_may_submit(tenant_id, cycle_id, unit_id));
      ALTER POLICY submissions_update ON submissions
        USING (tenant_id = app_current_tenant() OR cycle_publisher(cycle_id) = app_current_tenant())
        WITH CHECK (company_may_submit(tenant_id, cycle_id, unit_id)
          AND (tenant_id = app_current_tenant() OR cycle_publisher(cycle_id) = app_current_tenant()));
    `);
  }
}
