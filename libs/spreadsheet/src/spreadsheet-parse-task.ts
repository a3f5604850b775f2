import type { AnswerValue, DomainErrorCode, KpiItemDefinition, Problem } from '@app/domain';
import type { MessagePort } from 'node:worker_threads';
import { cellRef } from './cell-ref.util';
import type { CycleImportSheet, ImportRow } from './cycle-import-reader';
import type { CellLocation } from './located-problems';
import { sortByCell } from './located-problems';
import type { CellProblem, RawCell, SheetRow, SheetTable } from './sheet-table';
import type { TemplateAnswers } from './submission-template-reader';
import type { SpreadsheetReadOptions } from './spreadsheet-reader';

/**
 * The nice value of a parser thread on Linux: a lower priority than the api's event loop (0),
 * so that the loop gets the core at once when both want it.
 */
export const PARSER_THREAD_NICE = 10;

/**
 * What a parser thread makes of the table: the table itself, or a cycle import or a filled-in
 * template read from it with the catalogue's items. Reading it there keeps the work per cell
 * off the api's event loop, and what comes back is a fraction of the table.
 */
export type SheetReading =
  | { kind: 'table' }
  /**
   * `listProblems`: how many problems, the first in cell order, come back (all are counted).
   * The rows go to `rows` as they are read (transferred with the task): `PackedCycleImport`s
   * of a few hundred rows each, with no problem listed but those so far counted, then null.
   */
  | {
      kind: 'cycle_import';
      items: readonly KpiItemDefinition[];
      listProblems: number;
      rows: MessagePort;
    }
  | { kind: 'template'; items: readonly KpiItemDefinition[] };

