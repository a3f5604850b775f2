import type { LocalizedMessage } from '../errors/domain-error';
import type { SubmissionState } from '../study/submission-state';

const GERMAN_STATE: Record<SubmissionState | 'none', string> = {
  none: 'ohne Daten',
  draft: 'Entwurf',
  submitted: 'eingereicht',
  accepted: 'angenommen',
  returned: 'zurückgegeben',
};

const ENGLISH_STATE: Record<SubmissionState | 'none', string> = {
  none: 'without data',
  draft: 'a draft',
  submitted: 'submitted',
  accepted: 'accepted',
  returned: 'returned',
};

/** The refusals of a bulk accept, by rule, in both languages. */
export const BULK_ACCEPT_TEXTS = {
  refused: (refused: number, selected: number): LocalizedMessage => ({
    de: `${refused} der ${selected} ausgewählten Datensätze können nicht gemeinsam angenommen werden; keiner wurde angenommen.`,
    en: `${refused} of the ${selected} selected submissions cannot be accepted together; none was accepted.`,
  }),
  refusals: {
    not_submitted: (unit: string, state: SubmissionState | 'none'): LocalizedMessage => ({
      de: `${unit}: Der Datensatz ist im Stand „${GERMAN_STATE[state]}“, nicht „eingereicht“.`,
      en: `${unit}: the submission is ${ENGLISH_STATE[state]}, not submitted.`,
    }),
    changed: (
      unit: string,
      state: SubmissionState,
      now: number,
      confirmed: number,
    ): LocalizedMessage => ({
      de: `${unit}: Der Datensatz wurde inzwischen geändert (Version ${now} statt ${confirmed}, jetzt „${GERMAN_STATE[state]}“).`,
      en: `${unit}: the submission was changed in the meantime (version ${now}, not ${confirmed}; now ${ENGLISH_STATE[state]}).`,
    }),
    has_warnings: (unit: string, count: number): LocalizedMessage => ({
      de: `${unit}: Der Datensatz hat ${count} Warnung(en); prüfen Sie ihn einzeln.`,
      en: `${unit}: the submission has ${count} warning(s); review it on its own.`,
    }),
  },
} as const;
