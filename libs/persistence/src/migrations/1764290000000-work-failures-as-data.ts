import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The failure of a snapshot or a report is data (`{ key, params, cause? }`, see WorkFailure),
 * put into words in the reader's language when read, instead of a sentence in the worker's
 * language. A failure stored before is kept as it was under the key `unexplained`: which
 * sentence of which library it was cannot be told apart reliably. `unfinished_work()` returns
 * the new column type, and so is made again with the same privileges.
 */
export class WorkFailuresAsData1764290000000 implements MigrationInterface {
  name = 'WorkFailuresAsData1764290000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION unfinished_work();
      ALTER TABLE snapshots ALTER COLUMN error TYPE jsonb USING ${asData('error')};
      ALTER TABLE reports ALTER COLUMN error TYPE jsonb USING ${asData('error')};
      ${unfinishedWork('jsonb')}
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP FUNCTION unfinished_work();
      ALTER TABLE snapshots ALTER COLUMN error TYPE text USING ${asText('error')};
      ALTER TABLE reports ALTER COLUMN error TYPE text USING ${asText('error')};
      ${unfinishedWork('text')}
    `);
  }
}

function asData(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN NULL
    ELSE jsonb_build_object('key', 'unexplained', 'params', jsonb_build_object('detail', ${column})) END`;
}

/** Back to a sentence: the text kept of an old failure, the key of a new one. */
function asText(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN NULL
    ELSE coalesce(${column} -> 'params' ->> 'detail', ${column} ->> 'key') END`;
}

/** As made by UnfinishedWork1764250000000, with the type of the error column. */
function unfinishedWork(errorType: 'jsonb' | 'text'): string {
  return `
    CREATE FUNCTION unfinished_work()
      RETURNS TABLE (kind text, id uuid, tenant_id uuid, state text, attempts integer, error ${errorType})
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT 'snapshot', s.id, s.tenant_id, s.state, s.attempts, s.error
          FROM snapshots s WHERE s.state IN ('queued', 'running')
        UNION ALL
        SELECT 'report', r.id, r.tenant_id, r.state, r.attempts, r.error
          FROM reports r WHERE r.state IN ('queued', 'rendering')
    $$;
    REVOKE EXECUTE ON FUNCTION unfinished_work() FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION unfinished_work() TO cockpit_app;`;
}
