import type { Actor } from '@app/domain';
import type { SubmissionAuditChange, SubmissionEntity } from '../entities';
import { JsonbRows } from './jsonb-rows';

/** Who made audited changes: the caller, and the request they came with. */
export interface AuditAuthor {
  actor: Actor;
  requestId: string | null;
}

/** The audit changes of one submission. */
export interface AuditBatch {
  submission: Pick<SubmissionEntity, 'id' | 'tenantId'>;
  changes: SubmissionAuditChange[];
}

/** Rows of a batch statement: a JSON parameter of this many rows stays a few megabytes. */
const BATCH_ROWS = 5000;

/**
 * The JSON text of one submission's audit row, its changes in order; null without changes (a
 * submission without changes gets no row). A batch writer turns each draft into text as it
 * takes it, so that the objects behind it die young instead of waiting for their round.
 */
export function auditRowText({ submission, changes }: AuditBatch): string | null {
  if (changes.length === 0) {
    return null;
  }
  return JSON.stringify({
    tenant_id: submission.tenantId,
    submission_id: submission.id,
    changes,
  });
}

/** The insert of audit rows (see `auditRowText`); the actor is the caller. */
export function auditInsert(req: AuditAuthor, rows: JsonbRows): { sql: string; params: unknown[] } {
  return {
    sql: `INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_user_id,
            actor_api_key_id, actor_role, changes, request_id)
          SELECT r.tenant_id, r.submission_id, $2, $3, $4, $5, r.changes, $6
            FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, submission_id uuid, changes jsonb)`,
    params: [
      rows.parameter(),
      req.actor.tenantId,
      req.actor.userId,
      req.actor.apiKeyId,
      req.actor.role,
      req.requestId,
    ],
  };
}

/**
 * The inserts of one audit row per submission written, with its changes in order, a few
 * thousand rows a statement; the actor is the caller, whatever tenant the submission belongs
 * to. A submission without changes gets no row.
 */
export function auditStatements(
  req: AuditAuthor,
  batches: readonly AuditBatch[],
): { sql: string; params: unknown[] }[] {
  const statements: { sql: string; params: unknown[] }[] = [];
  let rows = new JsonbRows();
  for (const batch of batches) {
    const text = auditRowText(batch);
    if (text !== null) {
      rows.add(text);
    }
    if (rows.count === BATCH_ROWS) {
      statements.push(auditInsert(req, rows));
      rows = new JsonbRows();
    }
  }
  if (rows.count > 0) {
    statements.push(auditInsert(req, rows));
  }
  return statements;
}
