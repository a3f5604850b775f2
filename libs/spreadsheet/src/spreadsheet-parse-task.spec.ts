import type { SheetTable } from './sheet-table';
import { packSheetTable, unpackSheetTable } from './spreadsheet-parse-task';

describe('packSheetTable and unpackSheetTable', () => {
  const table: SheetTable = {
    sheet: 'Import',
    format: 'xlsx',
    numbersAsText: false,
    decimalComma: false,
    rows: [
      {
        number: 1,
        cells: [undefined, { kind: 'text', value: 'unitId' }, { kind: 'text', value: 'fte' }],
      },
      {
        number: 3,
        cells: [
          undefined,
          { kind: 'text', value: 'u1' },
          undefined,
          { kind: 'number', value: -2.5 },
          { kind: 'boolean', value: true },
          { kind: 'boolean', value: false },
          { kind: 'date', value: new Date('2026-03-01T00:00:00Z') },
          { kind: 'error', value: '#DIV/0!' },
          { kind: 'formula_without_value', formula: 'SUM(A1:A2)' },
          { kind: 'empty' },
        ],
      },
    ],
  };

  it('gives back every kind of cell in its column, gaps included, and the row numbers', () => {
    expect(unpackSheetTable(packSheetTable(table))).toEqual(table);
  });

  it('holds the ten cells of two rows in flat arrays, and the texts, the error and the formula in one list', () => {
    const packed = packSheetTable(table);
    expect(Array.from(packed.rowStarts)).toEqual([0, 2, 10]);
    expect(Array.from(packed.rowNumbers)).toEqual([1, 3]);
    expect(Array.from(packed.columns)).toEqual([1, 2, 1, 3, 4, 5, 6, 7, 8, 9]);
    expect(packed.texts).toEqual(['unitId', 'fte', 'u1', '#DIV/0!', 'SUM(A1:A2)']);
  });
});
