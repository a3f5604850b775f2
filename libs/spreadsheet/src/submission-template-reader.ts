import {
  SUBMISSION_MESSAGES as S,
  DomainError,
  DomainErrorCode,
  type AnswerValue,
  type MessageLanguage,
} from '@app/domain';
import type { CatalogueItems } from './catalogue-items';
import { cellRef } from './cell-ref.util';
import { coerceCell } from './cell-coercion';
import { type CellLocation, cellProblem, locate } from './located-problems';
import { type CellProblem, type SheetTable, isBlank } from './sheet-table';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';
import { TEMPLATE_COLUMNS } from './submission-template';

/** The answers of a filled-in template, where each came from, and the cells it cannot read. */
export interface TemplateAnswers {
  sheet: string;
  /** By KPI key; `null` for a blank value cell, which clears the answer. */
  answers: Record<string, AnswerValue>;
  /** The value cell of each key read. */
  cells: Map<string, CellLocation>;
  /** Where a problem without a cell of its own is shown: the value column's header. */
  fallback: CellLocation;
  problems: CellProblem[];
}

const headerNames = (id: 'key' | 'value'): Set<string> => {
  const column = TEMPLATE_COLUMNS.find((c) => c.id === id);
  return new Set(column ? [column.de.toLowerCase(), column.en.toLowerCase()] : []);
};

/**
 * Reads a filled-in submission template (either language): finds the key and value columns by
 * their headers in row 1, then reads each row's value as the answer to the row's key. Unknown
 * keys with a value, duplicate keys, values without a key and cells that cannot be an answer
 * (text in a number, a formula without a stored result) come back as problems, every one of
 * them; bounds and cross-field rules are left to answer validation.
 */
export function readSubmissionTemplate(
  table: SheetTable,
  catalogue: CatalogueItems,
  language: MessageLanguage,
): TemplateAnswers {
  const header = table.rows[0];
  const keyNames = headerNames('key');
  const valueNames = headerNames('value');
  let keyColumn = 0;
  let valueColumn = 0;
  header?.cells.forEach((cell, column) => {
    const text = cell?.kind === 'text' ? cell.value.trim().toLowerCase() : '';
    if (keyNames.has(text) && !keyColumn) {
      keyColumn = column;
    } else if (valueNames.has(text) && !valueColumn) {
      valueColumn = column;
    }
  });
  if (!header || header.number !== 1 || !keyColumn || !valueColumn) {
    const message = M.notATemplate(language);
    const problem: CellProblem = {
      sheet: table.sheet,
      cell: 'A1',
      key: 'file',
      value: null,
      rule: 'not_a_template',
      message,
    };
    throw new DomainError(DomainErrorCode.ValidationFailed, message, [problem]);
  }
  const result: TemplateAnswers = {
    sheet: table.sheet,
    answers: {},
    cells: new Map(),
    fallback: locate(cellRef(valueColumn, 1), header.cells[valueColumn]),
    problems: [],
  };
  const firstRowOf = new Map<string, number>();
  for (const row of table.rows.slice(1)) {
    const keyCell = row.cells[keyColumn];
    const valueCell = row.cells[valueColumn];
    const keyAt = locate(cellRef(keyColumn, row.number), keyCell);
    const valueAt = locate(cellRef(valueColumn, row.number), valueCell);
    const key = keyCell?.kind === 'text' ? keyCell.value.trim() : '';
    const problem = (at: CellLocation, p: { rule: string; message: string }): void => {
      result.problems.push(cellProblem(table.sheet, at, key, p));
    };
    if (isBlank(keyCell)) {
      if (!isBlank(valueCell)) {
        problem(valueAt, { rule: 'key_missing', message: M.keyMissing(language) });
      }
      continue;
    }
    const item = catalogue.item(key);
    if (!item) {
      if (!isBlank(valueCell)) {
        problem(keyAt, { rule: 'unknown_key', message: S.unknownKey(key, language) });
      }
      continue;
    }
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      problem(keyAt, { rule: 'duplicate_key', message: M.duplicateKey(key, first, language) });
      continue;
    }
    firstRowOf.set(key, row.number);
    if (item.formula !== undefined) {
      if (!isBlank(valueCell)) {
        problem(valueAt, { rule: 'derived_readonly', message: S.derivedReadonly(item, language) });
      }
      continue;
    }
    result.cells.set(key, valueAt);
    const coerced = coerceCell(item, valueCell, table, language);
    if ('problem' in coerced) {
      problem(valueAt, coerced.problem);
    } else {
      result.answers[key] = coerced.value;
    }
  }
  return result;
}
