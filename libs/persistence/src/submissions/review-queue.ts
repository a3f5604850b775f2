import type {
  BulkAcceptCandidate,
  ReviewQueueQuery,
  ReviewSort,
  SubmissionState,
  SubmissionWarning,
} from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** One unit of a cycle's review queue: its submission's state and what the reviewer reads. */
export interface ReviewQueueRow {
  unitId: string;
  unitName: string;
  companyId: string;
  companyName: string;
  /** Null for a unit without data yet. */
  submissionId: string | null;
  state: SubmissionState | 'none';
  version: number;
  warnings: SubmissionWarning[];
  warningComments: Record<string, string>;
  returnComment: string | null;
  submittedAt: Date | null;
  updatedAt: Date | null;
}

/** A page of the queue and how many units match its filters on all pages. */
export interface ReviewQueueRows {
  total: number;
  rows: ReviewQueueRow[];
}

interface RawRow {
  unit_id: string;
  unit_name: string;
  company_id: string;
  company_name: string;
  submission_id: string | null;
  state: SubmissionState | 'none';
  version: number | null;
  warnings: SubmissionWarning[] | null;
  warning_comments: Record<string, string> | null;
  return_comment: string | null;
  submitted_at: Date | null;
  updated_at: Date | null;
  total: string;
}

/** The ORDER BY of each sort; NULLS LAST so that units without data never lead a page. */
const ORDER_BY: Record<ReviewSort, string> = {
  submitted: 's.submitted_at ASC NULLS LAST',
  '-submitted': 's.submitted_at DESC NULLS LAST',
  updated: 's.updated_at ASC NULLS LAST',
  '-updated': 's.updated_at DESC NULLS LAST',
  warnings: 'warning_count ASC',
  '-warnings': 'warning_count DESC',
  company: 'o.name ASC',
  '-company': 'o.name DESC',
  unit: 'u.name ASC',
  '-unit': 'u.name DESC',
};

/**
 * A unit's submission of the cycle ($1), looked up by the unique (cycle_id, unit_id) index. A
 * plain join lets the planner guess from the row-level-security policy's function that a cycle
 * has a dozen submissions and compare every unit with every submission (2,000 x 2,000 rows,
 * a second at 2,000 units); LIMIT 1 keeps the subquery from being flattened into that join.
 */
const SUBMISSION_OF_UNIT = `(
  SELECT x.id, x.state, x.version, x.warnings, x.warning_comments, x.return_comment,
         x.submitted_at, x.updated_at
    FROM submissions x WHERE x.cycle_id = $1 AND x.unit_id = u.id LIMIT 1)`;

/** The rule a stored warning of each kind has (`warningKind` of the domain, as SQL). */
const KIND_CONDITION = {
  previous_cycle_deviation: `w->>'rule' = 'previous_cycle_deviation'`,
  benchmark_range: `w->>'rule' = 'benchmark_range'`,
  cross_field: `w->>'rule' LIKE 'rule:%'`,
} as const;

/** `LIKE` text that matches itself only. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The units of the cycle's study a page of its review queue shows, filtered, sorted and paged in
 * PostgreSQL (a cycle of 2,000 units is never loaded whole): each with its submission's state,
 * warnings and comments, but not its answers. As the publisher sees them through row-level
 * security; the caller checked that the cycle is its own.
 */
