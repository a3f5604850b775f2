import { DomainError, DomainErrorCode, type MessageLanguage } from '@app/domain';
import ExcelJS from 'exceljs';
import type { RawCell, SheetRow, SheetTable } from './sheet-table';
import type { SpreadsheetLimits } from './spreadsheet-limits';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';
import { inspectXlsxZip } from './zip-guard';

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

function pickWorksheet(
  workbook: ExcelJS.Workbook,
  names: readonly string[] | undefined,
): ExcelJS.Worksheet | undefined {
  const wanted = new Set((names ?? []).map((n) => n.toLowerCase()));
  return (
    workbook.worksheets.find((ws) => wanted.has(ws.name.toLowerCase())) ??
    workbook.worksheets.find((ws) => ws.state === 'visible') ??
    workbook.worksheets[0]
  );
}

/**
 * Reads one worksheet of an XLSX file into a `SheetTable`, after `inspectXlsxZip` has checked
 * the zip's entries, inflated size, cells and rows against the limits. Throws a `DomainError`
 * (`ValidationFailed` or `PayloadTooLarge`) with one problem when the file breaks a limit or is
 * no workbook.
 */
export async function readXlsxTable(buffer: Buffer, options: XlsxReadOptions): Promise<SheetTable> {
  const { limits, language } = options;
  await inspectXlsxZip(buffer, limits, language);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainError(DomainErrorCode.ValidationFailed, M.invalidXlsx(language), [
      { key: 'file', rule: 'invalid_xlsx', message: M.invalidXlsx(language) },
    ]);
  }
  const worksheet = pickWorksheet(workbook, options.sheetNames);
  if (!worksheet) {
    throw new DomainError(DomainErrorCode.ValidationFailed, M.emptyFile(language), [
      { key: 'file', rule: 'empty_file', message: M.emptyFile(language) },
    ]);
  }
  const { rows, widest } = sheetRowsOf(worksheet);
  assertTableSize(rows.length, widest, limits, language);
  return { sheet: worksheet.name, format: 'xlsx', numbersAsText: false, decimalComma: false, rows };
}

/** The non-empty rows of a worksheet as raw cells, and the widest row's last column. */
export function sheetRowsOf(worksheet: ExcelJS.Worksheet): { rows: SheetRow[]; widest: number } {
  const rows: SheetRow[] = [];
  let widest = 0;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (RawCell | undefined)[] = [];
    let filled = false;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const raw = rawCellOf(cell.value);
      if (raw.kind !== 'empty') {
        cells[column] = raw;
        filled = true;
        widest = Math.max(widest, column);
      }
    });
    if (filled) {
      rows.push({ number: rowNumber, cells });
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
