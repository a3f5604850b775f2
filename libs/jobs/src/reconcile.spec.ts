import { WorkFailure, workFailureText } from '@app/domain';
import { MAX_WORK_ATTEMPTS } from './jobs';
import { reconcile, UnfinishedWork } from './reconcile';

const row = (attempts: number, error: WorkFailure | null = null): UnfinishedWork => ({
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

  it('fails a row past its attempts with a stall Bull reports, else the row error, as data', () => {
    const timeout: WorkFailure = { key: 'render_timeout', params: {} };
    const stopped = (cause: WorkFailure, attempts = 3) => ({
      action: 'fail',
      reason: { key: 'stopped_after_attempts', params: { attempts }, cause },
    });
    expect(reconcile(row(3, timeout), 'failed', 'job stalled more than allowable limit')).toEqual(
      stopped({ key: 'job_stalled', params: {} }),
    );
    expect(reconcile(row(3, timeout), 'failed', 'connect ECONNREFUSED 127.0.0.1:5432')).toEqual(
      stopped(timeout),
    );
    expect(reconcile(row(3, timeout), 'missing', null)).toEqual(stopped(timeout));
    expect(reconcile(row(3), 'failed', 'connect ECONNREFUSED 127.0.0.1:5432')).toEqual(
      stopped({ key: 'attempt_failed', params: {} }),
    );
    expect(reconcile(row(4), 'completed', null)).toEqual(
      stopped({ key: 'worker_stopped', params: {} }, 4),
    );
  });

  it("puts the reason into words in the reader's language when it is read", () => {
    const decision = reconcile(row(3, { key: 'browser_crashed', params: {} }), 'missing', null);
    if (decision.action !== 'fail') {
      throw new Error('not failed');
    }
    expect(workFailureText(decision.reason, 'de')).toBe(
      'Nach 3 Versuchen abgebrochen: Chromium brach während der Erstellung des PDF ab.',
    );
    expect(workFailureText(decision.reason, 'en')).toBe(
      'Stopped after 3 attempts: Chromium crashed while rendering the PDF.',
    );
  });
});