/** What the api sends a parser thread: the file's bytes (copied), its name and the options. */
export interface SpreadsheetParseTask {
  bytes: Uint8Array;
  originalName?: string;
  options: SpreadsheetReadOptions;
  reading: SheetReading;
  /**
   * Where the thread posts a ParseStart as it starts the parse (transferred with the task):
   * the parse's time budget counts from then, in the thread's CPU time.
   */
  started: MessagePort;
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

/** What a parser thread sends back: what it read, or the refusal as data. */
export type SpreadsheetParseResult =
  | { table: PackedSheetTable }
  | { cycleImport: PackedCycleImport }
  | { template: TemplateAnswers }
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

/** Values (answers, or what cells showed) in typed arrays: a kind, a number, or a text's index. */
interface PackedValues {
  kinds: Uint8Array;
  numbers: Float64Array;
  texts: string[];
}

const enum ValueKind {
  Absent,
  Null,
  Number,
  Text,
  True,
  False,
}

function packedValues(size: number): PackedValues {
  return { kinds: new Uint8Array(size), numbers: new Float64Array(size), texts: [] };
}

function putValue(into: PackedValues, at: number, value: AnswerValue): void {
  if (value === null) {
    into.kinds[at] = ValueKind.Null;
  } else if (typeof value === 'number') {
    into.kinds[at] = ValueKind.Number;
    into.numbers[at] = value;
  } else if (typeof value === 'string') {
    into.kinds[at] = ValueKind.Text;
    into.numbers[at] = into.texts.push(value) - 1;
  } else {
    into.kinds[at] = value ? ValueKind.True : ValueKind.False;
  }
}

/** The value at `at`; undefined where there is none (an answer that could not be read). */
function valueAt(from: PackedValues, at: number): AnswerValue | undefined {
  switch (from.kinds[at] as ValueKind) {
    case ValueKind.Absent:
      return undefined;
    case ValueKind.Null:
      return null;
    case ValueKind.Number:
      return from.numbers[at];
    case ValueKind.Text:
      return from.texts[from.numbers[at]];
    case ValueKind.True:
      return true;
    case ValueKind.False:
      return false;
  }
}

/**
 * A cycle import as a parser thread sends it: the rows' answers and the values their cells
 * showed in typed arrays, and only the first problems. A hostile file of 250,000 bad cells
 * would otherwise come back as as many problem objects, and a valid one as thousands of answer
 * records, each a stall of the api's event loop to deserialize.
 */
export interface PackedCycleImport {
  sheet: string;
  keys: string[];
  keyColumns: Int32Array;
  /** The first `listProblems` problems in cell order, and how many there are in all. */
  problems: CellProblem[];
  problemCount: number;
  rowNumbers: Int32Array;
  unitIds: (string | null)[];
  unitCells: CellLocation[];
  /** Per row and key (row after row, one entry per key): the answer read, and what was shown. */
  answers: PackedValues;
  shown: PackedValues;
}

/**
 * A cycle import read in a parser thread: as `readCycleImport` gives it, except that `problems`
 * holds only the first ones in cell order and `problemCount` counts them all.
 */
export interface ListedCycleImport extends CycleImportSheet {
  problemCount: number;
}

/**
 * A part of a cycle import as a parser thread reads it: rows with no problem listed and the
 * problems counted so far, or, `final`, no rows and the problems listed and counted.
 */
export interface CycleImportChunk extends ListedCycleImport {
  final: boolean;
}

/** Packs a cycle import for the way back from a parser thread (see PackedCycleImport). */
export function packCycleImport(read: CycleImportSheet, listProblems: number): PackedCycleImport {
  const { keys, rows } = read;
  const answers = packedValues(rows.length * keys.length);
  const shown = packedValues(rows.length * keys.length);
  rows.forEach((row, r) => {
    keys.forEach((key, k) => {
      const at = r * keys.length + k;
      if (Object.hasOwn(row.answers, key)) {
        putValue(answers, at, row.answers[key]);
      }
      putValue(shown, at, row.shownOf(key) ?? null);
    });
  });
  return {
    sheet: read.sheet,
    keys,
    keyColumns: Int32Array.from(read.keyColumns),
    problems: sortByCell(read.problems).slice(0, listProblems),
    problemCount: read.problems.length,
    rowNumbers: Int32Array.from(rows, (row) => row.row),
    unitIds: rows.map((row) => row.unitId),
    unitCells: rows.map((row) => row.unitCell),
    answers,
    shown,
  };
}

/**
 * The cycle import a parser thread packed. A row's answers are built when read, and anew each
 * time: the api reads them once, only of rows whose unit may be imported (none of a file of
 * unknown units), and a kept copy would live as long as the whole import.
 */
export function unpackCycleImport(packed: PackedCycleImport): ListedCycleImport {
  const { keys, keyColumns } = packed;
  const indexOf = new Map(keys.map((key, k) => [key, k]));
  const rows = Array.from(packed.rowNumbers, (rowNumber, r): ImportRow => {
    const shown = (k: number): CellLocation['value'] =>
      valueAt(packed.shown, r * keys.length + k) ?? null;
    return {
      row: rowNumber,
      unitId: packed.unitIds[r],
      unitCell: packed.unitCells[r],
      get answers(): Record<string, AnswerValue> {
        const answers: Record<string, AnswerValue> = {};
        for (let k = 0; k < keys.length; k++) {
          const value = valueAt(packed.answers, r * keys.length + k);
          if (value !== undefined) {
            answers[keys[k]] = value;
          }
        }
        return answers;
      },
      cellOf: (key) => {
        const k = indexOf.get(key);
        return k === undefined
          ? undefined
          : { ref: cellRef(keyColumns[k], rowNumber), value: shown(k) };
      },
      shownOf: (key) => {
        const k = indexOf.get(key);
        return k === undefined ? undefined : shown(k);
      },
    };
  });
  return {
    sheet: packed.sheet,
    rows,
    keys,
    keyColumns: Array.from(keyColumns),
    problems: packed.problems,
    problemCount: packed.problemCount,
  };
}
