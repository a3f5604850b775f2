import {
  CatalogueDefinition,
  compileCatalogue,
  CrossFieldRuleDefinition,
  DomainError,
  DomainErrorCode,
  KpiArea,
  KpiChoice,
  KpiItemDefinition,
  KpiType,
  LocalizedMessage,
  LocalizedProblem,
  MessageLanguage,
  Polarity,
  RuleSeverity,
} from '@app/domain';
import ExcelJS from 'exceljs';
import {
  CATALOGUE_COLUMNS,
  CATALOGUE_FIELDS,
  CATALOGUE_ITEM_COLUMNS,
  CATALOGUE_SHEETS,
  CHOICE_COLUMNS,
  ITEM_COLUMN_OF_RULE,
  REQUIRED_ITEM_COLUMNS,
  RULE_COLUMNS,
  RULE_COLUMN_OF_RULE,
} from './catalogue-workbook-writer';
import { CATALOGUE_WORKBOOK_TEXTS as T } from './catalogue-workbook.texts';
import { columnLetters } from './cell-ref.util';
import { type RawCell, type SheetRow, displayValue, isBlank } from './sheet-table';
import type { SpreadsheetLimits } from './spreadsheet-limits';
import { SPREADSHEET_MESSAGES as M } from './spreadsheet-messages';
import { assertTableSize, sheetRowsOf } from './xlsx-reader';
import { inspectXlsxZip } from './zip-guard';

/** A worksheet's rows by its lower-cased name. */
export type WorkbookSheets = ReadonlyMap<string, { name: string; rows: SheetRow[] }>;

/**
 * A problem of an uploaded catalogue workbook, located as a spreadsheet shows it: the sheet,
 * the row, the column's letter and name, and the rule broken. The message says all of it.
 */
export interface CatalogueWorkbookProblem extends LocalizedProblem {
  sheet: string;
  row: number;
  column: string;
  cell: string;
}

/** What a read workbook becomes: the stored version's key check and number are the caller's. */
export interface CatalogueWorkbookTarget {
  version: number;
  /** The key the workbook must have (the draft it replaces); any valid key when absent. */
  key?: string;
}

// A text the writer escaped with an apostrophe (`escapeFormulaText`) reads back as written.
const ESCAPED_FORMULA_START = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

/** One table of the workbook: its data rows and where each column stands. */
interface Table {
  sheet: string;
  columns: Map<string, number>;
  rows: SheetRow[];
}

/** Reads cells and collects every problem, so that an author fixes a workbook in one round. */
class CatalogueWorkbookReader {
  readonly problems: CatalogueWorkbookProblem[] = [];

  add(
    sheet: string,
    row: number,
    column: number,
    field: string | null,
    rule: string,
    message: LocalizedMessage,
  ): void {
    const letters = columnLetters(column);
    this.problems.push({
      key: field ?? sheet,
      rule,
      message: T.at(sheet, row, letters, field, message),
      sheet,
      row,
      column: letters,
      cell: `${letters}${row}`,
    });
  }

  /** The table of a sheet with its header checked; undefined when the sheet is missing. */
  table(
    sheets: WorkbookSheets,
    name: string,
    known: readonly string[],
    required: readonly string[],
    optionalSheet: boolean,
  ): Table | undefined {
    const found = sheets.get(name.toLowerCase());
    if (!found) {
      if (!optionalSheet) {
        this.add(name, 1, 1, null, 'sheet_missing', T.sheetMissing(name));
      }
      return undefined;
    }
    const [header, ...rows] = found.rows;
    const columns = new Map<string, number>();
    header?.cells.forEach((cell, column) => {
      if (isBlank(cell)) {
        return;
      }
      const title = String(displayValue(cell)).trim().toLowerCase();
      if (!known.includes(title)) {
        this.add(
          found.name,
          header.number,
          column,
          null,
          'column_unknown',
          T.columnUnknown(title, known),
        );
      } else if (columns.has(title)) {
        this.add(found.name, header.number, column, title, 'column_twice', T.columnTwice(title));
      } else {
        columns.set(title, column);
      }
    });
    const missing = required.filter((c) => !columns.has(c));
    for (const column of missing) {
      this.add(
        found.name,
        header?.number ?? 1,
        1,
        column,
        'column_missing',
        T.columnMissing(column),
      );
    }
    return { sheet: found.name, columns, rows };
  }

