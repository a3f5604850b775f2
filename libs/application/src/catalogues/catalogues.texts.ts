import type { LocalizedMessage } from '@app/domain';

/** What the catalogue editor says when it refuses, in both languages. */
export const CATALOGUE_TEXTS = {
  usedByCycle: (name: string, study: string, years: readonly number[]): LocalizedMessage => ({
    de: `Die Fragebogenversion ${name} ändert sich nicht mehr: die Studie „${study}“ verwendet sie im Zyklus ${years.join(', ')}. Beginnen Sie einen neuen Entwurf aus ihr und ändern Sie diesen.`,
    en: `Catalogue version ${name} no longer changes: study '${study}' uses it in its cycle ${years.join(', ')}. Start a new draft from it and change that one.`,
  }),
  notXlsx: {
    de: 'Der Fragebogen wird als XLSX-Arbeitsmappe hochgeladen (wie ihn der Download liefert).',
    en: 'A catalogue is uploaded as an XLSX workbook (as the download gives it).',
  },
} as const satisfies Record<string, LocalizedMessage | ((...args: never[]) => LocalizedMessage)>;
