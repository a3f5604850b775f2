import { DomainError, DomainErrorCode, type MessageLanguage } from '@app/domain';
import { readCsvTable } from './csv-reader';
import type { SheetFormat, SheetRow, SheetTable } from './sheet-table';
import { DEFAULT_SPREADSHEET_LIMITS, type SpreadsheetLimits } from './spreadsheet-limits';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';
import { readXlsxRows } from './xlsx-reader';
import { looksLikeZip } from './zip-guard';

/** An uploaded file: its bytes and the name the client gave it. */
export interface UploadedSpreadsheet {
  buffer: Buffer;
  originalName?: string;
}

/** Options of `readSpreadsheet`. */
export interface SpreadsheetReadOptions {
  language: MessageLanguage;
  limits?: SpreadsheetLimits;
  /** Worksheet names to prefer in an XLSX (case-insensitive). */
  sheetNames?: readonly string[];
}

// The compound-file header of an old .xls, and of an .xlsx that Excel encrypted.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const XLSX_EXTENSION = /\.xls[xm]$/i;
const SNIFF_BYTES = 8192;

function refuse(code: DomainErrorCode, rule: string, message: string): DomainError {
  return new DomainError(code, message, [{ key: 'file', rule, message }]);
}

/**
 * Reads an uploaded XLSX or CSV file into a `SheetTable`. The format comes from the content
 * (an XLSX is a zip), not from the name a client chose; a name ending in .xlsx that is not a
 * zip, an old binary .xls, an encrypted workbook and any other binary file are refused. Every
 * limit is checked before the content is parsed as far as the format allows.
 */
export async function readSpreadsheet(
  file: UploadedSpreadsheet,
  options: SpreadsheetReadOptions,
): Promise<SheetTable> {
  const rows: SheetRow[] = [];
  const format = await readSpreadsheetRows(file, options, (row) => rows.push(row));
  return { ...format, rows };
}

/**
 * As `readSpreadsheet`, handing each row to `onRow` as it is read: an XLSX's rows while its
 * worksheet is still being read (`readXlsxRows`), a CSV's once the whole file is. A refusal
 * may come after rows were handed over.
 */
export async function readSpreadsheetRows(
  file: UploadedSpreadsheet,
  options: SpreadsheetReadOptions,
  onRow: (row: SheetRow, format: SheetFormat) => void,
): Promise<SheetFormat> {
  const { language } = options;
  const limits = options.limits ?? DEFAULT_SPREADSHEET_LIMITS;
  const { buffer } = file;
  const name = file.originalName ?? '';
  if (buffer.length > limits.maxFileBytes) {
    throw refuse(
      DomainErrorCode.PayloadTooLarge,
      'file_size',
      M.fileTooLarge(limits.maxFileBytes, language),
    );
  }
  if (buffer.length === 0) {
    throw refuse(DomainErrorCode.ValidationFailed, 'empty_file', M.emptyFile(language));
  }
  if (looksLikeZip(buffer)) {
    return readXlsxRows(buffer, { limits, language, sheetNames: options.sheetNames }, onRow);
  }
  if (buffer.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) {
    throw refuse(
      DomainErrorCode.ValidationFailed,
      'unsupported_format',
      M.unsupportedFormat(language),
    );
  }
  if (XLSX_EXTENSION.test(name)) {
    throw refuse(DomainErrorCode.ValidationFailed, 'invalid_xlsx', M.invalidXlsx(language));
  }
  if (buffer.subarray(0, SNIFF_BYTES).includes(0)) {
    throw refuse(
      DomainErrorCode.ValidationFailed,
      'unsupported_format',
      M.unsupportedFormat(language),
    );
  }
  const { rows, ...format } = await readCsvTable(buffer, {
    limits,
    language,
    sheet: name.trim() || 'csv',
  });
  rows.forEach((row) => onRow(row, format));
  return format;
}
