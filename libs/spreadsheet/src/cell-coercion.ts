import {
  SUBMISSION_MESSAGES as S,
  type AnswerValue,
  type KpiItemDefinition,
  type MessageLanguage,
} from '@app/domain';
import { type RawCell, type SheetTable, isBlank } from './sheet-table';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';

/** A cell read as an answer: its value (`null` for a blank cell), or why it cannot be one. */
export type CoercedCell = { value: AnswerValue } | { problem: { rule: string; message: string } };

/** The words a yes/no cell may hold, in either language; the template offers Yes/No or Ja/Nein. */
const YES = new Set(['yes', 'ja', 'true', 'wahr']);
const NO = new Set(['no', 'nein', 'false', 'falsch']);

/** The labels a template shows for yes and no. */
export const YES_NO_LABELS: Readonly<Record<MessageLanguage, readonly [string, string]>> = {
  de: ['Ja', 'Nein'],
  en: ['Yes', 'No'],
};

// Plain decimal numbers only: no thousands separators, whose meaning differs by locale.
const DECIMAL_POINT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)$/;

/** A text that is a plain number, or undefined. */
export function parseNumberText(text: string, decimalComma: boolean): number | undefined {
  const trimmed = text.trim();
  if (DECIMAL_POINT.test(trimmed)) {
    return Number(trimmed);
  }
  if (decimalComma && DECIMAL_COMMA.test(trimmed)) {
    return Number(trimmed.replace(',', '.'));
  }
  return undefined;
}

function typeProblem(item: KpiItemDefinition, language: MessageLanguage): CoercedCell {
  switch (item.type) {
    case 'boolean':
      return { problem: { rule: 'type_boolean', message: S.typeBoolean(item, language) } };
    case 'choice':
      return { problem: { rule: 'type_choice', message: S.typeChoice(item, language) } };
    case 'integer':
      return { problem: { rule: 'type_integer', message: S.typeInteger(item, language) } };
    case 'number':
    case 'percent':
    case 'currency':
      return { problem: { rule: 'type_number', message: S.typeNumber(item, language) } };
  }
}

function coerceBoolean(
  item: KpiItemDefinition,
  cell: RawCell,
  language: MessageLanguage,
): CoercedCell {
  if (cell.kind === 'boolean') {
    return { value: cell.value };
  }
  if (cell.kind === 'text') {
    const word = cell.value.trim().toLowerCase();
    if (YES.has(word)) {
      return { value: true };
    }
    if (NO.has(word)) {
      return { value: false };
    }
  }
  return typeProblem(item, language);
}

function coerceChoice(
  item: KpiItemDefinition,
  cell: RawCell,
  language: MessageLanguage,
): CoercedCell {
  if (cell.kind === 'text') {
    const text = cell.value.trim().toLowerCase();
    const choice = (item.choices ?? []).find(
      (c) =>
        c.value.toLowerCase() === text ||
        c.label.de.toLowerCase() === text ||
        c.label.en.toLowerCase() === text,
    );
    if (choice) {
      return { value: choice.value };
    }
  }
  return typeProblem(item, language);
}

/**
 * Reads one cell as the answer to an input item: a yes/no cell from TRUE/FALSE or the words
 * yes, no, ja, nein (any case); a choice from its value or its label in either language; a
 * number from a number cell, or from a plain numeric text where the format has only text
 * (CSV). A blank cell is `null`, which clears the answer. A formula without a stored result
 * and an error value (#DIV/0!) are refused. Bounds and whole numbers are left to answer
 * validation, so that their messages are the same as for the form.
 */
export function coerceCell(
  item: KpiItemDefinition,
  cell: RawCell | undefined,
  table: Pick<SheetTable, 'numbersAsText' | 'decimalComma'>,
  language: MessageLanguage,
): CoercedCell {
  if (!cell || isBlank(cell)) {
    return { value: null };
  }
  if (cell.kind === 'formula_without_value') {
    return {
      problem: {
        rule: 'formula_without_value',
        message: M.formulaWithoutValue(cell.formula, language),
      },
    };
  }
  if (cell.kind === 'error') {
    return { problem: { rule: 'cell_error', message: M.cellError(cell.value, language) } };
  }
  switch (item.type) {
    case 'boolean':
      return coerceBoolean(item, cell, language);
    case 'choice':
      return coerceChoice(item, cell, language);
    case 'integer':
    case 'number':
    case 'percent':
    case 'currency': {
      if (cell.kind === 'number') {
        return { value: cell.value };
      }
      if (cell.kind === 'text' && table.numbersAsText) {
        const parsed = parseNumberText(cell.value, table.decimalComma);
        if (parsed !== undefined && Number.isFinite(parsed)) {
          return { value: parsed };
        }
      }
      return typeProblem(item, language);
    }
  }
}
