import type { SubmissionState } from '@app/domain';
import type { TenantTx } from '../tenant/tenant-db';
import { managerOf } from '../tenant/tenant-tx';

/** Where a unit stands in a cycle: its submission's state, or `not_started` without one. */
export type CompletionState = SubmissionState | 'not_started';

/** A unit of a cycle's participating companies, with its state and its last reminder. */
export interface UnitCompletion {
  unitId: string;
  unitName: string;
  companyName: string;
  state: CompletionState;
  submittedAt: Date | null;
  lastReminderAt: Date | null;
  /** The offset of the last reminder, or null when it was sent by hand. */
  lastReminderOffset: number | null;
}

/** Which reminder it is: a scheduled one's offset, or the request of one sent by hand. */
export type ReminderKey = { offsetDays: number } | { requestId: string };

/**
 * The units of the cycle's participating companies (the publisher's view; row-level security
 * shows a publisher the units of the companies in its studies), each with its submission's
 * state and its last reminder, by company and unit name.
 */
export async function cycleCompletion(m: TenantTx, cycleId: string): Promise<UnitCompletion[]> {
  const rows = await managerOf(m).query<
    {
      unit_id: string;
      unit_name: string;
      company_name: string;
      state: CompletionState;
      submitted_at: Date | null;
      last_reminder_at: Date | null;
      last_reminder_offset: number | null;
    }[]
  >(
    `SELECT u.id AS unit_id, u.name AS unit_name, o.name AS company_name,
            coalesce(s.state, 'not_started') AS state, s.submitted_at,
            r.sent_at AS last_reminder_at, r.offset_days AS last_reminder_offset
       FROM cycles c
       JOIN participations p ON p.study_id = c.study_id
       JOIN organisations o ON o.id = p.company_id
       JOIN units u ON u.tenant_id = p.company_id
       LEFT JOIN submissions s ON s.cycle_id = c.id AND s.unit_id = u.id
       LEFT JOIN LATERAL (
         SELECT d.sent_at, d.offset_days FROM deadline_reminders d
          WHERE d.tenant_id = c.tenant_id AND d.cycle_id = c.id AND d.unit_id = u.id
          ORDER BY d.sent_at DESC LIMIT 1
       ) r ON true
      WHERE c.id = $1
      ORDER BY o.name, u.name, u.id`,
    [cycleId],
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    companyName: r.company_name,
    state: r.state,
    submittedAt: r.submitted_at,
    lastReminderAt: r.last_reminder_at,
    lastReminderOffset: r.last_reminder_offset,
  }));
}

/** Whether a unit in this state still has to submit, and so is reminded. */
export function awaitsSubmission(state: CompletionState): boolean {
  return state === 'not_started' || state === 'draft' || state === 'returned';
}

/**
 * Notes a reminder to a unit, once per key: the new row's id, or null when that reminder was
 * noted before (a job run twice, a form sent twice), so that its mails are not written again.
 */
export async function recordReminder(
  m: TenantTx,
  reminder: {
    cycleId: string;
    unitId: string;
    key: ReminderKey;
    sentBy: string | null;
    recipients: number;
    sentAt: Date;
  },
): Promise<string | null> {
  const offsetDays = 'offsetDays' in reminder.key ? reminder.key.offsetDays : null;
  const requestId = 'requestId' in reminder.key ? reminder.key.requestId : null;
  const rows = await managerOf(m).query<{ id: string }[]>(
    `INSERT INTO deadline_reminders
       (tenant_id, cycle_id, unit_id, offset_days, request_id, sent_by, recipients, sent_at)
     VALUES (app_current_tenant(), $1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [
      reminder.cycleId,
      reminder.unitId,
      offsetDays,
      requestId,
      reminder.sentBy,
      reminder.recipients,
      reminder.sentAt,
    ],
  );
  return rows[0]?.id ?? null;
}

/** The units of the cycle reminded by hand at or after `since`, with the last such moment. */
export async function manualRemindersSince(
  m: TenantTx,
  cycleId: string,
  since: Date,
): Promise<Map<string, Date>> {
  const rows = await managerOf(m).query<{ unit_id: string; sent_at: Date }[]>(
    `SELECT unit_id, max(sent_at) AS sent_at FROM deadline_reminders
      WHERE tenant_id = app_current_tenant() AND cycle_id = $1 AND request_id IS NOT NULL
        AND sent_at >= $2
      GROUP BY unit_id`,
    [cycleId, since],
  );
  return new Map(rows.map((r) => [r.unit_id, r.sent_at]));
}

/** Whether a reminder of this request was noted for the unit (the same form sent again). */
export async function reminderOfRequest(
  m: TenantTx,
  cycleId: string,
  unitId: string,
  requestId: string,
): Promise<{ recipients: number; sentAt: Date } | null> {
  const [row] = await managerOf(m).query<{ recipients: number; sent_at: Date }[]>(
    `SELECT recipients, sent_at FROM deadline_reminders
      WHERE tenant_id = app_current_tenant() AND cycle_id = $1 AND unit_id = $2 AND request_id = $3`,
    [cycleId, unitId, requestId],
  );
  return row ? { recipients: row.recipients, sentAt: row.sent_at } : null;
}
