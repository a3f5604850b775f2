import type { Localized } from '../views/localized';

/** The words of a cycle's completion page (`/cycles/:cycleId/completion`). */
export interface DeadlinesTexts {
  title: string;
  intro: string;
  backToCycle: string;
  linkFromCycle: string;
  deadlineHeading: string;
  noDeadline: string;
  deadlineIs: string;
  offsetsAre: string;
  deadlineLabel: string;
  deadlineHint: string;
  offsetsLabel: string;
  offsetsHint: string;
  saveDeadline: string;
  deadlineSaved: string;
  deadlineRefused: string;
  offsetsNotNumbers: string;
  completionHeading: string;
  caption: string;
  columnUnit: string;
  columnCompany: string;
  columnState: string;
  columnReminder: string;
  notStarted: string;
  never: string;
  byHand: string;
  offsetBefore: string;
  offsetAfter: string;
  remindUnit: string;
  remindAll: string;
  remindAllHint: string;
  reminded: string;
  remindRefused: string;
  noUnits: string;
  countsHeading: string;
}

export const DEADLINES_TEXTS: Localized<DeadlinesTexts> = {
  de: {
    title: 'Abgabestand: Zyklus {year}',
    intro:
      'Wie weit jede Einheit ist, und wann sie zuletzt erinnert wurde. Einheiten, die noch nicht eingereicht haben, werden an den Erinnerungstagen automatisch erinnert; Sie können sie auch jetzt erinnern.',
    backToCycle: 'Zurück zum Zyklus {year}',
    linkFromCycle: 'Abgabestand und Erinnerungen',
    deadlineHeading: 'Frist und Erinnerungen',
    noDeadline:
      'Der Zyklus hat noch keine Frist; ohne Frist gehen keine automatischen Erinnerungen.',
    deadlineIs: 'Frist: {deadline}',
    offsetsAre: 'Erinnerungen (Tage relativ zur Frist): {offsets}',
    deadlineLabel: 'Frist (Tagesende in UTC)',
    deadlineHint: 'Leer lassen, um die Frist zu entfernen.',
    offsetsLabel: 'Erinnerungstage',
    offsetsHint:
      'Ganze Tage relativ zur Frist, durch Kommas getrennt: negativ davor, positiv danach, zum Beispiel -14, -3, 1.',
    saveDeadline: 'Frist speichern',
    deadlineSaved: 'Frist und Erinnerungstage sind gespeichert.',
    deadlineRefused: 'Die Frist wurde nicht gespeichert.',
    offsetsNotNumbers:
      'Die Erinnerungstage müssen ganze Zahlen sein, durch Kommas getrennt, zum Beispiel -14, -3, 1.',
    completionHeading: 'Einheiten',
    caption: 'Stand und letzte Erinnerung jeder Einheit',
    columnUnit: 'Einheit',
    columnCompany: 'Unternehmen',
    columnState: 'Stand',
    columnReminder: 'Letzte Erinnerung',
    notStarted: 'Nicht begonnen',
    never: 'Noch keine',
    byHand: 'von Hand',
    offsetBefore: '{days} Tage vor der Frist',
    offsetAfter: '{days} Tage nach der Frist',
    remindUnit: 'Jetzt erinnern',
    remindAll: 'Alle Einheiten ohne Abgabe jetzt erinnern',
    remindAllHint:
      'Eine Einheit, die in der letzten Stunde von Hand erinnert wurde, wird ausgelassen.',
    reminded: 'Erinnert: {count} Einheiten.',
    remindRefused: 'Es wurde niemand erinnert.',
    noUnits: 'Noch keine Einheit nimmt an diesem Zyklus teil.',
    countsHeading: 'Einheiten nach Stand',
  },
  en: {
    title: 'Completion: cycle {year}',
    intro:
      'How far each unit has come, and when it was last reminded. Units that have not submitted are reminded on the reminder days by themselves; you can also remind them now.',
    backToCycle: 'Back to cycle {year}',
    linkFromCycle: 'Completion and reminders',
    deadlineHeading: 'Deadline and reminders',
    noDeadline: 'The cycle has no deadline yet; without one, no reminders go by themselves.',
    deadlineIs: 'Deadline: {deadline}',
    offsetsAre: 'Reminders (days from the deadline): {offsets}',
    deadlineLabel: 'Deadline (end of the day, UTC)',
    deadlineHint: 'Leave it empty to remove the deadline.',
    offsetsLabel: 'Reminder days',
    offsetsHint:
      'Whole days from the deadline, separated by commas: negative before it, positive after it, for example -14, -3, 1.',
    saveDeadline: 'Save the deadline',
    deadlineSaved: 'The deadline and the reminder days are saved.',
    deadlineRefused: 'The deadline was not saved.',
    offsetsNotNumbers:
      'The reminder days must be whole numbers separated by commas, for example -14, -3, 1.',
    completionHeading: 'Units',
    caption: 'State and last reminder of each unit',
    columnUnit: 'Unit',
    columnCompany: 'Company',
    columnState: 'State',
    columnReminder: 'Last reminder',
    notStarted: 'Not started',
    never: 'None yet',
    byHand: 'by hand',
    offsetBefore: '{days} days before the deadline',
    offsetAfter: '{days} days after the deadline',
    remindUnit: 'Remind now',
    remindAll: 'Remind every unit that has not submitted now',
    remindAllHint: 'A unit reminded by hand within the last hour is left out.',
    reminded: 'Reminded: {count} units.',
    remindRefused: 'Nobody was reminded.',
    noUnits: 'No unit takes part in this cycle yet.',
    countsHeading: 'Units by state',
  },
};
