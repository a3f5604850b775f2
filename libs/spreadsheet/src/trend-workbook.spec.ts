import {
  computeTrendData,
  DEFAULT_DISCLOSURE_POLICY,
  DEMO_CATALOGUE,
  loadCatalogue,
  type Industry,
  type TrendInput,
  type TrendUnit,
} from '@app/domain';
import ExcelJS from 'exceljs';
import {
  TREND_SHEET_NAMES,
  TREND_SHEETS,
  trendWorkbook,
  type TrendWorkbookInput,
} from './trend-workbook';

const catalogue = loadCatalogue(DEMO_CATALOGUE);

/** A unit whose FCR is 50 + its training days t (a perfect driver), in banking unless given. */
function createTrendUnit(
  id: string,
  t: number,
  nps: number | null,
  yes: boolean,
  industry: Industry = 'banking',
): TrendUnit {
  return {
    id,
    profile: { industry, sizeBand: 'M', country: 'DE' },
    values: {
      training_days_new: t,
      fcr_rate: 50 + t,
      nps,
      works_value_creating_contacts: yes,
    },
  };
}

/**
 * A1..A6 take part in both years, with 10, 12, .., 20 training days in 2023 and 2 more each in
 * 2024; B1..B5 (30..34 days, B5 in retail) join in 2024. Only A1..A4 give an NPS in 2023, so its
 * 2023 figures are withheld. "Yes" to value-creating contacts: A1 in 2023; A1, A2 and B1 in 2024.
 *
 * Hand-worked: training days 2023 sorted 10 12 14 16 18 20: P25 at position 1.25 = 12.5, median
 * 15, P75 17.5, mean 15; 2024 over all 11 units: median 22 (the 6th of 12 14 16 18 20 22 30 .. 34).
 * Panel A1..A6: median 15 -> 17, +2, +13.33 %; it differs from all participants by 0 units in
 * 2023 and by the 5 joiners in 2024, so it is released.
 */
function createTrendInput(): TrendInput {
  const npsOf2024 = [5, 40, -10, 25, 0, 35, 15, -5, 30, 10, 20];
  const a2023 = [10, 12, 14, 16, 18, 20].map((t, i) =>
    createTrendUnit(`A${i + 1}`, t, i < 4 ? [20, 30, 10, 40][i] : null, i === 0),
  );
  const a2024 = [12, 14, 16, 18, 20, 22].map((t, i) =>
    createTrendUnit(`A${i + 1}`, t, npsOf2024[i], i < 2),
  );
  const b2024 = [30, 31, 32, 33, 34].map((t, i) =>
    createTrendUnit(`B${i + 1}`, t, npsOf2024[6 + i], i === 0, i === 4 ? 'retail' : 'banking'),
  );
  return {
    cycles: [
      { year: 2023, units: a2023 },
      { year: 2024, units: [...a2024, ...b2024] },
    ],
    kpis: [
      { key: 'training_days_new', boolean: false, polarity: 'higher_is_better' },
      { key: 'fcr_rate', boolean: false, polarity: 'higher_is_better' },
      { key: 'nps', boolean: false, polarity: 'higher_is_better' },
      { key: 'works_value_creating_contacts', boolean: true, polarity: 'higher_is_better' },
    ],
    policy: DEFAULT_DISCLOSURE_POLICY,
  };
}

function createWorkbookInput(overrides: Partial<TrendWorkbookInput> = {}): TrendWorkbookInput {
  return {
    language: 'en',
    study: { name: 'Contact Center Benchmark DACH' },
    catalogue,
    policy: DEFAULT_DISCLOSURE_POLICY,
    trend: computeTrendData(createTrendInput()),
    ...overrides,
  };
}

async function load(input: TrendWorkbookInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await trendWorkbook(input)) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** A sheet's data rows as header -> cell, and its headers. */
function rowsOf(workbook: ExcelJS.Workbook, name: string) {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) {
    throw new Error(`no sheet ${name}`);
  }
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    headers[col - 1] = cell.text;
  });
  const rows: Array<Map<string, ExcelJS.Cell>> = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    rows.push(new Map(headers.map((header, i) => [header, row.getCell(i + 1)])));
  }
  return { sheet, headers, rows };
}

