import {
  answerBounds,
  formatNumber,
  type Answers,
  type Catalogue,
  type KpiItemDefinition,
  type MessageLanguage,
} from '@app/domain';
import ExcelJS from 'exceljs';
import { YES_NO_LABELS } from './cell-coercion';
import { escapeFormulaText } from './formula-escape.util';

/** The name of a template's answer sheet, per language; a reader accepts either. */
export const TEMPLATE_SHEET_NAMES: Readonly<Record<MessageLanguage, string>> = {
  de: 'Antworten',
  en: 'Answers',
};

/** The columns of a template in order, with their header per language. */
export const TEMPLATE_COLUMNS = [
  { id: 'key', de: 'Schlüssel', en: 'Key', width: 30 },
  { id: 'label', de: 'Frage', en: 'Question', width: 50 },
  { id: 'value', de: 'Wert', en: 'Value', width: 18 },
  { id: 'unit', de: 'Einheit', en: 'Unit', width: 12 },
  { id: 'allowed', de: 'Zulässige Werte', en: 'Allowed values', width: 34 },
  { id: 'help', de: 'Hilfe', en: 'Help', width: 90 },
] as const;

type ColumnId = (typeof TEMPLATE_COLUMNS)[number]['id'];

/** The 1-based column of a template column. */
export const templateColumn = (id: ColumnId): number =>
  TEMPLATE_COLUMNS.findIndex((c) => c.id === id) + 1;

/** What a template is made from. */
export interface SubmissionTemplateInput {
  catalogue: Catalogue;
  /** The current draft's answers, written into the value cells. */
  answers: Answers;
  language: MessageLanguage;
  /** The workbook's title, e.g. the study, year and unit. */
  title: string;
}

const T = {
  keyNote: {
    de: 'Nicht ändern: Der Upload ordnet jeden Wert über diesen Schlüssel zu.',
    en: 'Do not change: the upload matches each value by this key.',
  },
  valueNote: {
    de: 'Tragen Sie Ihre Werte in diese Spalte ein. Eine leere Zelle löscht die Antwort. Formeln sind erlaubt, wenn die Datei mit berechneten Ergebnissen gespeichert wird.',
    en: 'Enter your values in this column. An empty cell clears the answer. Formulas are fine as long as the file is saved with their results.',
  },
  errorTitle: { de: 'Ungültiger Wert', en: 'Invalid value' },
  wholeNumber: { de: 'Ganze Zahl', en: 'Whole number' },
  number: { de: 'Zahl', en: 'Number' },
  required: { de: 'Pflichtangabe zum Einreichen', en: 'required for submitting' },
} as const;

const KEY_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE7E6E6' },
};
const VALUE_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFFFF2CC' },
};

const isNumeric = (item: KpiItemDefinition): boolean =>
  item.type === 'number' ||
  item.type === 'integer' ||
  item.type === 'percent' ||
  item.type === 'currency';

/** The allowed values of an item as a person reads them, e.g. "Whole number from 0 to 60,000". */
export function allowedValuesText(item: KpiItemDefinition, language: MessageLanguage): string {
  let text: string;
  if (item.type === 'boolean') {
    text = YES_NO_LABELS[language].join(' / ');
  } else if (item.type === 'choice') {
    text = (item.choices ?? []).map((c) => c.label[language]).join(' / ');
  } else {
    const kind = item.type === 'integer' ? T.wholeNumber[language] : T.number[language];
    const { min, max } = answerBounds(item);
    const f = (n: number): string => formatNumber(n, language);
    if (min !== undefined && max !== undefined) {
      text =
        language === 'de'
          ? `${kind} von ${f(min)} bis ${f(max)}`
          : `${kind} from ${f(min)} to ${f(max)}`;
    } else if (min !== undefined) {
      text = language === 'de' ? `${kind} ab ${f(min)}` : `${kind} of at least ${f(min)}`;
    } else if (max !== undefined) {
      text = language === 'de' ? `${kind} bis ${f(max)}` : `${kind} up to ${f(max)}`;
    } else {
      text = kind;
    }
  }
  return item.required ? `${text}; ${T.required[language]}` : text;
}

