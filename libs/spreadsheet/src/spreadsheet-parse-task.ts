import type { DomainErrorCode, Problem } from '@app/domain';
import type { RawCell, SheetRow, SheetTable } from './sheet-table';
import type { SpreadsheetReadOptions } from './spreadsheet-reader';

/** What the api sends a parser thread: the file's bytes (copied), its name and the options. */
export interface SpreadsheetParseTask {
  bytes: Uint8Array;
  originalName?: string;
  options: SpreadsheetReadOptions;
}

/**
 * A SheetTable as a parser thread sends it: one entry per non-empty cell in typed arrays and
 * one list of texts. Hundreds of thousands of small cell objects would cost the api's event
 * loop a stall of a few hundred milliseconds to deserialize; these arrays cost next to nothing
 * to receive, and `unpackSheetTable` builds the objects in a plain loop several times faster.
 */
export interface PackedSheetTable {
  sheet: string;
  format: SheetTable['format'];
  numbersAsText: boolean;
  decimalComma: boolean;
  /** Per row: its number and the index of its first cell in the cell arrays. */
  rowNumbers: Int32Array;
  rowStarts: Int32Array;
  /** Per cell: column, kind (index into CELL_KINDS), a number (or a date's time) or a text. */
  columns: Int32Array;
  kinds: Uint8Array;
  numbers: Float64Array;
  texts: string[];
}

/** What a parser thread sends back: the table, or the refusal as data. */
export type SpreadsheetParseResult =
  | { table: PackedSheetTable }
  | { refusal: { code: DomainErrorCode; message: string; problems: Problem[] } };

const CELL_KINDS = [
  'empty',
  'number',
  'text',
  'boolean',
  'date',
  'error',
  'formula_without_value',
] as const satisfies readonly RawCell['kind'][];

/** Packs a table for the way back from a parser thread (see PackedSheetTable). */
export function packSheetTable(table: SheetTable): PackedSheetTable {
  const cellCount = table.rows.reduce((n, row) => n + row.cells.length, 0);
  const columns = new Int32Array(cellCount);
  const kinds = new Uint8Array(cellCount);
  const numbers = new Float64Array(cellCount);
  const texts: string[] = [];
  const rowNumbers = new Int32Array(table.rows.length);
  const rowStarts = new Int32Array(table.rows.length + 1);
  let i = 0;
  table.rows.forEach((row, r) => {
    rowNumbers[r] = row.number;
    rowStarts[r] = i;
    row.cells.forEach((cell, column) => {
      if (cell === undefined) {
        return;
      }
      columns[i] = column;
      kinds[i] = CELL_KINDS.indexOf(cell.kind);
      switch (cell.kind) {
        case 'empty':
          break;
        case 'number':
          numbers[i] = cell.value;
          break;
        case 'boolean':
          numbers[i] = cell.value ? 1 : 0;
          break;
        case 'date':
          numbers[i] = cell.value.getTime();
          break;
        case 'text':
        case 'error':
          numbers[i] = texts.push(cell.value) - 1;
          break;
        case 'formula_without_value':
          numbers[i] = texts.push(cell.formula) - 1;
          break;
      }
      i++;
    });
  });
  rowStarts[table.rows.length] = i;
  const { sheet, format, numbersAsText, decimalComma } = table;
  return {
    sheet,
    format,
    numbersAsText,
    decimalComma,
    rowNumbers,
    rowStarts,
    columns: columns.slice(0, i),
    kinds: kinds.slice(0, i),
    numbers: numbers.slice(0, i),
    texts,
  };
}

function unpackCell(packed: PackedSheetTable, i: number): RawCell {
  const value = packed.numbers[i];
  const kind = CELL_KINDS[packed.kinds[i]];
  switch (kind) {
    case 'empty':
      return { kind };
    case 'number':
      return { kind, value };
    case 'boolean':
      return { kind, value: value === 1 };
    case 'date':
      return { kind, value: new Date(value) };
    case 'text':
    case 'error':
      return { kind, value: packed.texts[value] };
    case 'formula_without_value':
      return { kind, formula: packed.texts[value] };
  }
}

/** The table a parser thread packed. */
export function unpackSheetTable(packed: PackedSheetTable): SheetTable {
  const rows: SheetRow[] = [];
  for (let r = 0; r < packed.rowNumbers.length; r++) {
    const cells: (RawCell | undefined)[] = [];
    for (let i = packed.rowStarts[r]; i < packed.rowStarts[r + 1]; i++) {
      cells[packed.columns[i]] = unpackCell(packed, i);
    }
    rows.push({ number: packed.rowNumbers[r], cells });
  }
  const { sheet, format, numbersAsText, decimalComma } = packed;
  return { sheet, format, numbersAsText, decimalComma, rows };
}
