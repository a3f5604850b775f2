import { DomainError, DomainErrorCode, type MessageLanguage } from '@app/domain';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { RawCell, SheetRow, SheetTable } from './sheet-table';
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

/** Thrown where streaming would read a cell otherwise than loading: the workbook is loaded. */
class NeedsWorkbookModel extends Error {}

/**
 * A formula cell that only loading reads right: one with a number format that may be a
 * date's (loading gives its result as a date, streaming as a number). Any letter outside
 * quotes and brackets may be one; `General` is none.
 */
function mayBeDateFormula(cell: ExcelJS.Cell): boolean {
  const value = cell.value;
  if (!isObject(value) || !('formula' in value || 'sharedFormula' in value)) {
    return false;
  }
  const format = (cell.numFmt ?? '').replace(/\[[^\]]*]|"[^"]*"/g, '');
  return format !== 'General' && /[A-Za-z]/.test(format);
}

/** The non-empty cells of a row as raw cells, by column. */
function rawCellsOf(
  row: ExcelJS.Row,
  streamed: boolean,
): { cells: (RawCell | undefined)[]; last: number } {
  const cells: (RawCell | undefined)[] = [];
  let last = 0;
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    if (streamed && mayBeDateFormula(cell)) {
      throw new NeedsWorkbookModel();
    }
    const raw = rawCellOf(cell.value);
    if (raw.kind !== 'empty') {
      cells[column] = raw;
      last = column;
    }
  });
  return { cells, last };
}

function invalidXlsx(language: MessageLanguage): DomainError {
  return new DomainError(DomainErrorCode.ValidationFailed, M.invalidXlsx(language), [
    { key: 'file', rule: 'invalid_xlsx', message: M.invalidXlsx(language) },
  ]);
}

/** The rows read of the chosen worksheet, and its name; none when the workbook has no sheet. */
interface ReadSheet {
  sheet: string;
  rows: SheetRow[];
  widest: number;
}

/**
 * Reads one worksheet of an XLSX file into a `SheetTable`, after `inspectXlsxZip` has checked
 * the zip's entries, inflated size, cells and rows against the limits. Throws a `DomainError`
 * (`ValidationFailed` or `PayloadTooLarge`) with one problem when the file breaks a limit or is
 * no workbook.
 *
 * The worksheet is streamed (exceljs's WorkbookReader) where that reads it as loading the
 * workbook would (`ZipInspection.streamable`, and no formula that may be a date): in about
 * half the time of loading, which builds the model of every cell of every sheet first.
 */
export async function readXlsxTable(buffer: Buffer, options: XlsxReadOptions): Promise<SheetTable> {
  const { limits, language } = options;
  const inspection = await inspectXlsxZip(buffer, limits, language);
  let read: ReadSheet | null | undefined;
  try {
    read = inspection.streamable ? await streamedSheet(buffer, options) : undefined;
  } catch (e: unknown) {
    if (!(e instanceof NeedsWorkbookModel)) {
      throw e instanceof DomainError ? e : invalidXlsx(language);
    }
  }
  read = read === undefined ? await loadedSheet(buffer, options) : read;
  if (read === null) {
    throw new DomainError(DomainErrorCode.ValidationFailed, M.emptyFile(language), [
      { key: 'file', rule: 'empty_file', message: M.emptyFile(language) },
    ]);
  }
  assertTableSize(read.rows.length, read.widest, limits, language);
  return {
    sheet: read.sheet,
    format: 'xlsx',
    numbersAsText: false,
    decimalComma: false,
    rows: read.rows,
  };
}

/** The chosen worksheet, streamed from the workbook's parts put in the order the reader needs. */
async function streamedSheet(buffer: Buffer, options: XlsxReadOptions): Promise<ReadSheet | null> {
  const parts = streamingWorkbookParts(buffer, options.language);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([parts]), {
    sharedStrings: 'cache',
    // Kept for the number formats: a date is a number with a date format.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // What the reader read of workbook.xml before the first worksheet; not part of its typings.
  const listed = reader as unknown as { model?: { sheets?: ListedSheet[] } };
  let read: ReadSheet | null = null;
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name?: string }).name;
    const wanted = chosenSheet(listed.model?.sheets ?? [], options.sheetNames);
    if (read !== null || (wanted !== undefined && name !== wanted)) {
      continue;
    }
    read = { sheet: name ?? 'Sheet1', rows: [], widest: 0 };
    for await (const row of worksheet) {
      const { cells, last } = rawCellsOf(row, true);
      if (last > 0) {
        read.rows.push({ number: row.number, cells });
        read.widest = Math.max(read.widest, last);
      }
    }
  }
  return read;
}

/** The chosen worksheet of the workbook loaded whole. */
async function loadedSheet(buffer: Buffer, options: XlsxReadOptions): Promise<ReadSheet | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw invalidXlsx(options.language);
  }
  const wanted = chosenSheet(workbook.worksheets, options.sheetNames);
  const worksheet = workbook.worksheets.find((ws) => ws.name === wanted);
  return worksheet ? { sheet: worksheet.name, ...sheetRowsOf(worksheet) } : null;
}

/** The non-empty rows of a loaded worksheet as raw cells, and the widest row's last column. */
export function sheetRowsOf(worksheet: ExcelJS.Worksheet): { rows: SheetRow[]; widest: number } {
  const rows: SheetRow[] = [];
  let widest = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const { cells, last } = rawCellsOf(row, false);
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
