import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `benchmark_frozen_inputs_readable`: the access check of `benchmark_frozen_inputs` on its
 * own, so that a reader that keeps frozen inputs in memory can ask it on every read without
 * fetching the values; `benchmark_frozen_inputs` applies the same function, the rule written
 * once.
 */
export class FrozenInputsReadable1764275000000 implements MigrationInterface {
  name = 'FrozenInputsReadable1764275000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION benchmark_frozen_inputs_readable(snapshot uuid) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT EXISTS (
             SELECT 1 FROM snapshot_inputs i
              WHERE i.snapshot_id = snapshot
                AND (i.tenant_id = app_current_tenant() OR snapshot_published_to_company(snapshot))) $$;
      CREATE OR REPLACE FUNCTION benchmark_frozen_inputs(snapshot uuid)
        RETURNS TABLE (units text, kpi_keys text[], kpi_values bytea)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT i.units, i.kpi_keys, i.kpi_values
             FROM snapshot_inputs i
            WHERE i.snapshot_id = snapshot AND benchmark_frozen_inputs_readable(snapshot) $$;
      REVOKE EXECUTE ON FUNCTION benchmark_frozen_inputs_readable(uuid) FROM PUBLIC;
      GRANT EXECUTE ON FUNCTION benchmark_frozen_inputs_readable(uuid) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION benchmark_frozen_inputs(snapshot uuid)
        RETURNS TABLE (units text, kpi_keys text[], kpi_values bytea)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT i.units, i.kpi_keys, i.kpi_values
             FROM snapshot_inputs i
            WHERE i.snapshot_id = snapshot
              AND (i.tenant_id = app_current_tenant() OR snapshot_published_to_company(snapshot)) $$;
      DROP FUNCTION benchmark_frozen_inputs_readable(uuid);
    `);
  }
}
