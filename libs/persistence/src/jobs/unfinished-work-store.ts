import { Injectable } from '@nestjs/common';
import { asTenantId, type WorkFailure } from '@app/domain';
import type { UnfinishedWork, WorkKind } from '@app/jobs';
import { unfinishedWorkRows } from '../cross-tenant/cross-tenant-reader';
import { TenantDb } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/**
 * The table and the state it runs in while unfinished, per kind of work, and what failing a
 * row also sets. A mail has no running state: it is queued until the SMTP server took it.
 */
const TABLES: Record<WorkKind, { table: string; running: string; alsoOnFail: string }> = {
  snapshot: { table: 'snapshots', running: 'running', alsoOnFail: '' },
  report: { table: 'reports', running: 'rendering', alsoOnFail: '' },
  // A mail given up forgets its secret parameters (a reset link), as a sent one does.
  mail: { table: 'outbox_messages', running: 'queued', alsoOnFail: ', secret_params = NULL' },
};

/**
 * The reconciler's side of the database: the unfinished snapshots, reports and mails of every tenant
 * (through `unfinished_work()`), one reconciler at a time, and failing a row that ran out of
 * attempts.
 */
@Injectable()
export class UnfinishedWorkStore {
  constructor(private readonly db: TenantDb) {}

  /**
   * Runs `work` with the unfinished rows while holding the reconciler's advisory lock, so that
   * of many workers one reconciles at a time; null when another holds it.
   */
  whileReconciling<T>(work: (rows: UnfinishedWork[]) => Promise<T>): Promise<T | null> {
    return this.db.withoutTenant(async (m) => {
      const [{ locked }] = await managerOf(m).query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext('cockpit:job-reconciler')) AS locked`,
      );
      if (!locked) {
        return null;
      }
      const rows = await unfinishedWorkRows(m);
      return work(
        rows.map((r) => ({
          kind: r.kind,
          id: r.id,
          tenantId: r.tenant_id,
          state: r.state,
          attempts: r.attempts,
          error: r.error,
        })),
      );
    });
  }

  /** The row as it is now, or null once it is finished (done or failed) or gone. */
  async current(kind: WorkKind, tenantId: string, id: string): Promise<UnfinishedWork | null> {
    const { table, running } = TABLES[kind];
    const [row] = await this.db.withTenant(asTenantId(tenantId), (m) =>
      managerOf(m).query<{ state: string; attempts: number; error: WorkFailure | null }[]>(
        `SELECT state, attempts, error FROM ${table} WHERE id = $1 AND state IN ('queued', $2)`,
        [id, running],
      ),
    );
    return row ? { kind, id, tenantId, ...row } : null;
  }

  /** Fails an unfinished row with the reason; a row finished meanwhile is left as it is. */
  async fail(
    work: Pick<UnfinishedWork, 'kind' | 'tenantId' | 'id'>,
    reason: WorkFailure,
  ): Promise<void> {
    const { table, running, alsoOnFail } = TABLES[work.kind];
    await this.db.withTenant(asTenantId(work.tenantId), (m) =>
      managerOf(m).query(
        `UPDATE ${table} SET state = 'failed', error = $2::jsonb${alsoOnFail}
          WHERE id = $1 AND state IN ('queued', $3)`,
        [work.id, JSON.stringify(reason), running],
      ),
    );
  }
}