  private cell(
    table: Table,
    row: SheetRow,
    field: string,
  ): { cell: RawCell | undefined; column: number } {
    const column = table.columns.get(field);
    return { cell: column === undefined ? undefined : row.cells[column], column: column ?? 1 };
  }

  /** A text cell (a number counts as its digits); undefined when blank or refused. */
  text(table: Table, row: SheetRow, field: string, required = false): string | undefined {
    const { cell, column } = this.cell(table, row, field);
    if (isBlank(cell)) {
      if (required && table.columns.has(field)) {
        this.add(table.sheet, row.number, column, field, 'cell_empty', T.empty());
      }
      return undefined;
    }
    if (cell?.kind === 'text') {
      return cell.value.replace(ESCAPED_FORMULA_START, '');
    }
    if (cell?.kind === 'number') {
      return String(cell.value);
    }
    this.refuse(table, row, column, field, cell, 'text', T.text());
    return undefined;
  }

  /** A number cell; undefined when blank or refused. */
  number(table: Table, row: SheetRow, field: string): number | undefined {
    const { cell, column } = this.cell(table, row, field);
    if (isBlank(cell)) {
      return undefined;
    }
    if (cell?.kind === 'number') {
      return cell.value;
    }
    this.refuse(table, row, column, field, cell, 'number', T.number(String(displayValue(cell))));
    return undefined;
  }

  /** A TRUE/FALSE cell (or the words true/false); undefined when blank or refused. */
  yesNo(table: Table, row: SheetRow, field: string, required = false): boolean | undefined {
    const { cell, column } = this.cell(table, row, field);
    if (isBlank(cell)) {
      if (required && table.columns.has(field)) {
        this.add(table.sheet, row.number, column, field, 'cell_empty', T.empty());
      }
      return undefined;
    }
    if (cell?.kind === 'boolean') {
      return cell.value;
    }
    const word = cell?.kind === 'text' ? cell.value.trim().toLowerCase() : '';
    if (word === 'true' || word === 'false') {
      return word === 'true';
    }
    this.refuse(table, row, column, field, cell, 'yes_no', T.yesNo(String(displayValue(cell))));
    return undefined;
  }

  private refuse(
    table: Table,
    row: SheetRow,
    column: number,
    field: string,
    cell: RawCell | undefined,
    rule: string,
    message: LocalizedMessage,
  ): void {
    if (cell?.kind === 'error') {
      this.add(table.sheet, row.number, column, field, 'cell_error', T.cellError(cell.value));
    } else if (cell?.kind === 'formula_without_value') {
      this.add(table.sheet, row.number, column, field, 'formula_cell', T.formulaCell(cell.formula));
    } else {
      this.add(table.sheet, row.number, column, field, rule, message);
    }
  }
}

const present = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/**
 * The catalogue definition a workbook of `catalogueTables`' layout describes, checked in full:
 * first every cell (a sheet or column missing or unknown, an empty cell that needs a value, a
 * text where a number or TRUE/FALSE belongs), then the catalogue as `loadCatalogue` checks it,
 * each of its problems placed at the sheet, row and column it came from. Columns are found by
 * their header, in any order; the sheets `Choices` and `Rules` may be left out.
 *
 * @throws DomainError ValidationFailed with every problem (`CatalogueWorkbookProblem`)
 */
