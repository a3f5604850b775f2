import { DomainError, DomainErrorCode, type MessageLanguage } from '@app/domain';
import { parse } from 'csv-parse';
import type { RawCell, SheetRow, SheetTable } from './sheet-table';
import type { SpreadsheetLimits } from './spreadsheet-limits';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';
import { assertTableSize } from './xlsx-reader';

/** Options of `readCsvTable`. */
export interface CsvReadOptions {
  limits: SpreadsheetLimits;
  language: MessageLanguage;
  /** What problems name as the sheet: the file's name. */
  sheet: string;
}

const DELIMITERS = [',', ';', '\t'] as const;
const LINE_BREAK = /\r\n|\r|\n/g;

/**
 * UTF-8 (with or without a byte-order mark) as a CSV should be; otherwise Windows-1252, which
 * is what German Excel writes when told to save "CSV (Trennzeichen-getrennt)".
 */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/** The delimiter the header line uses most outside quotes; a comma when it has none. */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === '\n' || char === '\r')) {
      break;
    } else if (!quoted && counts.has(char)) {
      counts.set(char, (counts.get(char) ?? 0) + 1);
    }
  }
  let best: (typeof DELIMITERS)[number] = ',';
  for (const d of DELIMITERS) {
    if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) {
      best = d;
    }
  }
  return best;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function parseRecords(
  text: string,
  delimiter: string,
  maxRecords: number,
): Promise<ParsedRecord[]> {
  return new Promise((resolve, reject) => {
    parse(
      text,
      {
        delimiter,
        // Files edited by hand mix line endings; any of them ends a record.
        record_delimiter: ['\r\n', '\n', '\r'],
        bom: true,
        info: true,
        relax_column_count: true,
        skip_empty_lines: true,
        // One more than allowed tells that there are too many, without reading the rest.
        to: maxRecords + 1,
        max_record_size: 1_000_000,
      },
      // With `info: true` each record comes with its position, which the typings do not know.
      (error, records) => (error ? reject(error) : resolve(records as unknown as ParsedRecord[])),
    );
  });
}

/**
 * Reads a CSV file into a `SheetTable` of text cells: UTF-8 or Windows-1252, separated by
 * commas, semicolons or tabs (detected from the header line), quoted as RFC 4180 says. Rows
 * and columns are checked against the limits; a malformed file (an unclosed quote) is refused
 * with the parser's reason.
 */
export async function readCsvTable(buffer: Buffer, options: CsvReadOptions): Promise<SheetTable> {
  const { limits, language } = options;
  const text = decodeText(buffer).replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  let records: ParsedRecord[];
  try {
    records = await parseRecords(text, delimiter, limits.maxRows + 1);
  } catch (e: unknown) {
    const message = M.invalidCsv(e instanceof Error ? e.message : String(e), language);
    throw new DomainError(DomainErrorCode.ValidationFailed, message, [
      { key: 'file', rule: 'invalid_csv', message },
    ]);
  }
  const rows: SheetRow[] = [];
  let widest = 0;
  for (const { record, info } of records) {
    widest = Math.max(widest, record.length);
    const cells: (RawCell | undefined)[] = [];
    let filled = false;
    record.forEach((value, index) => {
      if (value.trim() !== '') {
        cells[index + 1] = { kind: 'text', value };
        filled = true;
      }
    });
    if (filled) {
      // The parser counts the line a record ends on; a spreadsheet shows the one it starts on.
      const breaks = record.reduce((n, value) => n + (value.match(LINE_BREAK)?.length ?? 0), 0);
      rows.push({ number: info.lines - breaks, cells });
    }
  }
  assertTableSize(rows.length, widest, limits, language);
  return {
    sheet: options.sheet,
    format: 'csv',
    numbersAsText: true,
    decimalComma: delimiter !== ',',
    rows,
  };
}
