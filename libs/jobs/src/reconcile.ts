import type { WorkFailure } from '@app/domain';
import { DeliveryState, isLive, WorkKind } from './enqueue';
import { MAX_WORK_ATTEMPTS } from './jobs';

/** A row of work that is not finished: `queued`, or `running`/`rendering` in a worker. */
export interface UnfinishedWork {
  kind: WorkKind;
  id: string;
  tenantId: string;
  state: string;
  /** Times a worker started it. */
  attempts: number;
  /** The last failure recorded on the row, if any. */
  error: WorkFailure | null;
}

/** What the reconciler does with an unfinished row. */
export type Reconciliation =
  { action: 'leave' } | { action: 'enqueue' } | { action: 'fail'; reason: WorkFailure };

/** Bull's reason for a job whose worker stopped answering (died or blocked) too often. */
const STALLED = /stalled/i;

/**
 * The row is the truth, Bull only delivers: a row with a live job is left to it; one without
 * (a lost queue, a failed or finished job, a worker that died twice) gets a new job while it
 * has attempts left, and is failed with the reason once it has none. The reason is data: a
 * stall Bull reports, else the failure the last attempt recorded on the row, else Bull's other
 * reasons as a failed attempt (they are technical sentences, for the log only), else a worker
 * that stopped.
 */
export function reconcile(
  work: UnfinishedWork,
  delivery: DeliveryState,
  failedReason: string | null,
): Reconciliation {
  if (isLive(delivery)) {
    return { action: 'leave' };
  }
  if (work.attempts < MAX_WORK_ATTEMPTS) {
    return { action: 'enqueue' };
  }
  const last: WorkFailure =
    failedReason !== null && STALLED.test(failedReason)
      ? { key: 'job_stalled', params: {} }
      : (work.error ??
        (failedReason !== null
          ? { key: 'attempt_failed', params: {} }
          : { key: 'worker_stopped', params: {} }));
  return {
    action: 'fail',
    reason: { key: 'stopped_after_attempts', params: { attempts: work.attempts }, cause: last },
  };
}