export function catalogueFromSheets(
  sheets: WorkbookSheets,
  target: CatalogueWorkbookTarget,
): CatalogueDefinition {
  const reader = new CatalogueWorkbookReader();
  const header = reader.table(
    sheets,
    CATALOGUE_SHEETS.catalogue,
    CATALOGUE_COLUMNS,
    CATALOGUE_COLUMNS,
    false,
  );
  const itemTable = reader.table(
    sheets,
    CATALOGUE_SHEETS.items,
    CATALOGUE_ITEM_COLUMNS,
    REQUIRED_ITEM_COLUMNS,
    false,
  );
  const choiceTable = reader.table(
    sheets,
    CATALOGUE_SHEETS.choices,
    CHOICE_COLUMNS,
    CHOICE_COLUMNS,
    true,
  );
  const ruleTable = reader.table(
    sheets,
    CATALOGUE_SHEETS.rules,
    RULE_COLUMNS,
    ['id', 'severity', 'expression', 'message_de', 'message_en'],
    true,
  );

  const fields = new Map<string, { value: string | undefined; row: SheetRow }>();
  for (const row of header?.rows ?? []) {
    if (!header) {
      break;
    }
    const field = reader.text(header, row, 'field');
    if (field === undefined) {
      continue;
    }
    const name = field.trim().toLowerCase();
    if (!(CATALOGUE_FIELDS as readonly string[]).includes(name)) {
      reader.add(
        header.sheet,
        row.number,
        header.columns.get('field') ?? 1,
        'field',
        'field_unknown',
        T.fieldUnknown(field, CATALOGUE_FIELDS),
      );
    } else if (name !== 'version') {
      fields.set(name, { value: reader.text(header, row, 'value'), row });
    }
  }
  const key = fields.get('key')?.value ?? '';
  if (target.key !== undefined && header && key !== target.key) {
    const row = fields.get('key')?.row;
    reader.add(
      header.sheet,
      row?.number ?? 1,
      header.columns.get('value') ?? 2,
      'key',
      'key_mismatch',
      T.keyMismatch(key, target.key),
    );
  }

  const itemRows: SheetRow[] = [];
  const items: KpiItemDefinition[] = [];
  for (const row of itemTable?.rows ?? []) {
    if (!itemTable) {
      break;
    }
    const t = (field: string, required = false) => reader.text(itemTable, row, field, required);
    const item: KpiItemDefinition = {
      key: t('key', true) ?? '',
      area: (t('area', true) ?? '') as KpiArea,
      type: (t('type', true) ?? '') as KpiType,
      unit: t('unit') ?? null,
      label: { de: t('label_de') ?? '', en: t('label_en') ?? '' },
      help: { de: t('help_de') ?? '', en: t('help_en') ?? '' },
      required: reader.yesNo(itemTable, row, 'required', true) ?? false,
      polarity: (t('polarity', true) ?? '') as Polarity,
      ...present('min', reader.number(itemTable, row, 'min')),
      ...present('max', reader.number(itemTable, row, 'max')),
      ...present('formula', t('formula')),
      ...present('benchmarked', reader.yesNo(itemTable, row, 'benchmarked')),
      ...present('weightKey', t('weight_key')),
    };
    itemRows.push(row);
    items.push(item);
  }
  if (itemTable && items.length === 0) {
    reader.add(itemTable.sheet, 2, 1, null, 'no_items', T.noItems());
  }

  const byKey = new Map(items.map((item) => [item.key, item]));
  const firstChoiceRow = new Map<string, SheetRow>();
  for (const row of choiceTable?.rows ?? []) {
    if (!choiceTable) {
      break;
    }
    const itemKey = reader.text(choiceTable, row, 'item_key', true);
    const choice: KpiChoice = {
      value: reader.text(choiceTable, row, 'value', true) ?? '',
      label: {
        de: reader.text(choiceTable, row, 'label_de') ?? '',
        en: reader.text(choiceTable, row, 'label_en') ?? '',
      },
    };
    if (itemKey === undefined) {
      continue;
    }
    const item = byKey.get(itemKey);
    if (!item) {
      reader.add(
        choiceTable.sheet,
        row.number,
        choiceTable.columns.get('item_key') ?? 1,
        'item_key',
        'choice_item_unknown',
        T.choiceItemUnknown(itemKey),
      );
      continue;
    }
    item.choices = [...(item.choices ?? []), choice];
    if (!firstChoiceRow.has(itemKey)) {
      firstChoiceRow.set(itemKey, row);
    }
  }

  const ruleRows: SheetRow[] = [];
  const rules: CrossFieldRuleDefinition[] = [];
  for (const row of ruleTable?.rows ?? []) {
    if (!ruleTable) {
      break;
    }
    const t = (field: string, required = false) => reader.text(ruleTable, row, field, required);
    const keys = t('keys');
    rules.push({
      id: t('id', true) ?? '',
      severity: (t('severity', true) ?? '') as RuleSeverity,
      expression: t('expression', true) ?? '',
      ...present(
        'keys',
        keys
          ?.split(',')
          .map((k) => k.trim())
          .filter((k) => k !== ''),
      ),
      message: { de: t('message_de') ?? '', en: t('message_en') ?? '' },
    });
    ruleRows.push(row);
  }

  const definition: CatalogueDefinition = {
    key,
    version: target.version,
    name: { de: fields.get('name_de')?.value ?? '', en: fields.get('name_en')?.value ?? '' },
    items,
    rules,
  };
  // The catalogue's own rules run on what the cells said only once every cell could be read:
  // a problem of a cell would otherwise show up twice, as itself and as its consequence.
  if (reader.problems.length === 0) {
    const { problems } = compileCatalogue(definition);
    const place = placeProblem(reader, {
      header,
      itemTable,
      ruleTable,
      itemRows,
      ruleRows,
      fields,
    });
    problems.forEach(place);
  }
  if (reader.problems.length > 0) {
    const [first] = reader.problems;
    throw new DomainError(
      DomainErrorCode.ValidationFailed,
      T.refused(reader.problems.length, first.message),
      reader.problems,
    );
  }
  return definition;
}

