import type { CatalogueDefinition } from '@app/domain';
import { type ExportTable, type TableValue, writeXlsxSheets } from './table-writer';

/*
 * The layout of a catalogue workbook and its writer; `catalogue-workbook.ts` reads the same
 * layout back.
 */

/** The sheets of a catalogue workbook, in the order they are written. */
export const CATALOGUE_SHEETS = {
  catalogue: 'Catalogue',
  items: 'Items',
  choices: 'Choices',
  rules: 'Rules',
} as const;

/** The rows of the sheet `Catalogue` (field, value); `version` is shown, never read. */
export const CATALOGUE_FIELDS = ['key', 'version', 'name_de', 'name_en'] as const;
export const CATALOGUE_COLUMNS = ['field', 'value'] as const;

export const CATALOGUE_ITEM_COLUMNS = [
  'key',
  'area',
  'type',
  'unit',
  'label_de',
  'label_en',
  'help_de',
  'help_en',
  'min',
  'max',
  'required',
  'polarity',
  'formula',
  'benchmarked',
  'weight_key',
] as const;
export const REQUIRED_ITEM_COLUMNS = [
  'key',
  'area',
  'type',
  'label_de',
  'label_en',
  'required',
  'polarity',
];

export const CHOICE_COLUMNS = ['item_key', 'value', 'label_de', 'label_en'] as const;
export const RULE_COLUMNS = [
  'id',
  'severity',
  'expression',
  'keys',
  'message_de',
  'message_en',
] as const;

/** The column of the sheet `Items` where a problem of the catalogue's validator belongs. */
export const ITEM_COLUMN_OF_RULE: Readonly<
  Record<string, (typeof CATALOGUE_ITEM_COLUMNS)[number]>
> = {
  key_syntax: 'key',
  key_duplicate: 'key',
  area: 'area',
  type: 'type',
  unit: 'unit',
  label_missing: 'label_de',
  help_missing: 'help_de',
  bounds: 'min',
  required: 'required',
  derived_required: 'required',
  polarity: 'polarity',
  formula_syntax: 'formula',
  formula_unknown_key: 'formula',
  formula_type: 'formula',
  formula_cycle: 'formula',
  benchmarked: 'benchmarked',
  weight: 'weight_key',
  choices: 'type',
};

export const RULE_COLUMN_OF_RULE: Readonly<Record<string, (typeof RULE_COLUMNS)[number]>> = {
  rule_id: 'id',
  rule_severity: 'severity',
  label_missing: 'message_de',
  rule_keys: 'keys',
  rule_unknown_key: 'keys',
};

/** The catalogue as the four tables of its workbook. */
export function catalogueTables(definition: CatalogueDefinition): ExportTable[] {
  const choices: TableValue[][] = [];
  for (const item of definition.items) {
    for (const choice of item.choices ?? []) {
      choices.push([item.key, choice.value, choice.label.de, choice.label.en]);
    }
  }
  return [
    {
      sheet: CATALOGUE_SHEETS.catalogue,
      columns: CATALOGUE_COLUMNS,
      rows: [
        ['key', definition.key],
        ['version', definition.version],
        ['name_de', definition.name.de],
        ['name_en', definition.name.en],
      ],
    },
    {
      sheet: CATALOGUE_SHEETS.items,
      columns: CATALOGUE_ITEM_COLUMNS,
      rows: definition.items.map((item) => [
        item.key,
        item.area,
        item.type,
        item.unit,
        item.label.de,
        item.label.en,
        item.help.de,
        item.help.en,
        item.min,
        item.max,
        item.required,
        item.polarity,
        item.formula,
        item.benchmarked,
        item.weightKey,
      ]),
    },
    { sheet: CATALOGUE_SHEETS.choices, columns: CHOICE_COLUMNS, rows: choices },
    {
      sheet: CATALOGUE_SHEETS.rules,
      columns: RULE_COLUMNS,
      rows: definition.rules.map((rule) => [
        rule.id,
        rule.severity,
        rule.expression,
        rule.keys?.join(', '),
        rule.message.de,
        rule.message.en,
      ]),
    },
  ];
}

/** The catalogue as an XLSX workbook that `readCatalogueWorkbook` reads back to the same. */
export function writeCatalogueWorkbook(definition: CatalogueDefinition): Promise<Buffer> {
  return writeXlsxSheets(catalogueTables(definition));
}
