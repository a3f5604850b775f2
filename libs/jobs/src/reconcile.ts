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
  error: string | null;
}

/** What the reconciler does with an unfinished row. */
export type Reconciliation =
  { action: 'leave' } | { action: 'enqueue' } | { action: 'fail'; reason: string };

/**
 * The row is the truth, Bull only delivers: a row with a live job is left to it; one without
 * (a lost queue, a failed or finished job, a worker that died twice) gets a new job while it
 * has attempts left, and is failed with the reason once it has none.
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
  const last = failedReason ?? work.error ?? 'the worker stopped while running it';
  return { action: 'fail', reason: `Stopped after ${work.attempts} attempts: ${last}` };
}
