import {
  SUBMISSION_MESSAGES as S,
  type AnswerValue,
  type KpiItemDefinition,
  type MessageLanguage,
} from '@app/domain';
import type { CatalogueItems } from './catalogue-items';
import { cellRef } from './cell-ref.util';
import { coerceCell } from './cell-coercion';
import { type CellLocation, cellProblem, locate } from './located-problems';
import {
  type CellProblem,
  type SheetFormat,
  type SheetRow,
  type SheetTable,
  displayValue,
  isBlank,
} from './sheet-table';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';

/** The header of the column that holds each row's unit id. */
export const UNIT_ID_COLUMN = 'unitId';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One unit's row of a cycle import. */
export interface ImportRow {
  /** The row number in the sheet. */
  row: number;
  /** The unit id (lower case); null when the cell holds none or no valid id. */
  unitId: string | null;
  unitCell: CellLocation;
  /** Answers by KPI key; `null` for a blank cell, which clears the answer. */
  answers: Record<string, AnswerValue>;
  /** The cell a KPI key's value came from in this row. */
  cellOf: (key: string) => CellLocation | undefined;
  /**
   * What that cell showed, as `cellOf(key)?.value` but without the cell's reference: the way
   * back from a parser thread takes it of every cell, and only a problem needs the reference.
   */
  shownOf: (key: string) => CellLocation['value'] | undefined;
}

/** A cycle import read from a sheet, with every problem the sheet alone shows. */
export interface CycleImportSheet {
  sheet: string;
  rows: ImportRow[];
  /** The KPI keys the file has columns for. */
  keys: string[];
  /** The column of each of `keys`. */
  keyColumns: number[];
  problems: CellProblem[];
}

const isUnitIdHeader = (text: string): boolean =>
  text.replace(/[\s_-]/g, '').toLowerCase() === UNIT_ID_COLUMN.toLowerCase();

/**
 * Reads a publisher's cycle import row by row, as the rows come: the first row names the
 * columns (`unitId` and input KPI keys, in any order), every other row holds one unit. Reports,
 * all at once: a missing unit id column, unknown, derived and duplicate columns, cells in a
 * column without a header, rows without a unit id or with one that is not an id, the same unit
 * twice, and cells that cannot be an answer. Whether the units exist and take part, and the
 * bounds and cross-field rules, are the caller's to check.
 */
export class CycleImportReader {
  readonly problems: CellProblem[] = [];
  private readonly columns = new Map<number, KpiItemDefinition>();
  private readonly columnOf = new Map<string, number>();
  private readonly headed = new Set<number>();
  private readonly firstRowOf = new Map<string, number>();
  private unitColumn = 0;
  private headerRead = false;
  private rowCount = 0;

  constructor(
    private readonly format: SheetFormat,
    private readonly catalogue: CatalogueItems,
    private readonly language: MessageLanguage,
  ) {}

  /** The KPI keys the file has columns for, and their columns; known after the header. */
  get keys(): string[] {
    return [...this.columnOf.keys()];
  }

  get keyColumns(): number[] {
    return [...this.columnOf.values()];
  }

  /** Takes the sheet's next row: the header first (null), then one unit's row each. */
  take(row: SheetRow): ImportRow | null {
    if (!this.headerRead) {
      this.headerRead = true;
      this.readHeader(row);
      return null;
    }
    this.rowCount += 1;
    return this.readRow(row);
  }

  /** After the last row: a sheet without a header, or without a row below it, is empty. */
  finish(): void {
    const { sheet } = this.format;
    const message = M.emptyFile(this.language);
    if (!this.headerRead) {
      this.problems.push({
        sheet,
        cell: 'A1',
        key: 'file',
        value: null,
        rule: 'empty_file',
        message,
      });
    } else if (this.rowCount === 0 && this.problems.length === 0) {
      this.problems.push({
        sheet,
        cell: 'A2',
        key: 'file',
        value: null,
        rule: 'empty_file',
        message,
      });
    }
  }