/** An inline list validation holds at most 255 characters and no separators inside a value. */
function inlineList(values: string[]): string | undefined {
  const joined = values.join(',');
  const safe = values.every((v) => !/[",]/.test(v)) && joined.length <= 250;
  return safe ? `"${joined}"` : undefined;
}

function validationFor(
  item: KpiItemDefinition,
  language: MessageLanguage,
): ExcelJS.DataValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: T.errorTitle[language],
    error: allowedValuesText(item, language),
  } as const;
  if (item.type === 'boolean' || item.type === 'choice') {
    const labels =
      item.type === 'boolean'
        ? [...YES_NO_LABELS[language]]
        : (item.choices ?? []).map((c) => c.label[language]);
    const list = inlineList(labels);
    return list ? { ...common, type: 'list', formulae: [list] } : undefined;
  }
  if (!isNumeric(item)) {
    return undefined;
  }
  const type = item.type === 'integer' ? 'whole' : 'decimal';
  const { min, max } = answerBounds(item);
  if (min !== undefined && max !== undefined) {
    return { ...common, type, operator: 'between', formulae: [min, max] };
  }
  if (min !== undefined) {
    return { ...common, type, operator: 'greaterThanOrEqual', formulae: [min] };
  }
  if (max !== undefined) {
    return { ...common, type, operator: 'lessThanOrEqual', formulae: [max] };
  }
  return undefined;
}

/** A stored answer as the template shows it: yes/no and choices by their label. */
function templateValue(
  item: KpiItemDefinition,
  answer: Answers[string],
  language: MessageLanguage,
): ExcelJS.CellValue {
  if (answer === null || answer === undefined) {
    return null;
  }
  if (item.type === 'boolean' && typeof answer === 'boolean') {
    return YES_NO_LABELS[language][answer ? 0 : 1];
  }
  if (item.type === 'choice') {
    const choice = (item.choices ?? []).find((c) => c.value === answer);
    return choice ? escapeFormulaText(choice.label[language]) : escapeFormulaText(String(answer));
  }
  return typeof answer === 'string' ? escapeFormulaText(answer) : answer;
}

/**
 * Writes the XLSX template of a unit's submission: one row per input item of the catalogue
 * (key, question, value, unit, allowed values, help) in the chosen language, the current
 * answers filled in, each value cell with a data validation of the item's type and bounds
 * (a list of Yes/No or the choices). The sheet is protected without a password, so that a
 * slip changes only value cells; the key column is shaded and noted as the one the upload
 * reads.
 */
export async function writeSubmissionTemplate(input: SubmissionTemplateInput): Promise<Buffer> {
  const { catalogue, answers, language } = input;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Benchmark Cockpit';
  workbook.title = input.title;
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET_NAMES[language], {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
  });
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ key: c.id, width: c.width }));
  const header = sheet.getRow(1);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    header.getCell(i + 1).value = c[language];
  });
  header.font = { bold: true };
  header.getCell(templateColumn('key')).note = T.keyNote[language];
  header.getCell(templateColumn('value')).note = T.valueNote[language];

  catalogue.inputs().forEach((item, index) => {
    const row = sheet.getRow(index + 2);
    row.getCell(templateColumn('key')).value = item.key;
    row.getCell(templateColumn('label')).value = escapeFormulaText(item.label[language]);
    row.getCell(templateColumn('unit')).value = item.unit ? escapeFormulaText(item.unit) : null;
    row.getCell(templateColumn('allowed')).value = escapeFormulaText(
      allowedValuesText(item, language),
    );
    row.getCell(templateColumn('help')).value = escapeFormulaText(item.help[language]);
    const key = row.getCell(templateColumn('key'));
    key.fill = KEY_FILL;
    key.font = { color: { argb: 'FF595959' } };
    const value = row.getCell(templateColumn('value'));
    value.value = templateValue(item, answers[item.key], language);
    value.fill = VALUE_FILL;
    value.protection = { locked: false };
    const validation = validationFor(item, language);
    if (validation) {
      value.dataValidation = validation;
    }
    row.alignment = { vertical: 'top' };
    row.getCell(templateColumn('help')).alignment = { vertical: 'top', wrapText: true };
    row.getCell(templateColumn('label')).alignment = { vertical: 'top', wrapText: true };
  });

  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
