import type { Problem } from '@app/domain';

/**
 * What one cell of an uploaded sheet holds, independent of the file format. A formula with a
 * cached result arrives as that result; one without a result is kept apart so that it can be
 * refused rather than read as blank.
 */
export type RawCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string }
  | { kind: 'formula_without_value'; formula: string };

/** One non-empty row; `cells[c]` is the cell in column c (1-based), absent when empty. */
export interface SheetRow {
  /** The row number as a spreadsheet shows it (1-based). */
  number: number;
  cells: (RawCell | undefined)[];
}

/** The first (or chosen) worksheet of an XLSX, or a CSV file, as rows of raw cells. */
export interface SheetTable {
  /** The worksheet's name, or the CSV file's name. */
  sheet: string;
  format: 'xlsx' | 'csv';
  /**
   * Whether a text may stand for a number. In a CSV everything is text; in an XLSX a number is
   * a number cell, and a text such as "1.234" (1234 to a German reader) is refused, not guessed.
   */
  numbersAsText: boolean;
  /** In a CSV separated by semicolons or tabs, `1,5` is one and a half (a German export). */
  decimalComma: boolean;
  rows: SheetRow[];
}

/** How a sheet's rows are to be read: everything of a `SheetTable` but its rows. */
export type SheetFormat = Omit<SheetTable, 'rows'>;

/** A problem with one cell of an uploaded file, located as a spreadsheet shows it. */
export interface CellProblem extends Problem {
  sheet: string;
  /** A1-style reference, e.g. `D14`. */
  cell: string;
  /** What the cell holds, as far as it can be shown (a formula as `=...`). */
  value: string | number | boolean | null;
}

/** A cell's content as a problem shows it. */
export function displayValue(cell: RawCell | undefined): CellProblem['value'] {
  if (!cell) {
    return null;
  }
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'number':
    case 'text':
    case 'boolean':
    case 'error':
      return cell.value;
    case 'date':
      return Number.isNaN(cell.value.getTime()) ? null : cell.value.toISOString();
    case 'formula_without_value':
      return `=${cell.formula}`;
  }
}

/** Whether a cell holds nothing (blank, or only spaces). */
export function isBlank(cell: RawCell | undefined): boolean {
  return !cell || cell.kind === 'empty' || (cell.kind === 'text' && cell.value.trim() === '');
}
