import type { AuditVerdict, SumAudit } from './release-audit';

/**
 * Verdicts shared by the audits of one snapshot. Many KPIs have the same contributors and so
 * see the same sets in the same order; an audit's history (every set released or protected,
 * by exact key) is interned to a number, and a verdict is remembered per history and set. A
 * step without a key starts a history of its own that nothing shares.
 */
export class ReleaseMemo {
  readonly start = 0;
  private readonly histories = new Map<string, number>();
  private readonly verdicts = new Map<string, AuditVerdict>();
  private readonly holders = new Map<number, SumAudit>();
  private fresh = 0;

  next(history: number, step: string | undefined): number {
    if (step === undefined) {
      return --this.fresh;
    }
    const key = `${history}|${step}`;
    let id = this.histories.get(key);
    if (id === undefined) {
      id = this.histories.size + 1;
      this.histories.set(key, id);
    }
    return id;
  }

  /** The audit that last took on this history, if it has not moved on (see `hold`). */
  holder(history: number): SumAudit | undefined {
    return this.holders.get(history);
  }

  /** Records an audit as at a history; a fresh (unshared) history is not recorded. */
  hold(history: number, audit: SumAudit): void {
    if (history >= 0) {
      this.holders.set(history, audit);
    }
  }

  /** The audit leaves the history. */
  leave(history: number, audit: SumAudit): void {
    if (this.holders.get(history) === audit) {
      this.holders.delete(history);
    }
  }

  verdict(history: number, key: string): AuditVerdict | undefined {
    return history < 0 ? undefined : this.verdicts.get(`${history}|${key}`);
  }

  remember(history: number, key: string, verdict: AuditVerdict): void {
    if (history >= 0) {
      this.verdicts.set(`${history}|${key}`, verdict);
    }
  }
}
