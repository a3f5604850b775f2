import { type WorkFailure, workFailureOf } from '@app/domain';
import { isInfrastructureError } from '@app/jobs';

/**
 * What a failed send means for the message: `wait` (the server or the database could not take
 * it now: keep it queued, count no attempt), `give_up` (the server refused it for good, as a
 * 5xx answer or an unusable recipient says) or `attempt` (it failed for a reason of its own,
 * a template for example: counted, and failed after the last attempt).
 */
export type MailFailure = 'wait' | 'give_up' | 'attempt';

/** nodemailer's codes for a server that cannot be reached, talked to or signed in to now. */
const UNREACHABLE = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'EPROTOCOL',
  'ECONNREFUSED',
  'ECONNRESET',
  // Wrong SMTP credentials are the operator's to fix; the mail waits for it.
  'EAUTH',
]);

/** nodemailer's `code` and `responseCode` of an error, where it has them. */
function smtpCodesOf(error: unknown): { code?: unknown; responseCode?: unknown } {
  return typeof error === 'object' && error !== null ? error : {};
}

/** How a send that threw is to be taken (nodemailer's `code` and `responseCode`). */
export function mailFailureOf(error: unknown): MailFailure {
  const { code, responseCode } = smtpCodesOf(error);
  if (code === 'EAUTH') {
    return 'wait';
  }
  if (typeof responseCode === 'number') {
    return responseCode >= 500 ? 'give_up' : 'wait';
  }
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return 'wait';
  }
  if (code === 'EENVELOPE') {
    return 'give_up';
  }
  return isInfrastructureError(error) ? 'wait' : 'attempt';
}

/**
 * What the outbox stores of a failed send, as data like the failures of snapshots and reports
 * (the reconciler fails all three alike): a mail that waits or was refused for good under the
 * server's reply code or nodemailer's error code, never the server's sentence (the log has it);
 * a failure of the message itself as `workFailureOf` has it, under `errorId`.
 */
export function mailWorkFailure(
  error: unknown,
  failure: MailFailure,
  errorId: string,
): WorkFailure {
  if (failure === 'attempt') {
    return workFailureOf(error, errorId);
  }
  const { code, responseCode } = smtpCodesOf(error);
  const shown =
    typeof responseCode === 'number'
      ? responseCode
      : typeof code === 'string' || typeof code === 'number'
        ? code
        : 'unknown';
  return { key: failure === 'wait' ? 'mail_deferred' : 'mail_rejected', params: { code: shown } };
}
