import { formatNumber, type MessageLanguage } from '@app/domain';

const megabytes = (bytes: number, language: MessageLanguage): string =>
  `${formatNumber(bytes / (1024 * 1024), language)} MB`;

const count = (n: number, language: MessageLanguage): string => formatNumber(n, language);

/**
 * The sentences of spreadsheet import and export, in German and English. Type and bound
 * messages of a cell are those of answer validation (`SUBMISSION_MESSAGES`), so that a value
 * reads the same whether it came from the form, the JSON API or a file.
 */
export const SPREADSHEET_MESSAGES = {
  fileTooLarge: (limit: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Datei ist größer als die Grenze von ${megabytes(limit, 'de')}.`
      : `The file is larger than the limit of ${megabytes(limit, 'en')}.`,

  noFile: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Senden Sie die Datei als Formularfeld „file“ (multipart/form-data).'
      : "Send the file as the form field 'file' (multipart/form-data).",

  badUpload: (detail: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Der Upload konnte nicht gelesen werden (${detail}).`
      : `The upload could not be read (${detail}).`,

  unsupportedFormat: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Die Datei ist weder eine XLSX-Arbeitsmappe noch eine CSV-Textdatei.'
      : 'The file is neither an XLSX workbook nor a CSV text file.',

  invalidXlsx: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Die Datei ist keine lesbare XLSX-Arbeitsmappe. Speichern Sie sie in Excel oder LibreOffice erneut als .xlsx.'
      : 'The file is not a readable XLSX workbook. Save it again as .xlsx in Excel or LibreOffice.',

  encryptedXlsx: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Die Arbeitsmappe ist verschlüsselt. Entfernen Sie das Kennwort und laden Sie sie erneut hoch.'
      : 'The workbook is encrypted. Remove its password and upload it again.',

  invalidCsv: (detail: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Die CSV-Datei ist fehlerhaft: ${detail}`
      : `The CSV file is malformed: ${detail}`,

  tooManyEntries: (limit: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Die XLSX-Datei enthält mehr als ${count(limit, 'de')} Einträge; eine Arbeitsmappe hat weit weniger.`
      : `The XLSX file contains more than ${count(limit, 'en')} entries; a workbook has far fewer.`,

  uncompressedTooLarge: (limit: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Entpackt wäre die XLSX-Datei größer als ${megabytes(limit, 'de')}.`
      : `Unpacked, the XLSX file would be larger than ${megabytes(limit, 'en')}.`,

  tooManyCells: (limit: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Arbeitsmappe enthält mehr als ${count(limit, 'de')} Zellen.`
      : `The workbook contains more than ${count(limit, 'en')} cells.`,

  parseBudget: (limitMs: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Datei ist zu groß oder zu aufwendig, um sie in ${count(limitMs / 1000, 'de')} Sekunden zu lesen. Teilen Sie sie auf oder entfernen Sie leere und formatierte Bereiche.`
      : `The file is too large or too complex to read within ${count(limitMs / 1000, 'en')} seconds. Split it, or remove empty and formatted ranges.`,

  tooManyRows: (limit: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Tabelle hat mehr als ${count(limit, 'de')} Datenzeilen.`
      : `The sheet has more than ${count(limit, 'en')} data rows.`,

  tooManyColumns: (limit: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Tabelle hat mehr als ${count(limit, 'de')} Spalten.`
      : `The sheet has more than ${count(limit, 'en')} columns.`,

  emptyFile: (language: MessageLanguage): string =>
    language === 'de' ? 'Die Datei enthält keine Daten.' : 'The file contains no data.',

  notATemplate: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Die Datei ist keine Erfassungsvorlage: In Zeile 1 fehlen die Spalten „Schlüssel“ und „Wert“. Laden Sie die Vorlage neu herunter.'
      : "The file is not a submission template: row 1 lacks the columns 'Key' and 'Value'. Download the template again.",

  unitColumnMissing: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Die erste Zeile braucht eine Spalte „unitId“ mit der Id jeder Einheit.'
      : "The first row needs a column 'unitId' holding each unit's id.",

  unknownColumn: (header: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Spalte „${header}“ ist keine Eingabe dieses Fragebogens.`
      : `The column '${header}' is not an input of this questionnaire.`,

  duplicateColumn: (header: string, first: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Spalte „${header}“ gibt es schon in ${first}.`
      : `The column '${header}' appears already in ${first}.`,

  columnWithoutHeader: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Diese Zelle steht in einer Spalte ohne Überschrift.'
      : 'This cell is in a column without a header.',

  duplicateKey: (key: string, firstRow: number, language: MessageLanguage): string =>
    language === 'de'
      ? `„${key}“ steht schon in Zeile ${firstRow}.`
      : `'${key}' appears already in row ${firstRow}.`,

  keyMissing: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Die Zeile hat einen Wert, aber keinen Schlüssel.'
      : 'The row has a value but no key.',

  unitIdMissing: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Die Zeile hat Werte, aber keine Einheiten-Id.'
      : 'The row has values but no unit id.',

  unknownUnit: (value: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Eine Einheit „${value}“ gibt es in dieser Studie nicht.`
      : `There is no unit '${value}' in this study.`,

  unitNotParticipating: (language: MessageLanguage): string =>
    language === 'de'
      ? 'Das Unternehmen dieser Einheit nimmt an dieser Studie nicht teil.'
      : "This unit's company does not take part in this study.",

  duplicateUnit: (firstRow: number, language: MessageLanguage): string =>
    language === 'de'
      ? `Diese Einheit steht schon in Zeile ${firstRow}.`
      : `This unit appears already in row ${firstRow}.`,

  submissionLocked: (state: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Daten dieser Einheit sind ${state === 'accepted' ? 'angenommen' : 'eingereicht'} und werden durch einen Import nicht überschrieben.`
      : `This unit's data are ${state} and an import does not overwrite them.`,

  formulaWithoutValue: (formula: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Zelle enthält die Formel =${formula} ohne gespeichertes Ergebnis. Öffnen und speichern Sie die Datei in Excel oder LibreOffice, damit das Ergebnis berechnet wird, oder tragen Sie den Wert direkt ein.`
      : `The cell holds the formula =${formula} without a stored result. Open and save the file in Excel or LibreOffice so that the result is computed, or enter the value itself.`,

  cellError: (error: string, language: MessageLanguage): string =>
    language === 'de'
      ? `Die Zelle enthält den Fehlerwert ${error}.`
      : `The cell holds the error value ${error}.`,

  refused: (problems: number, listed: number, language: MessageLanguage): string => {
    if (language === 'de') {
      const what = problems === 1 ? '1 Fehler' : `${count(problems, 'de')} Fehler`;
      const more = listed < problems ? ` Die ersten ${count(listed, 'de')} sind aufgeführt.` : '';
      return `Die Datei enthält ${what}; nichts wurde gespeichert.${more}`;
    }
    const what = problems === 1 ? '1 problem' : `${count(problems, 'en')} problems`;
    const more = listed < problems ? ` The first ${count(listed, 'en')} are listed.` : '';
    return `The file has ${what}; nothing was stored.${more}`;
  },
} as const;
