import { MAX_WORK_ATTEMPTS } from './jobs';
import { reconcile, UnfinishedWork } from './reconcile';

const row = (attempts: number, error: string | null = null): UnfinishedWork => ({
  kind: 'report',
  id: 'r1',
  tenantId: 't1',
  state: 'rendering',
  attempts,
  error,
});

describe('reconcile', () => {
  it('leaves a row whose job Bull will still deliver or is running', () => {
    for (const state of ['waiting', 'active', 'delayed', 'paused'] as const) {
      expect(reconcile(row(MAX_WORK_ATTEMPTS), state, null)).toEqual({ action: 'leave' });
    }
  });

  it('enqueues a row with attempts left whose job is missing, failed, finished or stuck', () => {
    for (const state of ['missing', 'failed', 'completed', 'stuck'] as const) {
      expect(reconcile(row(MAX_WORK_ATTEMPTS - 1), state, null)).toEqual({ action: 'enqueue' });
    }
  });

  it('fails a row past its attempts with the failed job reason, else the row error', () => {
    expect(
      reconcile(row(3, 'render timed out'), 'failed', 'job stalled more than allowable limit'),
    ).toEqual({
      action: 'fail',
      reason: 'Stopped after 3 attempts: job stalled more than allowable limit',
    });
    expect(reconcile(row(3, 'render timed out'), 'missing', null)).toEqual({
      action: 'fail',
      reason: 'Stopped after 3 attempts: render timed out',
    });
    expect(reconcile(row(4), 'completed', null)).toEqual({
      action: 'fail',
      reason: 'Stopped after 4 attempts: the worker stopped while running it',
    });
  });
});
