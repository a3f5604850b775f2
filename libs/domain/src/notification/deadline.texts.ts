import type { LocalizedMessage } from '../errors/domain-error';

/** The sentences of deadlines and reminders. */
export const DEADLINE_TEXTS = {
  deadlineFormat: (given: string): LocalizedMessage => ({
    de: `submissionDeadline muss ein Datum (JJJJ-MM-TT, gemeint ist das Tagesende in UTC) oder ein Zeitpunkt nach ISO 8601 mit Zeitzone sein, nicht „${given.slice(0, 40)}“.`,
    en: `submissionDeadline must be a date (YYYY-MM-DD, meaning the end of that day in UTC) or an ISO 8601 date and time with its offset, not "${given.slice(0, 40)}".`,
  }),
  reminderOffsets: (most: number, bound: number): LocalizedMessage => ({
    de: `reminderOffsets müssen 1 bis ${most} verschiedene ganze Tage zwischen -${bound} und ${bound} sein (negativ: vor der Frist, positiv: danach).`,
    en: `reminderOffsets must be 1 to ${most} different whole days between -${bound} and ${bound} (negative: before the deadline, positive: after it).`,
  }),
  remindedRecently: (unitName: string, minutes: number): LocalizedMessage => ({
    de: `${unitName} wurde vor weniger als ${minutes} Minuten erinnert; eine weitere Erinnerung geht frühestens ${minutes} Minuten nach der letzten.`,
    en: `${unitName} was reminded less than ${minutes} minutes ago; another reminder can go ${minutes} minutes after the last one at the earliest.`,
  }),
  allRemindedRecently: (minutes: number): LocalizedMessage => ({
    de: `Jede Einheit ohne eingereichte Daten wurde in den letzten ${minutes} Minuten erinnert; eine weitere Erinnerung geht frühestens ${minutes} Minuten nach der letzten.`,
    en: `Every unit that has not submitted was reminded in the last ${minutes} minutes; another reminder can go ${minutes} minutes after the last one at the earliest.`,
  }),
  nothingToRemind: {
    de: 'Keine Einheit dieses Zyklus wartet noch auf das Einreichen: es gibt niemanden zu erinnern.',
    en: 'No unit of this cycle still has to submit: there is nobody to remind.',
  },
  unitSubmitted: (unitName: string): LocalizedMessage => ({
    de: `${unitName} hat schon eingereicht; erinnert werden nur Einheiten, die noch nicht eingereicht haben.`,
    en: `${unitName} has submitted already; only units that have not submitted are reminded.`,
  }),
  cycleNotOpen: {
    de: 'Erinnerungen gehen nur für einen offenen Zyklus.',
    en: 'Reminders go for an open cycle only.',
  },
} satisfies Record<string, LocalizedMessage | ((...args: never[]) => LocalizedMessage)>;