/** Places a problem of the catalogue's validator at the cell its value came from. */
function placeProblem(
  reader: CatalogueWorkbookReader,
  at: {
    header: Table | undefined;
    itemTable: Table | undefined;
    ruleTable: Table | undefined;
    itemRows: SheetRow[];
    ruleRows: SheetRow[];
    fields: Map<string, { row: SheetRow }>;
  },
): (problem: LocalizedProblem) => void {
  const itemRowOf = new Map<string, SheetRow>();
  at.itemRows.forEach((row) => {
    const cell = at.itemTable ? row.cells[at.itemTable.columns.get('key') ?? 1] : undefined;
    if (cell?.kind === 'text') {
      itemRowOf.set(cell.value, row);
    }
  });
  const ruleRowOf = new Map<string, SheetRow>();
  at.ruleRows.forEach((row) => {
    const cell = at.ruleTable ? row.cells[at.ruleTable.columns.get('id') ?? 1] : undefined;
    if (cell?.kind === 'text') {
      ruleRowOf.set(cell.value, row);
    }
  });
  const indexed = /^(items|rules)\[(\d+)\]$/;
  return (problem) => {
    const { key, rule, message } = problem;
    const byIndex = indexed.exec(key);
    if (key.startsWith('catalogue.') && at.header) {
      const field = key === 'catalogue.key' ? 'key' : 'name_de';
      const row = at.fields.get(field)?.row;
      reader.add(
        at.header.sheet,
        row?.number ?? 1,
        at.header.columns.get('value') ?? 2,
        field,
        rule,
        message,
      );
    } else if ((key.startsWith('rules.') || byIndex?.[1] === 'rules') && at.ruleTable) {
      const row = byIndex
        ? at.ruleRows[Number(byIndex[2])]
        : ruleRowOf.get(key.slice('rules.'.length));
      const field = RULE_COLUMN_OF_RULE[rule] ?? 'expression';
      reader.add(
        at.ruleTable.sheet,
        row?.number ?? 1,
        at.ruleTable.columns.get(field) ?? 1,
        field,
        rule,
        message,
      );
    } else if (at.itemTable) {
      const row = byIndex ? at.itemRows[Number(byIndex[2])] : itemRowOf.get(key);
      const field = ITEM_COLUMN_OF_RULE[rule] ?? 'key';
      const column = at.itemTable.columns.get(field) ?? at.itemTable.columns.get('key') ?? 1;
      reader.add(at.itemTable.sheet, row?.number ?? 1, column, field, rule, message);
    }
  };
}

/**
 * Every worksheet of an XLSX file, after `inspectXlsxZip` has checked its entries, inflated
 * size and cells against the limits, and each sheet's rows and columns.
 */
export async function readWorkbookSheets(
  buffer: Buffer,
  limits: SpreadsheetLimits,
  language: MessageLanguage,
): Promise<WorkbookSheets> {
  await inspectXlsxZip(buffer, limits, language);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch {
    throw new DomainError(DomainErrorCode.ValidationFailed, M.invalidXlsx(language), [
      { key: 'file', rule: 'invalid_xlsx', message: M.invalidXlsx(language) },
    ]);
  }
  const sheets = new Map<string, { name: string; rows: SheetRow[] }>();
  for (const worksheet of workbook.worksheets) {
    const { rows, widest } = sheetRowsOf(worksheet);
    assertTableSize(rows.length, widest, limits, language);
    sheets.set(worksheet.name.toLowerCase(), { name: worksheet.name, rows });
  }
  return sheets;
}

/** Reads an uploaded catalogue workbook (`readWorkbookSheets`, then `catalogueFromSheets`). */
export async function readCatalogueWorkbook(
  buffer: Buffer,
  limits: SpreadsheetLimits,
  language: MessageLanguage,
  target: CatalogueWorkbookTarget,
): Promise<CatalogueDefinition> {
  return catalogueFromSheets(await readWorkbookSheets(buffer, limits, language), target);
}
