import { Inject, Injectable } from '@nestjs/common';
import { asTenantId, dueReminderOffset, inCollectionWindow, namedUuid } from '@app/domain';
import {
  awaitsSubmission,
  cycleCompletion,
  CycleEntity,
  digestRecipients,
  openCyclesOfEveryTenant,
  queueMail,
  submissionsSubmittedBetween,
  TenantDb,
  type TenantTx,
  findOpenCycle,
  studyOf,
} from '@app/persistence';
import { queueReminders, type QueuedMail } from './notification-mails';
import { notificationLinks, PUBLIC_URL } from './public-url';

const DAY_MS = 86_400_000;

/**
 * The worker's pass over every open cycle at a moment `now`: the reminder each cycle's
 * deadline makes due, to the units that have not submitted, and the publisher's digest of the
 * submissions of the day before. Both are written once however often the pass runs (a
 * reminder per cycle, unit and offset, a digest per cycle and day), so the pass can run every
 * few minutes and twice at once. It returns the mails written, for their jobs.
 */
@Injectable()
export class NotificationRun {
  constructor(
    private readonly db: TenantDb,
    @Inject(PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  async pass(now: Date): Promise<QueuedMail[]> {
    const cycles = await this.db.withoutTenant((m) => openCyclesOfEveryTenant(m));
    const mails: QueuedMail[] = [];
    for (const ref of cycles) {
      mails.push(
        ...(await this.db.withTenant(asTenantId(ref.tenant_id), async (m) => {
          const cycle = await findOpenCycle(m, ref.id);
          return cycle
            ? [...(await this.remind(m, cycle, now)), ...(await this.digest(m, cycle, now))]
            : [];
        })),
      );
    }
    return mails;
  }

  private async remind(m: TenantTx, cycle: CycleEntity, now: Date): Promise<QueuedMail[]> {
    if (!cycle.submissionDeadline) {
      return [];
    }
    const offset = dueReminderOffset(cycle.submissionDeadline, cycle.reminderOffsets, now);
    if (offset === null) {
      return [];
    }
    const units = (await cycleCompletion(m, cycle.id))
      .filter((unit) => awaitsSubmission(unit.state))
      .map((unit) => unit.unitId);
    const reminded = await queueReminders(
      m,
      cycle,
      units,
      { offsetDays: offset },
      null,
      now,
      this.publicUrl,
    );
    return reminded.flatMap((unit) => unit.mails);
  }

  /**
   * The digest of the UTC day before `now`'s: sent on the first pass of a day while the cycle
   * collects, and only when something was submitted that day.
   */
  private async digest(m: TenantTx, cycle: CycleEntity, now: Date): Promise<QueuedMail[]> {
    if (!inCollectionWindow(cycle.submissionDeadline, cycle.reminderOffsets, now)) {
      return [];
    }
    const to = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
    const from = new Date(to.getTime() - DAY_MS);
    const count = await submissionsSubmittedBetween(m, cycle.id, from, to);
    if (count === 0) {
      return [];
    }
    const study = await studyOf(m, cycle);
    const day = from.toISOString().slice(0, 10);
    const mails: QueuedMail[] = [];
    for (const person of await digestRecipients(m)) {
      const messageId = await queueMail(m, {
        recipient: person.email,
        language: person.language,
        purpose: 'submission_digest',
        objectId: namedUuid('submission_digest', cycle.id, day),
        params: {
          name: person.name,
          studyName: study.name,
          year: String(cycle.year),
          day: person.language === 'de' ? day.split('-').reverse().join('.') : day,
          count: String(count),
          link: notificationLinks.review(this.publicUrl, cycle.id),
        },
        secretParams: {},
      });
      if (messageId !== null) {
        mails.push({ tenantId: cycle.tenantId, messageId });
      }
    }
    return mails;
  }
}
