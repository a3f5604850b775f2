import { DomainError, DomainErrorCode, type MessageLanguage } from '@app/domain';
import ExcelJS from 'exceljs';
import excelUtils from 'exceljs/lib/utils/utils';
import { Readable } from 'node:stream';
import type { RawCell, SheetFormat, SheetRow, SheetTable } from './sheet-table';
import type { SpreadsheetLimits } from './spreadsheet-limits';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';
import { inspectXlsxZip, streamingWorkbookParts } from './zip-guard';

/** Options of `readXlsxTable`. */
export interface XlsxReadOptions {
  limits: SpreadsheetLimits;
  language: MessageLanguage;
  /** Worksheet names to prefer (case-insensitive); otherwise the first visible worksheet. */
  sheetNames?: readonly string[];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The raw content of an exceljs cell value; a formula counts as its cached result. */
export function rawCellOf(value: ExcelJS.CellValue | undefined): RawCell {
  if (value === null || value === undefined) {
    return { kind: 'empty' };
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', value: '#NUM!' };
  }
  if (typeof value === 'string') {
    return value === '' ? { kind: 'empty' } : { kind: 'text', value };
  }
  if (typeof value === 'boolean') {
    return { kind: 'boolean', value };
  }
  if (value instanceof Date) {
    return { kind: 'date', value };
  }
  if (!isObject(value)) {
    return { kind: 'empty' };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = [value.formula, value.sharedFormula].find((f) => typeof f === 'string') ?? '';
    const result = (value as { result?: unknown }).result;
    if (result === undefined) {
      return { kind: 'formula_without_value', formula };
    }
    return rawCellOf(result as ExcelJS.CellValue);
  }
  if ('error' in value) {
    return { kind: 'error', value: String(value.error) };
  }
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = (value.richText as { text?: unknown }[])
      .map((p) => (typeof p.text === 'string' ? p.text : ''))
      .join('');
    return text === '' ? { kind: 'empty' } : { kind: 'text', value: text };
  }
  if ('text' in value) {
    // A hyperlink: what the cell shows is its text (itself plain or rich).
    return rawCellOf(value.text as ExcelJS.CellValue);
  }
  return { kind: 'empty' };
}

/** A sheet of the workbook as its `workbook.xml` lists it (exceljs's WorkbookReader model). */
interface ListedSheet {
  name: string;
  state?: string;
}

/**
 * The name of the worksheet to read: the first of `names` (case-insensitive) the workbook has,
 * else its first visible sheet, else its first, in the workbook's own order of tabs.
 */
function chosenSheet(
  sheets: readonly ListedSheet[],
  names: readonly string[] | undefined,
): string | undefined {
  const wanted = new Set((names ?? []).map((n) => n.toLowerCase()));
  return (
    sheets.find((s) => wanted.has(s.name.toLowerCase())) ??
    sheets.find((s) => (s.state ?? 'visible') === 'visible') ??
    sheets.at(0)
  )?.name;
}

/** The non-empty cells of a row as raw cells, by column. */
function rawCellsOf(
  row: ExcelJS.Row,
  date1904?: boolean,
): { cells: (RawCell | undefined)[]; last: number } {
  const cells: (RawCell | undefined)[] = [];
  let last = 0;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const raw = rawCellOf(date1904 === undefined ? cell.value : streamedValue(cell, date1904));
    if (raw.kind !== 'empty') {
      cells[column] = raw;
      last = column;
    }
  });
  return { cells, last };
}

/**
 * A streamed cell's value as loading gives it: a formula's number result in a date format is
 * the date (exceljs's loading does this, its streaming reader only for a constant).
 */
function streamedValue(cell: ExcelJS.Cell, date1904: boolean): ExcelJS.CellValue {
  const value = cell.value;
  if (
    isObject(value) &&
    ('formula' in value || 'sharedFormula' in value) &&
    typeof value.result === 'number' &&
    excelUtils.isDateFmt(cell.numFmt)
  ) {
    return {
      ...(value as ExcelJS.CellFormulaValue),
      result: excelUtils.excelToDate(value.result, date1904),
    };
  }
  return value;
}

function invalidXlsx(language: MessageLanguage): DomainError {
  return new DomainError(DomainErrorCode.ValidationFailed, M.invalidXlsx(language), [
    { key: 'file', rule: 'invalid_xlsx', message: M.invalidXlsx(language) },
  ]);
}

function emptyWorkbook(language: MessageLanguage): DomainError {
  return new DomainError(DomainErrorCode.ValidationFailed, M.emptyFile(language), [
    { key: 'file', rule: 'empty_file', message: M.emptyFile(language) },
  ]);
}

/** Takes a worksheet's rows as they are read. */
type RowSink = (row: SheetRow, format: SheetFormat) => void;

function sheetFormat(sheet: string): SheetFormat {
  return { sheet, format: 'xlsx', numbersAsText: false, decimalComma: false };
}

