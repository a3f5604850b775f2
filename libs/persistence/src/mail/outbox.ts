import type { WorkFailure } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** Why an e-mail is sent; each purpose has its templates under `templates/mail/<purpose>/`. */
export type MailPurpose =
  | 'password_reset'
  | 'invitation'
  | 'deadline_reminder'
  | 'submission_returned'
  | 'submission_accepted'
  | 'report_ready'
  | 'submission_digest';

/** The languages a mail is written in: the recipient's. */
export type MailLanguage = 'de' | 'en';

/** An e-mail to put in the outbox. */
export interface NewOutboxMessage {
  recipient: string;
  language: MailLanguage;
  purpose: MailPurpose;
  /** What the mail is about (a reset token, an invitation, a cycle): once per recipient. */
  objectId: string;
  /** What the templates show. */
  params: Record<string, string>;
  /** What the templates show that must not outlive the sending (a reset link). */
  secretParams: Record<string, string>;
}

/** A queued e-mail, as the worker sends it. */
export interface OutboxMessage extends NewOutboxMessage {
  id: string;
}

interface OutboxRow {
  id: string;
  recipient: string;
  language: MailLanguage;
  purpose: MailPurpose;
  object_id: string;
  params: Record<string, string>;
  secret_params: Record<string, string> | null;
}

/**
 * Puts an e-mail into the caller's tenant's outbox, once per (recipient, purpose, object): the
 * id of the new message, or null when that mail was written before (it is sent, or will be).
 */
export async function queueMail(m: TenantTx, message: NewOutboxMessage): Promise<string | null> {
  const rows = await managerOf(m).query<{ id: string }[]>(
    `INSERT INTO outbox_messages (tenant_id, recipient, language, purpose, object_id, params, secret_params)
     VALUES (app_current_tenant(), $1, $2, $3, $4, $5, $6)
     ON CONFLICT (tenant_id, recipient, purpose, object_id) DO NOTHING
     RETURNING id`,
    [
      message.recipient,
      message.language,
      message.purpose,
      message.objectId,
      JSON.stringify(message.params),
      JSON.stringify(message.secretParams),
    ],
  );
  return rows[0]?.id ?? null;
}

/** A message that is still to be sent, or null once it is sent or given up. */
export async function queuedMail(m: TenantTx, id: string): Promise<OutboxMessage | null> {
  const [row] = await managerOf(m).query<OutboxRow[]>(
    `SELECT id, recipient, language, purpose, object_id, params, secret_params
       FROM outbox_messages WHERE id = $1 AND state = 'queued'`,
    [id],
  );
  return row
    ? {
        id: row.id,
        recipient: row.recipient,
        language: row.language,
        purpose: row.purpose,
        objectId: row.object_id,
        params: row.params,
        secretParams: row.secret_params ?? {},
      }
    : null;
}

/** Notes that the SMTP server took the message, and forgets its secret parameters. */
export async function markMailSent(m: TenantTx, id: string): Promise<void> {
  await managerOf(m).query(
    `UPDATE outbox_messages SET state = 'sent', sent_at = now(), error = NULL, secret_params = NULL
      WHERE id = $1 AND state = 'queued'`,
    [id],
  );
}

/**
 * Records why a message was not sent, as data (a WorkFailure, as snapshots and reports store
 * theirs). `outcome`: `wait` (the server could not take it now: it
 * stays queued, no attempt counted), `attempt` (it failed for a reason of its own: counted),
 * `give_up` (the server refused it for good: failed, its secret parameters forgotten).
 */
export async function recordMailFailure(
  m: TenantTx,
  id: string,
  error: WorkFailure,
  outcome: 'wait' | 'attempt' | 'give_up',
): Promise<void> {
  await managerOf(m).query(
    `UPDATE outbox_messages
        SET error = $2::jsonb,
            attempts = attempts + CASE WHEN $3 = 'attempt' THEN 1 ELSE 0 END,
            state = CASE WHEN $3 = 'give_up' THEN 'failed' ELSE state END,
            secret_params = CASE WHEN $3 = 'give_up' THEN NULL ELSE secret_params END
      WHERE id = $1 AND state = 'queued'`,
    [id, JSON.stringify(error), outcome],
  );
}
