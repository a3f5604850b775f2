import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The snapshot computation reads the accepted submissions of a cycle and their hash in one
 * statement, `benchmark_source`, instead of two (`benchmark_source_hash`, then
 * `benchmark_source`), each of which joined every submission with its unit and sorted them.
 *
 * - What the hash is taken over, per unit, is `benchmark_source_entry`, which both functions
 *   use: the hash a snapshot records and the one publishing checks it against
 *   (`benchmark_source_hash`) cannot drift apart.
 * - The units without a current KPI vector are named by their ids, not their positions: the
 *   positions took a window function over all rows, which PostgreSQL buffered with the answers
 *   (and spilled to disk at 100,000 units).
 * - The vectors come as base64 text: the driver reads bytea as hex, twice their size, and
 *   decoded 40 MB of doubles from 80 MB of hex.
 *
 * Measured at 100,000 units on a loaded machine (load 5), the statements alone (this one as a
 * query of its form) through the driver, alternately, three rounds: the two reads took
 * 2.7–3.8 s of wall time and 0.57–0.71 s of client CPU, the one 1.6–1.7 s and 0.24–0.29 s (and
 * some 20 ms to decode the base64).
 */
export class SnapshotSourceInOneRead1764490000000 implements MigrationInterface {
  name = 'SnapshotSourceInOneRead1764490000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      -- What the source hash covers of one unit: its profile, then its KPI vector, or its
      -- answers where it has none (jsonb's text form is canonical). One SQL expression without
      -- settings of its own, so PostgreSQL inlines it into the callers' queries.
      CREATE FUNCTION benchmark_source_entry(u units, s submissions) RETURNS bytea LANGUAGE sql
        STABLE AS
        $$ SELECT convert_to(concat_ws('|', u.id, u.tenant_id, u.industry, u.country, u.size_band,
                                       u.customer_type, u.sourcing, ''), 'UTF8')
                  || coalesce(s.kpi_vector, convert_to(s.answers::text, 'UTF8')) $$;

      CREATE OR REPLACE FUNCTION benchmark_source_hash(cycle uuid) RETURNS text LANGUAGE sql
        STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT encode(sha256(coalesce(string_agg(benchmark_source_entry(u, s), '\\x0a'::bytea
                                                    ORDER BY u.id), ''::bytea)), 'hex')
             FROM submissions s JOIN units u ON u.id = s.unit_id
            WHERE s.cycle_id = cycle AND s.state = 'accepted'
              AND cycle_publisher(cycle) = app_current_tenant() $$;

      DROP FUNCTION benchmark_source(uuid, integer);
      -- The accepted submissions of a cycle, for its publisher only, in one row: the hash of
      -- benchmark_source_hash, the units packed as in snapshot_inputs, their KPI vectors
      -- concatenated in the same order as base64 (a unit without a current vector of
      -- vector_bytes bytes gets zeros there, and its answers are listed with its id, to be
      -- derived by the caller).
      CREATE FUNCTION benchmark_source(cycle uuid, vector_bytes integer)
        RETURNS TABLE (hash text, units text, vectors text, missing uuid[], missing_answers text[])
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ WITH src AS (
             SELECT u.id,
                    concat_ws(',', u.id, u.tenant_id, u.industry, u.country, u.size_band,
                              u.customer_type, u.sourcing) AS unit,
                    benchmark_source_entry(u, s) AS entry,
                    s.answers,
                    CASE WHEN octet_length(s.kpi_vector) = vector_bytes THEN s.kpi_vector END AS vector
               FROM submissions s JOIN units u ON u.id = s.unit_id
              WHERE s.cycle_id = cycle AND s.state = 'accepted'
                AND cycle_publisher(cycle) = app_current_tenant())
           SELECT encode(sha256(coalesce(string_agg(entry, '\\x0a'::bytea ORDER BY id), ''::bytea)), 'hex'),
                  coalesce(string_agg(unit, ';' ORDER BY id), ''),
                  encode(coalesce(string_agg(coalesce(vector, decode(repeat('00', vector_bytes), 'hex')),
                                             ''::bytea ORDER BY id), ''::bytea), 'base64'),
                  coalesce(array_agg(id ORDER BY id) FILTER (WHERE vector IS NULL), '{}'),
                  coalesce(array_agg(answers::text ORDER BY id) FILTER (WHERE vector IS NULL), '{}')
             FROM src $$;
      GRANT EXECUTE ON FUNCTION benchmark_source(uuid, integer) TO cockpit_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION benchmark_source(uuid, integer);
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
      GRANT EXECUTE ON FUNCTION benchmark_source(uuid, integer) TO cockpit_app;

      CREATE OR REPLACE FUNCTION benchmark_source_hash(cycle uuid) RETURNS text LANGUAGE sql
        STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT encode(sha256(coalesce(string_agg(
                    convert_to(concat_ws('|', u.id, u.tenant_id, u.industry, u.country, u.size_band,
                                         u.customer_type, u.sourcing, ''), 'UTF8')
                    || coalesce(s.kpi_vector, convert_to(s.answers::text, 'UTF8')),
                    '\\x0a'::bytea ORDER BY u.id), ''::bytea)), 'hex')
             FROM submissions s JOIN units u ON u.id = s.unit_id
            WHERE s.cycle_id = cycle AND s.state = 'accepted'
              AND cycle_publisher(cycle) = app_current_tenant() $$;
      DROP FUNCTION benchmark_source_entry(units, submissions);
    `);
  }
}