/**
 * Reads one worksheet of an XLSX file row by row, after `inspectXlsxZip` has checked the zip's
 * entries, inflated size, cells and rows against the limits: each non-empty row goes to
 * `onRow` as it is read, and the sheet's format comes back at the end. Throws a `DomainError`
 * (`ValidationFailed` or `PayloadTooLarge`) with one problem when the file breaks a limit or is
 * no workbook, possibly after rows were handed over.
 *
 * The worksheet is streamed (exceljs's WorkbookReader) where that reads it as loading the
 * workbook would (`ZipInspection.streamable`): in about half the time of loading, which builds
 * the model of every cell of every sheet first, and with rows to work on from the start.
 */
export async function readXlsxRows(
  buffer: Buffer,
  options: XlsxReadOptions,
  onRow: RowSink,
): Promise<SheetFormat> {
  const { limits, language } = options;
  const inspection = await inspectXlsxZip(buffer, limits, language);
  let rows = 0;
  // A row wider than the limits allow is refused as it comes, before it is handed over.
  const sink: RowSink = (row, format) => {
    assertTableSize(++rows, row.cells.length - 1, limits, language);
    onRow(row, format);
  };
  const streamed = inspection.streamable ? await streamedSheet(buffer, options, sink) : null;
  // Worksheets the streaming reader could not name (their relationships point elsewhere than
  // it looks) were passed over without a row handed on: loading follows the relationships.
  const sheet =
    streamed?.sheet ??
    (streamed === null || streamed.passedOver > 0
      ? await loadedSheet(buffer, options, sink)
      : null);
  if (sheet === null) {
    throw emptyWorkbook(language);
  }
  return sheetFormat(sheet);
}

/** As `readXlsxRows`, all rows in one table. */
export async function readXlsxTable(buffer: Buffer, options: XlsxReadOptions): Promise<SheetTable> {
  const rows: SheetRow[] = [];
  const format = await readXlsxRows(buffer, options, (row) => {
    rows.push(row);
  });
  return { ...format, rows };
}

/**
 * Streams the chosen worksheet from the workbook's parts put in the order the reader needs:
 * its name (null when none was the chosen one), and how many worksheets were passed over
 * before it.
 */
async function streamedSheet(
  buffer: Buffer,
  options: XlsxReadOptions,
  onRow: RowSink,
): Promise<{ sheet: string | null; passedOver: number }> {
  const parts = streamingWorkbookParts(buffer, options.language);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([parts]), {
    sharedStrings: 'cache',
    // Kept for the number formats: a date is a number with a date format.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // What the reader read of workbook.xml before the first worksheet; not in its typings.
  const book = reader as unknown as {
    model?: { sheets?: ListedSheet[] };
    properties?: { model?: { date1904?: boolean } };
  };
  let sheet: string | null = null;
  let passedOver = 0;
  try {
    for await (const worksheet of reader) {
      if (sheet !== null) {
        continue;
      }
      const name = (worksheet as unknown as { name?: string }).name;
      const wanted = chosenSheet(book.model?.sheets ?? [], options.sheetNames);
      if (wanted !== undefined && name !== wanted) {
        passedOver += 1;
        continue;
      }
      sheet = name ?? 'Sheet1';
      const format = sheetFormat(sheet);
      const date1904 = book.properties?.model?.date1904 === true;
      for await (const row of worksheet) {
        const { cells, last } = rawCellsOf(row, date1904);
        if (last > 0) {
          onRow({ number: row.number, cells }, format);
        }
      }
    }
  } catch (e: unknown) {
    throw e instanceof DomainError ? e : invalidXlsx(options.language);
  }
  return { sheet, passedOver };
}

/** Loads the whole workbook and hands over the chosen worksheet's rows; as `streamedSheet`. */
async function loadedSheet(
  buffer: Buffer,
  options: XlsxReadOptions,
  onRow: RowSink,
): Promise<string | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw invalidXlsx(options.language);
  }
  const wanted = chosenSheet(workbook.worksheets, options.sheetNames);
  const worksheet = workbook.worksheets.find((ws) => ws.name === wanted);
  if (!worksheet) {
    return null;
  }
  const format = sheetFormat(worksheet.name);
  sheetRowsOf(worksheet).rows.forEach((row) => onRow(row, format));
  return worksheet.name;
}

/** The non-empty rows of a loaded worksheet as raw cells, and the widest row's last column. */
export function sheetRowsOf(worksheet: ExcelJS.Worksheet): { rows: SheetRow[]; widest: number } {
  const rows: SheetRow[] = [];
  let widest = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const { cells, last } = rawCellsOf(row);
    if (last > 0) {
      rows.push({ number: rowNumber, cells });
      widest = Math.max(widest, last);
    }
  });
  return { rows, widest };
}

/** Refuses more data rows (below a header) or columns than the limits allow. */
export function assertTableSize(
  rowCount: number,
  columnCount: number,
  limits: Pick<SpreadsheetLimits, 'maxRows' | 'maxColumns'>,
  language: MessageLanguage,
): void {
  if (rowCount > limits.maxRows + 1) {
    const message = M.tooManyRows(limits.maxRows, language);
    throw new DomainError(DomainErrorCode.ValidationFailed, message, [
      { key: 'file', rule: 'too_many_rows', message },
    ]);
  }
  if (columnCount > limits.maxColumns) {
    const message = M.tooManyColumns(limits.maxColumns, language);
    throw new DomainError(DomainErrorCode.ValidationFailed, message, [
      { key: 'file', rule: 'too_many_columns', message },
    ]);
  }
}
