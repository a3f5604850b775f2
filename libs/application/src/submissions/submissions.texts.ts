import type { LocalizedMessage } from '@app/domain';

/**
 * The refusals of the submission workflow in both languages; the exception filters show each
 * in the reader's language.
 */
export const SUBMISSION_REFUSALS = {
  tooManyAnswers: (max: number): LocalizedMessage => ({
    de: `Höchstens ${max} Antworten je Anfrage.`,
    en: `At most ${max} answers per request.`,
  }),
  answersInvalid: {
    de: 'Die Antworten enthalten Fehler; nichts wurde gespeichert.',
    en: 'The answers contain errors; nothing was saved.',
  },
  changedDuringImport: {
    de: 'Daten dieses Zyklus wurden während des Imports geändert; nichts wurde gespeichert. Importieren Sie die Datei erneut.',
    en: 'Submissions of this cycle were changed during the import; nothing was stored. Import the file again.',
  },
  staleVersion: (current: number, sent: number): LocalizedMessage => ({
    de: `Der Datensatz wurde inzwischen geändert (er ist bei Version ${current}, gesendet wurde ${sent}). Laden Sie ihn neu und nehmen Sie Ihre Änderungen erneut vor.`,
    en: `The submission was changed in the meantime (it is at version ${current}, you sent ${sent}). Reload it and apply your changes again.`,
  }),
  noDraft: {
    de: 'Es gibt noch keinen Entwurf für diese Einheit.',
    en: 'There is no draft for this unit yet.',
  },
  commentText: (max: number): LocalizedMessage => ({
    de: `Ein Kommentar zu einer Warnung muss ein Text von höchstens ${max} Zeichen sein.`,
    en: `A warning comment must be a text of at most ${max} characters.`,
  }),
} as const satisfies Record<string, LocalizedMessage | ((...args: never[]) => LocalizedMessage)>;
