/** Where a unit of a cycle stands, with the last reminder it was sent. */
export interface UnitCompletion {
  unitId: string;
  unitName: string;
  companyName: string;
  /** not_started, or the state of its submission. */
  state: string;
  submittedAt: string | null;
  lastReminderAt: string | null;
  /** Days from the deadline of the last scheduled reminder; null when sent by hand. */
  lastReminderOffset: number | null;
}

/** A cycle's completion: its deadline, the count per state, and every unit. */
export interface CycleCompletion {
  cycleId: string;
  submissionDeadline: string | null;
  reminderOffsets: number[];
  /** Units per state: not_started, draft, submitted, returned, accepted. */
  counts: Record<string, number>;
  units: UnitCompletion[];
}

/** Reminders to send by hand: to one unit, or every unit that has not submitted. */
export interface ReminderRequest {
  unitId?: string;
  /** The id of this click: the same request sent again reminds nobody twice. */
  requestId: string;
}

/** A unit reminded, and to how many of its company's contacts. */
export interface UnitReminded {
  unitId: string;
  recipients: number;
}

/** The reminders sent by hand, and the units left out for one sent within the last hour. */
export interface RemindersSent {
  reminded: UnitReminded[];
  remindedRecently: string[];
}

/** One's optional notifications, each on or off. */
export interface NotificationPreferences {
  submission_digest: boolean;
  submission_accepted: boolean;
  report_ready: boolean;
}

/** The optional notifications to change; one left out keeps its setting. */
export type NotificationPreferenceChanges = Partial<NotificationPreferences>;
