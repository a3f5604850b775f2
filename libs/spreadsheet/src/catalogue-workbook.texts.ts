import type { LocalizedMessage } from '@app/domain';

/** The sentences of reading a catalogue workbook, in German and English. */
export const CATALOGUE_WORKBOOK_TEXTS = {
  at: (
    sheet: string,
    row: number,
    column: string,
    field: string | null,
    message: LocalizedMessage,
  ): LocalizedMessage => ({
    de: `Blatt '${sheet}', Zeile ${row}, Spalte ${column}${field === null ? '' : ` (${field})`}: ${message.de}`,
    en: `Sheet '${sheet}', row ${row}, column ${column}${field === null ? '' : ` (${field})`}: ${message.en}`,
  }),
  refused: (count: number, first: LocalizedMessage): LocalizedMessage => ({
    de: `Die Arbeitsmappe wurde nicht übernommen, nichts wurde gespeichert: ${count === 1 ? '1 Problem' : `${count} Probleme`}, das erste: ${first.de}`,
    en: `The workbook was not taken over and nothing was stored: ${count === 1 ? '1 problem' : `${count} problems`}, the first: ${first.en}`,
  }),
  sheetMissing: (sheet: string): LocalizedMessage => ({
    de: `die Arbeitsmappe braucht ein Blatt '${sheet}'`,
    en: `the workbook needs a sheet '${sheet}'`,
  }),
  columnMissing: (column: string): LocalizedMessage => ({
    de: `die Kopfzeile braucht eine Spalte '${column}'`,
    en: `the header row needs a column '${column}'`,
  }),
  columnUnknown: (header: string, known: readonly string[]): LocalizedMessage => ({
    de: `'${header}' ist keine Spalte dieses Blatts; die Spalten sind ${known.join(', ')}`,
    en: `'${header}' is not a column of this sheet; the columns are ${known.join(', ')}`,
  }),
  columnTwice: (header: string): LocalizedMessage => ({
    de: `die Spalte '${header}' steht zweimal in der Kopfzeile`,
    en: `column '${header}' appears twice in the header row`,
  }),
  fieldUnknown: (field: string, known: readonly string[]): LocalizedMessage => ({
    de: `'${field}' ist kein Feld des Fragebogens; die Felder sind ${known.join(', ')}`,
    en: `'${field}' is not a field of the catalogue; the fields are ${known.join(', ')}`,
  }),
  empty: (): LocalizedMessage => ({
    de: 'die Zelle ist leer, braucht aber einen Wert',
    en: 'the cell is empty but needs a value',
  }),
  text: (): LocalizedMessage => ({
    de: 'die Zelle braucht einen Text',
    en: 'the cell needs a text',
  }),
  number: (shown: string): LocalizedMessage => ({
    de: `die Zelle braucht eine Zahl, enthält aber '${shown}'`,
    en: `the cell needs a number but holds '${shown}'`,
  }),
  yesNo: (shown: string): LocalizedMessage => ({
    de: `die Zelle braucht WAHR oder FALSCH (true/false), enthält aber '${shown}'`,
    en: `the cell needs TRUE or FALSE, but holds '${shown}'`,
  }),
  cellError: (shown: string): LocalizedMessage => ({
    de: `die Zelle zeigt den Fehler ${shown}`,
    en: `the cell shows the error ${shown}`,
  }),
  formulaCell: (formula: string): LocalizedMessage => ({
    de: `die Zelle enthält die Excel-Formel =${formula} ohne gespeicherten Wert; tragen Sie den Wert ein`,
    en: `the cell holds the Excel formula =${formula} without a stored value; enter the value`,
  }),
  choiceItemUnknown: (key: string): LocalizedMessage => ({
    de: `auf dem Blatt 'Items' gibt es kein Element '${key}'`,
    en: `there is no item '${key}' on the sheet 'Items'`,
  }),
  keyMismatch: (key: string, wanted: string): LocalizedMessage => ({
    de: `der Schlüssel ist '${key}', die ersetzte Version gehört aber zum Fragebogen '${wanted}'`,
    en: `the key is '${key}', but the version it replaces belongs to catalogue '${wanted}'`,
  }),
  noItems: (): LocalizedMessage => ({
    de: 'das Blatt hat keine Elemente unter der Kopfzeile',
    en: 'the sheet has no items below the header row',
  }),
} satisfies Record<string, (...args: never[]) => LocalizedMessage>;
