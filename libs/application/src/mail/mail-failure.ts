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

/** How a send that threw is to be taken (nodemailer's `code` and `responseCode`). */
export function mailFailureOf(error: unknown): MailFailure {
  const { code, responseCode } = (typeof error === 'object' && error !== null ? error : {}) as {
    code?: unknown;
    responseCode?: unknown;
  };
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
