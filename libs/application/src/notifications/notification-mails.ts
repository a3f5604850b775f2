import { namedUuid, type SubmissionTransition } from '@app/domain';
import {
  CycleEntity,
  notificationContacts,
  type NotificationContact,
  queueMail,
  recordReminder,
  type ReminderKey,
  type TenantTx,
  cyclePublishing,
  findReport,
  studyOf,
} from '@app/persistence';
import { notificationLinks } from './public-url';

/** A mail written into a tenant's outbox, for its job to be enqueued after the commit. */
export interface QueuedMail {
  tenantId: string;
  messageId: string;
}

/** A reminder noted for a unit: to how many people, and the mails written. */
export interface UnitReminder {
  unitId: string;
  recipients: number;
  mails: QueuedMail[];
}

/** A moment as a mail shows it, in UTC so that it reads the same wherever it is opened. */
export function mailMoment(at: Date, language: 'de' | 'en'): string {
  const iso = at.toISOString();
  const [date, time] = [iso.slice(0, 10), iso.slice(11, 16)];
  if (language === 'de') {
    const [y, mo, d] = date.split('-');
    return `${d}.${mo}.${y}, ${time} UTC`;
  }
  return `${date} ${time} UTC`;
}

function byUnit(contacts: NotificationContact[]): Map<string, NotificationContact[]> {
  const units = new Map<string, NotificationContact[]>();
  for (const contact of contacts) {
    units.set(contact.unitId, [...(units.get(contact.unitId) ?? []), contact]);
  }
  return units;
}

/**
 * Notes a reminder per unit under `key` and writes its mail to each contact of the unit, in
 * the publisher's transaction: a unit reminded under that key before (the job run twice, the
 * same form sent again) is left out, so no reminder is written, or sent, twice. The mail's
 * object is the reminder, so the outbox too takes it once per recipient.
 */
export async function queueReminders(
  m: TenantTx,
  cycle: CycleEntity,
  unitIds: readonly string[],
  key: ReminderKey,
  sentBy: string | null,
  now: Date,
  publicUrl: string,
): Promise<UnitReminder[]> {
  const study = await studyOf(m, cycle);
  const contacts = byUnit(await notificationContacts(m, cycle.id, 'deadline_reminder'));
  const reminded: UnitReminder[] = [];
  for (const unitId of unitIds) {
    const people = contacts.get(unitId) ?? [];
    const reminderId = await recordReminder(m, {
      cycleId: cycle.id,
      unitId,
      key,
      sentBy,
      recipients: people.length,
      sentAt: now,
    });
    if (reminderId === null) {
      continue;
    }
    const mails: QueuedMail[] = [];
    for (const person of people) {
      const messageId = await queueMail(m, {
        recipient: person.email,
        language: person.language,
        purpose: 'deadline_reminder',
        objectId: reminderId,
        params: {
          name: person.name,
          unitName: person.unitName,
          studyName: study.name,
          year: String(cycle.year),
          deadline: cycle.submissionDeadline
            ? mailMoment(cycle.submissionDeadline, person.language)
            : '',
          overdue: cycle.submissionDeadline && cycle.submissionDeadline <= now ? 'yes' : '',
          link: notificationLinks.submission(publicUrl, cycle.id, unitId),
        },
        secretParams: {},
      });
      if (messageId !== null) {
        mails.push({ tenantId: cycle.tenantId, messageId });
      }
    }
    reminded.push({ unitId, recipients: people.length, mails });
  }
  return reminded;
}

/**
 * Tells the unit's company that the publisher returned (with its comment) or accepted its
 * submission, in the publisher's transaction of the change. The object is the submission at
 * the version the change left it at, so each return and each acceptance is told once.
 */
export async function queueReviewMails(
  m: TenantTx,
  change: {
    cycle: CycleEntity;
    unitId: string;
    submissionId: string;
    version: number;
    transition: Extract<SubmissionTransition, 'accept' | 'return'>;
    comment: string | null;
  },
  publicUrl: string,
): Promise<QueuedMail[]> {
  const purpose = change.transition === 'accept' ? 'submission_accepted' : 'submission_returned';
  const { cycle } = change;
  const study = await studyOf(m, cycle);
  const people = byUnit(await notificationContacts(m, cycle.id, purpose)).get(change.unitId);
  const mails: QueuedMail[] = [];
  for (const person of people ?? []) {
    const messageId = await queueMail(m, {
      recipient: person.email,
      language: person.language,
      purpose,
      objectId: namedUuid(purpose, change.submissionId, String(change.version)),
      params: {
        name: person.name,
        unitName: person.unitName,
        studyName: study.name,
        year: String(cycle.year),
        comment: change.comment ?? '',
        link: notificationLinks.submission(publicUrl, cycle.id, change.unitId),
      },
      secretParams: {},
    });
    if (messageId !== null) {
      mails.push({ tenantId: cycle.tenantId, messageId });
    }
  }
  return mails;
}

/**
 * Tells a unit's company that its report of a published snapshot is ready, in the
 * transaction that stores the report: once per unit and snapshot, whichever of its languages
 * is ready first. A report of a snapshot that is not (yet) its cycle's published one, a
 * publisher's preview, tells nobody; so does a report a company ordered itself.
 */
export async function queueReportReadyMails(
  m: TenantTx,
  reportId: string,
  publicUrl: string,
): Promise<QueuedMail[]> {
  const report = await findReport(m, reportId);
  if (!report || report.kind !== 'company' || !report.unitId || !report.snapshotId) {
    return [];
  }
  const cycle = await cyclePublishing(m, report.snapshotId);
  if (!cycle || cycle.tenantId !== report.tenantId) {
    return [];
  }
  const study = await studyOf(m, cycle);
  const people = byUnit(await notificationContacts(m, cycle.id, 'report_ready')).get(report.unitId);
  const mails: QueuedMail[] = [];
  for (const person of people ?? []) {
    const messageId = await queueMail(m, {
      recipient: person.email,
      language: person.language,
      purpose: 'report_ready',
      objectId: namedUuid('report_ready', report.snapshotId, report.unitId),
      params: {
        name: person.name,
        unitName: person.unitName,
        studyName: study.name,
        year: String(cycle.year),
        link: notificationLinks.report(publicUrl, report.id),
      },
      secretParams: {},
    });
    if (messageId !== null) {
      mails.push({ tenantId: cycle.tenantId, messageId });
    }
  }
  return mails;
}
