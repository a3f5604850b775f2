import type { Localized } from '../views/localized';

/** The words of one's notification settings (`/settings/notifications`). */
export interface NotificationSettingsTexts {
  nav: string;
  title: string;
  intro: string;
  always: string;
  legend: string;
  submission_digest: string;
  submission_accepted: string;
  report_ready: string;
  save: string;
  saved: string;
}

export const NOTIFICATION_SETTINGS_TEXTS: Localized<NotificationSettingsTexts> = {
  de: {
    nav: 'Benachrichtigungen',
    title: 'Benachrichtigungen',
    intro: 'Welche E-Mails Sie erhalten möchten. Sie gehen in Ihrer Sprache an {email}.',
    always:
      'Erinnerungen an eine Frist und zurückgegebene Datensätze erhalten Unternehmen immer: sie verlangen etwas zu tun.',
    legend: 'E-Mails, die Sie abschalten können',
    submission_digest:
      'Tägliche Übersicht der neuen Einreichungen, solange ein Zyklus Daten sammelt (Herausgeber)',
    submission_accepted: 'Ein Datensatz wurde angenommen (Unternehmen)',
    report_ready: 'Ein Bericht ist fertig (Unternehmen)',
    save: 'Speichern',
    saved: 'Ihre Benachrichtigungen sind gespeichert.',
  },
  en: {
    nav: 'Notifications',
    title: 'Notifications',
    intro: 'Which e-mails you want to receive. They go to {email}, in your language.',
    always:
      'Companies always receive deadline reminders and returned data sets: they ask for something to be done.',
    legend: 'E-mails you can switch off',
    submission_digest: 'A daily digest of new submissions while a cycle collects data (publishers)',
    submission_accepted: 'A data set was accepted (companies)',
    report_ready: 'A report is ready (companies)',
    save: 'Save',
    saved: 'Your notifications are saved.',
  },
};
