import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Action,
  Actor,
  DEADLINE_TEXTS as T,
  DomainError,
  DomainErrorCode,
  notFound,
  requireAccess,
} from '@app/domain';
import { JobQueue, QueueName } from '@app/jobs';
import {
  awaitsSubmission,
  cycleCompletion,
  CycleEntity,
  manualRemindersSince,
  reminderOfRequest,
  TenantDb,
  type TenantTx,
  findCycle,
} from '@app/persistence';
import { enqueueMails } from '../common/enqueue-mails';
import { PUBLIC_URL } from '../notifications/public-url';
import { queueReminders, type QueuedMail } from '../notifications/notification-mails';
import type { CycleCompletion, ReminderRequest, RemindersSent } from './deadline.types';

/** How long after a reminder sent by hand the next one to the same unit is refused. */
export const MANUAL_REMINDER_PAUSE_MINUTES = 60;

/** A cycle's completion for its publisher, and reminders sent by hand. */
@Injectable()
export class DeadlinesService {
  private readonly logger = new Logger(DeadlinesService.name);

  constructor(
    private readonly db: TenantDb,
    @InjectQueue(QueueName.Mail) private readonly mail: JobQueue<QueueName.Mail>,
    @Inject(PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  /** Where each unit of the cycle stands, with its last reminder. */
  completion(actor: Actor, cycleId: string): Promise<CycleCompletion> {
    return this.db.withTenant(actor.tenantId, async (m) => {
      const cycle = await this.ownCycle(m, actor, cycleId, Action.CycleCompletionRead);
      const units = await cycleCompletion(m, cycleId);
      const counts: Record<string, number> = {
        not_started: 0,
        draft: 0,
        submitted: 0,
        returned: 0,
        accepted: 0,
      };
      for (const unit of units) {
        counts[unit.state]++;
      }
      return {
        cycleId,
        submissionDeadline: cycle.submissionDeadline?.toISOString() ?? null,
        reminderOffsets: [...cycle.reminderOffsets].sort((a, b) => a - b),
        counts,
        units: units.map((u) => ({
          unitId: u.unitId,
          unitName: u.unitName,
          companyName: u.companyName,
          state: u.state,
          submittedAt: u.submittedAt?.toISOString() ?? null,
          lastReminderAt: u.lastReminderAt?.toISOString() ?? null,
          lastReminderOffset: u.lastReminderOffset,
        })),
      };
    });
  }

  /**
   * Reminds one unit, or every unit that has not submitted, now. The same request id sent
   * again reminds nobody again; a unit reminded by hand within the last hour is refused (one
   * unit: 409) or left out (all units; 409 when that leaves none).
   *
   * @throws DomainError NotFound (a cycle or unit the caller does not run), InvalidState (the
   * cycle is not open, the unit has submitted, nobody is left to remind), Conflict (too soon)
   */
  async remind(
    actor: Actor,
    cycleId: string,
    input: ReminderRequest,
    now: Date,
  ): Promise<RemindersSent> {
    const result = await this.db.withTenant(actor.tenantId, async (m) => {
      // Locked, so that two clicks at once see each other's reminders.
      const cycle = await this.ownCycle(m, actor, cycleId, Action.ReminderSend, true);
      if (cycle.state !== 'open') {
        throw new DomainError(DomainErrorCode.InvalidState, T.cycleNotOpen);
      }
      const units = await cycleCompletion(m, cycleId);
      const targets = input.unitId ? units.filter((u) => u.unitId === input.unitId) : units;
      if (input.unitId && targets.length === 0) {
        throw notFound('Unit', input.unitId);
      }
      if (input.unitId && !awaitsSubmission(targets[0].state)) {
        throw new DomainError(DomainErrorCode.InvalidState, T.unitSubmitted(targets[0].unitName));
      }
      const waiting = targets.filter((u) => awaitsSubmission(u.state));
      if (waiting.length === 0) {
        throw new DomainError(DomainErrorCode.InvalidState, T.nothingToRemind);
      }
      const repeated: { unitId: string; recipients: number }[] = [];
      const fresh: typeof waiting = [];
      for (const unit of waiting) {
        const before = await reminderOfRequest(m, cycleId, unit.unitId, input.requestId);
        if (before) {
          repeated.push({ unitId: unit.unitId, recipients: before.recipients });
        } else {
          fresh.push(unit);
        }
      }
      const pause = MANUAL_REMINDER_PAUSE_MINUTES * 60_000;
      const recent = await manualRemindersSince(m, cycleId, new Date(now.getTime() - pause));
      const due = fresh.filter((u) => !recent.has(u.unitId));
      if (due.length === 0 && repeated.length === 0) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          input.unitId
            ? T.remindedRecently(waiting[0].unitName, MANUAL_REMINDER_PAUSE_MINUTES)
            : T.allRemindedRecently(MANUAL_REMINDER_PAUSE_MINUTES),
        );
      }
      const reminded = await queueReminders(
        m,
        cycle,
        due.map((u) => u.unitId),
        { requestId: input.requestId },
        actor.userId,
        now,
        this.publicUrl,
      );
      return {
        mails: reminded.flatMap((r): QueuedMail[] => r.mails),
        dto: {
          reminded: [
            ...repeated,
            ...reminded.map((r) => ({ unitId: r.unitId, recipients: r.recipients })),
          ],
          remindedRecently: fresh.filter((u) => recent.has(u.unitId)).map((u) => u.unitId),
        },
      };
    });
    await enqueueMails(this.mail, result.mails, this.logger);
    return result.dto;
  }

  private async ownCycle(
    m: TenantTx,
    actor: Actor,
    cycleId: string,
    action: Action,
    lock = false,
  ): Promise<CycleEntity> {
    const cycle = await findCycle(m, cycleId, lock);
    if (!cycle) {
      throw notFound('Cycle', cycleId);
    }
    requireAccess(actor, action, { thing: 'Cycle', id: cycleId, ownerId: cycle.tenantId });
    return cycle;
  }
}
