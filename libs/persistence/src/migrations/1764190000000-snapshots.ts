import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snapshots: the frozen benchmark of a cycle.
 *
 * A snapshot belongs to the publisher of the cycle's study. Its peer groups and cells (only what
 * the disclosure policy released, suppressed cells carry no value) are readable by the
 * participating companies once it is the cycle's published snapshot; two snapshots of one cycle
 * that differ by one submission would reveal it, so a company never sees any other.
 *
 * Reading across tenants happens only through the `benchmark_*` SECURITY DEFINER functions:
 * `benchmark_source` hands the snapshot computation the accepted submissions of a cycle, and
 * `benchmark_frozen_inputs` hands the position and custom-peer-group computation the frozen
 * inputs of a snapshot. Both check who asks; the code that calls them releases only cells and
 * positions that passed disclosure control.
 */
export class Snapshots1764190000000 implements MigrationInterface {
  name = 'Snapshots1764190000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE snapshots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        cycle_id uuid NOT NULL REFERENCES cycles(id),
        -- Identifies the inputs at request time; an equal key reuses the snapshot.
        input_key text NOT NULL,
        state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        manifest jsonb,
        manifest_hash text,
        error text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      CREATE INDEX snapshots_tenant_idx ON snapshots (tenant_id, cycle_id);
      CREATE INDEX snapshots_reuse_idx ON snapshots (cycle_id, input_key);

      ALTER TABLE cycles ADD COLUMN published_snapshot_id uuid REFERENCES snapshots(id);

