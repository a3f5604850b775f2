import { DEMO_CATALOGUE, loadCatalogue } from '@app/domain';
import { readCycleImport } from './cycle-import-reader';
import type { RawCell, SheetTable } from './sheet-table';

const catalogue = loadCatalogue(DEMO_CATALOGUE);
const U1 = '11111111-1111-4111-8111-111111111111';
const U2 = '22222222-2222-4222-8222-222222222222';

function cell(value: string | number | boolean | null): RawCell | undefined {
  if (value === null) {
    return undefined;
  }
  if (typeof value === 'number') {
    return { kind: 'number', value };
  }
  if (typeof value === 'boolean') {
    return { kind: 'boolean', value };
  }
  return { kind: 'text', value };
}

function table(rows: (string | number | boolean | null)[][]): SheetTable {
  return {
    sheet: 'Import',
    format: 'xlsx',
    numbersAsText: false,
    decimalComma: false,
    rows: rows.map((values, i) => ({ number: i + 1, cells: [undefined, ...values.map(cell)] })),
  };
}

describe('readCycleImport', () => {
  it('reads one row per unit with the columns in any order', () => {
    const read = readCycleImport(
      table([
        ['agent_fte', 'unitId', 'measures_nps'],
        [12.5, U1.toUpperCase(), true],
        [null, U2, 'nein'],
      ]),
      catalogue,
      'en',
    );
    expect(read.problems).toEqual([]);
    expect(read.keys).toEqual(['agent_fte', 'measures_nps']);
    expect(read.rows.map((r) => [r.unitId, r.answers])).toEqual([
      [U1, { agent_fte: 12.5, measures_nps: true }],
      [U2, { agent_fte: null, measures_nps: false }],
    ]);
    expect(read.rows[1].cellOf('measures_nps')).toEqual({ ref: 'C3', value: 'nein' });
    // What the cells showed, not the answers read from them; no cell for a key without column.
    expect(
      ['measures_nps', 'agent_fte', 'no_such_kpi'].map((key) => read.rows[1].shownOf(key)),
    ).toEqual(['nein', null, undefined]);
    expect(read.rows[0].unitCell.ref).toBe('B2');
  });

  it('lists header, row and cell problems at their cells, all at once', () => {
    const read = readCycleImport(
      table([
        ['unitId', 'agent_fte', 'attrition_rate', 'no_such_kpi', 'agent_fte'],
        [U1, 'many', null, null, null],
        [null, 5, null, null, null],
        ['not-an-id', 5, null, null, null],
        [U1, 5, null, null, null, 'stray'],
      ]),
      catalogue,
      'de',
    );
    expect(read.problems.map((p) => `${p.cell} ${p.key} ${p.rule}`)).toEqual([
      'C1 attrition_rate derived_readonly',
      'D1 no_such_kpi unknown_column',
      'E1 agent_fte duplicate_column',
      'B2 agent_fte type_number',
      'A3 unitId unit_id_missing',
      'A4 unitId unknown_unit',
      'A5 unitId duplicate_unit',
      'F5  column_without_header',
    ]);
    expect(read.problems[2].message).toBe('Die Spalte „agent_fte“ gibt es schon in B1.');
    expect(read.problems[6].message).toBe('Diese Einheit steht schon in Zeile 2.');
  });

  it('demands a unitId column and some data', () => {
    expect(readCycleImport(table([['agent_fte'], [3]]), catalogue, 'en').problems).toEqual([
      expect.objectContaining({ cell: 'A1', rule: 'unit_column_missing' }),
    ]);
    expect(readCycleImport(table([['unitId']]), catalogue, 'en').problems).toEqual([
      expect.objectContaining({ rule: 'empty_file' }),
    ]);
    expect(readCycleImport(table([]), catalogue, 'en').problems).toEqual([
      expect.objectContaining({ rule: 'empty_file' }),
    ]);
  });
});
