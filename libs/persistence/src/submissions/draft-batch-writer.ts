import { randomUUID } from 'node:crypto';
import { setImmediate as turn } from 'node:timers/promises';
import type { SubmissionAuditChange, SubmissionEntity } from '../entities';
import type { TenantTx } from '../tenant/tenant-db';
import { type AuditAuthor, auditInsert, auditRowText } from './submission-audit-rows';
import { managerOf } from '../tenant/tenant-tx';
import { JsonbRows } from './jsonb-rows';

/** One draft of a batch: the submission as it is to be stored, and what its audit row lists. */
export interface BatchedDraft {
  entity: SubmissionEntity;
  changes: SubmissionAuditChange[];
  /** A submission not stored yet (inserted), or one read for update (updated if changed). */
  isNew: boolean;
}

/** What storing a batch of drafts did; `stored` is false when a draft read for update had changed. */
export interface DraftBatchWritten {
  stored: boolean;
  created: number;
  updated: number;
}

/**
 * Drafts per round of statements. PostgreSQL runs a transaction's statements one after the
 * other, so the rounds overlap the application's work on the next round with the database's
 * on this one; a round is small so that the last one, which nothing overlaps, is short, and
 * large enough that a statement's fixed cost is spread thin.
 */
const ROUND_DRAFTS = 500;

/**
 * Drafts of the first round: the database has nothing to do until it comes, so it comes soon,
 * and the database stores it while the application prepares the next full round.
 */
const FIRST_ROUND_DRAFTS = 100;

/**
 * The application yields to the event loop after this many drafts, so that the database's
 * answer is read and the next statement sent while drafts are still being prepared: the
 * database waits for that at most the time of this many drafts (about 0.15 ms each), and a
 * yield costs microseconds.
 */
const YIELD_DRAFTS = 10;

interface Statement {
  sql: string;
  params: unknown[];
  /** For an update: the rows it must find, or the drafts it stores had changed. */
  rows?: number;
}

/**
 * One kind of row of a round (new drafts, or changed ones) as it fills: each draft's row as
 * JSON text, taken when the draft is, and its KPI vector. The vectors go as one binary
 * parameter, each row naming its slice: as text in the JSON they would be twice their size and
 * parsed by PostgreSQL as strings.
 */
class RoundRows {
  readonly rows = new JsonbRows();
  readonly vectors: Buffer[] = [];
  private at = 0;

  /** `row` gets the slice of its vector (`kpi_at`, `kpi_length`), null without one. */
  add(row: Record<string, unknown>, vector: Buffer | null | undefined): void {
    row.kpi_at = vector ? this.at : null;
    row.kpi_length = vector ? vector.length : null;
    if (vector) {
      this.at += vector.length;
      this.vectors.push(vector);
    }
    this.rows.add(JSON.stringify(row));
  }
}

/** A round of drafts as its statements' parameters: new drafts, changed ones, their audit rows. */
class Round {
  readonly inserts = new RoundRows();
  readonly updates = new RoundRows();
  readonly audits = new JsonbRows();
  size = 0;

  /**
   * Takes a draft: a new one gets its id here, so that its audit row is ready with it. Only the
   * bytes of its rows and its vector are kept, so the draft's objects are garbage at once.
   */
  add({ entity: e, changes, isNew }: BatchedDraft): void {
    if (isNew) {
      e.id = randomUUID();
      this.inserts.add(
        {
          id: e.id,
          tenant_id: e.tenantId,
          unit_id: e.unitId,
          answers: e.answers,
          derived: e.derived,
          warnings: e.warnings,
        },
        e.kpiVector,
      );
    } else {
      this.updates.add(
        {
          id: e.id,
          version: e.version,
          answers: e.answers,
          derived: e.derived,
          warnings: e.warnings,
        },
        e.kpiVector,
      );
    }
    const audit = auditRowText({ submission: e, changes });
    if (audit !== null) {
      this.audits.add(audit);
    }
    this.size += 1;
  }

  statements(author: AuditAuthor, cycleId: string): Statement[] {
    return [
      ...(this.inserts.rows.count > 0 ? [insertStatement(cycleId, this.inserts)] : []),
      ...(this.updates.rows.count > 0 ? [updateStatement(this.updates)] : []),
      ...(this.audits.count > 0 ? [auditInsert(author, this.audits)] : []),
    ];
  }
}

