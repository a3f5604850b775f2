import { DEMO_CATALOGUE, loadCatalogue } from '@app/domain';
import { readCycleImport } from './cycle-import-reader';
import { sortByCell } from './located-problems';
import type { RawCell, SheetTable } from './sheet-table';
import {
  packCycleImport,
  packSheetTable,
  unpackCycleImport,
  unpackSheetTable,
} from './spreadsheet-parse-task';

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

describe('packCycleImport and unpackCycleImport', () => {
  const catalogue = loadCatalogue(DEMO_CATALOGUE);
  const U1 = '11111111-1111-4111-8111-111111111111';
  const U2 = '22222222-2222-4222-8222-222222222222';
  const cell = (value: string | number | boolean | null): RawCell | undefined =>
    value === null
      ? undefined
      : typeof value === 'number'
        ? { kind: 'number', value }
        : typeof value === 'boolean'
          ? { kind: 'boolean', value }
          : { kind: 'text', value };
  const sheet: SheetTable = {
    sheet: 'Import',
    format: 'xlsx',
    numbersAsText: false,
    decimalComma: false,
    rows: [
      ['measures_nps', 'unitId', 'no_such_kpi', 'agent_fte'],
      [true, U1.toUpperCase(), null, 12.5],
      ['nein', U2, 'x', 'many'],
      ['vielleicht', 'not-an-id', null, null],
    ].map((values, i) => ({ number: i + 1, cells: [undefined, ...values.map(cell)] })),
  };
  const read = readCycleImport(sheet, catalogue, 'de');

  it('gives back each row as readCycleImport read it: unit, answers (none for a bad cell) and cells', () => {
    // structuredClone: what the way back from a parser thread does to it.
    const back = unpackCycleImport(structuredClone(packCycleImport(read, 1000)));

    expect(back.keys).toEqual(['measures_nps', 'agent_fte']);
    expect(back.keyColumns).toEqual(read.keyColumns);
    const rowOf = (row: (typeof read.rows)[number]): unknown[] => [
      row.row,
      row.unitId,
      row.unitCell,
      row.answers,
      ['measures_nps', 'agent_fte', 'unitId', 'no_such_kpi'].map((key) => row.cellOf(key)),
      ['measures_nps', 'agent_fte', 'unitId', 'no_such_kpi'].map((key) => row.shownOf(key)),
    ];
    expect(back.rows.map(rowOf)).toEqual(read.rows.map(rowOf));
    expect(back.rows[1].answers).toEqual({ measures_nps: false });
    expect(back.rows[1].cellOf('agent_fte')).toEqual({ ref: 'D3', value: 'many' });
    expect(back.rows[1].shownOf('measures_nps')).toBe('nein');
    expect(back.problems).toEqual(sortByCell(read.problems));
    expect(back.problemCount).toBe(read.problems.length);
  });

  it('lists only the first problems in cell order, and counts them all', () => {
    expect(read.problems.length).toBeGreaterThan(2);
    const back = unpackCycleImport(packCycleImport(read, 2));
    expect(back.problems).toEqual(sortByCell(read.problems).slice(0, 2));
    expect(back.problemCount).toBe(read.problems.length);
  });
});
