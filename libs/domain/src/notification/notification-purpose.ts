/**
 * The mails of deadlines and notifications. A reminder and a returned submission ask the
 * company to act, so they always go; the others only tell, and each user may switch them off.
 */
export const OPTIONAL_NOTIFICATIONS = [
  'submission_accepted',
  'report_ready',
  'submission_digest',
] as const;

/** A notification a user may switch off. */
export type OptionalNotification = (typeof OPTIONAL_NOTIFICATIONS)[number];

/** Whether a text names a notification a user may switch off. */
export function isOptionalNotification(text: string): text is OptionalNotification {
  return (OPTIONAL_NOTIFICATIONS as readonly string[]).includes(text);
}