/** The one row whose cells under the given headers hold the given values. */
function findRow(
  rows: Array<Map<string, ExcelJS.Cell>>,
  match: Record<string, string | number>,
): Map<string, ExcelJS.Cell> {
  const found = rows.filter((row) =>
    Object.entries(match).every(([header, value]) => row.get(header)?.value === value),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

const valueIn = (row: Map<string, ExcelJS.Cell>, header: string) => row.get(header)?.value;

describe('trendWorkbook', () => {
  let english: ExcelJS.Workbook;
  beforeAll(async () => {
    english = await load(createWorkbookInput());
  });

  it.each([
    [
      'de',
      [
        'Teilnahme',
        'Kennzahlen',
        'Veränderungen',
        'Verbreitung',
        'Treiber',
        'Treiberpunkte',
        'Drift',
        'Methode',
      ],
      'Kennzahl',
    ],
    [
      'en',
      [
        'Participation',
        'KPIs',
        'Changes',
        'Adoption',
        'Drivers',
        'Driver points',
        'Drift',
        'Method',
      ],
      'KPI',
    ],
  ] as const)('names its sheets and headers in %s', async (language, names, kpiHeader) => {
    const workbook = await load(createWorkbookInput({ language }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(names);
    expect(TREND_SHEETS.map((id) => TREND_SHEET_NAMES[id][language])).toEqual(names);
    const { headers } = rowsOf(workbook, TREND_SHEET_NAMES.kpis[language]);
    expect(headers.slice(0, 4)).toEqual([
      language === 'de' ? 'Schlüssel' : 'Key',
      kpiHeader,
      language === 'de' ? 'Einheit' : 'Unit',
      language === 'de' ? 'Jahr' : 'Year',
    ]);
  });

  it('freezes a bold header row on every sheet and fits the column widths', () => {
    for (const sheet of english.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font?.bold).toBe(true);
      sheet.getRow(1).eachCell((cell, col) => {
        expect(sheet.getColumn(col).width).toBeGreaterThanOrEqual(cell.text.length);
        expect(sheet.getColumn(col).width).toBeLessThanOrEqual(70);
      });
    }
    // The label column fits "Basic training of new agents" (28 characters) and a little more.
    const kpis = english.getWorksheet('KPIs')!;
    expect(kpis.getColumn(2).width).toBe(32);
  });

  it('writes a cycle’s quartiles, median and mean as hand-worked number cells', () => {
    const { rows } = rowsOf(english, 'KPIs');
    const row = findRow(rows, { Key: 'training_days_new', Year: 2023 });
    expect(valueIn(row, 'KPI')).toBe('Basic training of new agents');
    expect(valueIn(row, 'Unit')).toBe('days');
    expect(['n', 'P25', 'Median', 'P75', 'Mean'].map((h) => valueIn(row, h))).toEqual([
      6, 12.5, 15, 17.5, 15,
    ]);
    expect(row.get('Median')?.type).toBe(ExcelJS.ValueType.Number);
    expect(row.get('Year')?.type).toBe(ExcelJS.ValueType.Number);
    expect(valueIn(row, 'Withheld')).toBeNull();
    expect(valueIn(findRow(rows, { Key: 'training_days_new', Year: 2024 }), 'Median')).toBe(22);
  });

  it('writes the change over all participants and over the balanced panel as hand-worked', () => {
    const { rows } = rowsOf(english, 'Changes');
    const row = findRow(rows, { Key: 'training_days_new', 'From year': 2023, 'To year': 2024 });
    // All participants: 15 -> 22 on the smaller n of the two years.
    expect(valueIn(row, 'All: n')).toBe(6);
    expect(valueIn(row, 'All: median change')).toBe(7);
    expect(valueIn(row, 'All: median change %')).toBeCloseTo(46.667, 3);
    // Panel A1..A6: 15 -> 17.
    expect(valueIn(row, 'Panel: n')).toBe(6);
    expect(valueIn(row, 'Panel: median from')).toBe(15);
    expect(valueIn(row, 'Panel: median to')).toBe(17);
    expect(valueIn(row, 'Panel: median change')).toBe(2);
    expect(valueIn(row, 'Panel: median change %')).toBeCloseTo(13.333, 3);
    expect(row.get('Panel: median change')?.type).toBe(ExcelJS.ValueType.Number);
    expect(valueIn(row, 'Withheld')).toBeNull();
  });

  it('leaves a withheld figure’s cells empty, its n included, and names the rule and reason', async () => {
    const kpis = rowsOf(english, 'KPIs').rows;
    const nps = findRow(kpis, { Key: 'nps', Year: 2023 });
    for (const header of ['n', 'P25', 'Median', 'P75', 'Mean']) {
      expect(valueIn(nps, header)).toBeNull();
    }
    expect(valueIn(nps, 'Withheld')).toBe('min_n: fewer than 5 peers');
    // The later year, with 11 units, is released.
    expect(valueIn(findRow(kpis, { Key: 'nps', Year: 2024 }), 'n')).toBe(11);

    const change = findRow(rowsOf(english, 'Changes').rows, { Key: 'nps' });
    for (const header of ['All: n', 'All: median change', 'Panel: n', 'Panel: median from']) {
      expect(valueIn(change, header)).toBeNull();
    }
    expect(valueIn(change, 'Withheld')).toBe(
      'All: min_n: fewer than 5 peers; Panel: min_n: fewer than 5 peers',
    );

    const drift = rowsOf(english, 'Drift');
    expect(drift.headers).toEqual(['Year', 'Median: Net Promoter Score (NPS)', 'Withheld']);
    const drift2023 = findRow(drift.rows, { Year: 2023 });
    expect(valueIn(drift2023, 'Median: Net Promoter Score (NPS)')).toBeNull();
    expect(valueIn(drift2023, 'Withheld')).toBe(
      'Net Promoter Score (NPS): min_n: fewer than 5 peers',
    );

    const german = await load(createWorkbookInput({ language: 'de' }));
    const npsDe = findRow(rowsOf(german, 'Kennzahlen').rows, { Schlüssel: 'nps', Jahr: 2023 });
    expect(valueIn(npsDe, 'Median')).toBeNull();
    expect(valueIn(npsDe, 'Zurückgehalten')).toBe('min_n: weniger als 5 Vergleichseinheiten');
  });

  it('writes participation in long format and withholds a category of one unit', () => {
    const { headers, rows } = rowsOf(english, 'Participation');
    expect(headers).toEqual(['Year', 'Dimension', 'Category', 'Units', 'Withheld']);
    expect(valueIn(findRow(rows, { Year: 2024, Dimension: 'Total' }), 'Units')).toBe(11);
    expect(
      valueIn(findRow(rows, { Year: 2023, Dimension: 'Industry', Category: 'banking' }), 'Units'),
    ).toBe(6);
    const retail = findRow(rows, { Year: 2024, Dimension: 'Industry', Category: 'retail' });
    expect(valueIn(retail, 'Units')).toBeNull();
    expect(valueIn(retail, 'Withheld')).toBe('min_n: fewer than 5 peers');
    // With retail withheld, banking's 10 would be the total less 1: withheld as well.
    const banking = findRow(rows, { Year: 2024, Dimension: 'Industry', Category: 'banking' });
    expect(valueIn(banking, 'Units')).toBeNull();
    expect(valueIn(banking, 'Withheld')).toEqual(expect.stringMatching(/^differencing: /));
    expect(valueIn(findRow(rows, { Year: 2024, Dimension: 'Size band' }), 'Units')).toBe(11);
  });

  it('writes each yes/no item’s share per cycle with the change from the cycle before', () => {
    const { rows } = rowsOf(english, 'Adoption');
    const first = findRow(rows, { Key: 'works_value_creating_contacts', Year: 2023 });
    expect(valueIn(first, 'Share yes %')).toBeCloseTo(100 / 6, 9);
    expect(valueIn(first, 'Compared with')).toBeNull();
    expect(valueIn(first, 'Withheld')).toBeNull();
    const second = findRow(rows, { Key: 'works_value_creating_contacts', Year: 2024 });
    expect(valueIn(second, 'n')).toBe(11);
    expect(valueIn(second, 'Share yes %')).toBeCloseTo(300 / 11, 9);
    expect(valueIn(second, 'Compared with')).toBe(2023);
    expect(valueIn(second, 'Change (points)')).toBeCloseTo(300 / 11 - 100 / 6, 9);
    // Panel A1..A6: 1 of 6 -> 2 of 6.
    expect(valueIn(second, 'Panel: n')).toBe(6);
    expect(valueIn(second, 'Panel: share then %')).toBeCloseTo(100 / 6, 9);
    expect(valueIn(second, 'Panel: share now %')).toBeCloseTo(200 / 6, 9);
    expect(valueIn(second, 'Panel: change (points)')).toBeCloseTo(100 / 6, 9);
  });

  it('lists the drivers and their points, which carry no unit identity', () => {
    const drivers = rowsOf(english, 'Drivers').rows;
    const pair = findRow(drivers, { 'x: key': 'training_days_new', 'y: key': 'fcr_rate' });
    expect(valueIn(pair, 'y: KPI')).toBe('First-contact resolution (FCR)');
    expect(valueIn(pair, 'n')).toBe(11);
    expect(valueIn(pair, 'rho (Spearman)')).toBe(1);
    expect(valueIn(pair, 'p-value')).toEqual(expect.any(Number));
    const number = valueIn(pair, 'Pair');

    const points = rowsOf(english, 'Driver points');
    expect(points.headers).toEqual(['Pair', 'x', 'y']);
    const own = points.rows.filter((row) => valueIn(row, 'Pair') === number);
    expect(own.map((row) => [valueIn(row, 'x'), valueIn(row, 'y')])).toEqual(
      [12, 14, 16, 18, 20, 22, 30, 31, 32, 33, 34].map((t) => [t, 50 + t]),
    );
  });

  it('states the policy in force and escapes a study name a spreadsheet would run', async () => {
    const workbook = await load(createWorkbookInput({ study: { name: '=HYPERLINK("x")' } }));
    const method = workbook.getWorksheet('Method')!;
    const entries = new Map<string, ExcelJS.CellValue>();
    method.eachRow((row) => entries.set(row.getCell(1).text, row.getCell(2).value));
    expect(entries.get('Study')).toBe(`'=HYPERLINK("x")`);
    expect(method.getCell('B2').type).toBe(ExcelJS.ValueType.String);
    expect(entries.get('Cycles')).toBe('2023, 2024');
    expect(entries.get('Minimum number of units per figure (min_n)')).toBe(5);
    expect(entries.get('Quantile method')).toEqual(expect.stringMatching(/^linear: /));
    expect(entries.get('Rule min_n')).toBe('fewer than 5 peers');
    expect(entries.get('Withheld')).toEqual(expect.stringContaining('empty cell'));
  });
});
