import { computeTrendData, DEFAULT_DISCLOSURE_POLICY, type TrendInput } from '@app/domain';
import ExcelJS from 'exceljs';
import {
  COUNT_HEADERS,
  createClusterTrendInput,
  createGeneratedTrendInput,
  createWorkbookInput,
  findRow,
  load,
  rowsOf,
  valueIn,
} from './trend-workbook.test-util';

describe('trendWorkbook', () => {
  let english: ExcelJS.Workbook;
  beforeAll(async () => {
    english = await load(createWorkbookInput());
  });

  it('lists the drivers and bins their scatter as the chart does, a cell of one unit without a count', () => {
    const drivers = rowsOf(english, 'Drivers').rows;
    const pair = findRow(drivers, { 'x: key': 'training_days_new', 'y: key': 'fcr_rate' });
    expect(valueIn(pair, 'y: KPI')).toBe('First-contact resolution (FCR)');
    expect(valueIn(pair, 'n')).toBe(11);
    expect(valueIn(pair, 'rho (Spearman)')).toBe(1);
    expect(valueIn(pair, 'p-value')).toEqual(expect.any(Number));
    const number = valueIn(pair, 'Pair');

    const cells = rowsOf(english, 'Driver cells');
    expect(cells.headers).toEqual([
      'Pair',
      'x: from',
      'x: to',
      'y: from',
      'y: to',
      'Units: from',
      'Units: to',
      'Withheld',
    ]);
    const own = cells.rows.filter((row) => valueIn(row, 'Pair') === number);
    // Hand-worked: training days 12..34 (2024) span 22, a quarter 5.5, so the step is 10 and the
    // x axis 10..40, a column 30 / 24 = 1.25 wide; FCR 62..84 likewise gives 60..90, a row
    // 30 / 16 = 1.875 high. Each unit falls in a cell of its own (12 days: column 1.6 → 1, FCR
    // 62: row 1.07 → 1; 31 and 32 days share row 11 but not a column): eleven cells of one unit.
    const cell = (column: number, row: number) => [
      10 + 1.25 * column,
      10 + 1.25 * (column + 1),
      60 + 1.875 * row,
      60 + 1.875 * (row + 1),
    ];
    expect(
      own.map((row) => ['x: from', 'x: to', 'y: from', 'y: to'].map((h) => valueIn(row, h))),
    ).toEqual([
      cell(1, 1),
      cell(3, 2),
      cell(4, 3),
      cell(6, 4),
      cell(8, 5),
      cell(9, 6),
      cell(16, 10),
      cell(16, 11),
      cell(17, 11),
      cell(18, 12),
      cell(19, 12),
    ]);
    for (const row of own) {
      expect(valueIn(row, 'Units: from')).toBeNull();
      expect(valueIn(row, 'Units: to')).toBeNull();
      expect(valueIn(row, 'Withheld')).toBe('min_n: fewer than 5 peers');
    }
  });

  it('classes each cell’s count as the chart does, from hand-made clusters of 30, 12, 6 and 2 units', async () => {
    const workbook = await load(
      createWorkbookInput({ trend: computeTrendData(createClusterTrendInput()) }),
    );
    expect(rowsOf(workbook, 'Drivers').rows).toHaveLength(1);
    // Hand-worked: t 12..42.01 spans 30.01, a quarter 7.5, so the step is 10 and the x axis
    // 10..50, a column 40 / 24 = 1.667 wide: the clusters lie in columns 1.2, 7.2, 13.2 and 19.2
    // → 1, 7, 13, 19. FCR 62..92.01 gives 60..100, a row 2.5 high: rows 0.8, 4.8, 8.8, 12.8
    // → 0, 4, 8, 12. Classes of minN 5: 25 or more, 10–24, 5–9 and fewer than 5.
    const rows = rowsOf(workbook, 'Driver cells').rows.map((row) =>
      ['x: from', 'x: to', 'y: from', 'y: to', 'Units: from', 'Units: to', 'Withheld'].map(
        (header) => valueIn(row, header),
      ),
    );
    const x = (column: number) => Number((10 + (40 * column) / 24).toPrecision(12));
    expect(rows).toEqual([
      [x(1), x(2), 60, 62.5, 25, null, null],
      [x(7), x(8), 70, 72.5, 10, 24, null],
      [x(13), x(14), 80, 82.5, 5, 9, null],
      [x(19), x(20), 90, 92.5, null, null, 'min_n: fewer than 5 peers'],
    ]);
    expect(x(1)).toBeCloseTo(11.6667, 4);
  });

  describe('of 600 generated units', () => {
    let input: TrendInput;
    let generated: ExcelJS.Workbook;
    beforeAll(async () => {
      input = createGeneratedTrendInput();
      generated = await load(createWorkbookInput({ trend: computeTrendData(input) }));
    });

    it('holds no row per unit in any sheet, and at most one row per cell of the grid per pair', () => {
      const latest = input.cycles[1].units.length;
      for (const sheet of generated.worksheets) {
        expect(sheet.rowCount - 1).toBeLessThan(latest / 2);
      }
      const pairs = rowsOf(generated, 'Drivers').rows;
      expect(pairs).toHaveLength(3);
      const cells = rowsOf(generated, 'Driver cells').rows;
      for (const pair of pairs) {
        const own = cells.filter((row) => valueIn(row, 'Pair') === valueIn(pair, 'Pair'));
        expect(own.length).toBeGreaterThan(0);
        expect(own.length).toBeLessThanOrEqual(24 * 16);
        expect(own.length).toBeLessThan(valueIn(pair, 'n') as number);
      }
    });

    it('shows no value of a generated unit in the driver cells', () => {
      const values = new Set(
        input.cycles.flatMap((cycle) =>
          cycle.units.flatMap((unit) => Object.values(unit.values) as number[]),
        ),
      );
      const shown = rowsOf(generated, 'Driver cells').rows.flatMap((row) =>
        [...row.values()].map((cell) => cell.value),
      );
      expect(shown.filter((value) => typeof value === 'number').length).toBeGreaterThan(100);
      expect(shown.filter((value) => values.has(value as number))).toEqual([]);
    });

    it('shows no count under min_n in any sheet, nor one the total less the shown counts gives', () => {
      const minN = DEFAULT_DISCLOSURE_POLICY.minN;
      let counts = 0;
      for (const sheet of generated.worksheets) {
        for (const row of rowsOf(generated, sheet.name).rows) {
          for (const [header, cell] of row) {
            if (COUNT_HEADERS.has(header) && typeof cell.value === 'number') {
              counts++;
              expect([sheet.name, header, cell.value >= minN]).toEqual([sheet.name, header, true]);
            }
          }
        }
      }
      expect(counts).toBeGreaterThan(50);
      // Participation: per year and dimension, the units not shown in a category, counted here
      // from the input, are none or at least minN.
      const participation = rowsOf(generated, 'Participation').rows;
      for (const cycle of input.cycles) {
        for (const dimension of ['Industry', 'Size band', 'Country']) {
          const shown = participation
            .filter((row) => valueIn(row, 'Year') === cycle.year)
            .filter((row) => valueIn(row, 'Dimension') === dimension)
            .reduce((sum, row) => sum + ((valueIn(row, 'Units') as number | null) ?? 0), 0);
          const rest = cycle.units.length - shown;
          expect([cycle.year, dimension, rest === 0 || rest >= minN]).toEqual([
            cycle.year,
            dimension,
            true,
          ]);
        }
      }
      // Each unit is its own company's. Retail (2 companies) and utilities (1) do not stand
      // alone, nor do they together (3): as in the snapshot they are folded into the smaller
      // industry that does, banking (the even units 4..598, 298 of them, fewer than insurance's
      // odd 3..599, 299): one band of 301, named in the industries' order.
      const industry = participation.filter(
        (row) => valueIn(row, 'Year') === 2024 && valueIn(row, 'Dimension') === 'Industry',
      );
      expect(industry.map((row) => [valueIn(row, 'Category'), valueIn(row, 'Units')])).toEqual([
        ['utilities, banking, retail', 301],
        ['insurance', 299],
      ]);
    });
  });
});
