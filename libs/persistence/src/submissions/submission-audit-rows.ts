import type { Actor } from '@app/domain';
import type {
  SubmissionAuditAction,
  SubmissionAuditChange,
  SubmissionAuditValue,
  SubmissionEntity,
} from '../entities';

/** One audit row to be: action, field, old value, new value. */
export type AuditChange = [
  SubmissionAuditAction,
  string | null,
  SubmissionAuditValue,
  SubmissionAuditValue,
];

/** Who made audited changes: the caller, and the request they came with. */
export interface AuditAuthor {
  actor: Actor;
  requestId: string | null;
}

/** The audit changes of one submission. */
export interface AuditBatch {
  submission: Pick<SubmissionEntity, 'id' | 'tenantId'>;
  changes: AuditChange[];
}

/** Rows of a batch statement: a JSON parameter of this many rows stays a few megabytes. */
const BATCH_ROWS = 5000;

/**
 * The inserts of one audit row per submission written, with its changes in order, a few
 * thousand rows a statement; the actor is the caller, whatever tenant the submission belongs
 * to. A submission without changes gets no row.
 */
export function auditStatements(
  req: AuditAuthor,
  batches: readonly AuditBatch[],
): { sql: string; params: unknown[] }[] {
  const rows = batches
    .filter(({ changes }) => changes.length > 0)
    .map(({ submission, changes }) => ({
      tenant_id: submission.tenantId,
      submission_id: submission.id,
      changes: changes.map(([action, field, oldValue, newValue]): SubmissionAuditChange => ({
        action,
        field,
        old: oldValue,
        new: newValue,
      })),
    }));
  const statements: { sql: string; params: unknown[] }[] = [];
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    statements.push({
      sql: `INSERT INTO submission_audit (tenant_id, submission_id, actor_organisation_id, actor_user_id,
              actor_api_key_id, actor_role, changes, request_id)
            SELECT r.tenant_id, r.submission_id, $2, $3, $4, $5, r.changes, $6
              FROM jsonb_to_recordset($1::jsonb) AS r(tenant_id uuid, submission_id uuid, changes jsonb)`,
      params: [
        JSON.stringify(rows.slice(i, i + BATCH_ROWS)),
        req.actor.tenantId,
        req.actor.userId,
        req.actor.apiKeyId,
        req.actor.role,
        req.requestId,
      ],
    });
  }
  return statements;
}