/** Inserts new drafts of one cycle, with the ids the writer gave them. */
function insertStatement(cycleId: string, rows: RoundRows): Statement {
  return {
    sql: `INSERT INTO submissions (id, tenant_id, cycle_id, unit_id, state, answers, derived, kpi_vector, warnings, warning_comments)
          SELECT r.id, r.tenant_id, $2, r.unit_id, 'draft', r.answers, r.derived,
                 substring($3::bytea FROM r.kpi_at + 1 FOR r.kpi_length), r.warnings, '{}'::jsonb
            FROM jsonb_to_recordset($1::jsonb)
              AS r(id uuid, tenant_id uuid, unit_id uuid, answers jsonb, derived jsonb,
                   kpi_at integer, kpi_length integer, warnings jsonb)`,
    params: [rows.rows.parameter(), cycleId, Buffer.concat(rows.vectors)],
  };
}

/** Stores the new answers of drafts read before, each only if its version is still the one read. */
function updateStatement(rows: RoundRows): Statement {
  return {
    sql: `UPDATE submissions s
             SET answers = r.answers, derived = r.derived,
                 kpi_vector = substring($2::bytea FROM r.kpi_at + 1 FOR r.kpi_length),
                 warnings = r.warnings, version = s.version + 1, updated_at = now()
            FROM jsonb_to_recordset($1::jsonb)
              AS r(id uuid, version integer, answers jsonb, derived jsonb, kpi_at integer,
                   kpi_length integer, warnings jsonb)
           WHERE s.id = r.id AND s.version = r.version
          RETURNING s.id`,
    params: [rows.rows.parameter(), Buffer.concat(rows.vectors)],
    rows: rows.rows.count,
  };
}

/**
 * Stores the drafts of one cycle in the caller's transaction, with one audit row each, in
 * rounds of a few hundred after a short first one: new ones in one insert, changed ones in one update, their audit
 * rows in one insert per round. Drafts are taken from `drafts` as they are prepared, so the
 * database stores one round while the caller prepares the next; each round's statements go
 * out when the round before is stored. New submissions get their ids here, so that a round's
 * audit rows are ready with its drafts. Once a draft read for update is found changed, no
 * further round is sent and `stored` is false; the caller rolls the transaction back. When
 * preparing a draft throws, the rounds sent are awaited before the error is passed on, so that
 * no statement of this transaction is still running when the caller ends it.
 */
export async function writeDraftBatches(
  m: TenantTx,
  author: AuditAuthor,
  cycleId: string,
  drafts: Iterable<BatchedDraft> | AsyncIterable<BatchedDraft>,
): Promise<DraftBatchWritten> {
  let stored: Promise<boolean> = Promise.resolve(true);
  // A failed round is reported below; until then its rejection must not count as unhandled.
  const settled = (): Promise<unknown> => stored.catch(() => undefined);
  let round = new Round();
  let sent = 0;
  let created = 0;
  let updated = 0;

  const send = (): void => {
    if (round.size === 0) {
      return;
    }
    const statements = round.statements(author, cycleId);
    round = new Round();
    sent += 1;
    stored = stored.then(async (before) => {
      let ok = before;
      for (const statement of statements) {
        if (!ok) {
          return false;
        }
        if (statement.rows === undefined) {
          await managerOf(m).query(statement.sql, statement.params);
        } else {
          // TypeORM returns [rows, affected count] for an UPDATE ... RETURNING.
          const [, count] = await managerOf(m).query<[unknown[], number]>(
            statement.sql,
            statement.params,
          );
          ok = count === statement.rows;
        }
      }
      return ok;
    });
    void settled();
  };

  try {
    let prepared = 0;
    for await (const draft of drafts) {
      round.add(draft);
      if (draft.isNew) {
        created += 1;
      } else {
        updated += 1;
      }
      if (round.size >= (sent === 0 ? FIRST_ROUND_DRAFTS : ROUND_DRAFTS)) {
        send();
      }
      prepared += 1;
      if (prepared % YIELD_DRAFTS === 0) {
        await turn();
      }
    }
    send();
  } catch (e: unknown) {
    await settled();
    throw e;
  }
  return { stored: await stored, created, updated };
}
