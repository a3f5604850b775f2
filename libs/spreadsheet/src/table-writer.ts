import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { escapeCsvFormulaText, escapeFormulaText } from './formula-escape.util';

/** The formats an export is written in. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A cell of an exported table; `null` and `undefined` leave the cell empty. */
export type TableValue = string | number | boolean | null | undefined;

/** A table to export: a header row of column names, then the rows. */
export interface ExportTable {
  /** The worksheet's name (XLSX). */
  sheet: string;
  columns: readonly string[];
  rows: readonly (readonly TableValue[])[];
}

/** The media type of each export format. */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function csvText(value: TableValue): string {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  return escapeCsvFormulaText(value);
}

/**
 * A table value as an XLSX cell's value: null and undefined as an empty cell, a number that is
 * not finite as an empty cell too (rather than a broken file), booleans as boolean cells, and
 * every text through the formula escape (`escapeFormulaText`), so that no text becomes a
 * formula. The one rule of every workbook this library writes.
 */
export function xlsxCellValue(value: TableValue): ExcelJS.CellValue {
  if (value === null || value === undefined) {
    return null;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) ? value : null;
  }
  return typeof value === 'string' ? escapeFormulaText(value) : value;
}

/**
 * Writes a table as RFC 4180 CSV (UTF-8 with a byte-order mark, so that Excel shows umlauts;
 * booleans as true/false; numbers with a decimal point). Every text cell, header included,
 * that a spreadsheet would run as a formula is escaped with a leading apostrophe, and so is a
 * formula start after a separator inside it (`escapeCsvFormulaText`); numbers, negative ones
 * too, stay numbers. A field that holds a `,`, a `;`, a quote or a line break is quoted: the
 * file is written with `,`, but a German Excel splits on `;`.
 */
export function writeCsv(table: ExportTable): Promise<Buffer> {
  const records = [
    table.columns.map((c) => escapeCsvFormulaText(c)),
    ...table.rows.map((row) => row.map(csvText)),
  ];
  return new Promise((resolve, reject) => {
    stringify(
      records,
      { bom: true, record_delimiter: '\r\n', quoted_match: ';' },
      (error, output) => (error ? reject(error) : resolve(Buffer.from(output, 'utf8'))),
    );
  });
}

/**
 * Writes tables as an XLSX workbook, one sheet each, with a bold, frozen header row. Numbers
 * and booleans are typed cells; text cells are escaped as in `writeCsv`, so that a file saved
 * again as CSV from a spreadsheet does not turn them into formulas either.
 */
export async function writeXlsxSheets(tables: readonly ExportTable[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Benchmark Cockpit';
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.sheet, {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.addRow(table.columns.map((c) => escapeFormulaText(c))).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(row.map(xlsxCellValue));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes a table as an XLSX workbook of one sheet (`writeXlsxSheets`). */
export function writeXlsx(table: ExportTable): Promise<Buffer> {
  return writeXlsxSheets([table]);
}

/** Writes a table in the chosen format. */
export function writeTable(table: ExportTable, format: ExportFormat): Promise<Buffer> {
  return format === 'csv' ? writeCsv(table) : writeXlsx(table);
}
