import {
  CatalogueDefinition,
  DEMO_CATALOGUE,
  DomainError,
  DomainErrorCode,
  loadCatalogue,
} from '@app/domain';
import { catalogueFromSheets, readWorkbookSheets, WorkbookSheets } from './catalogue-workbook';
import { catalogueTables, writeCatalogueWorkbook } from './catalogue-workbook-writer';
import type { RawCell, SheetRow } from './sheet-table';
import { DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';

const small: CatalogueDefinition = {
  key: 'mini',
  version: 3,
  name: { de: 'Mini', en: 'Mini' },
  items: [
    {
      key: 'fte',
      area: 'employees',
      type: 'number',
      unit: 'FTE',
      label: { de: 'Agenten-FTE', en: 'Agent FTE' },
      help: { de: '', en: '' },
      min: 0,
      required: true,
      polarity: 'neutral',
    },
    {
      key: 'sourcing',
      area: 'strategy',
      type: 'choice',
      unit: null,
      label: { de: 'Sourcing', en: 'Sourcing' },
      help: { de: 'Wer?', en: 'Who?' },
      required: false,
      polarity: 'neutral',
      choices: [
        { value: 'in_house', label: { de: 'Intern', en: 'In-house' } },
        { value: 'outsourced', label: { de: 'Extern', en: 'Outsourced' } },
      ],
    },
    {
      key: 'fte_share',
      area: 'employees',
      type: 'percent',
      unit: '%',
      label: { de: '-Anteil', en: '-Share' },
      help: { de: '', en: '' },
      required: false,
      polarity: 'higher_is_better',
      formula: 'fte / 10 * 100',
      benchmarked: false,
    },
  ],
  rules: [
    {
      id: 'fte_cap',
      severity: 'warning',
      expression: 'fte <= 5000',
      keys: ['fte'],
      message: { de: 'Viele FTE', en: 'Many FTE' },
    },
  ],
};

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

const text = (value: string): RawCell => ({ kind: 'text', value });
const num = (value: number): RawCell => ({ kind: 'number', value });
const bool = (value: boolean): RawCell => ({ kind: 'boolean', value });

/** A sheet's rows from arrays, row 1 first; `undefined` leaves a cell empty. */
function rows(...cells: (RawCell | undefined)[][]): SheetRow[] {
  return cells.map((row, index) => ({ number: index + 1, cells: [undefined, ...row] }));
}

function sheets(items: SheetRow[]): WorkbookSheets {
  return new Map([
    [
      'catalogue',
      {
        name: 'Catalogue',
        rows: rows(
          [text('field'), text('value')],
          [text('key'), text('mini')],
          [text('name_de'), text('Mini')],
          [text('name_en'), text('Mini')],
        ),
      },
    ],
    ['items', { name: 'Items', rows: items }],
  ]);
}

const itemHeader = [
  'key',
  'area',
  'type',
  'unit',
  'label_de',
  'label_en',
  'required',
  'polarity',
  'min',
  'formula',
].map(text);

describe('catalogue workbook', () => {
  it('writes the catalogue as four sheets, one row per item, choice and rule', () => {
    const [header, items, choices, rules] = catalogueTables(small);
    expect(header.rows).toEqual([
      ['key', 'mini'],
      ['version', 3],
      ['name_de', 'Mini'],
      ['name_en', 'Mini'],
    ]);
    expect(items.rows[0]).toEqual([
      'fte',
      'employees',
      'number',
      'FTE',
      'Agenten-FTE',
      'Agent FTE',
      '',
      '',
      0,
      undefined,
      true,
      'neutral',
      undefined,
      undefined,
      undefined,
    ]);
    expect(choices.rows).toEqual([
      ['sourcing', 'in_house', 'Intern', 'In-house'],
      ['sourcing', 'outsourced', 'Extern', 'Outsourced'],
    ]);
    expect(rules.rows).toEqual([
      ['fte_cap', 'warning', 'fte <= 5000', 'fte', 'Viele FTE', 'Many FTE'],
    ]);
  });

  it.each([
    ['a small catalogue with choices, a formula and labels starting with "-"', small],
    ['the demo catalogue', DEMO_CATALOGUE],
  ])('reads back %s item by item', async (_, definition) => {
    const file = await writeCatalogueWorkbook(definition);
    const read = catalogueFromSheets(
      await readWorkbookSheets(file, DEFAULT_SPREADSHEET_LIMITS, 'en'),
      { version: definition.version },
    );
    expect(read.items).toHaveLength(definition.items.length);
    read.items.forEach((item, index) => expect(item).toEqual(definition.items[index]));
    expect(read.rules).toEqual(definition.rules);
    expect(loadCatalogue(read).hash).toBe(loadCatalogue(definition).hash);
  });

  it('names sheet, row, column and rule of each bad cell, in both languages', () => {
    const error = refusal(() =>
      catalogueFromSheets(
        sheets(
          rows(
            itemHeader,
            [
              text('fte'),
              text('employees'),
              text('number'),
              undefined,
              text('FTE'),
              text('FTE'),
              bool(true),
              text('neutral'),
              text('zero'),
            ],
            [
              text('aht'),
              text('productivity'),
              text('number'),
              text('s'),
              text('AHT'),
              text('AHT'),
              undefined,
              text('neutral'),
            ],
          ),
        ),
        { version: 1 },
      ),
    );
    expect(error.code).toBe(DomainErrorCode.ValidationFailed);
    expect(error.problemsIn('en')).toEqual([
      {
        key: 'min',
        rule: 'number',
        message: "Sheet 'Items', row 2, column I (min): the cell needs a number but holds 'zero'",
        sheet: 'Items',
        row: 2,
        column: 'I',
        cell: 'I2',
      },
      {
        key: 'required',
        rule: 'cell_empty',
        message: "Sheet 'Items', row 3, column G (required): the cell is empty but needs a value",
        sheet: 'Items',
        row: 3,
        column: 'G',
        cell: 'G3',
      },
    ]);
    expect(error.problemsIn('de')[0].message).toBe(
      "Blatt 'Items', Zeile 2, Spalte I (min): die Zelle braucht eine Zahl, enthält aber 'zero'",
    );
    expect(error.messageIn('en')).toMatch(
      /^The workbook was not taken over and nothing was stored: 2 problems/,
    );
  });

  it("places the catalogue's own problems (an unknown key in a formula) at their cell", () => {
    const error = refusal(() =>
      catalogueFromSheets(
        sheets(
          rows(
            itemHeader,
            [
              text('fte'),
              text('employees'),
              text('number'),
              undefined,
              text('FTE'),
              text('FTE'),
              bool(false),
              text('neutral'),
              num(0),
            ],
            [
              text('per_fte'),
              text('employees'),
              text('number'),
              undefined,
              text('P'),
              text('P'),
              bool(false),
              text('neutral'),
              undefined,
              text('fte / headcount'),
            ],
          ),
        ),
        { version: 1 },
      ),
    );
    expect(error.problemsIn('en')).toEqual([
      expect.objectContaining({
        rule: 'formula_unknown_key',
        cell: 'J3',
        message:
          "Sheet 'Items', row 3, column J (formula): formula references unknown key 'headcount'",
      }),
    ]);
  });

  it('refuses a missing sheet and column, an unknown column and a key other than the draft', () => {
    const noPolarity = itemHeader.filter((c) => c.kind === 'text' && c.value !== 'polarity');
    const workbook = sheets(rows([...noPolarity, text('colour')], [text('fte')]));
    const error = refusal(() => catalogueFromSheets(workbook, { version: 2, key: 'other' }));
    expect(error.problemsIn('en').map((p) => [p.rule, p.message])).toEqual([
      [
        'column_unknown',
        "Sheet 'Items', row 1, column J: 'colour' is not a column of this sheet; the columns are key, area, type, unit, label_de, label_en, help_de, help_en, min, max, required, polarity, formula, benchmarked, weight_key",
      ],
      [
        'column_missing',
        "Sheet 'Items', row 1, column A (polarity): the header row needs a column 'polarity'",
      ],
      [
        'key_mismatch',
        "Sheet 'Catalogue', row 2, column B (key): the key is 'mini', but the version it replaces belongs to catalogue 'other'",
      ],
      ['cell_empty', "Sheet 'Items', row 2, column B (area): the cell is empty but needs a value"],
      ['cell_empty', "Sheet 'Items', row 2, column C (type): the cell is empty but needs a value"],
      [
        'cell_empty',
        "Sheet 'Items', row 2, column G (required): the cell is empty but needs a value",
      ],
    ]);
    const noItems = new Map(sheets([]));
    noItems.delete('items');
    expect(refusal(() => catalogueFromSheets(noItems, { version: 1 })).problemsIn('de')[0]).toEqual(
      expect.objectContaining({
        rule: 'sheet_missing',
        message: "Blatt 'Items', Zeile 1, Spalte A: die Arbeitsmappe braucht ein Blatt 'Items'",
      }),
    );
  });
});