  private readHeader(header: SheetRow): void {
    const { sheet } = this.format;
    const { language, problems } = this;
    const firstColumnOf = new Map<string, string>();
    header.cells.forEach((cell, column) => {
      if (isBlank(cell)) {
        return;
      }
      this.headed.add(column);
      const at = locate(cellRef(column, header.number), cell);
      const text = cell?.kind === 'text' ? cell.value.trim() : String(at.value);
      const name = isUnitIdHeader(text) ? UNIT_ID_COLUMN : text;
      const first = firstColumnOf.get(name);
      if (first !== undefined) {
        problems.push(
          cellProblem(sheet, at, name, {
            rule: 'duplicate_column',
            message: M.duplicateColumn(name, first, language),
          }),
        );
        return;
      }
      firstColumnOf.set(name, at.ref);
      if (name === UNIT_ID_COLUMN) {
        this.unitColumn = column;
        return;
      }
      const item = this.catalogue.item(name);
      if (!item) {
        problems.push(
          cellProblem(sheet, at, name, {
            rule: 'unknown_column',
            message: M.unknownColumn(name, language),
          }),
        );
      } else if (item.formula !== undefined) {
        problems.push(
          cellProblem(sheet, at, name, {
            rule: 'derived_readonly',
            message: S.derivedReadonly(item, language),
          }),
        );
      } else {
        this.columns.set(column, item);
        this.columnOf.set(item.key, column);
      }
    });
    if (!this.unitColumn) {
      problems.push(
        cellProblem(sheet, locate(cellRef(1, header.number), header.cells[1]), UNIT_ID_COLUMN, {
          rule: 'unit_column_missing',
          message: M.unitColumnMissing(language),
        }),
      );
    }
  }

  private readRow(row: SheetRow): ImportRow {
    const { sheet } = this.format;
    const { language, problems, unitColumn, columnOf } = this;
    const unitAt = locate(cellRef(unitColumn || 1, row.number), row.cells[unitColumn || 1]);
    const unitCell = unitColumn ? row.cells[unitColumn] : undefined;
    const unitText = unitCell && !isBlank(unitCell) ? String(unitAt.value).trim() : '';
    let unitId: string | null = null;
    if (unitColumn) {
      if (unitText === '') {
        problems.push(
          cellProblem(sheet, unitAt, UNIT_ID_COLUMN, {
            rule: 'unit_id_missing',
            message: M.unitIdMissing(language),
          }),
        );
      } else if (!UUID.test(unitText)) {
        problems.push(
          cellProblem(sheet, unitAt, UNIT_ID_COLUMN, {
            rule: 'unknown_unit',
            message: M.unknownUnit(unitText, language),
          }),
        );
      } else {
        const id = unitText.toLowerCase();
        const first = this.firstRowOf.get(id);
        if (first !== undefined) {
          problems.push(
            cellProblem(sheet, unitAt, UNIT_ID_COLUMN, {
              rule: 'duplicate_unit',
              message: M.duplicateUnit(first, language),
            }),
          );
        } else {
          this.firstRowOf.set(id, row.number);
          unitId = id;
        }
      }
    }
    const answers: Record<string, AnswerValue> = {};
    row.cells.forEach((cell, column) => {
      if (isBlank(cell) || this.headed.has(column)) {
        return;
      }
      problems.push(
        cellProblem(sheet, locate(cellRef(column, row.number), cell), '', {
          rule: 'column_without_header',
          message: M.columnWithoutHeader(language),
        }),
      );
    });
    for (const [column, item] of this.columns) {
      const cell = row.cells[column];
      const coerced = coerceCell(item, cell, this.format, language);
      if ('problem' in coerced) {
        problems.push(
          cellProblem(sheet, locate(cellRef(column, row.number), cell), item.key, coerced.problem),
        );
      } else {
        answers[item.key] = coerced.value;
      }
    }
    return {
      row: row.number,
      unitId,
      unitCell: unitAt,
      answers,
      cellOf: (key) => {
        const column = columnOf.get(key);
        return column === undefined
          ? undefined
          : locate(cellRef(column, row.number), row.cells[column]);
      },
      shownOf: (key) => {
        const column = columnOf.get(key);
        return column === undefined ? undefined : displayValue(row.cells[column]);
      },
    };
  }
}

/** A whole sheet read as a cycle import (see `CycleImportReader`). */
export function readCycleImport(
  table: SheetTable,
  catalogue: CatalogueItems,
  language: MessageLanguage,
): CycleImportSheet {
  const reader = new CycleImportReader(table, catalogue, language);
  const rows = table.rows.flatMap((row) => reader.take(row) ?? []);
  reader.finish();
  return {
    sheet: table.sheet,
    rows,
    keys: reader.keys,
    keyColumns: reader.keyColumns,
    problems: reader.problems,
  };
}