      CREATE TABLE snapshot_peer_groups (
        snapshot_id uuid NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        ordinal integer NOT NULL,
        peer_group_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('all', 'dimension', 'pair', 'custom')),
        filter jsonb NOT NULL,
        label jsonb NOT NULL,
        n integer NOT NULL,
        released boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (snapshot_id, peer_group_id),
        UNIQUE (snapshot_id, ordinal)
      );
      CREATE INDEX snapshot_peer_groups_tenant_idx ON snapshot_peer_groups (tenant_id, snapshot_id);

      CREATE TABLE snapshot_cells (
        snapshot_id uuid NOT NULL,
        peer_group_id text NOT NULL,
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        kpi_key text NOT NULL,
        n integer,
        mean double precision,
        p10 double precision,
        p25 double precision,
        p50 double precision,
        p75 double precision,
        p90 double precision,
        pooled double precision,
        suppressed jsonb,
        suppressed_statistics jsonb NOT NULL DEFAULT '[]',
        PRIMARY KEY (snapshot_id, peer_group_id, kpi_key),
        FOREIGN KEY (snapshot_id, peer_group_id)
          REFERENCES snapshot_peer_groups (snapshot_id, peer_group_id) ON DELETE CASCADE,
        -- A suppressed cell carries no value: the database holds us to it.
        CHECK (suppressed IS NULL OR num_nulls(n, mean, p10, p25, p50, p75, p90, pooled) = 8)
      );
      CREATE INDEX snapshot_cells_tenant_idx ON snapshot_cells (tenant_id, snapshot_id);

      -- The inputs the snapshot was computed from, frozen: later edits never reach it. units
      -- packs one 'id,company,industry,country,sizeBand,customerType,sourcing' per unit, joined
      -- by ';'; kpi_values holds one little-endian float64 per KPI and unit, KPI after KPI,
      -- NaN = not supplied. Stored uncompressed: compressing 40 MB of doubles costs more time
      -- than the disk it saves.
      CREATE TABLE snapshot_inputs (
        snapshot_id uuid PRIMARY KEY REFERENCES snapshots(id) ON DELETE CASCADE,
        tenant_id uuid NOT NULL REFERENCES organisations(id),
        units text NOT NULL,
        kpi_keys text[] NOT NULL,
        kpi_values bytea NOT NULL
      );
      ALTER TABLE snapshot_inputs ALTER COLUMN units SET STORAGE EXTERNAL,
        ALTER COLUMN kpi_values SET STORAGE EXTERNAL;
      CREATE INDEX snapshot_inputs_tenant_idx ON snapshot_inputs (tenant_id);

      -- Every KPI of a submission (inputs and derived, in the order of the catalogue's
      -- benchmark KPIs) as little-endian float64, kept on every save so that a snapshot of
      -- 100,000 units reads 40 MB of doubles instead of parsing and deriving 120 MB of JSON.
      -- The trigger guarantees it is never stale: answers changed without a new vector clear it,
      -- and the snapshot then derives that unit from its answers.
      ALTER TABLE submissions ADD COLUMN kpi_vector bytea;
      CREATE FUNCTION submissions_clear_stale_kpi_vector() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.answers IS DISTINCT FROM OLD.answers AND NEW.kpi_vector IS NOT DISTINCT FROM OLD.kpi_vector THEN
            NEW.kpi_vector := NULL;
          END IF;
          RETURN NEW;
        END $$;
      CREATE TRIGGER submissions_kpi_vector_fresh BEFORE UPDATE ON submissions
        FOR EACH ROW EXECUTE FUNCTION submissions_clear_stale_kpi_vector();

      -- The published snapshot of its cycle, visible to the participating companies.
      CREATE FUNCTION snapshot_published_to_company(snapshot uuid) RETURNS boolean LANGUAGE sql
        STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT EXISTS (
             SELECT 1 FROM cycles c JOIN participations p ON p.study_id = c.study_id
             WHERE c.published_snapshot_id = snapshot AND c.state = 'published'
               AND p.company_id = app_current_tenant()) $$;

      -- The accepted submissions of a cycle, for its publisher only, in one row: the units
      -- packed as in snapshot_inputs, their KPI vectors concatenated in the same order (a unit
      -- without a current vector of vector_bytes bytes gets zeros there, and its answers are
      -- listed with its position, to be derived by the caller).
      CREATE FUNCTION benchmark_source(cycle uuid, vector_bytes integer)
        RETURNS TABLE (units text, vectors bytea, missing integer[], missing_answers text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ WITH src AS (
             SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS idx,
                    concat_ws(',', u.id, u.tenant_id, u.industry, u.country, u.size_band,
                              u.customer_type, u.sourcing) AS unit,
                    s.answers,
                    CASE WHEN octet_length(s.kpi_vector) = vector_bytes THEN s.kpi_vector END AS vector
               FROM submissions s JOIN units u ON u.id = s.unit_id
              WHERE s.cycle_id = cycle AND s.state = 'accepted'
                AND cycle_publisher(cycle) = app_current_tenant())
           SELECT coalesce(string_agg(unit, ';' ORDER BY idx), ''),
                  coalesce(string_agg(coalesce(vector, decode(repeat('00', vector_bytes), 'hex')), ''::bytea ORDER BY idx), ''::bytea),
                  coalesce(array_agg(idx ORDER BY idx) FILTER (WHERE vector IS NULL), '{}'),
                  coalesce(array_agg(answers::text ORDER BY idx) FILTER (WHERE vector IS NULL), '{}')
             FROM src $$;

      -- sha256 over the accepted submissions and profiles of a cycle, for its publisher only:
      -- over each unit's KPI vector, or its answers where it has none (jsonb's text form is
      -- canonical), so equal inputs give an equal hash.
      CREATE FUNCTION benchmark_source_hash(cycle uuid) RETURNS text LANGUAGE sql
        STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT encode(sha256(coalesce(string_agg(
                    convert_to(concat_ws('|', u.id, u.tenant_id, u.industry, u.country, u.size_band,
                                         u.customer_type, u.sourcing, ''), 'UTF8')
                    || coalesce(s.kpi_vector, convert_to(s.answers::text, 'UTF8')),
                    '\\x0a'::bytea ORDER BY u.id), ''::bytea)), 'hex')
             FROM submissions s JOIN units u ON u.id = s.unit_id
            WHERE s.cycle_id = cycle AND s.state = 'accepted'
              AND cycle_publisher(cycle) = app_current_tenant() $$;

      -- The frozen inputs of a snapshot, for its publisher and, once published, its participants,
      -- whose requests get positions and custom groups computed from it, never its rows.
      CREATE FUNCTION benchmark_frozen_inputs(snapshot uuid)
        RETURNS TABLE (units text, kpi_keys text[], kpi_values bytea)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT i.units, i.kpi_keys, i.kpi_values
             FROM snapshot_inputs i
            WHERE i.snapshot_id = snapshot
              AND (i.tenant_id = app_current_tenant() OR snapshot_published_to_company(snapshot)) $$;

      ALTER TABLE snapshots ENABLE ROW LEVEL SECURITY;
      ALTER TABLE snapshots FORCE ROW LEVEL SECURITY;
      CREATE POLICY snapshots_read ON snapshots FOR SELECT
        USING (tenant_id = app_current_tenant() OR snapshot_published_to_company(id));
      CREATE POLICY snapshots_insert ON snapshots FOR INSERT
        WITH CHECK (tenant_id = app_current_tenant() AND cycle_publisher(cycle_id) = app_current_tenant());
      CREATE POLICY snapshots_update ON snapshots FOR UPDATE
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());

      ALTER TABLE snapshot_inputs ENABLE ROW LEVEL SECURITY;
      ALTER TABLE snapshot_inputs FORCE ROW LEVEL SECURITY;
      CREATE POLICY snapshot_inputs_tenant ON snapshot_inputs
        USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant());
    `);

    // Peer groups and cells: the publisher writes them; a participant of the published snapshot
    // reads them and adds custom peer groups (shared by every requester, so that differencing
    // is checked against all of them), always under the publisher's tenant id.
    for (const table of ['snapshot_peer_groups', 'snapshot_cells']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY;
        ALTER TABLE ${table} FORCE ROW LEVEL SECURITY;
        CREATE POLICY ${table}_read ON ${table} FOR SELECT
          USING (tenant_id = app_current_tenant() OR snapshot_published_to_company(snapshot_id));
        CREATE POLICY ${table}_insert ON ${table} FOR INSERT WITH CHECK (
          EXISTS (SELECT 1 FROM snapshots s WHERE s.id = snapshot_id AND s.tenant_id = ${table}.tenant_id)
          AND (tenant_id = app_current_tenant() OR snapshot_published_to_company(snapshot_id)));
      `);
    }

    await q.query(`
      GRANT SELECT, INSERT, UPDATE ON snapshots TO cockpit_app;
      -- Cells, groups and inputs are written once; nothing changes a computed snapshot.
      GRANT SELECT, INSERT ON snapshot_peer_groups, snapshot_cells, snapshot_inputs TO cockpit_app;
      GRANT EXECUTE ON FUNCTION snapshot_published_to_company(uuid), benchmark_source(uuid, integer),
        benchmark_source_hash(uuid), benchmark_frozen_inputs(uuid) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE cycles DROP COLUMN published_snapshot_id;
      DROP TRIGGER submissions_kpi_vector_fresh ON submissions;
      DROP FUNCTION submissions_clear_stale_kpi_vector();
      ALTER TABLE submissions DROP COLUMN kpi_vector;
      DROP TABLE snapshot_cells, snapshot_peer_groups, snapshot_inputs, snapshots;
      DROP FUNCTION benchmark_frozen_inputs(uuid), benchmark_source_hash(uuid),
        benchmark_source(uuid, integer), snapshot_published_to_company(uuid);
    `);
  }
}
