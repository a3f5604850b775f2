import { createHash } from 'node:crypto';
import { DomainError, DomainErrorCode, type LocalizedMessage } from '../errors/domain-error';
import { DEADLINE_TEXTS as T } from './deadline.texts';

/** A day in milliseconds: offsets are whole days from the deadline. */
const DAY_MS = 86_400_000;

/** The reminder offsets of a new cycle: 14 and 3 days before the deadline, 1 day after. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-14, -3, 1];

/** How far from its deadline a reminder may be set, in days, and how many a cycle may have. */
export const REMINDER_OFFSET_BOUND = 365;
export const MAX_REMINDER_OFFSETS = 10;

/** The moment a reminder at `offsetDays` from the deadline is due. */
export function reminderDueAt(deadline: Date, offsetDays: number): Date {
  return new Date(deadline.getTime() + offsetDays * DAY_MS);
}

/**
 * The reminder due at `now`: the latest offset whose moment has come, or null before the
 * first. Earlier offsets that were missed (the deadline was set late, the worker was down) are
 * not sent as well, so that a unit gets one reminder at a time, never a burst of them.
 */
export function dueReminderOffset(
  deadline: Date,
  offsets: readonly number[],
  now: Date,
): number | null {
  const due = offsets.filter((offset) => reminderDueAt(deadline, offset) <= now);
  return due.length === 0 ? null : Math.max(...due);
}

/**
 * Whether a cycle collects submissions at `now`, for the publisher's daily digest: it is open,
 * and its deadline plus its last reminder (or the deadline, when every reminder goes before it)
 * has not passed. A cycle without a deadline collects while it is open.
 */
export function inCollectionWindow(
  deadline: Date | null,
  offsets: readonly number[],
  now: Date,
): boolean {
  if (deadline === null) {
    return true;
  }
  return now < reminderDueAt(deadline, Math.max(0, ...offsets));
}

/** A date alone (YYYY-MM-DD) or a date and time with its offset (ISO 8601). */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The deadline a publisher gives: a date alone means the end of that day in UTC (23:59:59.999),
 * a date and time must name its offset, so that the deadline is one moment for everybody.
 *
 * @throws DomainError ValidationFailed naming `submissionDeadline` and the rule
 */
export function parseSubmissionDeadline(text: string): Date {
  const dateOnly = DATE_ONLY.exec(text);
  const parsed = dateOnly
    ? new Date(Date.UTC(+dateOnly[1], +dateOnly[2] - 1, +dateOnly[3], 23, 59, 59, 999))
    : DATE_TIME.test(text)
      ? new Date(text)
      : null;
  const valid =
    parsed !== null &&
    !Number.isNaN(parsed.getTime()) &&
    // 2026-02-31 rolls over into March: refuse it instead.
    (!dateOnly || parsed.getUTCDate() === +dateOnly[3]);
  if (!valid) {
    throw deadlineRefused(T.deadlineFormat(text));
  }
  return parsed;
}

/**
 * Refuses reminder offsets that are not 1 to 10 distinct whole days within a year of the
 * deadline (the API's DTO says so too; a page's form comes here with what was typed).
 *
 * @throws DomainError ValidationFailed naming `reminderOffsets` and the rule
 */
export function checkReminderOffsets(offsets: readonly number[]): void {
  const valid =
    offsets.length >= 1 &&
    offsets.length <= MAX_REMINDER_OFFSETS &&
    new Set(offsets).size === offsets.length &&
    offsets.every(
      (offset) => Number.isInteger(offset) && Math.abs(offset) <= REMINDER_OFFSET_BOUND,
    );
  if (!valid) {
    const message = T.reminderOffsets(MAX_REMINDER_OFFSETS, REMINDER_OFFSET_BOUND);
    throw new DomainError(DomainErrorCode.ValidationFailed, message, [
      { key: 'reminderOffsets', rule: 'reminder_offsets', message },
    ]);
  }
}

function deadlineRefused(message: LocalizedMessage): DomainError {
  return new DomainError(DomainErrorCode.ValidationFailed, message, [
    { key: 'submissionDeadline', rule: 'date_time', message },
  ]);
}

/**
 * A UUID named by its parts (a UUID version 5 layout over SHA-1), for the object of a mail that
 * is about something without an id of its own (a report of a unit in any language, a day's
 * digest): the same parts give the same id, so the outbox writes that mail once.
 */
export function namedUuid(...parts: string[]): string {
  const hash = createHash('sha1').update(parts.join('\u0000')).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