export async function reviewQueueRows(
  m: TenantTx,
  cycle: { id: string; studyId: string },
  query: ReviewQueueQuery,
): Promise<ReviewQueueRows> {
  const params: unknown[] = [cycle.id, cycle.studyId];
  const param = (value: unknown): string => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (query.state === 'none') {
    where.push('s.id IS NULL');
  } else if (query.state !== 'all') {
    where.push(`s.state = ${param(query.state)}`);
  }
  if (query.unitIds) {
    where.push(`u.id = ANY(${param(query.unitIds)}::uuid[])`);
  }
  if (query.company) {
    where.push(`o.name ILIKE ${param(`%${likeLiteral(query.company)}%`)}`);
  }
  if (query.minWarnings !== undefined) {
    where.push(`jsonb_array_length(coalesce(s.warnings, '[]')) >= ${param(query.minWarnings)}`);
  }
  if (query.maxWarnings !== undefined) {
    where.push(`jsonb_array_length(coalesce(s.warnings, '[]')) <= ${param(query.maxWarnings)}`);
  }
  if (query.warningKind) {
    where.push(
      `EXISTS (SELECT 1 FROM jsonb_array_elements(s.warnings) w WHERE ${KIND_CONDITION[query.warningKind]})`,
    );
  }
  // Age in whole days since submitting, against the transaction's clock.
  if (query.minAgeDays !== undefined) {
    where.push(`s.submitted_at <= now() - make_interval(days => ${param(query.minAgeDays)})`);
  }
  if (query.maxAgeDays !== undefined) {
    where.push(`s.submitted_at > now() - make_interval(days => ${param(query.maxAgeDays + 1)})`);
  }
  const limit = param(query.pageSize);
  const offset = param((query.page - 1) * query.pageSize);
  const rows = await managerOf(m).query<RawRow[]>(
    `SELECT u.id AS unit_id, u.name AS unit_name, u.tenant_id AS company_id, o.name AS company_name,
            s.id AS submission_id, coalesce(s.state, 'none') AS state, s.version,
            s.warnings, s.warning_comments, s.return_comment, s.submitted_at, s.updated_at,
            jsonb_array_length(coalesce(s.warnings, '[]')) AS warning_count,
            count(*) OVER () AS total
       FROM participations p
       JOIN units u ON u.tenant_id = p.company_id
       JOIN organisations o ON o.id = p.company_id
       LEFT JOIN LATERAL ${SUBMISSION_OF_UNIT} s ON true
      WHERE p.study_id = $2 ${where.map((w) => `AND ${w}`).join(' ')}
      ORDER BY ${ORDER_BY[query.sort]}, u.name, u.id
      LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return {
    total: rows.length > 0 ? Number(rows[0].total) : await countMatching(m, rows, query, params),
    rows: rows.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      companyId: r.company_id,
      companyName: r.company_name,
      submissionId: r.submission_id,
      state: r.state,
      version: r.version ?? 0,
      warnings: r.warnings ?? [],
      warningComments: r.warning_comments ?? {},
      returnComment: r.return_comment,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
    })),
  };

  /** A page past the end has no row to carry the window count: counted apart, rarely. */
  async function countMatching(
    tx: TenantTx,
    empty: RawRow[],
    q: ReviewQueueQuery,
    all: unknown[],
  ): Promise<number> {
    if (q.page === 1 && empty.length === 0) {
      return 0;
    }
    const [row] = await managerOf(tx).query<{ n: string }[]>(
      `SELECT count(*) AS n
         FROM participations p
         JOIN units u ON u.tenant_id = p.company_id
         JOIN organisations o ON o.id = p.company_id
         LEFT JOIN LATERAL ${SUBMISSION_OF_UNIT} s ON true
        WHERE p.study_id = $2 ${where.map((w) => `AND ${w}`).join(' ')}`,
      all.slice(0, all.length - 2),
    );
    return Number(row?.n ?? 0);
  }
}

/** The units of the cycle's study counted by their submission's state (`none`: no data yet). */
export async function reviewQueueCounts(
  m: TenantTx,
  cycle: { id: string; studyId: string },
): Promise<Map<SubmissionState | 'none', number>> {
  const rows = await managerOf(m).query<{ state: SubmissionState | 'none'; n: string }[]>(
    `SELECT coalesce(s.state, 'none') AS state, count(*) AS n
       FROM participations p
       JOIN units u ON u.tenant_id = p.company_id
       LEFT JOIN LATERAL ${SUBMISSION_OF_UNIT} s ON true
      WHERE p.study_id = $2
      GROUP BY 1`,
    [cycle.id, cycle.studyId],
  );
  return new Map(rows.map((r) => [r.state, Number(r.n)]));
}

/** A submission a bulk accept locked: what it decides on, and what its audit row needs. */
export interface LockedForAccept extends BulkAcceptCandidate {
  submissionId: string;
  tenantId: string;
  unitName: string;
}

/**
 * The cycle's submissions of these units, locked for update until the transaction ends (in
 * the order of their ids, so that two bulk accepts of overlapping units wait, never deadlock).
 */
export async function lockForAccept(
  m: TenantTx,
  cycleId: string,
  unitIds: readonly string[],
): Promise<Map<string, LockedForAccept>> {
  const rows = await managerOf(m).query<
    {
      id: string;
      tenant_id: string;
      unit_id: string;
      unit_name: string;
      state: SubmissionState;
      version: number;
      warning_count: number;
    }[]
  >(
    `SELECT s.id, s.tenant_id, s.unit_id, u.name AS unit_name, s.state, s.version,
            jsonb_array_length(s.warnings) AS warning_count
       FROM submissions s JOIN units u ON u.id = s.unit_id
      WHERE s.cycle_id = $1 AND s.unit_id = ANY($2::uuid[])
      ORDER BY s.id
        FOR UPDATE OF s`,
    [cycleId, unitIds],
  );
  return new Map(
    rows.map((r) => [
      r.unit_id,
      {
        unitId: r.unit_id,
        unitName: r.unit_name,
        submissionId: r.id,
        tenantId: r.tenant_id,
        state: r.state,
        version: r.version,
        warningCount: r.warning_count,
      },
    ]),
  );
}

/** The names of units the caller sees, by id (for a refusal that names a unit). */
export async function unitNames(
  m: TenantTx,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await managerOf(m).query<{ id: string; name: string }[]>(
    'SELECT id, name FROM units WHERE id = ANY($1::uuid[])',
    [unitIds],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Marks locked submissions accepted in one statement; returns how many it changed. */
export async function markAccepted(m: TenantTx, submissionIds: readonly string[]): Promise<number> {
  const [, count] = await managerOf(m).query<[unknown[], number]>(
    `UPDATE submissions
        SET state = 'accepted', reviewed_at = now(), updated_at = now(), version = version + 1
      WHERE id = ANY($1::uuid[]) AND state = 'submitted'
     RETURNING id`,
    [submissionIds],
  );
  return count;
}
